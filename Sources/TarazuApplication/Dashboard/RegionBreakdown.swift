import Foundation
import TarazuAnalysis
import TarazuCore

/// Spending per region in the filtered year: sums, execution and spending per resident.
public enum RegionBreakdown {
    public static func view(book: BudgetBook, filters: DashboardFilters, base: String) throws -> DashboardView {
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        for spending in try RegionSpending.rows(book: book, lines: filters.lines(of: book)) {
            let fa = spending.name(.fa)
            let en = spending.name(.en)
            let population = spending.region.map(\.population).flatMap { $0 > 0 ? $0 : nil }
            rows.append(DashboardTable.Row(cells: [DashboardTable.regionCode(spending.code), .names(fa: fa, en: en), .count(population)]
                                           + SpendingColumns.cells(spending.totals)
                                           + [.perPerson(spending.approvedPerResident.map(PerResident.wholeRials)),
                                              .perPerson(spending.realizedPerResident.map(PerResident.wholeRials))]))
            bars.append(SpendingColumns.bar(fa, en, spending.totals))
        }
        let table = DashboardTable(
            id: "regions", caption: Bilingual(fa: "اعتبارات به تفکیک منطقه", en: "Spending by region"),
            columns: [DashboardTable.identifier("region", "کد", "Code"), DashboardTable.names("name", "منطقه", "Region"),
                      DashboardTable.count("population", "جمعیت", "Population")] + SpendingColumns.columns
                + [DashboardTable.rials("approved_per_person", "سرانهٔ اعتبار مصوب", "Approved per person"),
                   DashboardTable.rials("realized_per_person", "سرانهٔ عملکرد", "Realized per person")],
            rows: rows)
        let share = IndicatorOptions().outlierPopulationShare
        return DashboardView(title: Bilingual(fa: "مناطق", en: "Regions"),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "مناطق", en: "Regions", path: nil)],
                             notes: [Bilingual(fa: "سرانه‌ها در این صفحه به میلیون ریال به ازای هر نفر و در پرونده‌های CSV و JSON به ریال (گرد به نزدیک‌ترین ریال) است، همان قاعدهٔ شاخص سرانهٔ مناطق؛ «\(book.centralRegionName.fa)» جمعیت جداگانه ندارد. منطقهٔ کم‌جمعیت (کمتر از \(Numerals(language: .fa).exactPercent(share)) جمعیت شهر) در شاخص‌های نابرابری «بدون مناطق کم‌جمعیت» کنار گذاشته می‌شود.",
                                               en: "Per-person figures are in million rials per person on this page and in rials (rounded to the nearest rial) in the CSV and JSON files, by the rule of the per-capita indicator; \"\(book.centralRegionName.en)\" has no population of its own. A low-population region (under \(Numerals(language: .en).exactPercent(share)) of the city's population) is left out of the inequality measures \"without low-population regions\".")],
                             bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک منطقه", "Approved and realized by region", bars),
                             tables: [table])
    }
}
