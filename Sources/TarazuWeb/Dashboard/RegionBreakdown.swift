import Foundation
import TarazuCore

/// Spending per region in the filtered year: sums, execution and spending per resident.
enum RegionBreakdown {
    static let centralFa = "ستاد مرکزی (شهر)"
    static let centralEn = "Central (city-wide)"

    static func view(book: BudgetBook, filters: DashboardFilters, base: String) throws -> DashboardView {
        let totals = try SpendingTotals.grouped(filters.lines(of: book), by: \.regionCode)
        let regions = Dictionary(book.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Book regions first in their order, then codes only the lines know (the central region 0).
        var codes = book.regions.map(\.code).filter { totals[$0] != nil }
        codes += totals.keys.filter { regions[$0] == nil }.sorted()
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        for code in codes {
            let sums = totals[code]!
            let region = regions[code]
            let fa = region?.nameFa ?? centralFa
            let en = region?.nameEn ?? region?.nameFa ?? centralEn
            let population = region.map(\.population).flatMap { $0 > 0 ? $0 : nil }
            rows.append(DashboardTable.Row(cells: [.text(code), .names(fa: fa, en: en), .count(population)] + SpendingColumns.cells(sums)
                                           + [.rials(population.map { sums.approved.rials / $0 }),
                                              .rials(population.flatMap { people in sums.realizedIfAny.map { $0 / people } })]))
            bars.append(SpendingColumns.bar(fa, en, sums))
        }
        let table = DashboardTable(
            id: "regions", captionFa: "اعتبارات به تفکیک منطقه", captionEn: "Spending by region",
            columns: [DashboardTable.text("region", "کد", "Code"), DashboardTable.names("name", "منطقه", "Region"),
                      DashboardTable.count("population", "جمعیت", "Population")] + SpendingColumns.columns
                + [DashboardTable.rials("approved_per_person", "مصوب سرانه (ریال)", "Approved per person (rials)"),
                   DashboardTable.rials("realized_per_person", "هزینهٔ سرانه (ریال)", "Realized per person (rials)")],
            rows: rows)
        return DashboardView(titleFa: "مناطق", titleEn: "Regions",
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "مناطق", en: "Regions", path: nil)],
                             notesFa: ["سرانه‌ها به ریال و با تقسیم صحیح (بدون اعشار) حساب شده‌اند؛ ستاد مرکزی جمعیت جداگانه ندارد."],
                             notesEn: ["Per-person figures are in rials, by whole division; the central (city-wide) lines have no population of their own."],
                             bars: SpendingColumns.bars("مصوب و هزینه‌شده به تفکیک منطقه", "Approved and realized by region", bars),
                             tables: [table])
    }
}
