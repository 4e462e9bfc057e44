import TarazuAnalysis

/// A run of text inside a block. Writers escape it; in Persian they write its digits as Persian
/// digits, except inside `ltr` runs (ids, hashes, English formulas), which stay Latin and left to right.
indirect enum Inline: Hashable, Sendable {
    /// Plain text.
    case text(String)
    /// Latin-script text kept left to right (`<bdi dir="ltr">` in HTML, a code span in Markdown).
    case ltr(String)
    /// Emphasised text.
    case strong([Inline])
    /// A styled run: `declared`, `note`, `muted`.
    case span(String, [Inline])
    /// A status badge with its label; nil status means "not assessed".
    case badge(Status?, String)
    /// Free text in Latin script inside a Persian report (a note written in English): kept left to
    /// right with its own digits, in the body font.
    case latin(String)
}

/// A line of text made of runs.
typealias Rich = [Inline]

/// One bar chart: categories (rows) with one bar per series.
struct ChartSpec: Hashable, Sendable {
    /// A stable id for the SVG `<title>` reference.
    var id: String
    /// The title, also the figure caption.
    var title: String
    /// What the numbers are (shown under the chart).
    var unitNote: String
    /// The series names, one bar per row each.
    var series: [String]
    /// The rows: a label, the exact values (for drawing) and their display text.
    var rows: [ChartRow]
    /// The header of the category column in data-table form.
    var categoryHeader: String
}

/// One category of a chart.
struct ChartRow: Hashable, Sendable {
    var label: String
    /// The values by series; nil when the figure is missing.
    var values: [Double?]
    /// The values by series as text, formatted exactly from the data.
    var display: [String]
}

/// An item of a nested list.
struct ListItem: Hashable, Sendable {
    var text: Rich
    var children: [Rich]
}

/// A block of the report.
enum Block: Hashable, Sendable {
    case paragraph(Rich)
    case list([Rich])
    case orderedList([Rich])
    /// A list whose items may have a list of their own.
    case nestedList([ListItem])
    case table(header: [Rich], rows: [[Rich]])
    case chart(ChartSpec)
    /// A time-series chart: history, forecast and prediction intervals.
    case lineChart(LineChartSpec)
    /// A heading inside a section (level 3).
    case subheading(Rich)
}

/// A numbered section of the report.
struct Section: Hashable, Sendable {
    /// The anchor id.
    var id: String
    var title: Rich
    var blocks: [Block]
}

/// The whole report in a format-neutral form, written by `HTMLWriter` or `MarkdownWriter`.
struct ReportDocument: Hashable, Sendable {
    var language: ReportLanguage
    var title: String
    var subtitle: String
    /// The book's own description when it says the data are illustrative.
    var note: Rich?
    var sections: [Section]
    /// The reproducibility footer, as label/value lines.
    var footer: [Rich]
}
