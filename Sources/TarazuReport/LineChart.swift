import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML

/// One year of a time-series chart: an observed value, or a forecast with its intervals.
public struct LinePoint: Hashable, Sendable {
    public var year: Int
    /// The year as written in the report language.
    public var yearLabel: String
    /// True for a forecast year.
    public var isForecast: Bool
    /// The value for drawing only (rials as `Double`).
    public var value: Double
    /// The value as text, formatted exactly from whole rials.
    public var display: String
    /// The 80 % and 95 % intervals for drawing (forecasts only; nil when unknown).
    public var band80: ClosedRange<Double>?
    public var band95: ClosedRange<Double>?

    /// A point; `band80` and `band95` only for forecasts.
    public init(year: Int, yearLabel: String, isForecast: Bool, value: Double, display: String,
                band80: ClosedRange<Double>? = nil, band95: ClosedRange<Double>? = nil) {
        self.year = year
        self.yearLabel = yearLabel
        self.isForecast = isForecast
        self.value = value
        self.display = display
        self.band80 = band80
        self.band95 = band95
    }
}

/// A value-axis tick: its value for drawing and its exact text.
public struct LineTick: Hashable, Sendable {
    public var value: Double
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }

    /// Round ticks of an axis in billions of rials, from zero (or the first step below a negative `low`)
    /// to the first step at or above `high`: steps of 1, 2 or 5 × 10^k rials, at most about six ticks.
    public static func billions(low: Int64, high: Int64, numerals: Numerals) -> [LineTick] {
        let bottom = min(low, 0)
        let spread = max(high, 0) &- bottom
        guard spread > 0 else { return [LineTick(value: 0, label: numerals.billions(0))] }
        var magnitude: Int64 = 1
        while magnitude <= Int64.max / 10, magnitude * 10 <= spread / 4 { magnitude *= 10 }
        var step = magnitude
        for factor in [1, 2, 5, 10] as [Int64] where magnitude <= Int64.max / factor {
            step = magnitude * factor
            if spread / step <= 5 { break }
        }
        let first = bottom >= 0 ? 0 : -((-bottom + step - 1) / step) * step
        var result: [LineTick] = []
        var tick = first
        let places = step % 1_000_000_000 == 0 ? 0 : step % 100_000_000 == 0 ? 1 : 3
        while true {
            // A negative tick (a low forecast band) with its sign isolated, so it stays before the digits in Persian.
            let magnitude = numerals.fixed(Decimal(tick).magnitude / 1_000_000_000, places: places)
            let label = tick < 0 ? FigureText(language: numerals.language).signed(magnitude, negative: true) : magnitude
            result.append(LineTick(value: Double(tick), label: label))
            if tick >= high || tick > Int64.max - step { break }
            tick += step
        }
        return result
    }
}

/// A line chart of a series: history solid, forecast dashed, the 80 % interval as a shaded band
/// and the 95 % interval as a lighter one.
public struct LineChartSpec: Hashable, Sendable {
    /// A stable id (also the prefix of the SVG `<title>` id).
    public var id: String
    /// The title, also the figure caption.
    public var title: String
    /// What the numbers are (shown under the title).
    public var unitNote: String
    /// History first, then forecasts, by year.
    public var points: [LinePoint]
    /// Legend names: history, forecast, 80 % interval, 95 % interval.
    public var legend: [String]
    /// Value-axis ticks: the value for drawing and its exact text.
    public var ticks: [LineTick]
    /// Headers of the data-table form (Markdown): year, observed, forecast.
    public var tableHeader: [String]

    /// A chart description (see the properties).
    public init(id: String, title: String, unitNote: String, points: [LinePoint], legend: [String], ticks: [LineTick], tableHeader: [String]) {
        self.id = id
        self.title = title
        self.unitNote = unitNote
        self.points = points
        self.legend = legend
        self.ticks = ticks
        self.tableHeader = tableHeader
    }
}

/// Draws a `LineChartSpec` as an inline, accessible SVG line chart. Years run along the
/// horizontal axis, the value axis with its tick labels sits on the start side; in Persian the
/// chart is mirrored (value axis on the right, years running right to left). Doubles serve pixel
/// geometry only: every number shown is the spec's preformatted text.
public struct SVGLineChart: Sendable {
    let spec: LineChartSpec
    let language: ReportLanguage
    let emptyText: String

    /// A chart of `spec` in `language`; `emptyText` is drawn when there are no points.
    public init(spec: LineChartSpec, language: ReportLanguage, emptyText: String) {
        self.spec = spec
        self.language = language
        self.emptyText = emptyText
    }

