import TarazuCore

/// Writes a `ReportDocument` as one self-contained HTML file: inline CSS, inline SVG charts,
/// no scripts and no external resources. All text is escaped; Persian text gets Persian digits
/// while Latin ids, hashes and formulas sit in `<bdi dir="ltr">`.
struct HTMLWriter: Sendable {
    let language: ReportLanguage
    let emptyChartText: String

    private var numerals: Numerals { Numerals(language: language) }

    func write(_ document: ReportDocument) -> String {
        var html = "<!DOCTYPE html>\n"
        html += "<html lang=\"\(language.rawValue)\" dir=\"\(language == .fa ? "rtl" : "ltr")\">\n<head>\n"
        html += "<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        html += "<title>\(text(document.title))</title>\n<style>\n\(ReportStyle.css(language))\n</style>\n</head>\n<body>\n"
        html += "<main class=\"report\">\n<header class=\"report-header\">\n<h1>\(text(document.title))</h1>\n"
        html += "<p class=\"subtitle\">\(text(document.subtitle))</p>\n"
        if let note = document.note {
            html += "<p class=\"data-note\"><strong>\(text(ReportText(language: language).dataNote))</strong> \(inline(note))</p>\n"
        }
        html += "</header>\n"
        for section in document.sections {
            html += "<section id=\"\(htmlEscape(section.id))\">\n<h2>\(inline(section.title))</h2>\n"
            for block in section.blocks { html += self.block(block) }
            html += "</section>\n"
        }
        html += "<footer class=\"reproducibility\">\n<h2>\(text(ReportText(language: language).reproducibilityTitle))</h2>\n<ul>\n"
        for line in document.footer { html += "<li>\(inline(line))</li>\n" }
        html += "</ul>\n</footer>\n</main>\n</body>\n</html>\n"
        return html
    }

    private func block(_ block: Block) -> String {
        switch block {
        case .paragraph(let runs): return "<p>\(inline(runs))</p>\n"
        case .subheading(let runs): return "<h3>\(inline(runs))</h3>\n"
        case .list(let items): return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        case .orderedList(let items): return "<ol>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
        case .nestedList(let items):
            return "<ul>\n" + items.map { item in
                let children = item.children.isEmpty ? ""
                    : "\n<ul>\n" + item.children.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
                return "<li>\(inline(item.text))\(children)</li>\n"
            }.joined() + "</ul>\n"
        case .table(let header, let rows):
            var html = "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>"
            html += header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
            for row in rows { html += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
            return html + "</tbody>\n</table>\n</div>\n"
        case .chart(let spec):
            var html = "<figure class=\"chart\" id=\"\(htmlEscape(spec.id))\">\n"
            html += "<figcaption>\(text(spec.title))<span class=\"muted\">\(text(spec.unitNote))</span></figcaption>\n"
            html += SVGChart(spec: spec, language: language, emptyText: emptyChartText).render()
            return html + "\n</figure>\n"
        case .lineChart(let spec):
            var html = "<figure class=\"chart\" id=\"\(htmlEscape(spec.id))\">\n"
            html += "<figcaption>\(text(spec.title))<span class=\"muted\">\(text(spec.unitNote))</span></figcaption>\n"
            html += SVGLineChart(spec: spec, language: language, emptyText: emptyChartText).render()
            return html + "\n</figure>\n"
        }
    }

    private func inline(_ runs: Rich) -> String { runs.map(inline).joined() }

    private func inline(_ run: Inline) -> String {
        switch run {
        case .text(let value): text(value)
        case .ltr(let value): "<bdi dir=\"ltr\">\(htmlEscape(value))</bdi>"
        case .latin(let value): "<bdi dir=\"ltr\" lang=\"en\">\(htmlEscape(value))</bdi>"
        case .strong(let runs): "<strong>\(inline(runs))</strong>"
        case .span(let style, let runs): "<span class=\"\(htmlEscape(style))\">\(inline(runs))</span>"
        case .badge(let status, let label):
            "<span class=\"badge badge-\(status?.rawValue ?? "none")\">\(text(label))</span>"
        }
    }

    /// Escaped text; in Persian, digits become Persian except inside Latin identifiers, which are
    /// isolated left to right.
    private func text(_ value: String) -> String {
        guard language == .fa else { return htmlEscape(value) }
        return LatinTokens.split(value).map { run in
            run.latin ? "<bdi dir=\"ltr\" lang=\"en\">\(htmlEscape(run.text))</bdi>" : htmlEscape(numerals.digits(run.text))
        }.joined()
    }
}
