import Foundation
import Testing
import TarazuCore
@testable import TarazuReport

@Suite struct ChoroplethMapTests {
    /// Three unit squares side by side (west to east: 1, 2, 3) at 38° N.
    let map = RegionMap(shapes: (1...3).map { index in
        let x = Double(index)
        let ring = [(x, 38.0), (x + 1, 38.0), (x + 1, 39.0), (x, 39.0), (x, 38.0)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }
        return RegionShape(code: String(index), polygons: [[ring]])
    })

    func entries(_ values: [String: Decimal?]) -> [ChoroplethMap.Entry] {
        values.map { code, value in
            ChoroplethMap.Entry(code: code, name: "Region <\(code)>", value: value, valueText: value.map { "\($0)" } ?? "n/a")
        }
    }

    func render(_ values: [String: Decimal?]) -> String {
        ChoroplethMap.svg(map: map, entries: entries(values), title: "Spending per person", noValueText: "no value", digits: { $0 })
    }

    func legend(_ values: [String: Decimal?]) -> String {
        ChoroplethMap.legend(entries: entries(values), label: "Key <1>", noValueText: "no value", through: " to ", formatBound: { "\($0)" }).render()
    }

    func paths(_ svg: String) -> [(fill: String, title: String)] {
        let pattern = try! NSRegularExpression(pattern: #"<path d="[^"]+" fill="([^"]+)"[^>]*><title>([^<]*)</title>"#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (String(svg[Range(match.range(at: 1), in: svg)!]), String(svg[Range(match.range(at: 2), in: svg)!]))
        }
    }

    @Test func fillsEachRegionByItsClassFromLightToDark() {
        let svg = render(["1": 10, "2": 55, "3": 100])
        let drawn = paths(svg)
        #expect(drawn.count == 3)
        #expect(drawn.map(\.fill) == [ChoroplethMap.palette[0], ChoroplethMap.palette[2], ChoroplethMap.palette[4]])
        // Titles name the region (escaped) and its value.
        #expect(drawn[0].title == "Region &lt;1&gt;: 10")
        #expect(svg.contains(#"aria-label="Spending per person""#))
        #expect(!svg.contains("<script"))
    }

    @Test func theLegendIsAListOfTheUsedClassesInOrderThenNoValue() {
        let html = legend(["1": 10, "2": 55, "3": 100, "4": 120, "5": nil])
        #expect(html.hasPrefix(#"<ul class="map-legend" aria-label="Key &lt;1&gt;">"#))
        let fills = html.matches(of: /fill="([^"]+)"/).map { String($0.1) }
        #expect(fills == [ChoroplethMap.palette[0], ChoroplethMap.palette[1], ChoroplethMap.palette[2], ChoroplethMap.palette[4], "url(#no-value)"])
        let texts = html.matches(of: /<\/svg>([^<]*)<\/li>/).map { String($0.1) }
        #expect(texts == ["10", "55", "100", "120", "no value"])
        // A class holding several values names its bounds.
        #expect(legend(["1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6]).contains("</svg>1 to 2</li>"))
    }

    @Test func quantileClassesKeepAnOutlierFromWashingOutTheRest() {
        let values: [Decimal] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]
        let classes = ChoroplethMap.classes(of: values)
        #expect(values.map { classes.index[$0]! } == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(classes.ranges[4] == 9...1000)
        #expect(classes.ranges[0] == 1...2)
        // Ties share a class.
        let tied = ChoroplethMap.classes(of: [5, 5, 5, 5, 5, 9])
        #expect(tied.index[5] == 0)
        #expect(tied.index[9] == 4)
    }

    @Test func regionsWithoutAValueAreHatched() {
        let drawn = paths(render(["1": 10, "2": nil, "3": 20]))
        #expect(drawn.map(\.fill) == [ChoroplethMap.palette[0], "url(#no-value)", ChoroplethMap.palette[4]])
        #expect(drawn[1].title == "Region &lt;2&gt;: n/a")
    }

    @Test func theProjectionKeepsWestOnTheLeftAndNorthOnTop() throws {
        let svg = render(["1": 1, "2": 2, "3": 3])
        let starts = try NSRegularExpression(pattern: #"<path d="M([0-9.]+) ([0-9.]+)"#)
            .matches(in: svg, range: NSRange(svg.startIndex..., in: svg))
            .map { Double(svg[Range($0.range(at: 1), in: svg)!])! }
        #expect(starts == starts.sorted())
        #expect(starts.count == 3)
        // Squares of one degree: at 38.5° N a degree of longitude is cos(38.5°) of a degree of latitude.
        let width = (560.0 - 16) / 3
        #expect(abs((starts[1] - starts[0]) - width) < 0.2)
    }
}
