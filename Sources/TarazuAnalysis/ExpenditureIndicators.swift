import Foundation
import TarazuCore

/// expenditure.capital_share and expenditure.current_to_capital_ratio of the analysis year.
enum ExpenditureIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let groups = try LineTotals.grouping(context.lines) { $0.economicClass.rawValue }
        let total = try LineTotals.of(context.lines)
        let capital = groups[EconomicClass.capital.rawValue] ?? LineTotals()
        let current = groups[EconomicClass.current.rawValue] ?? LineTotals()
        let evidence = groups.keys.sorted().map { context.evidence(groups[$0]!, key: $0) }
        return [
            Indicator(
                id: "expenditure.capital_share", nameFa: "سهم اعتبارات تملک دارایی‌های سرمایه‌ای", nameEn: "Capital expenditure share",
                formula: "capital / all budget lines (every economic class); value on approved, breakdown approved and realized",
                unit: "ratio", value: context.ratio(capital.approved, total.approved),
                breakdown: context.ratiosByPhase(capital, total),
                evidence: evidence),
            Indicator(
                id: "expenditure.current_to_capital_ratio", nameFa: "نسبت اعتبارات هزینه‌ای به سرمایه‌ای", nameEn: "Current to capital ratio",
                formula: "current / capital; value on approved, breakdown approved and realized",
                unit: "ratio", value: context.ratio(current.approved, capital.approved),
                breakdown: context.ratiosByPhase(current, capital),
                evidence: evidence),
        ]
    }
}
