import Foundation

/// A schematic map of a city's regions for the sample book: a jittered grid of cells around the
/// city's centre, one cell per region, sharing edges so the map has no gaps. It shows where maps
/// go in the product; the shapes are NOT the regions' real boundaries (the GeoJSON says so).
enum SchematicRegionMap {
    /// A FeatureCollection with one Polygon per code, laid out in rows of `columns` cells, with
    /// coordinates rounded to 4 places. Deterministic for the same arguments.
    static func geoJSON(codes: [String], center: (longitude: Double, latitude: Double), columns: Int,
                        cell: (width: Double, height: Double)) -> String {
        let rows = (codes.count + columns - 1) / columns
        let west = center.longitude - Double(columns) * cell.width / 2
        let north = center.latitude + Double(rows) * cell.height / 2
        // Interior lattice points move by up to a fifth of a cell, by a fixed pattern.
        func point(_ column: Int, _ row: Int) -> (Double, Double) {
            let interior = column > 0 && column < columns && row > 0 && row < rows
            let nudge = interior ? Double((column * 7 + row * 3) % 5 - 2) / 10 : 0
            return (west + (Double(column) + nudge) * cell.width, north - (Double(row) - nudge / 2) * cell.height)
        }
        func text(_ value: Double) -> String { String(format: "%.4f", value) }
        let features = codes.enumerated().map { index, code -> String in
            let column = index % columns, row = index / columns
            let corners = [point(column, row), point(column + 1, row), point(column + 1, row + 1), point(column, row + 1), point(column, row)]
            let ring = corners.map { "[\(text($0.0)),\(text($0.1))]" }.joined(separator: ",")
            return #"{"type":"Feature","properties":{"region_code":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#
        }
        return #"{"type":"FeatureCollection","name":"schematic regions (not real boundaries)","features":["#
            + "\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}
