import Testing
@testable import TarazuCore

@Suite struct RegionMapTests {
    static func square(_ code: String, x: Double, codeKey: String = "region_code") -> String {
        let ring = "[[\(x),38],[\(x + 1),38],[\(x + 1),39],[\(x),39],[\(x),38]]"
        return #"{"type":"Feature","properties":{"\#(codeKey)":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
    }

    static func collection(_ features: [String]) -> String {
        #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
    }

    @Test func readsPolygonsAndMultiPolygonsWithTheirCodes() throws {
        let multi = #"{"type":"Feature","properties":{"code":"۳"},"geometry":{"type":"MultiPolygon","coordinates":[[[[5,38],[6,38],[6,39],[5,38]]],[[[7,38],[8,38],[8,39],[7,38]]]]}}"#
        let map = try RegionMap.parse(Self.collection([Self.square("1", x: 1), Self.square("2", x: 2), multi])).get()
        #expect(map.shapes.map(\.code) == ["1", "2", "۳"])
        #expect(map.shapes[0].polygons.count == 1)
        #expect(map.shapes[0].polygons[0][0].count == 5)
        #expect(map.shapes[0].polygons[0][0][1] == GeoPoint(longitude: 2, latitude: 38))
        #expect(map.shapes[2].polygons.count == 2)
    }

    @Test func aMapSaysWhenItIsSchematic() throws {
        let plain = try RegionMap.parse(Self.collection([Self.square("1", x: 1)])).get()
        #expect(!plain.isSchematic)
        let named = #"{"type":"FeatureCollection","name":"schematic regions (not real boundaries)","features":[\#(Self.square("1", x: 1))]}"#
        #expect(try RegionMap.parse(named).get().isSchematic)
        let flagged = #"{"type":"FeatureCollection","schematic":true,"name":"Tabriz","features":[\#(Self.square("1", x: 1))]}"#
        #expect(try RegionMap.parse(flagged).get().isSchematic)
        let real = #"{"type":"FeatureCollection","name":"Tabriz municipal regions","features":[\#(Self.square("1", x: 1))]}"#
        #expect(try !RegionMap.parse(real).get().isSchematic)
    }

    @Test func reportsEveryProblemWithItsFeatureNumber() {
        let open = #"{"type":"Feature","properties":{"region_code":"4"},"geometry":{"type":"Polygon","coordinates":[[[1,38],[2,38],[2,39],[1,39]]]}}"#
        let point = #"{"type":"Feature","properties":{"region_code":"5"},"geometry":{"type":"Point","coordinates":[1,38]}}"#
        let outOfRange = #"{"type":"Feature","properties":{"region_code":"6"},"geometry":{"type":"Polygon","coordinates":[[[1,98],[2,38],[2,39],[1,98]]]}}"#
        let noCode = #"{"type":"Feature","properties":{},"geometry":null}"#
        let text = Self.collection([Self.square("1", x: 1), Self.square("1", x: 2), open, point, outOfRange, noCode])
        guard case .failure(let list) = RegionMap.parse(text) else {
            Issue.record("expected problems")
            return
        }
        #expect(list.problems.map(\.feature) == [2, 3, 4, 5, 6])
        #expect(list.problems[0].reason.contains("second shape"))
        #expect(list.problems[1].reason.contains("end where it starts"))
        #expect(list.problems[2].reason.contains("Point is not supported"))
        #expect(list.problems[3].reason.contains("[longitude, latitude]"))
        #expect(list.problems[4].field == "properties.region_code")
    }

    @Test func refusesWhatIsNotAFeatureCollection() {
        for text in ["[]", "not json", #"{"type":"Feature"}"#] {
            guard case .failure(let list) = RegionMap.parse(text) else {
                Issue.record("accepted \(text)")
                continue
            }
            #expect(list.problems.count == 1)
            #expect(list.problems[0].feature == nil)
        }
    }

    @Test func theMapJoinsTheContentHashOnlyWhenPresent() {
        var book = BudgetBook(metadata: BookMetadata(name: "t", title: "T"))
        let plain = book.contentHash
        book.regionsGeoJSON = Self.collection([Self.square("1", x: 1)])
        #expect(book.contentHash != plain)
        #expect(book.regionMap?.shapes.count == 1)
        book.regionsGeoJSON = nil
        #expect(book.contentHash == plain)
    }
}
