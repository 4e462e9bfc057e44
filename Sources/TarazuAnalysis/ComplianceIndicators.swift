import Foundation
import TarazuCore

/// compliance.asset_sales_over_authorization: per region, realized sales of capital assets against
/// the council's authorization (kind `capital_asset_sales`) for the analysis year.
enum ComplianceIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let kind = RevenueClass.capitalAssetSales.rawValue
        let sales = try LineTotals.grouping(context.revenues.filter { $0.revenueClass == .capitalAssetSales }) {
            $0.regionCode ?? Region.centralCode
        }
        var authorized: [String: Money] = [:]
        for authorization in context.book.authorizations where authorization.year == context.year && authorization.kind == kind {
            authorized[authorization.regionCode] = try (authorized[authorization.regionCode] ?? .zero).adding(authorization.authorizedAmount)
        }
        var byRegion: [String: IndicatorValue] = [:]
        var over = 0
        var excess = Money.zero
        var evidence: [Evidence] = []
        for region in Set(sales.keys).union(authorized.keys).sorted() {
            let realized = sales[region]?.realized ?? .zero
            let limit = authorized[region] ?? .zero
            let difference = try realized.subtracting(limit)
            if difference > .zero {
                over += 1
                excess = try excess.adding(difference)
            }
            byRegion[region] = .record([
                "realized": .rials(realized.rials), "authorized": .rials(limit.rials),
                "difference": .rials(difference.rials), "authorization_found": .flag(authorized[region] != nil),
            ])
            if let totals = sales[region] { evidence.append(context.evidence(totals, table: "revenues", key: region)) }
            if let limit = authorized[region] {
                evidence.append(Evidence(table: "authorizations", key: region, rows: [region], sums: ["authorized": .rials(limit.rials)]))
            }
        }
        return [Indicator(
            id: "compliance.asset_sales_over_authorization", nameFa: "مازاد واگذاری دارایی‌های سرمایه‌ای بر مجوز شورا",
            nameEn: "Capital asset sales over council authorization",
            formula: "per region: realized capital_asset_sales - authorized_amount (no authorization counts as 0); value = sum of positive differences",
            unit: "rials", value: .rials(excess.rials),
            breakdown: ["regions_over": .count(over), "total_excess": .rials(excess.rials), "by_region": .record(byRegion)],
            evidence: evidence)]
    }
}
