import Foundation
import TarazuCore
import TarazuHTML

/// A choropleth map of a city's regions as inline SVG: each region's shape filled by the class of its
/// value (up to five classes by rank, quantiles, light to dark, so that one outlier does not wash the
/// others into one colour), the region codes at the shapes' centres, and each shape titled with its name
/// and value for screen readers and hover. Regions without a value are hatched grey. The legend is HTML
/// (``legend(entries:label:noValueText:through:formatBound:)``), so that it wraps and keeps the page's
/// text size on a phone, where the SVG shrinks to the screen. Pair it with a table of the same figures:
/// the map alone is not accessible data.
public enum ChoroplethMap {
    /// One region's figure.
    public struct Entry: Sendable {
        public var code: String
        public var name: String
        public var value: Decimal?
        /// The value as the page writes it (digits, unit).
        public var valueText: String

        public init(code: String, name: String, value: Decimal?, valueText: String) {
            self.code = code
            self.name = name
            self.value = value
            self.valueText = valueText
        }
    }

    /// Sequential blues (ColorBrewer "Blues", 5 classes), light to dark.
    static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    static let width = 560.0

    /// The SVG element, without its legend. `noValueText` titles a region without a value; `digits` turns
    /// the codes into the page's digits.
    public static func svg(map: RegionMap, entries: [Entry], title: String, noValueText: String,
                           digits: (String) -> String) -> String {
        let byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let points = map.shapes.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        guard let minLon = points.map(\.longitude).min(), let maxLon = points.map(\.longitude).max(),
              let minLat = points.map(\.latitude).min(), let maxLat = points.map(\.latitude).max(),
              maxLon > minLon, maxLat > minLat
        else { return "" }
        // Equirectangular, with longitude shortened by the cosine of the mean latitude.
        let aspect = cos((minLat + maxLat) / 2 * .pi / 180)
        let margin = 8.0
        let scale = (width - 2 * margin) / ((maxLon - minLon) * aspect)
        let mapHeight = (maxLat - minLat) * scale + 2 * margin
        func project(_ point: GeoPoint) -> (Double, Double) {
            (margin + (point.longitude - minLon) * aspect * scale, margin + (maxLat - point.latitude) * scale)
        }
        let classes = Self.classes(of: entries.compactMap(\.value))
        var svg = ##"<svg class="choropleth" role="img" aria-label="\##(htmlEscape(title))" viewBox="0 0 \##(fmt(width)) \##(fmt(mapHeight))" xmlns="http://www.w3.org/2000/svg">"##
        svg += ##"<defs><pattern id="no-value" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bbbbbb" stroke-width="2"/></pattern></defs>"##
        for shape in map.shapes {
            let entry = byCode[shape.code]
            let fill = entry?.value.flatMap { classes.index[$0] }.map { palette[$0] } ?? "url(#no-value)"
            let path = shape.polygons.flatMap { $0 }.map { ring in
                ring.enumerated().map { index, point in
                    let (x, y) = project(point)
                    return "\(index == 0 ? "M" : "L")\(fmt(x)) \(fmt(y))"
                }.joined() + "Z"
            }.joined()
            let label = "\(entry?.name ?? shape.code): \(entry?.valueText ?? noValueText)"
            svg += ##"<path d="\##(path)" fill="\##(fill)" stroke="#ffffff" stroke-width="1.5" fill-rule="evenodd"><title>\##(htmlEscape(label))</title></path>"##
            if let outer = shape.polygons.first?.first, outer.count > 1 {
                let ring = outer.dropLast().map(project)
                let x = ring.map(\.0).reduce(0, +) / Double(ring.count), y = ring.map(\.1).reduce(0, +) / Double(ring.count)
                let dark = (entry?.value.flatMap { classes.index[$0] } ?? 0) >= 3
                svg += ##"<text x="\##(fmt(x))" y="\##(fmt(y))" text-anchor="middle" dominant-baseline="middle" font-size="20" fill="\##(dark ? "#ffffff" : "#222222")" aria-hidden="true">\##(htmlEscape(digits(shape.code)))</text>"##
            }
        }
        return svg + "</svg>"
    }

    /// The legend of the map of `entries`, an HTML list labelled `label`: each used class, light to dark in
    /// reading order, with the smallest and largest value in it joined by `through` ("–", or « تا » in
    /// Persian) and written by `formatBound`, then `noValueText` by the hatch of regions without a value.
    public static func legend(entries: [Entry], label: String, noValueText: String, through: String,
                              formatBound: (Decimal) -> String) -> HTMLNode {
        let ranges = classes(of: entries.compactMap(\.value)).ranges
        return .line("ul", ["class": "map-legend", "aria-label": label]) {
            for (index, color) in palette.enumerated() {
                if let range = ranges[index] {
                    key(color, range.lowerBound == range.upperBound ? formatBound(range.lowerBound)
                        : formatBound(range.lowerBound) + through + formatBound(range.upperBound))
                }
            }
            // The hatch is the map's pattern (`#no-value`), defined in the SVG the legend goes with.
            key("url(#no-value)", noValueText)
        }
    }

    /// One entry of the legend: a swatch filled with `fill`, then `text`.
    private static func key(_ fill: String, _ text: String) -> HTMLNode {
        .element("li") {
            HTMLNode.element("svg", ["width": "28", "height": "16", "viewBox": "0 0 28 16", "aria-hidden": "true", "focusable": "false"]) {
                HTMLNode.selfClosing("rect", ["x": "0.5", "y": "0.5", "width": "27", "height": "15", "fill": fill, "stroke": "#767676"])
            }
            text
        }
    }

    /// The class of each value and the range of values in each used class: by rank among the sorted
    /// values (equal values share a class); fewer values than classes spread over the whole palette.
    static func classes(of values: [Decimal]) -> (index: [Decimal: Int], ranges: [Int: ClosedRange<Decimal>]) {
        let sorted = values.sorted()
        let count = sorted.count, top = palette.count - 1
        var index: [Decimal: Int] = [:]
        var ranges: [Int: ClosedRange<Decimal>] = [:]
        for (rank, value) in sorted.enumerated() where index[value] == nil {
            let level = count <= 1 ? top : count < palette.count ? rank * top / (count - 1) : min(top, rank * palette.count / count)
            index[value] = level
            ranges[level] = ranges[level].map { $0.lowerBound...value } ?? value...value
        }
        return (index, ranges)
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
