import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuForecast
import TarazuReport

/// `tarazu forecast`: cost trends and forecasts of a book's expenditure and revenue series.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Cost trends (CAGR, direction, breaks) and 1-3 year forecasts with backtest errors and intervals.",
        discussion: """
        Series are yearly sums of a book's budget lines (by total, function, region, economic class) and revenue \
        lines (by total, revenue class), approved and realized, nominal and real (deflated to the latest year's \
        prices). Each series is forecast by naive, drift, Holt or damped Holt, chosen per series by a \
        rolling-origin backtest whose MAPE, sMAPE and MASE are printed beside the forecast; intervals are 80 % and \
        95 %. Money is whole rials. With --series FILE.json, forecasts raw series instead (see docs/forecast.md).
        """)

    @Argument(help: "A budget book or a store (not needed with --series).")
    var path: String?

    @Option(help: "Years to forecast, 1 to 3.")
    var horizon: Int = 3

    @Option(help: "Series dimension: total, function, region, economic_class, revenue_class or all.")
    var dimension: String = "all"

    @Option(help: "Measure: approved, realized or all.")
    var measure: String = "all"

    @Option(help: "Basis: nominal, real or all.")
    var basis: String = "all"

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    @Option(help: "The language of the text output: fa or en (JSON is the same in both).")
    var lang: ReportLanguage = .en

    @Option(help: "The book in the store (needed when the store holds several).")
    var book: String?

    @Option(help: "Forecast the series of this JSON file instead of a book ({\"key\", \"years\", \"values\"} or {\"series\": [...]}).")
    var series: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    func validate() throws {
        guard (1...3).contains(horizon) else { throw ValidationError("--horizon must be 1, 2 or 3") }
        guard path != nil || series != nil else { throw ValidationError("give a book PATH or --series FILE") }
        let dimensions = SeriesKey.Dimension.allCases.map(\.rawValue) + ["all"]
        guard dimensions.contains(dimension) else { throw ValidationError("--dimension must be one of \(dimensions.joined(separator: ", "))") }
        guard ["approved", "realized", "all"].contains(measure) else { throw ValidationError("--measure must be approved, realized or all") }
        guard ["nominal", "real", "all"].contains(basis) else { throw ValidationError("--basis must be nominal, real or all") }
    }

    func run() async throws {
        if let series {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: series)) } catch { throw BadInput(["\(series): cannot read the file"]) }
            do {
                print(String(decoding: try ForecastJSON.run(input: data), as: UTF8.self), terminator: "")
            } catch {
                throw BadInput(["\(series): \(error)"])
            }
            return
        }
        let book = try await Analysis.loadBook(path: path!, bookName: self.book)
        let selected: [CostSeries]
        do {
            selected = try CostSeries.build(book: book).filter { trend in
                (dimension == "all" || trend.key.dimension.rawValue == dimension)
                    && (measure == "all" || trend.key.measure.rawValue == measure)
                    && (basis == "all" || trend.key.basis.rawValue == basis)
            }
        } catch {
            throw BadInput(["\(path!): \(error)"])
        }
        let forecasts = ForecastRun.all(selected, horizon: horizon)
        switch format {
        case .json: print(try ForecastOutput.json(book: book, trends: selected, forecasts: forecasts, horizon: horizon))
        case .text:
            let madeIn = Numerals.jalaliYear(of: Date())
            print(lang == .fa ? ForecastOutput.persianText(book: book, trends: selected, forecasts: forecasts, madeIn: madeIn)
                              : ForecastOutput.text(book: book, trends: selected, forecasts: forecasts, madeIn: madeIn))
        }
    }
}

/// Forecasts many series on every core: each series is independent.
enum ForecastRun {
    static func all(_ series: [CostSeries], horizon: Int) -> [ForecastResult] {
        ConcurrentMap.indices(series.count) { series[$0].forecast(options: Forecaster.Options(horizon: horizon)) }
    }
}

/// Renders trends and forecasts.
enum ForecastOutput {
    private struct Document: Encodable {
        var book: String
        var contentHash: String
        var horizon: Int
        var trends: [CostSeries]
        var forecasts: [ForecastResult]

        enum CodingKeys: String, CodingKey {
            case book, horizon, trends, forecasts
            case contentHash = "content_hash"
        }
    }

    static func json(book: BudgetBook, trends: [CostSeries], forecasts: [ForecastResult], horizon: Int) throws -> String {
        try JSONOutput.text(Document(book: book.metadata.name, contentHash: book.contentHash, horizon: horizon, trends: trends, forecasts: forecasts))
    }

