import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuReport

/// The portal's "per resident, by region" section: each region's spending in the year divided by its
/// population (``RegionSpending``), as a choropleth when the book ships a regions map, always with its table.
enum PortalRegions {
    /// The regions with a population that have lines in `year`, in the book's order; nil when there are none.
    static func rows(book: BudgetBook, year: Int) throws -> [RegionSpending]? {
        let rows = try RegionSpending.rows(book: book, lines: book.budgetLines.filter { $0.year == year })
            .filter { ($0.region?.population ?? 0) > 0 }
        return rows.isEmpty ? nil : rows
    }

    /// What a schematic regions map is (the sample book's): said under every such map.
    static func schematicNote(_ language: WebLanguage) -> String {
        language.pick("این نقشه طرح‌واره است: جای مناطق را نسبت به هم نشان می‌دهد، نه مرزها و جغرافیای واقعی آن‌ها.",
                      "This is a schematic map: it shows where the regions sit relative to each other, not their real boundaries or geography.")
    }

    /// The legend of a regions map (``ChoroplethMap/legend(entries:label:noValueText:through:formatBound:)``),
    /// in `language`, each class's bounds written by `bound`.
    static func mapLegend(_ entries: [ChoroplethMap.Entry], _ language: WebLanguage, bound: (Decimal) -> String) -> HTMLNode {
        ChoroplethMap.legend(entries: entries, label: language.pick("راهنمای رنگ‌های نقشه", "Map colour key"),
                             noValueText: language.pick("بدون داده", "no data"), through: language.pick(" تا ", "–"), formatBound: bound)
    }

    static func section(book: BudgetBook, year: Int, language: WebLanguage) -> HTMLNode {
        guard let rows = try? rows(book: book, year: year) else { return .empty }
        let realized = rows.contains { $0.realizedPerResident != nil }
        func name(_ row: RegionSpending) -> String { row.name(language) }
        func perResident(_ row: RegionSpending) -> Decimal? { realized ? row.realizedPerResident : row.approvedPerResident }
        let numerals = Numerals(language: language)
        func millions(_ value: Decimal?) -> String { value.map { numerals.fixed($0 / 1_000_000, places: 1) } ?? "—" }
        return .block("section", ["aria-labelledby": "regions-title"]) {
            HTMLNode.line("h2", ["id": "regions-title"]) { language.pick("سرانهٔ اعتبار مصوب و سرانهٔ عملکرد مناطق", "Approved budget and realized spending per resident by region") }
            HTMLNode.line("p") {
                language.pick("اعتبار مصوب و عملکرد هر منطقه در سال \(WebFormat.year(year, language)) تقسیم بر جمعیت آن (نفر)، به میلیون ریال به ازای هر نفر؛ "
                                  + (book.regionMap == nil ? "نمودار زیر" : "نقشهٔ زیر")
                                  + (realized ? " سرانهٔ عملکرد را نشان می‌دهد." : " سرانهٔ اعتبار مصوب را نشان می‌دهد.")
                                  + (book.entities.isEmpty ? " هزینه‌های ستاد مرکزی در این ارقام نیست." : " هزینه‌های سطح شهر (بدون منطقهٔ مشخص) در این ارقام نیست."),
                              "Each region's \(realized ? "realized spending" : "approved budget") in \(WebFormat.year(year, language)) divided by its population, in million rials per person. "
                                  + (book.entities.isEmpty ? "Central administration spending is not included." : "Citywide spending (no single region) is not included."))
            }
            if let map = book.regionMap {
                let entries = rows.map { row in
                    ChoroplethMap.Entry(code: row.code, name: name(row), value: perResident(row),
                                        valueText: perResident(row).flatMap { FigureText(language: language).scalar(.decimal($0), unit: "rials_per_person") } ?? "—")
                }
                let title = realized ? language.pick("سرانهٔ عملکرد به تفکیک منطقه", "Realized spending per resident by region")
                    : language.pick("سرانهٔ اعتبار مصوب به تفکیک منطقه", "Approved budget per resident by region")
                HTMLNode.line("figure", ["class": "map"]) {
                    HTMLNode.trustedMarkup(ChoroplethMap.svg(map: map, entries: entries, title: title, noValueText: language.pick("بدون داده", "no data"),
                                                             digits: { WebFormat.digits($0, language) }))
                    mapLegend(entries, language) { millions($0) }
                    HTMLNode.element("figcaption") {
                        "\(title) (\(language.pick("میلیون ریال به ازای هر نفر", "million rials per person")))"
                        if map.isSchematic { ". "; HTMLNode.element("strong") { schematicNote(language) } }
                    }
                }
            }
            HTMLNode.line("div", ["class": "scroll"]) {
                HTMLNode.element("table") {
                    HTMLNode.element("caption") { language.pick("سرانه به تفکیک منطقه", "Per resident by region") }
                    PortalPages.tableHead([language.pick("منطقه", "Region"), language.pick("جمعیت", "Population"), language.pick("مصوب", "Approved"),
                                           language.pick("عملکرد", "Spent"), language.pick("سرانهٔ اعتبار مصوب (میلیون ریال)", "Approved per resident (million rials)"),
                                           language.pick("سرانهٔ عملکرد (میلیون ریال)", "Spent per resident (million rials)")])
                    HTMLNode.element("tbody") {
                        for row in rows {
                            HTMLNode.element("tr") {
                                HTMLNode.element("th", ["scope": "row"]) { name(row) }
                                for cell in [WebFormat.integer(row.region?.population ?? 0, language), WebFormat.billions(row.totals.approved.rials, language),
                                             row.totals.realizedIfReported.map { WebFormat.billions($0.rials, language) } ?? "—",
                                             millions(row.approvedPerResident), millions(row.realizedPerResident)] {
                                    HTMLNode.element("td") { cell }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
