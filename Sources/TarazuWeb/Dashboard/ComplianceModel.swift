import Foundation
import TarazuAnalysis
import TarazuCore

/// Capital asset sales against the council's authorizations, per year and region (whole rials).
enum ComplianceModel {
    static let kind = "capital_asset_sales"

    /// Every year of the book (the region filter applies; sales without a region count as central, "0").
    static func view(book: BudgetBook, filters: DashboardFilters, indicators: [Indicator], base: String) throws -> DashboardView {
        var sold: [String: Money] = [:]
        var authorized: [String: Money] = [:]
        func key(_ year: Int, _ region: String) -> String { "\(year)|\(region)" }
        do {
            for line in book.revenues where line.revenueClass == .capitalAssetSales {
                let region = line.regionCode ?? Region.centralCode
                guard filters.region.map({ $0 == region }) ?? true, let realized = line.realized else { continue }
                sold[key(line.year, region)] = try (sold[key(line.year, region)] ?? .zero).adding(realized)
            }
            for item in book.authorizations where item.kind == kind {
                guard filters.region.map({ $0 == item.regionCode }) ?? true else { continue }
                authorized[key(item.year, item.regionCode)] = try (authorized[key(item.year, item.regionCode)] ?? .zero).adding(item.authorizedAmount)
            }
        } catch {
            throw WebError.unprocessable("the sums overflow 64-bit rials")
        }
        let keys = Set(sold.keys).union(authorized.keys).sorted { lhs, rhs in
            let a = lhs.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let b = rhs.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            return (Int(a[0]) ?? 0, a.dropFirst().first.map(String.init) ?? "") < (Int(b[0]) ?? 0, b.dropFirst().first.map(String.init) ?? "")
        }
        var rows: [DashboardTable.Row] = []
        for item in keys {
            let parts = item.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let sales = sold[item] ?? .zero
            let limit = authorized[item]
            let difference = sales.rials.subtractingReportingOverflow(limit?.rials ?? 0)
            guard !difference.overflow else { throw WebError.unprocessable("the difference overflows 64-bit rials") }
            rows.append(DashboardTable.Row(cells: [.year(Int(parts[0]) ?? 0), .text(parts[1]), .rials(sales.rials), .rials(limit?.rials),
                                                   .rials(difference.partialValue),
                                                   .names(fa: limit == nil ? "بدون مجوز" : (difference.partialValue > 0 ? "بیش از مجوز" : "در حد مجوز"),
                                                          en: limit == nil ? "no authorization" : (difference.partialValue > 0 ? "over authorization" : "within authorization"))]))
        }
        let table = DashboardTable(
            id: "asset_sales", captionFa: "فروش دارایی‌های سرمایه‌ای در برابر مجوز شورا", captionEn: "Capital asset sales against council authorization",
            columns: [DashboardTable.year(), DashboardTable.text("region", "منطقه", "Region"),
                      DashboardTable.rials("realized_sales", "فروش وصول‌شده", "Realized sales"),
                      DashboardTable.rials("authorized", "مجوز شورا", "Authorized"),
                      DashboardTable.rials("difference", "اختلاف", "Difference"), DashboardTable.names("verdict", "داوری", "Verdict")],
            rows: rows)
        let indicatorTable = DashboardTable(
            id: "indicators", captionFa: "شاخص‌های انطباق سال (کل کتاب؛ پیوند به شواهد)", captionEn: "The year's compliance indicators (whole book; links to evidence)",
            columns: [DashboardTable.text("indicator", "شاخص", "Indicator"), DashboardTable.names("name", "نام", "Name"),
                      DashboardTable.text("value", "مقدار", "Value"), DashboardTable.text("unit", "واحد", "Unit")],
            rows: indicators.filter { $0.id.hasPrefix("compliance.") }.map { indicator in
                DashboardTable.Row(cells: [.text(indicator.id), .names(fa: indicator.nameFa, en: indicator.nameEn),
                                           .text(IndicatorText.plain(indicator.value) ?? ""), .text(indicator.unit)],
                                   link: base + "/indicators/" + HTML.segment(indicator.id))
            })
        return DashboardView(titleFa: "انطباق با مصوبات شورا", titleEn: "Compliance with council decisions",
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "انطباق", en: "Compliance", path: nil)],
                             notesFa: ["همهٔ سال‌های کتاب؛ پالایهٔ منطقه اعمال می‌شود. شواهد شاخص‌ها از جدول دوم پیوند دارند."],
                             notesEn: ["All years of the book; the region filter applies. The second table links to each indicator's evidence."],
                             tables: [table, indicatorTable])
    }
}
