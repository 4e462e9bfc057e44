import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML

/// Capital asset sales against the council's authorizations, per year and region (whole rials).
public enum ComplianceModel {
    /// Every year of the book (the region filter applies; sales without a region count as central, "0").
    public static func view(book: BudgetBook, filters: DashboardFilters, indicators: [Indicator], base: String) throws -> DashboardView {
        var rows: [DashboardTable.Row] = []
        let fa = BreakdownText(book: book, language: .fa)
        let en = BreakdownText(book: book, language: .en)
        let years = Set(book.revenues.filter { $0.revenueClass == .capitalAssetSales }.map(\.year)).union(book.authorizations.map(\.year))
        for year in years.sorted() {
            let comparisons: [AssetSalesAgainstAuthorization]
            do { comparisons = try AssetSalesAgainstAuthorization.rows(book: book, year: year) } catch {
                throw DashboardError.unprocessable(Bilingual(fa: "جمع مبالغ از گنجایش ۶۴ بیتی ریال بیرون می‌زند.",
                                                             en: "the sums overflow 64-bit rials"))
            }
            for row in comparisons where filters.region.map({ $0 == row.region }) ?? true {
                let verdict = row.authorized == nil ? Bilingual(fa: "بدون مجوز", en: "no authorization")
                    : row.difference > .zero ? Bilingual(fa: "بیش از مجوز", en: "over authorization")
                    : Bilingual(fa: "در حد مجوز", en: "within authorization")
                rows.append(DashboardTable.Row(cells: [.year(year), .text(row.region),
                                                       .names(fa: fa.label(row.region), en: en.label(row.region)), .rials(row.realized.rials), .rials(row.authorized?.rials),
                                                       .difference(row.difference.rials), .names(fa: verdict.fa, en: verdict.en)]))
            }
        }
        let table = DashboardTable(
            id: "asset_sales", caption: Bilingual(fa: "واگذاری دارایی‌های سرمایه‌ای در برابر مجوز شورا", en: "Capital asset sales against council authorization"),
            columns: [DashboardTable.year(), DashboardTable.identifier("region", "کد منطقه", "Region code"),
                      DashboardTable.names("region_name", "منطقه", "Region"),
                      DashboardTable.rials("realized_sales", "واگذاری وصول‌شده", "Realized sales"),
                      DashboardTable.rials("authorized", "مجوز شورا", "Authorized"),
                      DashboardTable.rials("difference", "اختلاف با مجوز", "Difference"), DashboardTable.names("verdict", "داوری", "Verdict")],
            rows: rows)
        let indicatorTable = DashboardTable(
            id: "indicators", caption: Bilingual(fa: "شاخص‌های رعایت مجوز شورا در سال \(PersianText.persianDigits(String(filters.year))) (همهٔ مناطق و مأموریت‌ها؛ پیوند به شواهد)",
                                                 en: "Compliance indicators of \(filters.year) (whole book; links to evidence)"),
            columns: [DashboardTable.identifier("indicator", "شاخص", "Indicator"), DashboardTable.names("name", "نام", "Name"),
                      DashboardTable.text("value", "مقدار", "Value"), DashboardTable.names("unit", "واحد", "Unit")],
            rows: indicators.filter { $0.id.hasPrefix("compliance.") }.map { indicator in
                DashboardTable.Row(cells: [.text(indicator.id), .names(fa: indicator.nameFa, en: indicator.nameEn),
                                           .figure(indicator.value, unit: indicator.unit),
                                           .names(fa: FigureText(language: .fa).unitName(indicator.unit), en: FigureText(language: .en).unitName(indicator.unit))],
                                   link: base + "/indicators/" + PercentEncoding.pathSegment(indicator.id))
            })
        return DashboardView(title: Bilingual(fa: "رعایت مجوز شورا", en: "Compliance with council decisions"),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "رعایت مجوز شورا", en: "Compliance", path: nil)],
                             notes: [Bilingual(fa: "همهٔ سال‌های کتاب؛ فیلتر منطقه اعمال می‌شود. شواهد شاخص‌ها از جدول دوم پیوند دارند.",
                                               en: "All years of the book; the region filter applies. The second table links to each indicator's evidence.")],
                             tables: [table, indicatorTable])
    }
}
