import Foundation
import TarazuCore

/// data_quality.completeness, .consistency, .granularity, .timeliness and .likely_errors, computed
/// from the book itself (data_quality.integration is declared: see `DeclaredIndicators`).
enum DataQualityIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        [completeness(context), try consistency(context), try granularity(context), timeliness(context), try likelyErrors(context)]
    }

    /// The mean of the available component ratios, with the components as the breakdown.
    private static func meanOfComponents(_ components: [String: Decimal?], scale: Int) -> (IndicatorValue, [String: IndicatorValue]) {
        let available = components.compactMap(\.value)
        let value: IndicatorValue = available.isEmpty ? .unavailable
            : .decimal(Arithmetic.round(available.reduce(0, +) / Decimal(available.count), scale))
        let breakdown = components.mapValues { $0.map { IndicatorValue.decimal(Arithmetic.round($0, scale)) } ?? .unavailable }
        return (value, breakdown)
    }

    private static func share(_ part: Int, of whole: Int) -> Decimal? {
        whole == 0 ? nil : Decimal(part) / Decimal(whole)
    }

    private static func completeness(_ context: AnalysisContext) -> Indicator {
        let lines = context.lines
        let regions = context.book.regions.filter { $0.code != Region.centralCode }
        let deflatorYears = Set(context.book.deflator.map(\.year))
        let saleRegions = Set(context.revenues.filter { $0.revenueClass == .capitalAssetSales && ($0.realized ?? .zero) > .zero }
            .compactMap(\.regionCode).filter { $0 != Region.centralCode })
        let authorized = Set(context.book.authorizations.filter { $0.year == context.year }.map(\.regionCode))
        let components: [String: Decimal?] = [
            // A year with an approved budget only is not incomplete for lacking execution: its execution is not due yet.
            "budget_lines_realized": context.yearHasRealized ? share(lines.filter { $0.realized != nil }.count, of: lines.count) : nil,
            "revenues_realized": context.yearHasRealized ? share(context.revenues.filter { $0.realized != nil }.count, of: context.revenues.count) : nil,
            "regions_population": share(regions.filter { $0.population > 0 }.count, of: regions.count),
            "deflator": share([context.year - 1, context.year].filter(deflatorYears.contains).count, of: 2),
            "authorizations": share(saleRegions.intersection(authorized).count, of: saleRegions.count),
        ]
        var (value, breakdown) = meanOfComponents(components, scale: context.options.scale)
        breakdown["budget_lines_revised"] = share(lines.filter { $0.revised != nil }.count, of: lines.count)
            .map { .decimal(Arithmetic.round($0, context.options.scale)) } ?? .unavailable
        return Indicator(
            id: "data_quality.completeness", nameFa: "کامل بودن داده‌ها", nameEn: "Data completeness",
            formula: Bilingual(
                fa: "میانگین سهم‌های زیر، هر کدام که در دسترس باشد: ردیف‌های هزینهٔ سال که عملکرد دارند، ردیف‌های درآمدی که عملکرد دارند، مناطقی که جمعیتشان ثبت شده است، "
                    + "شاخص قیمت سال تحلیل و سال پیش از آن، و مناطقِ واگذارکنندهٔ دارایی‌های سرمایه‌ای که مجوز شورا دارند؛ سهم ردیف‌های دارای اصلاحیه نشان داده می‌شود ولی در میانگین نمی‌آید",
                en: "mean of the available shares: budget lines of the year with a realized amount, revenue lines with a realized amount, regions with a population, "
                    + "deflator points for t-1 and t, regions selling capital assets that have a council authorization; budget_lines_revised is shown, not averaged"),
            unit: "ratio", value: value, breakdown: breakdown,
            evidence: [Evidence(table: "budget_lines", key: "\(context.year)", rows: [], rowCount: lines.count,
                                sums: ["with_realized": .count(lines.filter { $0.realized != nil }.count)]),
                       Evidence(table: "revenues", key: "\(context.year)", rows: [], rowCount: context.revenues.count,
                                sums: ["with_realized": .count(context.revenues.filter { $0.realized != nil }.count)])])
    }

    /// Approved sources equal approved uses (within 0.5 %) in every year with revenues; amounts are not
    /// negative; project references and region codes resolve.
    private static func consistency(_ context: AnalysisContext) throws -> Indicator {
        let book = context.book
        let tolerance = Decimal(string: "0.005")!
        var checks: [String: IndicatorValue] = [:]
        var evidence: [Evidence] = []
        for year in book.years {
            guard let revenues = context.revenuesByYear[year], !revenues.isEmpty else { continue }
            let sources = try Arithmetic.sum(revenues, \.approved)
            let uses = try Arithmetic.sum(context.linesByYear[year] ?? [], \.approved)
            let gap = try sources.subtracting(uses)
            let relative = uses == .zero ? nil : abs(gap.decimal) / uses.decimal
            let passed = relative.map { $0 <= tolerance } ?? (gap == .zero)
            checks["sources_equal_uses_\(year)"] = .record(["passed": .flag(passed), "gap": .rials(gap.rials)])
            evidence.append(Evidence(table: "revenues+budget_lines", key: "\(year)", rows: [], rowCount: revenues.count,
                                     sums: ["sources": .rials(sources.rials), "uses": .rials(uses.rials)]))
        }
        var negative: [String] = []
        for line in book.budgetLines where line.approved < .zero || (line.realized ?? .zero) < .zero { negative.append(line.lineId) }
        for line in book.revenues where line.approved < .zero || (line.realized ?? .zero) < .zero { negative.append(line.lineId) }
        checks["amounts_not_negative"] = .record(["passed": .flag(negative.isEmpty), "rows": .count(negative.count)])
        let projectIds = Set(book.projects.map(\.projectId))
        var dangling: [String] = []
        for line in book.budgetLines where line.projectId.map({ !projectIds.contains($0) }) ?? false { dangling.append(line.lineId) }
        checks["project_references"] = .record(["passed": .flag(dangling.isEmpty), "rows": .count(dangling.count)])
        if !book.regions.isEmpty {
            let codes = Set(book.regions.map(\.code)).union([Region.centralCode])
            var unknown: [String] = []
            for line in book.budgetLines where !codes.contains(line.regionCode) { unknown.append(line.lineId) }
            checks["region_codes"] = .record(["passed": .flag(unknown.isEmpty), "rows": .count(unknown.count)])
        }
        if !book.entities.isEmpty {
            // In a book with entities, a transfer's two sides must agree (every year of the book).
            let mismatches = try TransferReconciliation.mismatches(in: book)
            checks["transfers_agree"] = .record(["passed": .flag(mismatches.isEmpty), "rows": .count(mismatches.count)])
        }
        let within = FormulaText.percent(tolerance)
        let passed = checks.values.filter { if case .record(let fields) = $0, case .flag(true)? = fields["passed"] { true } else { false } }.count
        evidence.append(Evidence(table: "budget_lines", key: "failing_rows", rows: Arithmetic.smallest(negative + dangling, limit: context.options.evidenceRowLimit),
                                 rowCount: negative.count + dangling.count, sums: [:]))
        return Indicator(
            id: "data_quality.consistency", nameFa: "سازگاری داده‌ها", nameEn: "Data consistency",
            formula: Bilingual(
                fa: "سهم آزمون‌هایی که برقرارند از میان این آزمون‌ها: برابری منابع و مصارف مصوب (با رواداری \(within.fa)) در هر سالی که درآمد دارد، نبودِ مبلغ منفی، "
                    + "یافت‌شدن هر پروژه‌ای که ردیفی به آن ارجاع می‌دهد، شناخته‌بودن کد منطقهٔ هر ردیف، و در کتابی با دستگاه‌ها برابری دو سوی هر انتقال میان دستگاه‌ها در همهٔ سال‌ها",
                en: "share of checks passed: approved sources = approved uses (within \(within.en)) for every year with revenues, no negative amounts, "
                    + "every project reference resolves, every region code is known, and in a book with entities both sides of every transfer agree in every year"),
            unit: "ratio", value: share(passed, of: checks.count).map { .decimal(Arithmetic.round($0, context.options.scale)) } ?? .unavailable,
            breakdown: checks, evidence: evidence)
    }

    private static func granularity(_ context: AnalysisContext) throws -> Indicator {
        let lines = context.lines
        let regionsUsed = Set(lines.map(\.regionCode)).subtracting([Region.centralCode])
        let capital = lines.filter { $0.economicClass == .capital }
        let capitalTotal = try Arithmetic.sum(capital, \.approved)
        let linked = try Arithmetic.sum(capital.filter { $0.projectId != nil }, \.approved)
        let sales = context.revenues.filter { $0.revenueClass == .capitalAssetSales }
        let salesTotal = try Arithmetic.sum(sales, \.approved)
        let salesByRegion = try Arithmetic.sum(sales.filter { ($0.regionCode ?? Region.centralCode) != Region.centralCode }, \.approved)
        let components: [String: Decimal?] = [
            "by_region": regionsUsed.count >= 2 ? 1 : 0,
            "by_function": Set(lines.map(\.function)).count >= 2 ? 1 : 0,
            "by_economic_class": Set(lines.map(\.economicClass)).count >= 2 ? 1 : 0,
            "capital_linked_to_projects": capitalTotal == .zero ? nil : linked.decimal / capitalTotal.decimal,
            "asset_sales_by_region": salesTotal == .zero ? nil : salesByRegion.decimal / salesTotal.decimal,
        ]
        let (value, breakdown) = meanOfComponents(components, scale: context.options.scale)
        return Indicator(
            id: "data_quality.granularity", nameFa: "جزئیات و تفکیک داده‌ها", nameEn: "Data granularity",
            formula: Bilingual(
                fa: "میانگین اجزای زیر، هر کدام که در دسترس باشد: تفکیک به منطقه (دو منطقه یا بیشتر: ۱، وگرنه ۰)، تفکیک به مأموریت و تفکیک به طبقهٔ اقتصادی (به همین قاعده)؛ "
                    + "سهم اعتبار مصوب تملک دارایی‌های سرمایه‌ای که در ردیف‌های پیوسته به پروژه است؛ سهم واگذاری دارایی‌های سرمایه‌ای مصوب که به منطقه‌ای نسبت داده شده است",
                en: "mean of: split by region (two or more regions: 1, else 0), by function, by economic class; share of approved capital spending on lines linked to a project; "
                    + "share of approved capital asset sales assigned to a region"),
            unit: "ratio", value: value, breakdown: breakdown,
            evidence: [Evidence(table: "budget_lines", key: "\(context.year)/capital", rows: [], rowCount: capital.count,
                                sums: ["approved": .rials(capitalTotal.rials), "linked_to_projects": .rials(linked.rials)])])
    }

    private static func timeliness(_ context: AnalysisContext) -> Indicator {
        let latest = context.book.years.max() ?? context.year
        let expected = context.options.assessedIn.map { $0 - 1 } ?? latest
        let latestRealized = IndicatorEngine.latestRealizedYear(in: context.book)
        let lag: IndicatorValue = latestRealized.map { .count(max(0, expected - $0)) } ?? .unavailable
        var breakdown: [String: IndicatorValue] = [
            "latest_year": .count(latest), "expected_year": .count(expected),
            "latest_realized_year": latestRealized.map { .count($0) } ?? .unavailable,
        ]
        if let assessedIn = context.options.assessedIn { breakdown["assessed_in"] = .count(assessedIn) }
        return Indicator(
            id: "data_quality.timeliness", nameFa: "تأخیر انتشار عملکرد", nameEn: "Lag of published execution",
            formula: Bilingual(
                fa: "سالی که عملکردش تا تاریخ تهیهٔ تحلیل باید منتشر شده باشد (سال پیش از سال تهیهٔ تحلیل؛ در تحلیل بی‌تاریخ، آخرین سال بودجهٔ کتاب) − آخرین سالی که رقم عملکرد دارد، دست‌کم صفر",
                en: "the year whose execution should be out by the date the analysis is made (the year before that date's year; without a date, the book's latest budget year) - the latest year with realized figures, at least zero"),
            unit: "years", value: lag, breakdown: breakdown,
            evidence: [Evidence(table: "budget_lines", key: "years", rows: context.book.years.map(String.init), sums: [:])])
    }

    /// The rows whose figure cannot be true of a real budget (``LikelyDataErrors``), counted, by check,
    /// and listed (up to the evidence row limit) with their table.
    private static func likelyErrors(_ context: AnalysisContext) throws -> Indicator {
        let errors = try context.likelyErrors ?? LikelyDataErrors.find(book: context.book, year: context.year)
        var breakdown: [String: IndicatorValue] = [:]
        for check in LikelyDataError.Check.allCases {
            breakdown[check.rawValue] = .count(errors.filter { $0.check == check }.count)
        }
        breakdown["rows"] = .list(errors.prefix(context.options.evidenceRowLimit).map { error in
            var record: [String: IndicatorValue] = ["table": .text(error.table), "row_id": .text(error.row), "check": .text(error.check.rawValue),
                                                    "note": .text(error.textEn), "note_fa": .text(error.textFa)]
            if let year = error.year { record["year"] = .count(year) }
            return .record(record)
        })
        let tables = ["projects", "budget_lines", "revenues", "authorizations"]
        let evidence = tables.compactMap { table -> Evidence? in
            let rows = errors.filter { $0.table == table }.map(\.row)
            return rows.isEmpty ? nil : Evidence(table: table, key: "likely_errors", rows: Array(rows.prefix(context.options.evidenceRowLimit)),
                                                 rowCount: rows.count, sums: [:])
        }
        let spent = FormulaText.percent(LikelyDataErrors.spentLimit), realized = FormulaText.percent(LikelyDataErrors.realizedLimit)
        return Indicator(
            id: "data_quality.likely_errors", nameFa: "موارد خطای احتمالی داده", nameEn: "Entries with a likely data error",
            formula: Bilingual(
                fa: "شمار مواردی از کتاب (ردیف‌های هزینه و درآمد، پروژه‌ها و مجوزها) که رقمشان در بودجهٔ واقعی باورپذیر نیست: پروژه‌ای که عملکرد ردیف‌هایش تا پایان سال تحلیل بیش از \(spent.fa) برآورد فعلی هزینه "
                    + "(یا هزینهٔ برنامه‌ای) است، پیشرفت فیزیکی بیرون از ۰ تا ۱۰۰٪، پایان برنامه‌ای پیش از شروع، ردیفی با عملکرد ولی بی رقم مصوب و اصلاحیه یا با عملکردی "
                    + "بیش از \(realized.fa) رقم مصوب یا اصلاحیه، و هر مبلغ منفی؛ در تحلیل سالی پیش از آخرین سال کتاب، پروژه‌ای هم که در آخرین سال کتاب چنین است",
                en: "entries of the book (spending and revenue lines, projects, authorizations) whose figure cannot be true of a real budget: a project whose lines realized more than \(spent.en) of its current cost estimate "
                    + "(or planned cost) by the end of the analysis year, progress outside 0-100 %, a planned end before the start, a line realized without an approved "
                    + "or revised amount or above \(realized.en) of the larger of them, and any negative amount; in an analysis of a year before the book's latest, "
                    + "also a project that is so in the book's latest year"),
            unit: "entries", value: .count(errors.count), breakdown: breakdown, evidence: evidence)
    }
}
