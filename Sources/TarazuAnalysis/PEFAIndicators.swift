import Foundation
import TarazuCore

/// pefa.pi1, pi2.1-2.3, pi2, pi3.1-3.2, pi3 over the last three years up to the analysis year that
/// have realized figures in the book. The base is always the original approved budget. Expenditure excludes
/// the financial class (principal repayment); revenue excludes sale of financial assets (borrowing).
enum PEFAIndicators {
    private struct YearData {
        let year: Int
        let spending: [BudgetLine]
        let revenue: [RevenueLine]
    }

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let years = (context.year - 2...context.year).map { year in
            YearData(year: year,
                     spending: (context.linesByYear[year] ?? []).filter { $0.economicClass != .financial },
                     revenue: (context.revenuesByYear[year] ?? []).filter { $0.revenueClass != .financialAssetSales })
        }
        // A year counts once it has outturn figures: a budget-only year is not yet completed.
        let spendingYears = years.filter { $0.spending.contains { $0.realized != nil } }
        let revenueYears = years.filter { $0.revenue.contains { $0.realized != nil } }
        let scale = context.options.scale

        // PI-1
        var pi1Grades: [PEFA.Grade] = []
        var pi1Breakdown: [String: IndicatorValue] = [:]
        var pi1Evidence: [Evidence] = []
        for data in spendingYears {
            let totals = try LineTotals.of(data.spending)
            let outturn = totals.approved == .zero ? nil : totals.realized.decimal / totals.approved.decimal
            let grade = outturn.map(PEFA.aggregateExpenditureGrade)
            if let grade { pi1Grades.append(grade) }
            pi1Breakdown[String(data.year)] = .record([
                "budget": .rials(totals.approved.rials), "actual": .rials(totals.realized.rials),
                "outturn": outturn.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable,
                "grade": grade.map { .grade($0.rawValue) } ?? .unavailable])
            pi1Evidence.append(context.evidence(totals, key: String(data.year)))
        }
        let pi1 = PEFA.overall(pi1Grades)

        let pi21 = try composition(spendingYears.map { ($0.year, $0.spending.filter { !$0.isContingency }) }, key: \.function, scale: scale, limit: context.options.evidenceRowLimit)
        let pi22 = try composition(spendingYears.map { ($0.year, $0.spending.filter { !$0.isContingency }) }, key: \.economicClass.rawValue, scale: scale, limit: context.options.evidenceRowLimit)
        let pi32 = try composition(revenueYears.map { ($0.year, $0.revenue) }, key: \.revenueClass.rawValue, scale: scale, limit: context.options.evidenceRowLimit)

        // PI-2.3
        var shares: [Decimal] = []
        var pi23Breakdown: [String: IndicatorValue] = [:]
        var pi23Evidence: [Evidence] = []
        let hasContingency = spendingYears.contains { $0.spending.contains(where: \.isContingency) }
        for data in spendingYears {
            let total = try Arithmetic.sum(data.spending, \.approved)
            let contingency = try LineTotals.of(data.spending.filter(\.isContingency))
            let share = total == .zero ? nil : contingency.realized.decimal / total.decimal
            if let share { shares.append(share) }
            pi23Breakdown[String(data.year)] = .record([
                "contingency_actual": .rials(contingency.realized.rials), "total_budget": .rials(total.rials),
                "share": share.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable])
            pi23Evidence.append(context.evidence(contingency, key: String(data.year)))
        }
        let average = shares.isEmpty ? nil : shares.reduce(Decimal(0), +) / Decimal(shares.count)
        if let average { pi23Breakdown["average"] = .decimal(Arithmetic.round(average, scale)) }
        pi23Breakdown["contingency_vote"] = .flag(hasContingency)
        let pi23: PEFA.Grade? = spendingYears.isEmpty ? nil : (!hasContingency ? .a : average.map(PEFA.contingencyGrade))

