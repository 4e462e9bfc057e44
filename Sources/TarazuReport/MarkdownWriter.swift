import Foundation
import TarazuCore

/// Writes a `ReportDocument` as GitHub-flavoured Markdown: the same sections, GitHub tables,
/// charts as small data tables, ids and hashes as code spans.
struct MarkdownWriter: Sendable {
    let language: ReportLanguage
    let emptyChartText: String

    private var numerals: Numerals { Numerals(language: language) }

    func write(_ document: ReportDocument) -> String {
        var lines: [String] = ["# " + text(document.title), "", text(document.subtitle), ""]
        if let note = document.note {
            lines += ["> **" + text(ReportText(language: language).dataNote) + "** " + inline(note), ""]
        }
        for section in document.sections {
            lines += ["## " + inline(section.title), ""]
            for block in section.blocks { lines += self.block(block) + [""] }
        }
        lines += ["## " + text(ReportText(language: language).reproducibilityTitle), ""]
        lines += document.footer.map { "- " + inline($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func block(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let runs): return [inline(runs)]
        case .subheading(let runs): return ["### " + inline(runs)]
        case .list(let items): return items.map { "- " + inline($0) }
        case .orderedList(let items):
            // GitHub knows only ASCII list numbers: Persian numbers go after a bullet.
            return items.enumerated().map { index, item in
                (language == .fa ? "- " + numerals.digits("\(index + 1)") + ") " : "\(index + 1). ") + inline(item)
            }
        case .nestedList(let items):
            return items.flatMap { item in ["- " + inline(item.text)] + item.children.map { "  - " + inline($0) } }
        case .table(let header, let rows): return table(header.map(cell), rows.map { $0.map(cell) })
        case .chart(let spec):
            var lines = ["**" + text(spec.title) + "**", ""]
            if spec.rows.isEmpty { return lines + [text(emptyChartText)] }
            let header = [text(spec.categoryHeader)] + spec.series.map(text)
            lines += table(header, spec.rows.map { row in [text(row.label)] + row.display.map(text) })
            return lines + ["", "*" + text(spec.unitNote) + "*"]
        case .lineChart(let spec):
            // A chart becomes a table: one row a year, the value under "observed" or "forecast".
            var lines = ["**" + text(spec.title) + "**", ""]
            if spec.points.isEmpty { return lines + [text(emptyChartText)] }
            lines += table(spec.tableHeader.map(text), spec.points.map { point in
                [text(point.yearLabel), point.isForecast ? "-" : text(point.display), point.isForecast ? text(point.display) : "-"]
            })
            return lines + ["", "*" + text(spec.unitNote) + "*"]
        }
    }

    private func table(_ header: [String], _ rows: [[String]]) -> [String] {
        ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }

    private func inline(_ runs: Rich) -> String { runs.map(inline).joined() }

    private func cell(_ runs: Rich) -> String { inline(runs).trimmingCharacters(in: .whitespaces) }

    private func inline(_ run: Inline) -> String {
        switch run {
        case .text(let value): text(value)
        case .ltr(let value): "`" + value.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
        case .strong(let runs): "**" + inline(runs) + "**"
        case .span("evidence", let runs): inline(runs) + " "
        case .span(_, let runs): "*" + inline(runs) + "*"
        case .badge(_, let label): "**" + text(label) + "**"
        case .latin(let value): markdownEscape(value)
        }
    }

    /// Escaped text; in Persian, digits become Persian except inside Latin identifiers ("PI-2.1").
    private func text(_ value: String) -> String {
        guard language == .fa else { return markdownEscape(value) }
        return LatinTokens.split(value).map { markdownEscape($0.latin ? $0.text : numerals.digits($0.text)) }.joined()
    }
}
