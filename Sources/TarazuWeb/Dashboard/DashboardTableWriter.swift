import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuTabular

/// Writes a ``DashboardTable`` as an HTML table, as CSV (plain UTF-8, header row, whole rials) and as JSON.
enum DashboardTableWriter {
    /// How many row ids a cell of a page shows.
    static let idsShown = 12

    /// The table as HTML (the columns kept for the downloads left out); a row's link keeps the page's `query`.
    static func html(_ table: DashboardTable, language: WebLanguage, query: [(String, String)]) -> HTMLNode {
        let shown = table.columns.indices.filter { table.columns[$0].onPage }
        return .line("div", ["class": "scroll"]) {
            HTMLNode.element("table", ["id": "table-\(table.id)"]) {
                HTMLNode.element("caption") { language.pick(table.caption) }
                PortalPages.tableHead(shown.map { language.pick(table.columns[$0].fa, table.columns[$0].en) })
                HTMLNode.element("tbody") {
                    "\n"
                    for row in table.rows {
                        HTMLNode.line("tr") {
                            for index in shown where row.cells.indices.contains(index) {
                                let cell = row.cells[index]
                                let kind = table.columns[index].kind
                                if index == shown.first {
                                    HTMLNode.element("th", ["scope": "row"]) {
                                        if let link = row.link {
                                            HTMLNode.element("a", ["href": Link(path: link).adding(query)]) { display(cell, kind: kind, language: language) }
                                        } else {
                                            display(cell, kind: kind, language: language)
                                        }
                                    }
                                } else {
                                    HTMLNode.element("td") { display(cell, kind: kind, language: language) }
                                }
                            }
                        }
                    }
                    if table.rows.isEmpty {
                        HTMLNode.line("tr") {
                            HTMLNode.element("td", ["colspan": shown.count]) {
                                language.pick("ردیفی برای نمایش نیست.", "No rows to show.")
                            }
                        }
                    }
                }
            }
        }
    }

    /// A cell for the page: numbers in the language's digits, wrapped in `<data value>` with the exact value;
    /// an identifier that is not only digits as written, isolated left to right.
    static func display(_ cell: DashboardTable.Cell, kind: DashboardTable.Kind = .text, language: WebLanguage) -> HTMLNode {
        func data(_ value: String, _ text: String) -> HTMLNode { .element("data", ["value": value]) { text } }
        switch cell {
        case .text(let text) where kind == .identifier && !isDigitCode(text):
            return .element("bdi", ["dir": "ltr", "class": "id"]) { text }
        // Codes made of digits (regions, lines) in the language's digits.
        case .text(let text) where language == .fa && isDigitCode(text):
            return .text(WebFormat.digits(text, language))
        case .text(let text): return .text(text)
        case .names(let fa, let en): return .text(language.pick(fa, en.isEmpty ? fa : en))
        case .code(let code, let fa, let en): return .element("data", ["value": code]) { language.pick(fa, en) }
        case .rials(let value):
            guard let value else { return "—" }
            // A negative amount (a low forecast bound) keeps its sign before the digits.
            return data(String(value), value < 0 ? FigureText(language: language).signedBillionRials(value) : WebFormat.billions(value, language))
        case .perPerson(let value):
            guard let value else { return "—" }
            return data(String(value), FigureText(language: language).scalar(.rials(value), unit: "rials_per_person") ?? "—")
        case .figure(let value, let unit):
            guard let plain = IndicatorText.plain(value) else { return "—" }
            // A PEFA letter keeps its sign after it in right-to-left text (C+, not +C).
            if case .grade(let grade) = value { return .element("data", ["value": plain]) { HTMLNode.element("bdi", ["dir": "ltr"]) { grade } } }
            return data(plain, WebFormat.value(value, unit: unit, language))
        case .count(let value):
            guard let value else { return "—" }
            return data(String(value), WebFormat.integer(value, language))
        case .year(let year):
            return data(String(year), WebFormat.year(year, language))
        case .ratio(let value):
            guard let value else { return "—" }
            return data(DashboardTable.plain(value), WebFormat.percent(value, language))
        case .change(let value):
            guard let value else { return "—" }
            return data(DashboardTable.plain(value), FigureText(language: language).signedPercent(value))
        case .difference(let value):
            guard let value else { return "—" }
            return data(String(value), FigureText(language: language).signedBillionRials(value))
        case .points(let value):
            guard let value else { return "—" }
            return data(DashboardTable.plain(value), WebFormat.fixed(value, places: 1, language) + " " + language.pick("امتیاز", "points"))
        case .ids(let all, let count):
            // A page shows a sample; the downloads carry every listed id.
            let ids = Array(all.prefix(Self.idsShown))
            // Evidence that counts rows without listing them: the count is in its own column.
            guard !all.isEmpty else { return "—" }
            return .group {
                for (index, id) in ids.enumerated() {
                    if index > 0 { " " }
                    display(.text(id), kind: .identifier, language: language)
                }
                if count > ids.count {
                    let more = WebFormat.integer(Int64(count - ids.count), language)
                    (ids.isEmpty ? "" : " ") + language.pick("و \(more) ردیف دیگر", "and \(more) more row" + (count - ids.count == 1 ? "" : "s"))
                        + (all.count > ids.count ? language.pick(" (فهرست در پرونده‌های CSV و JSON)", " (listed in the CSV and JSON files)") : "")
                }
            }
        }
    }

    /// A code made of digits and hyphens (a region or line code), written in the page's digits.
    private static func isDigitCode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The table as CSV, formulas neutralized (``CSVWriter``).
    static func csv(_ table: DashboardTable) -> String {
        CSVWriter.write(header: table.keys, rows: table.rows.map { $0.cells.flatMap(DashboardTable.raw).map { $0 ?? "" } })
    }

    /// `{"id": ..., "columns": [...], "rows": [{key: value}]}`: rials and counts as integers, ratios as numbers.
    static func json(_ table: DashboardTable) -> String {
        let kinds = table.columns.flatMap { $0.bilingual ? [$0.kind, $0.kind] : [$0.kind] }
        let keys = table.keys
        var out = "{\"id\": \(JSONText.string(table.id)), \"caption_fa\": \(JSONText.string(table.caption.fa)), "
        out += "\"caption_en\": \(JSONText.string(table.caption.en)), \"columns\": [\(keys.map(JSONText.string).joined(separator: ", "))], \"rows\": ["
        out += table.rows.map { row in
            let values = row.cells.flatMap(DashboardTable.raw)
            let fields = zip(keys, zip(values, kinds)).map { key, pair in
                let (value, kind) = pair
                let text: String = switch (value, kind) {
                case (nil, _): "null"
                case (let value?, .text), (let value?, .identifier): JSONText.string(value)
                case (let value?, _): value
                }
                return "\(JSONText.string(key)): \(text)"
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ")
        return out + "]}"
    }
}
