import Foundation
import TarazuCore

/// compliance.asset_sales_over_authorization: per region, realized sales of capital assets against
/// the council's authorization (kind `capital_asset_sales`) for the analysis year.
/// Sales of capital assets against the council's authorizations (kind `capital_asset_sales`) in one
/// year, per region: the one computation behind `compliance.asset_sales_over_authorization` and the
/// dashboard's compliance table. Sales without a region count as the central organisation's ("0").
public struct AssetSalesAgainstAuthorization: Hashable, Sendable {
    public var year: Int
    public var region: String
    /// The revenue lines of the region's sales (nil when it sold nothing).
    public var sales: LineTotals?
    /// The council's authorized amount (nil when there is no authorization).
    public var authorized: Money?
    /// Realized sales minus the authorized amount (no authorization counts as zero).
    public var difference: Money

    /// Realized sales (zero when none).
    public var realized: Money { sales?.realized ?? .zero }

    /// Every region that sold or was authorized to sell in `year`, in code order (``Region/codeOrder(_:_:)``).
    public static func rows(book: BudgetBook, year: Int) throws(Money.Overflow) -> [AssetSalesAgainstAuthorization] {
        let sales = try LineTotals.grouping(book.revenues.filter { $0.year == year && $0.revenueClass == .capitalAssetSales }) {
            $0.regionCode ?? Region.centralCode
        }
        var authorized: [String: Money] = [:]
        for authorization in book.authorizations where authorization.year == year && authorization.kind == RevenueClass.capitalAssetSales.rawValue {
            authorized[authorization.regionCode] = try (authorized[authorization.regionCode] ?? .zero).adding(authorization.authorizedAmount)
        }
        var rows: [AssetSalesAgainstAuthorization] = []
        for region in Set(sales.keys).union(authorized.keys).sorted(by: Region.codeOrder) {
            let realized = sales[region]?.realized ?? .zero
            rows.append(AssetSalesAgainstAuthorization(year: year, region: region, sales: sales[region], authorized: authorized[region],
                                                       difference: try realized.subtracting(authorized[region] ?? .zero)))
        }
        return rows
    }
}

enum ComplianceIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        var byRegion: [String: IndicatorValue] = [:]
        var over = 0
        var excess = Money.zero
        var evidence: [Evidence] = []
        var overRows: [AssetSalesAgainstAuthorization] = []
        for row in try AssetSalesAgainstAuthorization.rows(book: context.book, year: context.year) {
            if row.difference > .zero {
                over += 1
                excess = try excess.adding(row.difference)
                overRows.append(row)
            }
            byRegion[row.region] = .record([
                "realized": .rials(row.realized.rials), "authorized": .rials((row.authorized ?? .zero).rials),
                "difference": .rials(row.difference.rials), "authorization_found": .flag(row.authorized != nil),
            ])
            if let totals = row.sales { evidence.append(context.evidence(totals, table: "revenues", key: row.region)) }
            if let limit = row.authorized {
                evidence.append(Evidence(table: "authorizations", key: row.region, rows: [row.region], sums: ["authorized": .rials(limit.rials)]))
            }
        }
        // The regions over their authorization by name, the largest excess first: what the report names.
        overRows.sort { $0.difference != $1.difference ? $0.difference > $1.difference : Region.codeOrder($0.region, $1.region) }
        let names = Dictionary(context.book.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let lowPopulation = PerResident.lowPopulationRegions(of: context.book, share: context.options.outlierPopulationShare)
        let overList: IndicatorValue = .list(overRows.map { row in
            let region = names[row.region]
            let central = row.region == Region.centralCode
            let marked = lowPopulation.contains(row.region)
            let nameFa = region?.nameFa ?? (central ? context.book.centralRegionName.fa : "منطقه \(PersianText.persianDigits(row.region))")
            let nameEn = region.map { $0.nameEn ?? $0.nameFa } ?? (central ? context.book.centralRegionName.en : "Region \(row.region)")
            return .record([
                "region": .text(row.region),
                "name_fa": .text(BreakdownText.regionName(nameFa, lowPopulation: marked, language: .fa)),
                "name_en": .text(BreakdownText.regionName(nameEn, lowPopulation: marked, language: .en)),
                "excess": .rials(row.difference.rials),
            ])
        })
        let regionsOver = Indicator(
            id: "compliance.regions_over_authorization", nameFa: "مناطقی با واگذاری دارایی‌های سرمایه‌ای بیش از مجوز شورا",
            nameEn: "Regions selling capital assets beyond the council's authorization",
            formula: Bilingual(fa: "شمار مناطقی که عملکرد واگذاری دارایی‌های سرمایه‌ای آن‌ها از مبلغ مجوز شورا بیشتر است (نبود مجوز یعنی مجوز صفر)",
                               en: "number of regions whose realized capital_asset_sales exceed the authorized_amount (no authorization counts as 0)"),
            unit: "regions", value: .count(over), evidence: evidence)
        return [Indicator(
            id: "compliance.asset_sales_over_authorization", nameFa: "مازاد واگذاری دارایی‌های سرمایه‌ای بر مجوز شورا",
            nameEn: "Capital asset sales over council authorization",
            formula: Bilingual(fa: "برای هر منطقه: عملکرد واگذاری دارایی‌های سرمایه‌ای − مبلغ مجوز شورا (نبود مجوز یعنی مجوز صفر)؛ مقدار شاخص = جمع تفاضل‌های مثبت",
                               en: "per region: realized capital_asset_sales - authorized_amount (no authorization counts as 0); value = sum of positive differences"),
            unit: "rials", value: .rials(excess.rials),
            breakdown: ["regions_over": .count(over), "total_excess": .rials(excess.rials), "by_region": .record(byRegion), "over": overList],
            evidence: evidence), regionsOver]
    }
}
