import TarazuCore

/// Checks a book's regions.geojson against its regions table: the file must be a valid
/// FeatureCollection (``RegionMap``), every shape must draw a known region, and a region without a
/// shape is a warning (maps show it as "no shape").
enum RegionMapCheck {
    static let fileName = "regions.geojson"

    static func check(_ text: String, file: String = fileName, regions: [Region], log: inout DiagnosticLog) {
        switch RegionMap.parse(text) {
        case .failure(let list):
            for problem in list.problems {
                log.error(file, row: problem.feature, column: problem.field, problem.reason)
            }
        case .success(let map):
            let known = Set(regions.map(\.code))
            for (index, shape) in map.shapes.enumerated() where !known.contains(PersianText.asciiDigits(shape.code)) {
                log.error(file, row: index + 1, column: "properties.region_code",
                          "region \(shape.code) is not in the regions table")
            }
            let drawn = Set(map.shapes.map { PersianText.asciiDigits($0.code) })
            let missing = regions.map(\.code).filter { !drawn.contains($0) }
            if !missing.isEmpty {
                log.warning(file, "no shape for region\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")): maps leave \(missing.count == 1 ? "it" : "them") blank")
            }
        }
    }
}