    private static let width = 720.0
    private static let height = 300.0
    private static let axisSpace = 78.0
    private static let endSpace = 24.0
    /// Space between the value axis (and the far end) and the first (last) year.
    private static let inset = 28.0
    private static let top = 40.0
    private static let bottom = 256.0
    private static let lineColor = "#24527a"
    private static let forecastColor = "#e07b39"

    private var rtl: Bool { language == .fa }
    private var digits: Numerals { Numerals(language: language) }

    private func number(_ value: Double) -> String { String(format: "%.1f", value) }
    private func text(_ value: String) -> String { htmlEscape(digits.digits(value)) }

    /// The plot's extent along the horizontal axis, from the start side.
    private var plotStart: Double { Self.axisSpace }
    private var plotWidth: Double { Self.width - Self.axisSpace - Self.endSpace }

    /// The x of a position 0...1 across the plot: left to right in English, right to left in Persian.
    private func edge(_ fraction: Double) -> Double {
        rtl ? Self.width - plotStart - fraction * plotWidth : plotStart + fraction * plotWidth
    }

    /// The x of a position 0...1 along time, kept clear of the value axis.
    private func x(_ fraction: Double) -> Double { edge((Self.inset + fraction * (plotWidth - 2 * Self.inset)) / plotWidth) }

    /// The chart as an inline `<svg>` element (presentation attributes only, no style attribute).
    public func render() -> String {
        let titleId = "\(spec.id)-title"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(Self.width)) \(number(Self.height))\" "
        svg += "role=\"img\" aria-labelledby=\"\(titleId)\" direction=\"\(rtl ? "rtl" : "ltr")\" font-size=\"12\">\n"
        svg += "<title id=\"\(titleId)\">\(text(spec.title))</title>\n"
        svg += legend()
        let axisX = edge(0) + (rtl ? 8 : -8)
        guard !spec.points.isEmpty else {
            svg += "<text x=\"\(number(edge(0)))\" y=\"\(number(Self.top + 20))\" fill=\"#5f6b7a\">\(text(emptyText))</text>\n"
            return svg + "</svg>"
        }
        // Scale: from the lowest tick (or value) to the highest.
        let all = spec.points.flatMap { point -> [Double] in
            [point.value] + [point.band80, point.band95].compactMap { $0 }.flatMap { [$0.lowerBound, $0.upperBound] }
        } + spec.ticks.map(\.value)
        let low = min(all.min() ?? 0, 0)
        let high = max(all.max() ?? 1, low + 1)
        func y(_ value: Double) -> Double { Self.bottom - (value - low) / (high - low) * (Self.bottom - Self.top) }
        let first = spec.points[0].year
        let span = Double(max((spec.points.last?.year ?? first) - first, 1))
        func px(_ year: Int) -> Double { x(Double(year - first) / span) }

        // Grid and value axis.
        svg += "<g stroke=\"#c9d1da\" stroke-width=\"1\">\n"
        for tick in spec.ticks {
            svg += "<line x1=\"\(number(edge(0)))\" y1=\"\(number(y(tick.value)))\" x2=\"\(number(edge(1)))\" y2=\"\(number(y(tick.value)))\" />\n"
        }
        svg += "</g>\n"
        for tick in spec.ticks {
            svg += "<text x=\"\(number(axisX))\" y=\"\(number(y(tick.value) + 4))\" text-anchor=\"end\" fill=\"#5f6b7a\">\(text(tick.label))</text>\n"
        }
        svg += "<line x1=\"\(number(edge(0)))\" y1=\"\(number(Self.bottom))\" x2=\"\(number(edge(1)))\" y2=\"\(number(Self.bottom))\" stroke=\"#5f6b7a\" stroke-width=\"1\" />\n"
        for point in spec.points {
            svg += "<text x=\"\(number(px(point.year)))\" y=\"\(number(Self.bottom + 18))\" text-anchor=\"middle\" fill=\"#1f2933\">\(text(point.yearLabel))</text>\n"
        }

