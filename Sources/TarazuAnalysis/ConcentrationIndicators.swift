import Foundation
import TarazuCore

/// expenditure.concentration (over projects) and expenditure.central_share (towards the centre) of the analysis year.
enum ConcentrationIndicators {
    /// How many of the largest projects the top share counts.
    static let topProjects = 10

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let projectLines = context.lines.filter { $0.projectId != nil }
        let projects = try LineTotals.grouping(projectLines) { $0.projectId ?? "" }
        let projectTotal = try LineTotals.of(projectLines)
        let total = try Arithmetic.sum(context.lines, \.approved)
        // In a book with entities the central administration is its entity, wherever it spends; region 0 is then
        // citywide spending, the organizations' and companies' included (group.outside_share measures theirs).
        let centralEntities = Set(context.book.entities.filter { $0.kind == .central }.map(\.code))
        let isCentral: (BudgetLine) -> Bool = centralEntities.isEmpty
            ? { $0.regionCode == Region.centralCode } : { $0.entityCode.map(centralEntities.contains) ?? false }
        let centralLines = context.lines.filter(isCentral)
        let central = try Arithmetic.sum(centralLines, \.approved)

        // HHI = sum (a_i / T)^2 = sum a_i^2 / T^2, exact in Decimal.
        let squares = projects.values.reduce(Decimal(0)) { $0 + $1.approved.decimal * $1.approved.decimal }
        let projectApproved = projectTotal.approved.decimal
        let hhi = Arithmetic.ratio(squares, projectApproved * projectApproved, scale: context.options.scale)
        let ranked = projects.sorted { $0.value.approved != $1.value.approved ? $0.value.approved > $1.value.approved : $0.key < $1.key }
        let top = ranked.prefix(Self.topProjects)
        let topApproved = try Arithmetic.sum(Array(top), \.value.approved)
        let topCount = FormulaText.number(Self.topProjects)
        return [
            Indicator(
                id: "expenditure.concentration", nameFa: "تمرکز اعتبارات", nameEn: "Budget concentration",
                formula: Bilingual(
                    fa: "شاخص هرفیندال = \(FormulaText.math("Σ_p (a_p ÷ A)²"))، که \(FormulaText.math("a_p")) اعتبار مصوب پروژهٔ \(FormulaText.math("p")) و \(FormulaText.math("A")) اعتبار مصوب همهٔ ردیف‌های دارای پروژه است؛ "
                        + "سهم \(topCount.fa) پروژهٔ بزرگ = اعتبار مصوب \(topCount.fa) پروژهٔ بزرگ‌تر ÷ \(FormulaText.math("A"))؛ سهم ستاد مرکزی = اعتبار مصوب ستاد مرکزی ÷ کل اعتبار مصوب؛ "
                        + "مقدار شاخص: شاخص هرفیندال، از نزدیک صفر (اعتبار میان پروژه‌های بسیار پخش است) تا یک (همهٔ اعتبار در یک پروژه)",
                    en: "HHI = sum over projects of (approved_p / approved of all project lines)^2; top10_share = \(topCount.en) largest projects / all project lines; "
                        + "central_share = central administration approved / all approved; value = HHI, from near 0 (spread over many projects) to 1 (all on one project)"),
                unit: "index", value: hhi.map(IndicatorValue.decimal) ?? .unavailable,
                breakdown: ["hhi": hhi.map(IndicatorValue.decimal) ?? .unavailable,
                            "top10_share": context.ratio(topApproved, projectTotal.approved),
                            "central_share": context.ratio(central, total),
                            "projects": .count(projects.count),
                            "top10": .list(top.map { .text($0.key) })],
                evidence: [Evidence(table: "budget_lines", key: "projects", rows: top.map(\.key), rowCount: projects.count,
                                    sums: ["project_approved": .rials(projectTotal.approved.rials), "top10_approved": .rials(topApproved.rials),
                                           "central_approved": .rials(central.rials), "total_approved": .rials(total.rials)])]),
            Indicator(
                id: "expenditure.central_share", nameFa: "سهم ستاد مرکزی از اعتبار مصوب", nameEn: "Central organisation's share of the approved budget",
                formula: centralEntities.isEmpty
                    ? Bilingual(fa: "اعتبار مصوب ستاد مرکزی ÷ اعتبار مصوب همهٔ ردیف‌های هزینه",
                                en: "approved of region 0 (the central organisation) / approved of all budget lines")
                    : Bilingual(fa: "اعتبار مصوب ردیف‌های دستگاه ستاد مرکزی (بدون سازمان‌ها و شرکت‌های تابعه و بدون انتقال به دستگاه‌های دیگر) ÷ اعتبار مصوب همهٔ ردیف‌های هزینه",
                                en: "approved of the central administration entity's lines (organizations, companies and transfers to other entities left out) / approved of all budget lines"),
                unit: "ratio", value: context.ratio(central, total),
                evidence: [Evidence(table: "budget_lines", key: centralEntities.isEmpty ? Region.centralCode : centralEntities.sorted().joined(separator: ","),
                                    rows: [], rowCount: centralLines.count,
                                    sums: ["central_approved": .rials(central.rials), "total_approved": .rials(total.rials)])]),
        ]
    }
}
