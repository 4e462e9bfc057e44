import Foundation
import TarazuCore
import TarazuHTML

/// Draws a `ChartSpec` as an inline, accessible SVG bar chart. Each category has its label on a
/// line of its own and one horizontal bar per series, with the exact value printed at the bar's
/// end. In Persian the layout is mirrored: labels and the axis on the right, bars growing leftwards.
/// Doubles are used for pixel geometry only; every number shown is the spec's preformatted text.
struct SVGChart: Sendable {
    let spec: ChartSpec
    let language: ReportLanguage
    let emptyText: String

    private static let width = 720.0
    private static let padding = 10.0
    private static let valueSpace = 170.0
    private static let labelHeight = 18.0
    private static let barHeight = 14.0
    private static let barGap = 3.0
    private static let groupGap = 10.0
    private static let legendHeight = 28.0
    private static let colors = ["#4a6fa5", "#e07b39", "#5a9a2a", "#8e5ea2"]

    private var rtl: Bool { language == .fa }
    private var digits: Numerals { Numerals(language: language) }

    private func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The `<svg>` element.
    func render() -> String {
        let series = max(1, spec.series.count)
        let groupHeight = Self.labelHeight + Double(series) * (Self.barHeight + Self.barGap) + Self.groupGap
        let plotTop = Self.legendHeight + 6
        let plotHeight = max(Double(spec.rows.count) * groupHeight, 30)
        let height = plotTop + plotHeight + 8
        let titleId = "\(spec.id)-title"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(Self.width)) \(number(height))\" "
        svg += "role=\"img\" aria-labelledby=\"\(titleId)\" direction=\"\(rtl ? "rtl" : "ltr")\" font-size=\"12\">\n"
        svg += "<title id=\"\(titleId)\">\(text(spec.title))</title>\n"
        svg += legend()
        // The axis: the line the bars grow from.
        let axisX = rtl ? Self.width - Self.padding : Self.padding
        svg += "<line x1=\"\(number(axisX))\" y1=\"\(number(plotTop))\" x2=\"\(number(axisX))\" y2=\"\(number(plotTop + plotHeight))\" stroke=\"#5f6b7a\" stroke-width=\"1\" />\n"
        if spec.rows.isEmpty {
            svg += "<text x=\"\(number(rtl ? axisX - 8 : axisX + 8))\" y=\"\(number(plotTop + 20))\" fill=\"#5f6b7a\">\(text(emptyText))</text>\n"
        }
        let maximum = spec.rows.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let scale = maximum > 0 ? (Self.width - 2 * Self.padding - Self.valueSpace) / maximum : 0
        for (index, row) in spec.rows.enumerated() {
            let top = plotTop + Double(index) * groupHeight
            svg += "<g>\n"
            let labelX = rtl ? Self.width - Self.padding - 4 : Self.padding + 4
            svg += "<text x=\"\(number(labelX))\" y=\"\(number(top + 13))\" font-weight=\"600\" fill=\"#1f2933\">\(text(row.label))</text>\n"
            for seriesIndex in 0..<series {
                let y = top + Self.labelHeight + Double(seriesIndex) * (Self.barHeight + Self.barGap)
                let value = seriesIndex < row.values.count ? row.values[seriesIndex] : nil
                let display = seriesIndex < row.display.count ? row.display[seriesIndex] : ""
                let length = max(0, (value ?? 0) * scale)
                let barX = rtl ? axisX - length : axisX
                if value != nil {
                    svg += "<rect x=\"\(number(barX))\" y=\"\(number(y))\" width=\"\(number(length))\" height=\"\(number(Self.barHeight))\" "
                    svg += "fill=\"\(Self.colors[seriesIndex % Self.colors.count])\" />\n"
                }
                let textX = rtl ? axisX - length - 4 : axisX + length + 4
                svg += "<text x=\"\(number(textX))\" y=\"\(number(y + 11))\" fill=\"#1f2933\">\(text(display))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// One coloured square and name per series, from the start side.
    private func legend() -> String {
        var result = ""
        var offset = Self.padding
        for (index, name) in spec.series.enumerated() {
            let squareX = rtl ? Self.width - offset - 12 : offset
            let textX = rtl ? squareX - 6 : squareX + 18
            result += "<rect x=\"\(number(squareX))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(Self.colors[index % Self.colors.count])\" />\n"
            result += "<text x=\"\(number(textX))\" y=\"18\" fill=\"#1f2933\">\(text(name))</text>\n"
            offset += 30 + Double(name.count) * 8
        }
        return result
    }

    /// Escaped text with the language's digits.
    private func text(_ value: String) -> String { htmlEscape(digits.digits(value)) }
}
