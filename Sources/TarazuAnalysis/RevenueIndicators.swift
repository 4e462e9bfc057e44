import Foundation
import TarazuCore

/// revenue.realization.*, revenue.fees_share and revenue.unsustainable_share of the analysis year.
/// Every revenue line counts, borrowing (sale of financial assets) included; the shares' breakdowns also
/// give them without borrowing, which is finance and not revenue (the report quotes those).
enum RevenueIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let table = "revenues"
        let total = try LineTotals.of(context.revenues)
        let byClass = try LineTotals.grouping(context.revenues) { $0.revenueClass.rawValue }
        let fees = try LineTotals.of(context.revenues.filter { $0.revenueClass.isFee })
        let withoutBorrowing = try LineTotals.of(context.revenues.filter { $0.revenueClass != .financialAssetSales })
        let unsustainable = try LineTotals.of(context.revenues.filter { !$0.sustainable })
        let unsustainableRevenue = try LineTotals.of(context.revenues.filter { !$0.sustainable && $0.revenueClass != .financialAssetSales })
        let totalEvidence = context.evidence(total, table: table)
        return [
            Indicator(
                id: "revenue.realization.total", nameFa: "نرخ تحقق کل منابع (درآمدها و استقراض)", nameEn: "Realization of all sources (revenue and borrowing)",
                formula: Bilingual(fa: "نرخ تحقق = جمع عملکرد ÷ جمع مصوب همهٔ ردیف‌های منابع سال (درآمدها و استقراض)",
                                   en: "sum(realized) / sum(approved) over the year's revenue lines"), unit: "ratio",
                value: context.ratio(total.realized, total.approved), evidence: [totalEvidence]),
            Indicator(
                id: "revenue.realization.by_class", nameFa: "نرخ تحقق منابع به تفکیک طبقه", nameEn: "Realization of sources by class",
                formula: Bilingual(fa: "جمع عملکرد ÷ جمع رقم مصوب، جداگانه برای هر طبقهٔ منابع (مقدار شاخص: نرخ تحقق کل منابع، درآمدها و استقراض)",
                                   en: "sum(realized) / sum(approved) per class of sources (the value: realization of all sources, revenue and borrowing)"), unit: "ratio",
                value: context.ratio(total.realized, total.approved),
                breakdown: byClass.mapValues { context.ratio($0.realized, $0.approved) },
                evidence: byClass.sorted { $0.key < $1.key }.map { context.evidence($0.value, table: table, key: $0.key) }),
            Indicator(
                id: "revenue.fees_share", nameFa: "سهم عوارض از منابع وصول‌شده (شامل استقراض)", nameEn: "Fees share of realized sources (borrowing included)",
                formula: Bilingual(
                    fa: "عملکرد عوارض (\(RevenueClass.generalFees.nameFa) و \(RevenueClass.specificFees.nameFa)) ÷ عملکرد کل منابع (درآمدها و استقراض: همهٔ ردیف‌های جدول درآمدها)؛ "
                        + "در جزئیات همین نسبت بر پایهٔ منابع مصوب نیز آمده است، و هر دو نسبت یک بار هم با مخرجی بدون استقراض (\(RevenueClass.financialAssetSales.nameFa))",
                    en: "realized (general_fees + specific_fees) / realized revenue (every revenue line, borrowing included); breakdown also on approved, "
                        + "and both without borrowing (financial_asset_sales) in the denominator"), unit: "ratio",
                value: context.ratio(fees.realized, total.realized),
                breakdown: context.ratiosByPhase(fees, total).merging([
                    "approved_without_borrowing": context.ratio(fees.approved, withoutBorrowing.approved),
                    "realized_without_borrowing": context.ratio(fees.realized, withoutBorrowing.realized),
                ]) { first, _ in first },
                evidence: [context.evidence(fees, table: table, key: "fees"), totalEvidence]),
            Indicator(
                id: "revenue.unsustainable_share", nameFa: "سهم منابع ناپایدار (شامل استقراض)", nameEn: "Unsustainable share of sources (borrowing included)",
                formula: Bilingual(
                    fa: "عملکرد ردیف‌های ناپایدار ÷ عملکرد کل منابع (درآمدها و استقراض، که ناپایدار به شمار می‌آید)؛ در جزئیات همین نسبت بر پایهٔ منابع مصوب نیز آمده است، "
                        + "و هر دو نسبت یک بار هم بدون استقراض (\(RevenueClass.financialAssetSales.nameFa)) در صورت و مخرج، چون استقراض تأمین مالی است و درآمد نیست",
                    en: "realized revenue of lines marked not sustainable / realized revenue (every revenue line, borrowing included and counted as unsustainable); breakdown also on approved, "
                        + "and both without borrowing (financial_asset_sales) in numerator and denominator, since borrowing is finance, not revenue"), unit: "ratio",
                value: context.ratio(unsustainable.realized, total.realized),
                breakdown: context.ratiosByPhase(unsustainable, total).merging([
                    "approved_without_borrowing": context.ratio(unsustainableRevenue.approved, withoutBorrowing.approved),
                    "realized_without_borrowing": context.ratio(unsustainableRevenue.realized, withoutBorrowing.realized),
                ]) { first, _ in first },
                evidence: [context.evidence(unsustainable, table: table, key: "unsustainable"), totalEvidence]),
        ]
    }
}

