import Foundation
import TarazuCore
import TarazuHTML

/// A choropleth map of a city's regions as inline SVG: each region's shape filled by the class of its
/// value (up to five classes by rank, quantiles, light to dark, so that one outlier does not wash the
/// others into one colour), a
/// legend, the region codes at the shapes' centres, and each shape titled with its name and value for
/// screen readers and hover. Regions without a value are hatched grey. Pair it with a table of the
/// same figures: the map alone is not accessible data.
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

    /// The SVG element. `formatBound` writes a class bound for the legend; `digits` turns the codes
    /// into the page's digits.
    public static func svg(map: RegionMap, entries: [Entry], title: String, noValueText: String,
                           formatBound: (Decimal) -> String, digits: (String) -> String) -> String {
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
        var svg = ##"<svg class="choropleth" role="img" aria-label="\##(htmlEscape(title))" viewBox="0 0 \##(fmt(width)) \##(fmt(mapHeight + 70))" xmlns="http://www.w3.org/2000/svg">"##
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
                svg += ##"<text x="\##(fmt(x))" y="\##(fmt(y))" text-anchor="middle" dominant-baseline="middle" font-size="13" fill="\##(dark ? "#ffffff" : "#222222")" aria-hidden="true">\##(htmlEscape(digits(shape.code)))</text>"##
            }
        }
        // Legend: each used class with the smallest and largest value in it, then "no value".
        let legendY = mapHeight + 12
        let swatch = (width - 2 * margin) / Double(palette.count + 1)
        for (index, color) in palette.enumerated() {
            guard let range = classes.ranges[index] else { continue }
            let x = margin + Double(index) * swatch
            let label = range.lowerBound == range.upperBound ? formatBound(range.lowerBound)
                : formatBound(range.lowerBound) + "–" + formatBound(range.upperBound)
            svg += ##"<rect x="\##(fmt(x))" y="\##(fmt(legendY))" width="\##(fmt(swatch - 4))" height="14" fill="\##(color)" stroke="#999999" stroke-width="0.5"/>"##
            svg += ##"<text x="\##(fmt(x + (swatch - 4) / 2))" y="\##(fmt(legendY + 32))" text-anchor="middle" font-size="11" fill="#333333">\##(htmlEscape(label))</text>"##
        }
        let x = margin + Double(palette.count) * swatch
        svg += ##"<rect x="\##(fmt(x))" y="\##(fmt(legendY))" width="\##(fmt(swatch - 4))" height="14" fill="url(#no-value)" stroke="#999999" stroke-width="0.5"/>"##
        svg += ##"<text x="\##(fmt(x + (swatch - 4) / 2))" y="\##(fmt(legendY + 32))" text-anchor="middle" font-size="11" fill="#333333">\##(htmlEscape(noValueText))</text>"##
        return svg + "</svg>"
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