        let history = spec.points.filter { !$0.isForecast }
        let forecasts = spec.points.filter(\.isForecast)
        // Interval bands, anchored at the last observed value so they fan out from it.
        let anchor = history.last
        for (band, opacity, name) in [(\LinePoint.band95, "0.15", "interval-95"), (\LinePoint.band80, "0.3", "interval-80")] {
            let banded = forecasts.filter { $0[keyPath: band] != nil }
            guard !banded.isEmpty else { continue }
            var upper = banded.map { "\(number(px($0.year))),\(number(y($0[keyPath: band]!.upperBound)))" }
            var lower = banded.reversed().map { "\(number(px($0.year))),\(number(y($0[keyPath: band]!.lowerBound)))" }
            if let anchor {
                let start = "\(number(px(anchor.year))),\(number(y(anchor.value)))"
                upper.insert(start, at: 0)
                lower.append(start)
            }
            svg += "<polygon class=\"\(name)\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(Self.forecastColor)\" fill-opacity=\"\(opacity)\" stroke=\"none\" />\n"
        }
        // History solid, forecast dashed from the last observed value.
        if !history.isEmpty {
            svg += "<path class=\"history\" d=\"\(path(history.map { (px($0.year), y($0.value)) }))\" fill=\"none\" stroke=\"\(Self.lineColor)\" stroke-width=\"2\" />\n"
        }
        if !forecasts.isEmpty {
            let points = (anchor.map { [$0] } ?? []) + forecasts
            svg += "<path class=\"forecast\" d=\"\(path(points.map { (px($0.year), y($0.value)) }))\" fill=\"none\" stroke=\"\(Self.forecastColor)\" stroke-width=\"2\" stroke-dasharray=\"6 4\" />\n"
        }
        // Markers and value labels: every point when there are few, else the ends of the history and the forecasts.
        let labelled: Set<Int> = spec.points.count <= 8 ? Set(spec.points.map(\.year))
            : Set([history.first?.year, history.last?.year].compactMap { $0 } + forecasts.map(\.year))
        // A label that would overlap one already placed (or leave the drawing) is left out: the table has every value.
        var placed: [(left: Double, right: Double, top: Double, bottom: Double)] = []
        for point in spec.points {
            let color = point.isForecast ? Self.forecastColor : Self.lineColor
            let cx = px(point.year), cy = y(point.value)
            svg += "<circle cx=\"\(number(cx))\" cy=\"\(number(cy))\" r=\"3\" fill=\"\(color)\" />\n"
            guard labelled.contains(point.year) else { continue }
            let half = Self.labelWidth(point.display) / 2
            let box = (left: cx - half, right: cx + half, top: cy - 20, bottom: cy - 6)
            guard box.left >= 0, box.right <= Self.width,
                  !placed.contains(where: { $0.left < box.right + 4 && box.left < $0.right + 4 && $0.top < box.bottom && box.top < $0.bottom })
            else { continue }
            placed.append(box)
            svg += "<text x=\"\(number(cx))\" y=\"\(number(cy - 8))\" text-anchor=\"middle\" fill=\"#1f2933\">\(text(point.display))</text>\n"
        }
        return svg + "</svg>"
    }

    /// The width a 12-unit label takes, estimated generously (digits and letters are about 6.5 units wide).
    static func labelWidth(_ text: String) -> Double { Double(text.count) * 6.5 + 2 }

    private func path(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { index, point in "\(index == 0 ? "M" : "L")\(number(point.0)) \(number(point.1))" }.joined(separator: " ")
    }

    /// A line or swatch and a name per legend entry, from the start side.
    private func legend() -> String {
        var result = ""
        var offset = 10.0
        for (index, name) in spec.legend.enumerated() {
            let swatchX = rtl ? Self.width - offset - 22 : offset
            let textX = rtl ? swatchX - 6 : swatchX + 28
            switch index {
            case 0:
                result += "<line x1=\"\(number(swatchX))\" y1=\"14\" x2=\"\(number(swatchX + 22))\" y2=\"14\" stroke=\"\(Self.lineColor)\" stroke-width=\"2\" />\n"
            case 1:
                result += "<line x1=\"\(number(swatchX))\" y1=\"14\" x2=\"\(number(swatchX + 22))\" y2=\"14\" stroke=\"\(Self.forecastColor)\" stroke-width=\"2\" stroke-dasharray=\"6 4\" />\n"
            default:
                let opacity = index == 2 ? "0.3" : "0.15"
                result += "<rect x=\"\(number(swatchX))\" y=\"8\" width=\"22\" height=\"12\" fill=\"\(Self.forecastColor)\" fill-opacity=\"\(opacity)\" />\n"
            }
            result += "<text x=\"\(number(textX))\" y=\"18\" fill=\"#1f2933\">\(text(name))</text>\n"
            offset += 40 + Double(name.count) * 7
        }
        return result
    }
}
