import Foundation
import TarazuHTML

/// Horizontal bars, two per row (first light, second dark), mirrored in Persian: the portal's
/// function chart and the dashboard's bar figures, as inline SVG with presentation attributes only
/// (Double for geometry only). The figures are also in a table on the same page.
struct BarChart {
    struct Bar {
        var label: String
        var first: Int64
        /// nil draws no second bar.
        var second: Int64?
    }

    /// The portal's chart has wider labels; the dashboard's legend is spaced wider.
    enum Layout {
        case portal, dashboard

        var labelWidth: Double { self == .portal ? 250 : 230 }
        /// Longer labels are cut (the table has them whole).
        var labelLimit: Int { self == .portal ? 30 : 28 }
        /// From the first legend entry to the second.
        var legendGap: Int { self == .portal ? 100 : 120 }
    }

    var id: String
    var title: String
    var bars: [Bar]
    var legend: (first: String, second: String)
    var layout: Layout

    private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `<figure>` with the SVG, and a newline.
    func figure(_ language: WebLanguage) -> HTMLNode {
        let largest = max(1, bars.map { max($0.first, $0.second ?? 0) }.max() ?? 1)
        let width = 640.0, barArea = width - layout.labelWidth - 10, rowHeight = 34.0
        let height = Double(bars.count) * rowHeight + 30
        let rtl = language == .fa
        let direction: String? = rtl ? "rtl" : nil
        let barStart = rtl ? width - layout.labelWidth : layout.labelWidth
        func rect(_ value: Int64, y: Double, fill: String) -> HTMLNode {
            let length = max(0, barArea * Double(value) / Double(largest))
            return .selfClosing("rect", ["x": fmt(rtl ? barStart - length : barStart), "y": fmt(y), "width": fmt(length), "height": "12",
                                         "fill": fill])
        }
        func legendEntry(_ text: String, offset: Int, y: Double, fill: String) -> HTMLNode {
            .group {
                HTMLNode.selfClosing("rect", ["x": rtl ? fmt(width - 20 - Double(offset)) : String(10 + offset), "y": fmt(y - 10),
                                              "width": "10", "height": "10", "fill": fill])
                HTMLNode.element("text", ["x": rtl ? fmt(width - 26 - Double(offset)) : String(26 + offset), "y": fmt(y), "font-size": "12"]) {
                    text
                }.attribute("direction", direction)
            }
        }
        return .line("figure") {
            HTMLNode.element("svg", ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "100%", "role": "img",
                                     "aria-labelledby": "\(id)-title", "xmlns": "http://www.w3.org/2000/svg"]) {
                HTMLNode.element("title", ["id": "\(id)-title"]) { title }
                for (index, bar) in bars.enumerated() {
                    let y = Double(index) * rowHeight + 4
                    HTMLNode.element("text", ["x": fmt(rtl ? width - 4 : 4), "y": fmt(y + 16), "font-size": "13"]) {
                        bar.label.count > layout.labelLimit ? String(bar.label.prefix(layout.labelLimit - 1)) + "…" : bar.label
                    }.attribute("text-anchor", layout == .portal ? "start" : nil).attribute("direction", direction)
                    rect(bar.first, y: y + 2, fill: "#8fb3d9")
                    if let second = bar.second { rect(second, y: y + 16, fill: "#1f5f99") }
                }
                legendEntry(legend.first, offset: 0, y: height - 8, fill: "#8fb3d9")
                legendEntry(legend.second, offset: layout.legendGap, y: height - 8, fill: "#1f5f99")
            }
        }
    }
}
