import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuForecast
import TarazuReport

/// Approved and realized over the book's years (region and function filters apply, the year filter
/// does not), nominal and, when the book has a deflator, in prices of its latest year; and forecasts of
/// the filtered totals (TarazuForecast: method, the three years after the book's last, 80 % and 95 %
/// intervals), each forecast year marked when it is already over or current in the Jalali year `madeIn`.
/// The approved budget of a year already over is not forecast: the council passed it then.
public enum TrendsModel {
    /// One chart: history and forecasts of one series.
    public struct Chart: Hashable, Sendable {
        public var id: String
        public var title: Bilingual
        public var history: [YearValue]
        public var forecasts: [ForecastPoint]
        /// The method the forecasts were made with (none without forecasts).
        public var method: ForecastMethod?
    }

    public static func view(book: BudgetBook, filters: DashboardFilters, base: String, madeIn: Int?) throws -> DashboardView {
        let lines = filters.lines(of: book, allYears: true)
        let byYear = try LineTotals.grouping(lines, by: \.year)
        let years = byYear.keys.sorted()
        let prices = ConstantPrices(book: book)
        func real(_ rials: Int64?, _ year: Int) -> Int64? { rials.flatMap { prices.real($0, year: year) } }
        let baseFa = prices.baseYear.map { " " + PersianText.persianDigits(String($0)) } ?? ""
        let baseEn = prices.baseYear.map { " of \($0)" } ?? ""
        let totals = DashboardTable(
            id: "totals_by_year", caption: Bilingual(fa: "جمع مصوب و عملکرد در هر سال", en: "Approved and realized in each year"),
            columns: [DashboardTable.year()] + SpendingColumns.columns
                + [DashboardTable.rials("approved_real", "مصوب به قیمت ثابت" + baseFa, "Approved, constant prices" + baseEn),
                   DashboardTable.rials("realized_real", "عملکرد به قیمت ثابت" + baseFa, "Realized, constant prices" + baseEn)],
            rows: years.map { year in
                let sums = byYear[year]!
                return DashboardTable.Row(cells: [.year(year)] + SpendingColumns.cells(sums)
                                          + [.rials(real(sums.approved.rials, year)), .rials(real(sums.realizedIfReported?.rials, year))])
            })
        let byFunction = try LineTotals.grouping(lines) { FunctionYear(year: $0.year, function: $0.function) }
        let functionTable = DashboardTable(
            id: "functions_by_year", caption: Bilingual(fa: "مصوب و عملکرد هر مأموریت در هر سال", en: "Approved and realized by function and year"),
            columns: [DashboardTable.year(), DashboardTable.code("function"),
                      DashboardTable.names("name", "مأموریت", "Function")] + SpendingColumns.columns,
            rows: byFunction.keys.sorted { ($0.year, $0.function) < ($1.year, $1.function) }.map { key in
                let name = FunctionDrillDown.functionName(key.function, in: book)
                return DashboardTable.Row(cells: [.year(key.year), .text(key.function), .names(fa: name.fa, en: name.en)]
                                          + SpendingColumns.cells(byFunction[key]!))
            })
        var charts: [Chart] = []
        var forecastRows: [DashboardTable.Row] = []
        var elapsed = Set<Int>()
        var passed = Set<Int>()
        for measure in [SeriesKey.Measure.approved, .realized] {
            let points = years.compactMap { year -> YearValue? in
                let sums = byYear[year]!
                let value = measure == .approved ? sums.approved.rials : sums.realizedIfReported?.rials
                return value.map { YearValue(year: year, value: $0) }
            }
            guard !points.isEmpty else { continue }
            let key = SeriesKey(side: .expenditure, dimension: .total, member: "total", measure: measure, basis: .nominal)
            var result = CostSeries(key: key, points: points).forecast(options: Forecaster.Options(horizon: 3))
            if measure == .approved {
                // The council has passed the budget of the current year and of every year before it.
                let over = ForecastYearStatus.passedBudgetYears(result.forecasts.map(\.year), madeIn: madeIn)
                passed.formUnion(over)
                result.forecasts.removeAll { over.contains($0.year) }
            }
            let fa = measure == .approved ? "مصوب" : "عملکرد"
            let en = measure == .approved ? "Approved" : "Realized"
            let method = Bilingual(fa: ForecastMethodText.shortName(result.method, .fa), en: ForecastMethodText.shortName(result.method, .en))
            let title = result.forecasts.isEmpty ? Bilingual(fa: "\(fa): سال‌های گذشته", en: "\(en): past years")
                : Bilingual(fa: "\(fa): سال‌های گذشته و پیش‌بینی به روش \(method.fa)", en: "\(en): past years and forecast (\(method.en) method)")
            charts.append(Chart(id: "trend-\(measure.rawValue)", title: title, history: points, forecasts: result.forecasts,
                                method: result.forecasts.isEmpty ? nil : result.method))
            for point in result.forecasts {
                let status = ForecastYearStatus(year: point.year, madeIn: madeIn)
                if status == .elapsed { elapsed.insert(point.year) }
                forecastRows.append(DashboardTable.Row(cells: [.code(measure.rawValue, fa: fa, en: en.lowercased()),
                                                               .code(result.method.rawValue, fa: method.fa, en: method.en), .year(point.year),
                                                               .code(status.rawValue, fa: status.label(.fa) ?? "سال آینده",
                                                                     en: status.label(.en) ?? "year ahead"),
                                                               .rials(point.value), .rials(point.lo80), .rials(point.hi80),
                                                               .rials(point.lo95), .rials(point.hi95)]))
            }
        }
        let forecasts = DashboardTable(
            id: "forecasts", caption: Bilingual(fa: "پیش‌بینی سال‌های پس از آخرین سال کتاب (بازه‌های ۸۰٪ و ۹۵٪)",
                                                en: "Forecast of the years after the book's last (80% and 95% intervals)"),
            columns: [DashboardTable.text("measure", "سنجه", "Measure"), DashboardTable.text("method", "روش", "Method"),
                      DashboardTable.year(), DashboardTable.text("year_status", "وضعیت سال", "Year"),
                      DashboardTable.rials("forecast", "پیش‌بینی", "Forecast"),
                      DashboardTable.rials("lo80", "کران پایین ۸۰٪", "Low 80%"), DashboardTable.rials("hi80", "کران بالای ۸۰٪", "High 80%"),
                      DashboardTable.rials("lo95", "کران پایین ۹۵٪", "Low 95%"), DashboardTable.rials("hi95", "کران بالای ۹۵٪", "High 95%")],
            rows: forecastRows)
        var view = DashboardView(title: Bilingual(fa: "روندها و پیش‌بینی", en: "Trends and forecasts"),
                                 crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                          DashboardView.Crumb(fa: "روندها", en: "Trends", path: nil)],
                                 notes: [Bilingual(fa: "همهٔ سال‌های کتاب (فیلتر سال اعمال نمی‌شود). قیمت ثابت: با شاخص قیمت کتاب به قیمت آخرین سالِ کتاب که شاخص دارد؛ پیش‌بینی‌ها تقریبی‌اند.",
                                                   en: "All years of the book (the year filter does not apply). Constant prices: the book's deflator, in prices of the book's latest year that has an index; forecasts are approximate.")],
                                 tables: [totals, functionTable, forecasts])
        if !elapsed.isEmpty {
            let years = elapsed.sorted()
            view.notes.append(Bilingual(
                fa: ForecastYearStatus.elapsedNote(years.map { PersianText.persianDigits(String($0)) }.joined(separator: "، "), .fa),
                en: ForecastYearStatus.elapsedNote(years.map(String.init).joined(separator: ", "), .en)))
        }
        if !passed.isEmpty {
            let years = passed.sorted()
            view.notes.append(Bilingual(
                fa: "بودجهٔ مصوب \(years.map { "سال " + PersianText.persianDigits(String($0)) }.joined(separator: " و ")) پیش‌بینی نمی‌شود: شورا \(years.count > 1 ? "آن‌ها" : "آن") را پیش‌تر تصویب کرده است، هرچند در کتاب نیامده است. پیش‌بینی سال‌های بعد ادامهٔ روند تا آخرین سال کتاب است و \(years.count > 1 ? "این بودجه‌ها" : "این بودجه") در آن به کار نرفته است.",
                en: "The approved budget of \(years.map(String.init).joined(separator: " and ")) is not forecast: the council has passed it already, though the book does not hold it. Later years continue the trend up to the book's last year, without those budgets."))
        }
        view.charts = charts
        return view
    }

    public struct FunctionYear: Hashable {
        public var year: Int
        public var function: String
    }
}
