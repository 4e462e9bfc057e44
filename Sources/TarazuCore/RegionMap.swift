import Foundation

/// A point of a region's outline, in degrees (GeoJSON order: longitude, then latitude).
public struct GeoPoint: Hashable, Sendable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One region's shape: its polygons, each an outer ring followed by its holes.
public struct RegionShape: Hashable, Sendable {
    /// The region code of regions.csv that this shape draws.
    public var code: String
    public var polygons: [[[GeoPoint]]]

    public init(code: String, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.polygons = polygons
    }
}

/// The regions of a book as shapes, read from the book's `regions.geojson`: a GeoJSON
/// FeatureCollection whose features carry the region code in `properties.region_code` (or
/// `properties.code`) and a Polygon or MultiPolygon geometry in longitude/latitude degrees.
///
/// A map that only arranges the regions (a grid standing in for their real boundaries, as the sample
/// book ships) says so: a top-level `"schematic": true`, or a collection `name` with the word
/// "schematic" (or «طرح‌واره»); pages then say it is a schematic map, not geography.
public struct RegionMap: Hashable, Sendable {
    public var shapes: [RegionShape]
    /// True when the file says its shapes are schematic, not the regions' real boundaries.
    public var isSchematic: Bool

    public init(shapes: [RegionShape], isSchematic: Bool = false) {
        self.shapes = shapes
        self.isSchematic = isSchematic
    }

    /// A problem in a regions GeoJSON: `feature` is the 1-based feature number when the problem is in one.
    public struct Problem: Error, Hashable, Sendable {
        public var feature: Int?
        public var field: String?
        public var reason: String
    }

    /// Reads a FeatureCollection, reporting every problem found (not only the first).
    public static func parse(_ text: String) -> Result<RegionMap, ProblemList> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return .failure(ProblemList([Problem(feature: nil, field: nil, reason: "not a JSON object: expected a GeoJSON FeatureCollection")]))
        }
        guard object["type"] as? String == "FeatureCollection", let features = object["features"] as? [Any] else {
            return .failure(ProblemList([Problem(feature: nil, field: "type", reason: "expected a GeoJSON FeatureCollection with a features array")]))
        }
        var shapes: [RegionShape] = []
        var problems: [Problem] = []
        var seen: Set<String> = []
        for (index, item) in features.enumerated() {
            let number = index + 1
            guard let feature = item as? [String: Any] else {
                problems.append(Problem(feature: number, field: nil, reason: "a feature must be a JSON object"))
                continue
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let rawCode = Self.code(in: properties) else {
                problems.append(Problem(feature: number, field: "properties.region_code", reason: "missing region code (properties.region_code or properties.code)"))
                continue
            }
            let code = PersianText.normalize(rawCode).trimmingCharacters(in: .whitespaces)
            guard seen.insert(code).inserted else {
                problems.append(Problem(feature: number, field: "properties.region_code", reason: "region \(code) has a second shape: merge them into one MultiPolygon"))
                continue
            }
            do {
                shapes.append(RegionShape(code: code, polygons: try Self.polygons(of: feature["geometry"])))
            } catch {
                problems.append(Problem(feature: number, field: "geometry", reason: "region \(code): \(error.reason)"))
            }
        }
        return problems.isEmpty ? .success(RegionMap(shapes: shapes, isSchematic: Self.saysSchematic(object))) : .failure(ProblemList(problems))
    }

    /// Every problem found in one file.
    public struct ProblemList: Error, Sendable {
        public var problems: [Problem]
        public init(_ problems: [Problem]) { self.problems = problems }
    }

    private static func saysSchematic(_ collection: [String: Any]) -> Bool {
        if collection["schematic"] as? Bool == true { return true }
        guard let name = collection["name"] as? String else { return false }
        return name.lowercased().contains("schematic") || PersianText.normalize(name).contains(PersianText.normalize("طرح‌واره"))
    }

    private static func code(in properties: [String: Any]) -> String? {
        for key in ["region_code", "code"] {
            if let text = properties[key] as? String, !text.isEmpty { return text }
            if let number = properties[key] as? Int { return String(number) }
        }
        return nil
    }

    private struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func polygons(of geometry: Any?) throws(Failure) -> [[[GeoPoint]]] {
        guard let geometry = geometry as? [String: Any], let type = geometry["type"] as? String else {
            throw Failure("missing geometry")
        }
        switch type {
        case "Polygon":
            return [try polygon(geometry["coordinates"])]
        case "MultiPolygon":
            guard let parts = geometry["coordinates"] as? [Any], !parts.isEmpty else { throw Failure("a MultiPolygon needs at least one polygon") }
            var polygons: [[[GeoPoint]]] = []
            for part in parts { polygons.append(try polygon(part)) }
            return polygons
        default:
            throw Failure("geometry type \(type) is not supported: use Polygon or MultiPolygon")
        }
    }

    private static func polygon(_ value: Any?) throws(Failure) -> [[GeoPoint]] {
        guard let rings = value as? [Any], !rings.isEmpty else { throw Failure("a polygon needs at least one ring") }
        var polygon: [[GeoPoint]] = []
        for ring in rings {
            guard let positions = ring as? [Any], positions.count >= 4 else {
                throw Failure("a ring needs at least four positions (the first repeated at the end)")
            }
            var points: [GeoPoint] = []
            for position in positions {
                guard let pair = position as? [Any], pair.count >= 2,
                      let longitude = (pair[0] as? NSNumber)?.doubleValue, let latitude = (pair[1] as? NSNumber)?.doubleValue,
                      (-180...180).contains(longitude), (-90...90).contains(latitude)
                else { throw Failure("a position must be [longitude, latitude] in degrees") }
                points.append(GeoPoint(longitude: longitude, latitude: latitude))
            }
            guard points.first == points.last else { throw Failure("a ring must end where it starts") }
            polygon.append(points)
        }
        return polygon
    }
}
