import Foundation
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuReport
import TarazuTabular

/// Writes a ``DashboardTable`` as an HTML table, as CSV (plain UTF-8, header row, whole rials) and as JSON.
enum DashboardTableWriter {
    static func html(_ table: DashboardTable, language: WebLanguage, query: String) -> String {
        var html = "<div class=\"scroll\"><table id=\"table-\(table.id)\"><caption>\(htmlEscape(language.pick(table.caption)))</caption><thead><tr>"
        for column in table.columns { html += "<th scope=\"col\">\(htmlEscape(language.pick(column.fa, column.en)))</th>" }
        html += "</tr></thead><tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.cells.enumerated() {
                var content = display(cell, language: language)
                if index == 0, let link = row.link { content = "<a href=\"\(htmlEscape(link + query))\">\(content)</a>" }
                html += index == 0 ? "<th scope=\"row\">\(content)</th>" : "<td>\(content)</td>"
            }
            html += "</tr>\n"
        }
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(table.columns.count)\">\(language.pick("ردیفی با این پالایه‌ها نیست.", "No rows for these filters."))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// A cell for the page: numbers in the language's digits, wrapped in `<data value>` with the exact value.
    static func display(_ cell: DashboardTable.Cell, language: WebLanguage) -> String {
        switch cell {
        case .text(let text): return htmlEscape(text)
        case .names(let fa, let en): return htmlEscape(language.pick(fa, en.isEmpty ? fa : en))
        case .rials(let value):
            guard let value else { return "—" }
            return "<data value=\"\(value)\">\(WebFormat.billions(value, language))</data>"
        case .perPerson(let value):
            guard let value else { return "—" }
            return "<data value=\"\(value)\">\(WebFormat.integer(value, language))</data>"
        case .figure(let value, let unit):
            guard let plain = IndicatorText.plain(value) else { return "—" }
            return "<data value=\"\(htmlEscape(plain))\">\(htmlEscape(WebFormat.value(value, unit: unit, language)))</data>"
        case .count(let value):
            guard let value else { return "—" }
            return "<data value=\"\(value)\">\(WebFormat.integer(value, language))</data>"
        case .year(let year):
            return "<data value=\"\(year)\">\(WebFormat.year(year, language))</data>"
        case .ratio(let value):
            guard let value else { return "—" }
            return "<data value=\"\(DashboardTable.plain(value))\">\(WebFormat.percent(value, language))</data>"
        }
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
                case (let value?, .text): JSONText.string(value)
                case (let value?, _): value
                }
                return "\(JSONText.string(key)): \(text)"
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ")
        return out + "]}"
    }
}
