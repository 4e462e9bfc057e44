import Foundation
import TarazuCore

/// execution.rate.*: realized / approved of the analysis year's budget lines.
enum ExecutionIndicators {
    static let formula = Bilingual(
        fa: "نرخ تحقق = جمع عملکرد ÷ جمع اعتبار مصوب همهٔ ردیف‌های هزینهٔ سال (عملکردِ ثبت‌نشدهٔ یک ردیف صفر شمرده می‌شود؛ اگر هیچ ردیفی از سال عملکرد نداشته باشد، در دسترس نیست)",
        en: "sum(realized) / sum(approved) over the year's budget lines (missing realized counts as 0; unavailable when no line of the year reports one)")

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let total = try LineTotals.of(context.lines)
        var result = [Indicator(
            id: "execution.rate.total", nameFa: "نرخ تحقق کل مصارف", nameEn: "Budget execution rate (all spending)",
            formula: formula, unit: "ratio", value: context.executionRatio(total),
            evidence: [context.evidence(total)])]
        let splits: [(String, String, String, String, (BudgetLine) -> String)] = [
            ("by_function", "نرخ تحقق به تفکیک مأموریت", "Execution rate by function", "مأموریت", { $0.function }),
            ("by_region", "نرخ تحقق به تفکیک منطقه", "Execution rate by region", "منطقه", { $0.regionCode }),
            ("by_economic_class", "نرخ تحقق به تفکیک طبقهٔ اقتصادی", "Execution rate by economic class", "طبقهٔ اقتصادی", { $0.economicClass.rawValue }),
        ]
        for (suffix, nameFa, nameEn, groupFa, key) in splits {
            let groups = try LineTotals.grouping(context.lines, by: key)
            result.append(Indicator(
                id: "execution.rate.\(suffix)", nameFa: nameFa, nameEn: nameEn,
                formula: formula + Bilingual(fa: "؛ جداگانه برای هر \(groupFa) (مقدار شاخص: نرخ تحقق کل)", en: ", per group"),
                unit: "ratio", value: context.executionRatio(total),
                breakdown: groups.mapValues { context.executionRatio($0) },
                evidence: groups.keys.sorted().map { context.evidence(groups[$0]!, key: $0) }))
        }
        let projects = try LineTotals.grouping(context.lines.filter { $0.projectId != nil }) { $0.projectId ?? "" }
        let projectTotal = try LineTotals.of(context.lines.filter { $0.projectId != nil })
        result.append(Indicator(
            id: "execution.rate.by_project", nameFa: "نرخ تحقق اعتبارات پروژه‌ها", nameEn: "Execution rate of project budgets",
            formula: formula + Bilingual(fa: "؛ جداگانه برای هر پروژه (مقدار شاخص: نرخ تحقق همهٔ ردیف‌های دارای پروژه)",
                                         en: ", per project_id; value over all lines with a project"),
            unit: "ratio", value: context.executionRatio(projectTotal),
            breakdown: projects.mapValues { context.executionRatio($0) },
            evidence: projects.keys.sorted().prefix(context.options.evidenceRowLimit).map { context.evidence(projects[$0]!, key: $0) }))
        return result
    }
}
