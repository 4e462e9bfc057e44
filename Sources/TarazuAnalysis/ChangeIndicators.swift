import Foundation
import TarazuCore

/// expenditure.change.by_function (approved budget, previous year to the analysis year, nominal
/// and deflated), projects.volatility (lines of the analysis year far from their approved amount) and
/// projects.volatility_share (their share of the approved budget).
enum ChangeIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        [try change(context)] + (try volatility(context))
    }

    private static func change(_ context: AnalysisContext) throws -> Indicator {
        let previousYear = context.year - 1
        let current = try LineTotals.grouping(context.lines, by: \.function)
        let previous = try LineTotals.grouping(context.linesByYear[previousYear] ?? [], by: \.function)
        // The book's first year, when it is before the previous one: a cut that lasts shows there.
        let firstYear = context.linesByYear.keys.filter { $0 < previousYear }.min()
        let first = try firstYear.map { try LineTotals.grouping(context.linesByYear[$0] ?? [], by: \.function) } ?? [:]
        let deflator = Dictionary(context.book.deflator.map { ($0.year, $0.index) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(context.book.functions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let scale = context.options.scale
        /// The real change from `before` in `from` to `now` in the analysis year (nominal without both indices).
        func change(_ now: Decimal, _ before: Decimal, from: Int) -> (nominal: Decimal?, real: Decimal?) {
            guard before != 0 else { return (nil, nil) }
            var real: Decimal?
            if let indexNow = deflator[context.year], let indexBefore = deflator[from], indexNow != 0 {
                real = (now * indexBefore) / (before * indexNow) - 1
            }
            return (now / before - 1, real)
        }
        func rounded(_ value: Decimal?) -> IndicatorValue { value.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable }
        var breakdown: [String: IndicatorValue] = [:]
        var cut: [(Decimal, IndicatorValue)] = []
        for function in Set(current.keys).union(previous.keys).sorted() {
            let now = (current[function]?.approved ?? .zero).decimal
            let (nominal, real) = change(now, (previous[function]?.approved ?? .zero).decimal, from: previousYear)
            let isCut = (real ?? nominal).map { $0 < 0 } ?? false
            var record: [String: IndicatorValue] = [
                "approved_previous_year": .rials((previous[function]?.approved ?? .zero).rials),
                "approved_this_year": .rials((current[function]?.approved ?? .zero).rials),
                "nominal": rounded(nominal), "real": rounded(real), "cut": .flag(isCut)]
            var since: Decimal?
            if let firstYear {
                let (sinceNominal, sinceReal) = change(now, (first[function]?.approved ?? .zero).decimal, from: firstYear)
                since = sinceReal ?? sinceNominal
                record["since_first"] = rounded(since)
            }
            breakdown[function] = .record(record)
            if isCut, let change = real ?? nominal {
                let name = names[function]
                var entry: [String: IndicatorValue] = [
                    "function": .text(function), "name_fa": .text(name?.nameFa ?? function), "name_en": .text(name?.nameEn ?? function),
                    "change": .decimal(Arithmetic.round(change, scale)), "year": .count(previousYear)]
                if let since, let firstYear { entry["since_first"] = .decimal(Arithmetic.round(since, scale)); entry["first_year"] = .count(firstYear) }
                cut.append((change, .record(entry)))
            }
        }
        // The deepest cut first; equal cuts in the book's order of functions.
        breakdown["cut_functions"] = .list(cut.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1))
        if let firstYear { breakdown["first_year"] = .count(firstYear) }
        var evidence = Set(current.keys).union(previous.keys).sorted().flatMap { function in
            [previous[function].map { context.evidence($0, key: "\(previousYear)/\(function)") },
             current[function].map { context.evidence($0, key: "\(context.year)/\(function)") }].compactMap { $0 }
        }
        if let firstYear {
            evidence += first.keys.sorted().compactMap { function in first[function].map { context.evidence($0, key: "\(firstYear)/\(function)") } }
        }
        let used = ([firstYear].compactMap { $0 } + [previousYear, context.year]).filter { deflator[$0] != nil }
        evidence.append(Evidence(table: "deflator", rows: used.map(String.init),
                                 sums: Dictionary(uniqueKeysWithValues: used.map { (String($0), IndicatorValue.decimal(deflator[$0]!)) })))
        return Indicator(
            id: "expenditure.change.by_function", nameFa: "مأموریت‌هایی با کاهش واقعی اعتبار نسبت به سال پیش",
            nameEn: "Functions cut in real terms against the year before",
            formula: Bilingual(
                fa: "تغییر اسمی = (اعتبار مصوب سال تحلیل ÷ اعتبار مصوب سال پیش) − ۱؛ "
                    + "تغییر واقعی = (اعتبار مصوب سال تحلیل ÷ شاخص قیمت همان سال) ÷ (اعتبار مصوب سال پیش ÷ شاخص قیمت همان سال) − ۱؛ "
                    + "مأموریتی کاهش‌یافته است که تغییر واقعی‌اش (و اگر شاخص قیمت در دست نباشد، تغییر اسمی‌اش) منفی باشد؛ مقدار شاخص = شمار مأموریت‌های کاهش‌یافته؛ "
                    + "در جزئیات، تغییر واقعی هر مأموریت از نخستین سال کتاب تا سال تحلیل نیز آمده است؛ بی ردیفی در سال پیش، در دسترس نیست",
                en: "approved of year t / approved of year t-1 - 1 (nominal); real = (A_t / D_t) / (A_t-1 / D_t-1) - 1 with the deflator index D; "
                    + "a function is cut when its real change (nominal without a deflator) is negative; value = number of cut functions; "
                    + "the breakdown also gives each function's real change from the book's first year to the analysis year; "
                    + "not available without lines in the year before"),
            unit: "functions", value: previous.isEmpty ? .unavailable : .count(cut.count), breakdown: breakdown, evidence: evidence)
    }

    /// Each function's approved amount on volatile lines over its whole approved amount, by function code.
    private static func volatileShareByFunction(_ volatile: [BudgetLine], _ context: AnalysisContext) throws -> [String: IndicatorValue] {
        let all = try LineTotals.grouping(context.lines) { $0.function }
        let moved = try LineTotals.grouping(volatile) { $0.function }
        var shares: [String: IndicatorValue] = [:]
        for (code, totals) in all { shares[code] = context.ratio(moved[code]?.approved ?? .zero, totals.approved) }
        return shares
    }

    private static func volatility(_ context: AnalysisContext) throws -> [Indicator] {
        let threshold = context.options.volatilityThreshold
        let scale = context.options.scale
        func deviation(_ amount: Money?, from approved: Money) -> Decimal? {
            guard let amount else { return nil }
            if approved == .zero { return amount == .zero ? 0 : nil }
            let difference = amount.decimal - approved.decimal
            return (difference < 0 ? -difference : difference) / approved.decimal
        }
        func exceeds(_ amount: Money?, _ approved: Money) -> Bool {
            guard let amount else { return false }
            return deviation(amount, from: approved).map { $0 > threshold } ?? true
        }
        // As for execution rates, a line without a realized figure in a year that has them realized nothing.
        let yearHasRealized = context.lines.contains { $0.realized != nil }
        func realized(_ line: BudgetLine) -> Money? { line.realized ?? (yearHasRealized ? .zero : nil) }
        let volatile = context.lines.filter { exceeds($0.revised, $0.approved) || exceeds(realized($0), $0.approved) }
            .sorted { $0.lineId < $1.lineId }
        let volatileApproved = try Arithmetic.sum(volatile, \.approved)
        let totalApproved = try Arithmetic.sum(context.lines, \.approved)
        func value(_ deviation: Decimal?) -> IndicatorValue { deviation.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable }
        let listed = volatile.prefix(context.options.evidenceRowLimit).map { line in
            IndicatorValue.record([
                "line_id": .text(line.lineId), "approved": .rials(line.approved.rials),
                "revised": line.revised.map { .rials($0.rials) } ?? .unavailable,
                "realized": realized(line).map { .rials($0.rials) } ?? .unavailable,
                "revised_deviation": line.revised == nil ? .unavailable : value(deviation(line.revised, from: line.approved)),
                "realized_deviation": realized(line) == nil ? .unavailable : value(deviation(realized(line), from: line.approved))])
        }
        let evidence = Evidence(table: "budget_lines", key: "volatile", rows: Array(volatile.map(\.lineId).prefix(context.options.evidenceRowLimit)),
                                rowCount: volatile.count, sums: ["approved": .rials(volatileApproved.rials), "total_approved": .rials(totalApproved.rials)])
        let limit = FormulaText.percent(threshold)
        let rowLimit = FormulaText.number(context.options.evidenceRowLimit)
        let share = Indicator(
            id: "projects.volatility_share", nameFa: "سهم ردیف‌های پرنوسان از اعتبار مصوب", nameEn: "Share of the approved budget on volatile lines",
            formula: Bilingual(
                fa: "اعتبار مصوب ردیف‌های پرنوسان (ردیف‌هایی که اصلاحیه یا عملکردشان بیش از \(limit.fa) با اعتبار مصوب فاصله دارد، همان ردیف‌های شاخص «ردیف‌های پرنوسان») "
                    + "÷ اعتبار مصوب همهٔ ردیف‌های هزینه؛ در جزئیات، همین نسبت برای هر مأموریت",
                en: "approved of the lines counted by projects.volatility (threshold \(limit.en)) / approved of all budget lines; the breakdown gives the same share for each function"),
            unit: "ratio", value: context.ratio(volatileApproved, totalApproved), breakdown: try volatileShareByFunction(volatile, context), evidence: [evidence])
        return [Indicator(
            id: "projects.volatility", nameFa: "ردیف‌های پرنوسان", nameEn: "Volatile budget lines",
            formula: Bilingual(
                fa: "ردیف‌هایی که فاصلهٔ اصلاحیه یا عملکردشان از اعتبار مصوب، یعنی |اصلاحیه − مصوب| ÷ مصوب یا |عملکرد − مصوب| ÷ مصوب، بیش از \(limit.fa) است "
                    + "(در ردیفی با اعتبار مصوب صفر هر تغییری به حساب می‌آید؛ عملکردِ ثبت‌نشده، اگر سال رقم عملکرد دارد، مانند نرخ تحقق صفر شمرده می‌شود)؛ "
                    + "مقدار شاخص = شمار این ردیف‌ها؛ جزئیات حداکثر \(rowLimit.fa) ردیف را فهرست می‌کند",
                en: "lines whose |revised - approved| / approved or |realized - approved| / approved exceeds \(limit.en) (any change on a zero approved line counts; "
                    + "a missing realized counts as 0 when the year has realized figures, as for execution rates); value = count; breakdown lists at most \(rowLimit.en) lines"),
            unit: "lines", value: .count(volatile.count),
            breakdown: ["count": .count(volatile.count), "threshold": .decimal(threshold),
                        "share_of_budget": context.ratio(volatileApproved, totalApproved), "lines": .list(Array(listed))],
            evidence: [evidence]), share]
    }
}