        // PI-3.1
        var pi31Grades: [PEFA.Grade] = []
        var pi31Breakdown: [String: IndicatorValue] = [:]
        var pi31Evidence: [Evidence] = []
        for data in revenueYears {
            let totals = try LineTotals.of(data.revenue)
            let outturn = totals.approved == .zero ? nil : totals.realized.decimal / totals.approved.decimal
            let grade = outturn.map(PEFA.aggregateRevenueGrade)
            if let grade { pi31Grades.append(grade) }
            pi31Breakdown[String(data.year)] = .record([
                "budget": .rials(totals.approved.rials), "actual": .rials(totals.realized.rials),
                "outturn": outturn.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable,
                "grade": grade.map { .grade($0.rawValue) } ?? .unavailable])
            pi31Evidence.append(context.evidence(totals, table: "revenues", key: String(data.year)))
        }
        let pi31 = PEFA.overall(pi31Grades)

        let pi2Scores = [pi21.grade, pi22.grade, pi23].compactMap { $0 }
        let pi2 = pi2Scores.count == 3 ? PEFA.weakestLink(pi2Scores) : nil
        let pi3 = pi31.flatMap { first in pi32.grade.map { PEFA.averaging(first, $0) } }
        func letter(_ grade: PEFA.Grade?) -> IndicatorValue { grade.map { .grade($0.rawValue) } ?? .unavailable }
        let composition = Wording.composition
        return [
            Indicator(id: "pefa.pi1", nameFa: "پفا ۱: عملکرد کل هزینه‌ها", nameEn: "PEFA PI-1 Aggregate expenditure outturn",
                      formula: Bilingual(fa: "نسبت عملکرد به بودجه = عملکرد ÷ اعتبار مصوب اولیه، بدون طبقهٔ تملک دارایی‌های مالی (بازپرداخت اصل وام)؛ ",
                                         en: "outturn = actual / original budget (financial class excluded); ")
                          + Wording.bands(PEFA.expenditureBands) + Wording.twoOfThree,
                      unit: "score", value: letter(pi1), breakdown: pi1Breakdown, evidence: pi1Evidence),
            Indicator(id: "pefa.pi2.1", nameFa: "پفا ۲-۱: ترکیب هزینه به تفکیک مأموریت", nameEn: "PEFA PI-2.1 Expenditure composition outturn by function",
                      formula: Bilingual(fa: "سرفصل‌ها: مأموریت‌ها، بدون اعتبارات پیش‌بینی‌نشده؛ ", en: "heads = functions, contingency excluded; ") + composition,
                      unit: "score", value: letter(pi21.grade), breakdown: pi21.breakdown, evidence: pi21.evidence),
            Indicator(id: "pefa.pi2.2", nameFa: "پفا ۲-۲: ترکیب هزینه به تفکیک طبقهٔ اقتصادی", nameEn: "PEFA PI-2.2 Expenditure composition outturn by economic type",
                      formula: Bilingual(fa: "سرفصل‌ها: طبقه‌های اقتصادی، بدون اعتبارات پیش‌بینی‌نشده؛ ", en: "heads = economic classes, contingency excluded; ") + composition,
                      unit: "score", value: letter(pi22.grade), breakdown: pi22.breakdown, evidence: pi22.evidence),
            Indicator(id: "pefa.pi2.3", nameFa: "پفا ۲-۳: هزینه از محل اعتبارات پیش‌بینی‌نشده", nameEn: "PEFA PI-2.3 Expenditure from contingency reserves",
                      formula: Wording.contingency,
                      unit: "score", value: letter(pi23), breakdown: pi23Breakdown, evidence: pi23Evidence),
            Indicator(id: "pefa.pi2", nameFa: "پفا ۲: ترکیب هزینه (روش ضعیف‌ترین حلقه)", nameEn: "PEFA PI-2 Expenditure composition outturn (M1)",
                      formula: Bilingual(fa: "روش ضعیف‌ترین حلقه (روش اول پفا) روی ابعاد ۲-۱، ۲-۲ و ۲-۳: پایین‌ترین امتیاز، و با علامت + اگر بُعد دیگری امتیاز بالاتری گرفته باشد",
                                         en: "M1 weakest link of 2.1, 2.2, 2.3: the lowest score, + if another scored higher"),
                      unit: "score", value: pi2.map(IndicatorValue.grade) ?? .unavailable,
                      breakdown: ["pi2.1": letter(pi21.grade), "pi2.2": letter(pi22.grade), "pi2.3": letter(pi23)]),
            Indicator(id: "pefa.pi3.1", nameFa: "پفا ۳-۱: عملکرد کل درآمدها", nameEn: "PEFA PI-3.1 Aggregate revenue outturn",
                      formula: Bilingual(fa: "نسبت عملکرد به بودجه = درآمد وصول‌شده (عملکرد) ÷ درآمد مصوب اولیه، بدون استقراض (واگذاری دارایی‌های مالی)؛ ",
                                         en: "outturn = actual / original revenue budget (borrowing excluded); ")
                          + Wording.bands(PEFA.revenueBands) + Wording.twoOfThree,
                      unit: "score", value: letter(pi31), breakdown: pi31Breakdown, evidence: pi31Evidence),
            Indicator(id: "pefa.pi3.2", nameFa: "پفا ۳-۲: ترکیب درآمدها", nameEn: "PEFA PI-3.2 Revenue composition outturn",
                      formula: Bilingual(fa: "سرفصل‌ها: طبقه‌های درآمدی، بدون استقراض؛ ", en: "heads = revenue classes, borrowing excluded; ") + composition,
                      unit: "score", value: letter(pi32.grade), breakdown: pi32.breakdown, evidence: pi32.evidence),
            Indicator(id: "pefa.pi3", nameFa: "پفا ۳: عملکرد درآمدها (روش میانگین)", nameEn: "PEFA PI-3 Revenue outturn (M2)",
                      formula: Wording.averaging,
                      unit: "score", value: pi3.map(IndicatorValue.grade) ?? .unavailable,
                      breakdown: ["pi3.1": letter(pi31), "pi3.2": letter(pi32.grade)]),
        ]
    }

    /// The parts of the formulas written from the scoring rules' own bands and limits (``PEFA``).
    private enum Wording {
        static let twoOfThree = Bilingual(
            fa: "؛ امتیاز: بهترین رتبه‌ای که دست‌کم در ۲ سال از ۳ سال اخیرِ دارای عملکرد به دست آمده است (پایه همیشه رقم مصوب اولیه است)",
            en: "; the grade met in at least 2 of the last 3 years (original approved budget as base)")

        /// «رتبهٔ A برای ۹۵ تا ۱۰۵٪، ...، وگرنه D» / "A 95-105 %, ...". A Persian number never follows
        /// a grade letter with only a colon between: the bidirectional algorithm would join them left to right.
        static func bands(_ bands: [PEFA.Band]) -> Bilingual {
            let ranges = bands.map { ($0.grade.rawValue, FormulaText.percentRange($0.low, $0.high)) }
            return Bilingual(fa: "رتبهٔ " + ranges.map { "\($0.0) برای \($0.1.fa)" }.joined(separator: "، ") + "، وگرنه D",
                             en: ranges.map { "\($0.0) \($0.1.en)" }.joined(separator: ", "))
        }

        /// The composition variance of PI-2.1, 2.2 and 3.2, its grades and the rule for many heads.
        static var composition: Bilingual {
            let limits = PEFA.compositionLimits.map { ($0.grade.rawValue, FormulaText.percent($0.under)) }
            let heads = FormulaText.number(PEFA.consolidationHeads)
            let kept = FormulaText.percent(PEFA.consolidationShare)
            return Bilingual(
                fa: "با \(FormulaText.math("r = Σa ÷ Σb"))، واریانس ترکیب = \(FormulaText.math("Σ|a_i − r·b_i| ÷ Σ r·b_i"))، که \(FormulaText.math("a_i")) عملکرد و \(FormulaText.math("b_i")) رقم مصوب اولیهٔ سرفصل \(FormulaText.math("i")) است؛ "
                    + "رتبهٔ " + limits.map { "\($0.0) برای کمتر از \($0.1.fa)" }.joined(separator: "، ") + "، وگرنه D؛ "
                    + "با بیش از \(heads.fa) سرفصل، بزرگ‌ترین سرفصل‌ها تا جایی که \(kept.fa) بودجه را بپوشانند جداگانه، و بقیه با هم یک سرفصل «سایر» شمرده می‌شوند",
                en: "r = sum(A)/sum(B); compVar = sum|A_i - r B_i| / sum(r B_i); " + limits.map { "\($0.0) < \($0.1.en)" }.joined(separator: ", ")
                    + "; over \(heads.en) heads: largest heads making \(kept.en) plus a residual") + twoOfThree
        }

        /// PI-2.3: the average share charged to contingency and its grades.
        static var contingency: Bilingual {
            let limits = PEFA.contingencyLimits
            let (a, b, c) = (FormulaText.percent(limits.a), FormulaText.percent(limits.b), FormulaText.percent(limits.c))
            let middle = FormulaText.percentRange(limits.a, limits.b)
            return Bilingual(
                fa: "میانگین سالانهٔ این نسبت: عملکرد اعتبارات پیش‌بینی‌نشده ÷ کل اعتبار مصوب اولیه؛ رتبهٔ A برای کمتر از \(a.fa)، B برای \(middle.fa)، "
                    + "C برای بیش از \(b.fa) و کمتر از \(c.fa)، وگرنه D؛ اگر بودجه ردیفی برای اعتبارات پیش‌بینی‌نشده نداشته باشد: A",
                en: "average over the years of contingency actual / total original budget; A < \(a.en), B \(middle.en), C over \(b.en) and under \(c.en), "
                    + "else D; no contingency line: A")
        }

        /// PI-3: the averaging method's table, from ``PEFA/averagingTable``.
        static var averaging: Bilingual {
            let pairs = PEFA.averagingTable.sorted { $0.key < $1.key }
            return Bilingual(
                fa: "روش میانگین (روش دوم پفا) روی ابعاد ۳-۱ و ۳-۲، بنا بر جدول پفا: "
                    + pairs.map { FormulaText.math("\($0.key.prefix(1)) و \($0.key.suffix(1)): \($0.value)") }.joined(separator: "؛ "),
                en: "M2 averaging of 3.1 and 3.2: " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
    }

    private struct Composition {
        var grade: PEFA.Grade?
        var breakdown: [String: IndicatorValue]
        var evidence: [Evidence]
    }

    /// Composition variance per year over heads grouped by `key`, graded with the two-of-three rule.
    private static func composition<Line>(_ years: [(Int, [Line])], key: KeyPath<Line, String>, scale: Int, limit: Int) throws -> Composition
    where Line: AmountRow {
        var grades: [PEFA.Grade] = []
        var breakdown: [String: IndicatorValue] = [:]
        var evidence: [Evidence] = []
        for (year, lines) in years {
            let groups = try LineTotals.grouping(lines) { $0[keyPath: key] }
            let heads = PEFA.consolidated(groups.keys.sorted().map {
                PEFA.Head(key: $0, budget: groups[$0]!.approved.decimal, actual: groups[$0]!.realized.decimal)
            })
            let variance = PEFA.compositionVariance(heads)
            let grade = variance.map(PEFA.compositionGrade)
            if let grade { grades.append(grade) }
            breakdown[String(year)] = .record([
                "composition_variance": variance.map { .decimal(Arithmetic.round($0, scale)) } ?? .unavailable,
                "grade": grade.map { .grade($0.rawValue) } ?? .unavailable,
                "heads": .count(heads.count)])
            evidence += groups.keys.sorted().map { groups[$0]!.evidence(table: Line.table, key: "\(year)/\($0)", limit: limit) }
        }
        return Composition(grade: PEFA.overall(grades), breakdown: breakdown, evidence: evidence)
    }
}
