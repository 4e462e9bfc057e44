import Foundation
import TarazuHTML

/// Horizontal bars, two per row (first light, second dark), mirrored in Persian: the portal's
/// function chart and the dashboard's bar figures, as inline SVG with presentation attributes only
/// (Double for geometry only). Each row has its label on a line of its own above its bars, and each bar
/// carries its amount with the unit (billions of rials, through the text layer) at its end. The
/// drawing is narrow (400 units), so on a 390 px phone the text stays near its nominal size; the
/// stylesheet caps its width on wide screens (`figure.bars`). The figures are also in a table on the
/// same page.
struct BarChart {
    struct Bar {
        var label: String
        /// Rials.
        var first: Int64
        /// Rials; nil draws no second bar.
        var second: Int64?
    }

    var id: String
    var title: String
    var bars: [Bar]
    var legend: (first: String, second: String)

    static let width = 400.0
    /// Longer labels are cut (the table has them whole).
    static let labelLimit = 46
    static let firstFill = "#8fb3d9"
    static let secondFill = "#1f5f99"
    /// Room at the end of the longest bar for its amount.
    private static let valueSpace = 150.0
    private static let margin = 4.0
    private static let labelHeight = 20.0
    private static let barHeight = 14.0
    private static let barGap = 4.0
    private static let rowGap = 12.0

    private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `<figure class="bars">` with the SVG, and a newline.
    func figure(_ language: WebLanguage) -> HTMLNode {
        let width = Self.width
        let largest = max(1, bars.map { max($0.first, $0.second ?? 0) }.max() ?? 1)
        let barArea = width - 2 * Self.margin - Self.valueSpace
        let rowHeight = Self.labelHeight + 2 * (Self.barHeight + Self.barGap) + Self.rowGap
        let legendTop = Double(bars.count) * rowHeight + 6
        let height = legendTop + 24
        let rtl = language == .fa
        let direction: String? = rtl ? "rtl" : nil
        /// The x of a distance from the start edge (the right in Persian).
        func x(_ fromStart: Double) -> Double { rtl ? width - fromStart : fromStart }
        func text(_ content: String, at fromStart: Double, y: Double, size: Int, fill: String = "#1b1f24", bold: Bool = false) -> HTMLNode {
            HTMLNode.element("text", ["x": fmt(x(fromStart)), "y": fmt(y), "font-size": size, "fill": fill]) { content }
                .attribute("font-weight", bold ? "bold" : nil).attribute("direction", direction)
        }
        func bar(_ value: Int64, y: Double, fill: String) -> HTMLNode {
            let length = max(0, barArea * Double(value) / Double(largest))
            return .group {
                HTMLNode.selfClosing("rect", ["x": fmt(rtl ? width - Self.margin - length : Self.margin), "y": fmt(y), "width": fmt(length),
                                              "height": fmt(Self.barHeight), "fill": fill])
                text(WebFormat.billions(value, language), at: Self.margin + length + 5, y: y + Self.barHeight - 2, size: 13)
            }
        }
        let secondLegend = Self.margin + 20 + Double(legend.first.count) * 7.5 + 24
        return .line("figure", ["class": "bars"]) {
            HTMLNode.element("svg", ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "100%", "role": "img",
                                     "aria-labelledby": "\(id)-title", "xmlns": "http://www.w3.org/2000/svg"]) {
                HTMLNode.element("title", ["id": "\(id)-title"]) { title }
                for (index, row) in bars.enumerated() {
                    let top = Double(index) * rowHeight
                    text(row.label.count > Self.labelLimit ? String(row.label.prefix(Self.labelLimit - 1)) + "…" : row.label,
                         at: Self.margin, y: top + 15, size: 14, bold: true)
                    bar(row.first, y: top + Self.labelHeight, fill: Self.firstFill)
                    if let second = row.second { bar(second, y: top + Self.labelHeight + Self.barHeight + Self.barGap, fill: Self.secondFill) }
                }
                HTMLNode.selfClosing("rect", ["x": fmt(rtl ? width - Self.margin - 12 : Self.margin), "y": fmt(legendTop + 4),
                                              "width": "12", "height": "12", "fill": Self.firstFill])
                text(legend.first, at: Self.margin + 18, y: legendTop + 15, size: 13)
                HTMLNode.selfClosing("rect", ["x": fmt(rtl ? width - secondLegend - 12 : secondLegend), "y": fmt(legendTop + 4),
                                              "width": "12", "height": "12", "fill": Self.secondFill])
                text(legend.second, at: secondLegend + 18, y: legendTop + 15, size: 13)
            }
        }
    }
}
