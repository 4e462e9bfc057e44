import Foundation
import TarazuCore

/// balance.realized_deficit: how much the realized spending of the analysis year exceeds the sources
/// collected (revenue and borrowing). A book whose approved sources equal its uses can still spend more
/// than it collects; the gap is financed by something the book does not show (arrears, unpaid
/// commitments, drawn-down balances). Its breakdown also gives the gap against revenue alone
/// (`deficit_without_borrowing`): what borrowing, or nothing the book shows, had to cover.
enum BalanceIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let uses = try LineTotals.of(context.lines)
        let sources = try LineTotals.of(context.revenues)
        let borrowing = try LineTotals.of(context.revenues.filter { $0.revenueClass == .financialAssetSales })
        guard context.lines.contains(where: { $0.realized != nil }), context.revenues.contains(where: { $0.realized != nil }) else {
            return [indicator(.unavailable, uses: uses, sources: sources, borrowing: borrowing, context)]
        }
        let (gap, overflow) = uses.realized.rials.subtractingReportingOverflow(sources.realized.rials)
        let (revenue, revenueOverflow) = sources.realized.rials.subtractingReportingOverflow(borrowing.realized.rials)
        let (gapToRevenue, gapOverflow) = uses.realized.rials.subtractingReportingOverflow(revenue)
        guard !overflow, !revenueOverflow, !gapOverflow else { throw Money.Overflow() }
        var result = indicator(.rials(max(gap, 0)), uses: uses, sources: sources, borrowing: borrowing, context)
        result.breakdown["realized_revenue"] = .rials(revenue)
        result.breakdown["deficit_without_borrowing"] = .rials(max(gapToRevenue, 0))
        return [result]
    }

    private static func indicator(_ value: IndicatorValue, uses: LineTotals, sources: LineTotals, borrowing: LineTotals,
                                  _ context: AnalysisContext) -> Indicator {
        Indicator(
            id: "balance.realized_deficit", nameFa: "کسری عملکرد پس از استقراض (مصارف تحقق‌یافته بیش از منابع وصول‌شده)",
            nameEn: "Execution deficit after borrowing (realized spending above sources collected)",
            formula: Bilingual(
                fa: "جمع عملکرد همهٔ ردیف‌های هزینهٔ سال − جمع عملکرد همهٔ ردیف‌های درآمدی سال (درآمدها و استقراض)، دست‌کم صفر",
                en: "realized of every spending line of the year - realized of every revenue line of the year (revenue and borrowing), at least zero"),
            unit: "rials", value: value,
            breakdown: ["realized_uses": .rials(uses.realized.rials), "realized_sources": .rials(sources.realized.rials),
                        "realized_borrowing": .rials(borrowing.realized.rials)],
            evidence: [context.evidence(uses), context.evidence(sources, table: "revenues")])
    }
}