    /// For people: each forecast year marked when it is already over or current in the Jalali year `madeIn`,
    /// and an approved budget forecast only for years the council has not passed yet (as on the report and
    /// the dashboard); JSON keeps every year.
    /// ``text(book:trends:forecasts:madeIn:)`` for a Persian reader: one paragraph per series, named
    /// from the book (function, region, economic or revenue class), with the same years left out.
    static func persianText(book: BudgetBook, trends: [CostSeries], forecasts: [ForecastResult], madeIn: Int?) -> String {
        let figures = FigureText(language: .fa)
        let numerals = figures.numerals
        let names = BreakdownText(book: book, language: .fa)
        var lines = ["\(book.metadata.title(.fa)): روند و پیش‌بینی (ارقام به میلیارد ریال)"]
        var passed = Set<Int>()
        for (trend, forecast) in zip(trends, forecasts) {
            let key = trend.key
            let side = key.side == .expenditure ? "مصارف" : "منابع (درآمدها و استقراض)"
            let member = key.dimension == .total ? "جمع \(side)" : "\(side)، \(names.label(key.member))"
            let measure = key.measure == .approved ? "مصوب" : "عملکرد"
            let prices = key.basis == .real ? "قیمت ثابت" + (trend.baseYear.map { " سال \(numerals.year($0))" } ?? "") : "قیمت جاری"
            var shown = forecast.forecasts
            if key.measure == .approved {
                let over = ForecastYearStatus.passedBudgetYears(shown.map(\.year), madeIn: madeIn)
                passed.formUnion(over)
                shown.removeAll { over.contains($0.year) }
            }
            let direction = switch trend.direction {
            case .rising: "صعودی"
            case .falling: "نزولی"
            case .flat: "تقریباً ثابت"
            case .undetermined: "نامعین"
            }
            var parts = ["روند \(direction)"]
            if let cagr = trend.cagr { parts.append("رشد مرکب سالانه \(figures.signedPercent(Decimal(cagr)))") }
            parts.append("روش \(ForecastMethodText.shortName(forecast.method, .fa))")
            if let mase = forecast.backtest?.mase, mase.isFinite {
                parts.append("میانگین قدر مطلق خطای مقیاس‌شده " + (mase < 0.005 ? "کمتر از ۰٫۰۱" : numerals.fixed(Decimal(mase), places: 2)))
            }
            let points = shown.map { point in
                let status = ForecastYearStatus(year: point.year, madeIn: madeIn).label(.fa).map { " (\($0))" } ?? ""
                let interval = point.lo80.flatMap { low in point.hi80.map { "، بازهٔ ۸۰٪: \(numerals.billions(low)) تا \(numerals.billions($0))" } } ?? ""
                return "\(numerals.year(point.year))\(status): \(numerals.billions(point.value))\(interval)"
            }
            lines += ["", "\(member)، \(measure)، \(prices): " + parts.joined(separator: "؛ "),
                      points.isEmpty ? "  پیش‌بینی: ندارد" : "  پیش‌بینی: " + points.joined(separator: "؛ ")]
        }
        lines += ["", "روش‌ها: ساده (تکرار آخرین رقم)، رانش (آخرین رقم به‌علاوهٔ میانگین تغییر سالانه)، هولت و هولت میراشونده (هموارسازی نمایی با روند). "
                  + "میانگین قدر مطلق خطای مقیاس‌شده خطای روش در آزمون گذشته‌نگر است نسبت به تکرار رقم سال پیش: کمتر از ۱ یعنی دقیق‌تر از آن، ۱ یا بیشتر یعنی نه."]
        if !passed.isEmpty {
            let years = passed.sorted().map { numerals.year($0) }
            let listed = years.count < 2 ? years.joined() : years.dropLast().joined(separator: "، ") + " و " + (years.last ?? "")
            lines += ["", "بودجهٔ مصوب \(years.count == 1 ? "سال" : "سال‌های") \(listed) پیش‌بینی نشده است: "
                + "شورا آن را پیش‌تر تصویب کرده است، هرچند در کتاب نیست (خروجی JSON پیش‌بینی آماری را نگه می‌دارد)."]
        }
        return lines.joined(separator: "\n")
    }

    static func text(book: BudgetBook, trends: [CostSeries], forecasts: [ForecastResult], madeIn: Int?) -> String {
        var lines = ["\(book.metadata.title): trends and forecasts (billion rials)", ""]
        var passed = Set<Int>()
        let header = ["series", "CAGR", "direction", "method", "MASE", "forecasts (value, 80 % interval)"]
        lines.append(header.joined(separator: " | "))
        for (trend, forecast) in zip(trends, forecasts) {
            let numerals = Numerals(language: .en)
            let cagr = trend.cagr.map { (($0 >= 0 ? "+" : "") + numerals.percent(Decimal($0))) } ?? "-"
            let mase = forecast.backtest?.mase.map { numerals.fixed(Decimal($0), places: 2) } ?? "-"
            var shown = forecast.forecasts
            if trend.key.measure == .approved {
                let over = ForecastYearStatus.passedBudgetYears(shown.map(\.year), madeIn: madeIn)
                passed.formUnion(over)
                shown.removeAll { over.contains($0.year) }
            }
            let points = shown.map { point in
                let interval = point.lo80.flatMap { lo in point.hi80.map { " (\(numerals.billions(lo)) to \(numerals.billions($0)))" } } ?? ""
                let status = ForecastYearStatus(year: point.year, madeIn: madeIn).label(.en).map { " [\($0)]" } ?? ""
                return "\(point.year)\(status): \(numerals.billions(point.value))\(interval)"
            }.joined(separator: "; ")
            lines.append([trend.key.description, cagr, trend.direction.rawValue, forecast.method.rawValue, mase, points.isEmpty ? "-" : points]
                .joined(separator: " | "))
        }
        if !passed.isEmpty {
            lines += ["", "Approved budgets of \(passed.sorted().map(String.init).joined(separator: ", ")) are not forecast: "
                + "the council has passed them already, though the book does not hold them (JSON keeps the statistical forecast)."]
        }
        return lines.joined(separator: "\n")
    }
}
