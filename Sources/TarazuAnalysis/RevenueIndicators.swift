import Foundation
import TarazuCore

/// revenue.realization.*, revenue.fees_share and revenue.unsustainable_share of the analysis year.
/// Every revenue line counts, borrowing (sale of financial assets) included.
enum RevenueIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let table = "revenues"
        let total = try LineTotals.of(context.revenues)
        let byClass = try LineTotals.grouping(context.revenues) { $0.revenueClass.rawValue }
        let fees = try LineTotals.of(context.revenues.filter { $0.revenueClass.isFee })
        let withoutBorrowing = try LineTotals.of(context.revenues.filter { $0.revenueClass != .financialAssetSales })
        let unsustainable = try LineTotals.of(context.revenues.filter { !$0.sustainable })
        let totalEvidence = context.evidence(total, table: table)
        return [
            Indicator(
                id: "revenue.realization.total", nameFa: "نرخ تحقق کل درآمدها", nameEn: "Revenue realization (total)",
                formula: Bilingual(fa: "نرخ تحقق = جمع عملکرد ÷ جمع درآمد مصوب همهٔ ردیف‌های درآمدی سال",
                                   en: "sum(realized) / sum(approved) over the year's revenue lines"), unit: "ratio",
                value: context.ratio(total.realized, total.approved), evidence: [totalEvidence]),
            Indicator(
                id: "revenue.realization.by_class", nameFa: "نرخ تحقق درآمد به تفکیک طبقه", nameEn: "Revenue realization by class",
                formula: Bilingual(fa: "جمع عملکرد ÷ جمع درآمد مصوب، جداگانه برای هر طبقهٔ درآمدی (مقدار شاخص: نرخ تحقق کل درآمدها)",
                                   en: "sum(realized) / sum(approved) per revenue class"), unit: "ratio",
                value: context.ratio(total.realized, total.approved),
                breakdown: byClass.mapValues { context.ratio($0.realized, $0.approved) },
                evidence: byClass.keys.sorted().map { context.evidence(byClass[$0]!, table: table, key: $0) }),
            Indicator(
                id: "revenue.fees_share", nameFa: "سهم عوارض از درآمد محقق", nameEn: "Fees share of realized revenue",
                formula: Bilingual(
                    fa: "عملکرد عوارض (\(RevenueClass.generalFees.nameFa) و \(RevenueClass.specificFees.nameFa)) ÷ عملکرد کل درآمدها (همهٔ ردیف‌های درآمدی، شامل استقراض)؛ "
                        + "در جزئیات همین نسبت بر پایهٔ درآمد مصوب نیز آمده است، و هر دو نسبت یک بار هم با مخرجی بدون استقراض (\(RevenueClass.financialAssetSales.nameFa))",
                    en: "realized (general_fees + specific_fees) / realized revenue (every revenue line, borrowing included); breakdown also on approved, "
                        + "and both without borrowing (financial_asset_sales) in the denominator"), unit: "ratio",
                value: context.ratio(fees.realized, total.realized),
                breakdown: context.ratiosByPhase(fees, total).merging([
                    "approved_without_borrowing": context.ratio(fees.approved, withoutBorrowing.approved),
                    "realized_without_borrowing": context.ratio(fees.realized, withoutBorrowing.realized),
                ]) { first, _ in first },
                evidence: [context.evidence(fees, table: table, key: "fees"), totalEvidence]),
            Indicator(
                id: "revenue.unsustainable_share", nameFa: "سهم درآمدهای ناپایدار", nameEn: "Unsustainable revenue share",
                formula: Bilingual(fa: "عملکرد ردیف‌های درآمدی ناپایدار ÷ عملکرد کل درآمدها؛ در جزئیات همین نسبت بر پایهٔ درآمد مصوب نیز آمده است",
                                   en: "realized revenue of lines marked not sustainable / realized revenue; breakdown also on approved"), unit: "ratio",
                value: context.ratio(unsustainable.realized, total.realized),
                breakdown: context.ratiosByPhase(unsustainable, total),
                evidence: [context.evidence(unsustainable, table: table, key: "unsustainable"), totalEvidence]),
        ]
    }
}
