import TarazuCore
import TarazuHTML

/// Writes a `ReportDocument` as one self-contained HTML file: inline CSS, inline SVG charts,
/// no scripts and no external resources. All text is escaped (``HTMLNode``); Persian text gets
/// Persian digits while Latin ids, hashes and formulas sit in `<bdi dir="ltr">`.
struct HTMLWriter: Sendable {
    let language: ReportLanguage
    let emptyChartText: String

    private var numerals: Numerals { Numerals(language: language) }

    func write(_ document: ReportDocument) -> String {
        let words = ReportText(language: language)
        return HTMLNode.group {
            HTMLNode.documentType
            HTMLNode.block("html", ["lang": language.rawValue, "dir": language == .fa ? "rtl" : "ltr"]) {
                HTMLNode.block("head") {
                    HTMLNode.line("meta", ["charset": "utf-8"])
                    HTMLNode.line("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    HTMLNode.line("title") { plain(document.title) }
                    HTMLNode.block("style") { HTMLNode.trustedMarkup(ReportStyle.css(language)); "\n" }
                }
                HTMLNode.block("body") {
                    HTMLNode.block("main", ["class": "report"]) {
                        HTMLNode.block("header", ["class": "report-header"]) {
                            HTMLNode.line("h1") { text(document.title) }
                            HTMLNode.line("p", ["class": "subtitle"]) { text(document.subtitle) }
                            if let note = document.note {
                                HTMLNode.line("p", ["class": "data-note"]) { HTMLNode.element("strong") { text(words.dataNote) }; " "; inline(note) }
                            }
                        }
                        for section in document.sections {
                            HTMLNode.block("section", ["id": section.id]) {
                                HTMLNode.line("h2") { inline(section.title) }
                                for block in section.blocks { self.block(block) }
                            }
                        }
                        HTMLNode.block("footer", ["class": "reproducibility"]) {
                            HTMLNode.line("h2") { text(words.reproducibilityTitle) }
                            list("ul", document.footer)
                        }
                    }
                }
            }
        }.render(.slashed)
    }

    private func block(_ block: Block) -> HTMLNode {
        switch block {
        case .paragraph(let runs): .line("p") { inline(runs) }
        case .subheading(let runs): .line("h3") { inline(runs) }
        case .list(let items): list("ul", items)
        case .orderedList(let items): list("ol", items)
        case .nestedList(let items):
            .block("ul") {
                for item in items {
                    HTMLNode.line("li") {
                        inline(item.text)
                        if !item.children.isEmpty { "\n"; list("ul", item.children) }
                    }
                }
            }
        case .table(let header, let rows):
            .block("div", ["class": "table-wrap"]) {
                HTMLNode.block("table") {
                    HTMLNode.block("thead") { HTMLNode.line("tr") { for cell in header { HTMLNode.element("th") { inline(cell) } } } }
                    HTMLNode.block("tbody") {
                        for row in rows { HTMLNode.line("tr") { for cell in row { HTMLNode.element("td") { inline(cell) } } } }
                    }
                }
            }
        case .chart(let spec):
            figure(id: spec.id, title: spec.title, unitNote: spec.unitNote,
                   svg: SVGChart(spec: spec, language: language, emptyText: emptyChartText).render())
        case .lineChart(let spec):
            figure(id: spec.id, title: spec.title, unitNote: spec.unitNote,
                   svg: SVGLineChart(spec: spec, language: language, emptyText: emptyChartText).render())
        }
    }

    private func list(_ name: StaticString, _ items: [Rich]) -> HTMLNode {
        .block(name) { for item in items { HTMLNode.line("li") { inline(item) } } }
    }

    /// A chart: its caption, then the SVG that `SVGChart` or `SVGLineChart` drew (every text in it escaped).
    private func figure(id: String, title: String, unitNote: String, svg: String) -> HTMLNode {
        .block("figure", ["class": "chart", "id": id]) {
            HTMLNode.line("figcaption") { text(title); HTMLNode.element("span", ["class": "muted"]) { text(unitNote) } }
            HTMLNode.trustedMarkup(svg)
            "\n"
        }
    }

    private func inline(_ runs: Rich) -> HTMLNode { .group(runs.map(inline)) }

    private func inline(_ run: Inline) -> HTMLNode {
        switch run {
        case .text(let value): text(value)
        case .ltr(let value): .element("bdi", ["dir": "ltr"]) { value }
        case .latin(let value): .element("bdi", ["dir": "ltr", "lang": "en"]) { value }
        case .strong(let runs): .element("strong") { inline(runs) }
        case .span(let style, let runs): .element("span", ["class": style]) { inline(runs) }
        case .badge(let status, let label): .element("span", ["class": "badge badge-\(status?.rawValue ?? "none")"]) { text(label) }
        }
    }

    /// Text; in Persian, digits become Persian except inside Latin identifiers, which are isolated
    /// left to right.
    private func text(_ value: String) -> HTMLNode {
        guard language == .fa else { return .text(value) }
        return .group(LatinTokens.split(value).map { run in
            run.latin ? .element("bdi", ["dir": "ltr", "lang": "en"]) { run.text } : .text(numerals.digits(run.text))
        })
    }

    /// The same text without markup, for `<title>` (which cannot hold elements).
    private func plain(_ value: String) -> String {
        guard language == .fa else { return value }
        return LatinTokens.split(value).map { $0.latin ? $0.text : numerals.digits($0.text) }.joined()
    }
}