/// What the year's sources of finance are made of: revenue by class, borrowing (sale of financial
/// assets, واگذاری دارایی‌های مالی) apart. Borrowing finances the budget but is not revenue, so the
/// shares of `revenue` leave it out and `borrowing` is stated on its own.
public struct RevenueComposition: Hashable, Sendable {
    /// True when the figures are realized amounts; false when the year has no realized revenue and the
    /// approved amounts are used.
    public var realized: Bool
    /// Revenue by class, borrowing left out, in whole rials (exact as `Decimal`), in the order of
    /// `RevenueClass.allCases`, classes without revenue left out.
    public var revenue: [(revenueClass: RevenueClass, rials: Decimal)]
    /// The sum of `revenue`.
    public var revenueTotal: Decimal
    /// Borrowing of the year (realized, or approved when `realized` is false), in whole rials; nil when
    /// the year has no borrowing line.
    public var borrowing: Decimal?

    /// Each class's share of revenue (borrowing left out); nil when there is no revenue.
    public func share(of rials: Decimal) -> Decimal? { revenueTotal == 0 ? nil : rials / revenueTotal }

    /// The composition of `book`'s revenue lines of `year`.
    public static func of(book: BudgetBook, year: Int) -> RevenueComposition {
        let lines = book.revenues.filter { $0.year == year }
        let useRealized = lines.contains { $0.realized != nil }
        var sums: [RevenueClass: Decimal] = [:]
        var borrowing: Decimal?
        for line in lines {
            let amount = (useRealized ? line.realized : line.approved).map(\.decimal) ?? 0
            if line.revenueClass == .financialAssetSales {
                borrowing = (borrowing ?? 0) + amount
            } else {
                sums[line.revenueClass, default: 0] += amount
            }
        }
        var revenue: [(revenueClass: RevenueClass, rials: Decimal)] = []
        for revenueClass in RevenueClass.allCases {
            if let rials = sums[revenueClass], rials != 0 { revenue.append((revenueClass: revenueClass, rials: rials)) }
        }
        return RevenueComposition(realized: useRealized, revenue: revenue, revenueTotal: revenue.reduce(0) { $0 + $1.1 }, borrowing: borrowing)
    }

    public static func == (lhs: RevenueComposition, rhs: RevenueComposition) -> Bool {
        lhs.realized == rhs.realized && lhs.revenueTotal == rhs.revenueTotal && lhs.borrowing == rhs.borrowing
            && lhs.revenue.map(\.revenueClass) == rhs.revenue.map(\.revenueClass) && lhs.revenue.map(\.rials) == rhs.revenue.map(\.rials)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(realized)
        hasher.combine(revenueTotal)
        hasher.combine(borrowing)
        for (revenueClass, rials) in revenue {
            hasher.combine(revenueClass)
            hasher.combine(rials)
        }
    }
}
