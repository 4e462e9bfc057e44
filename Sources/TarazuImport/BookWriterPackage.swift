import Foundation
import TarazuCore

/// The `datapackage.json` the writer produces: the book's metadata, its resources with their
/// Table Schemas, and an FDP 0.3 `model` over the budget lines (notes/book-format.md).
struct BookWriterPackage: Encodable {
    struct City: Encodable {
        var nameFa: String?
        var nameEn: String?
        enum CodingKeys: String, CodingKey { case nameFa = "name_fa", nameEn = "name_en" }
    }

    struct Field: Encodable {
        var name: String
        var type: String
    }

    struct Schema: Encodable { var fields: [Field] }

    struct Resource: Encodable {
        var name: String
        var path: String
        var format: String
        var mediatype: String
        var encoding: String?
        var schema: Schema?
    }

    struct Measure: Encodable {
        var source: String
        var currency = "IRR"
        var factor: Int64
        var direction = "expenditure"
        var phase: String
        var resource = "budget_lines"
    }

    struct Attribute: Encodable { var source: String }

    struct Dimension: Encodable {
        var dimensionType: String
        var classificationType: String?
        var attributes: [String: Attribute]
        var primaryKey: [String]

        init(_ type: String, _ classification: String? = nil, _ attribute: String, _ source: String) {
            dimensionType = type
            classificationType = classification
            attributes = [attribute: Attribute(source: source)]
            primaryKey = [attribute]
        }
    }

    struct Model: Encodable {
        var measures: [String: Measure]
        var dimensions: [String: Dimension]
    }

    var name: String
    var title: String
    var titleFa: String?
    var description: String?
    var descriptionFa: String?
    var city: City?
    var calendar: String
    var amountUnit: String
    var resources: [Resource]
    var model: Model?

    enum CodingKeys: String, CodingKey {
        case name, title, description, city, calendar, amountUnit = "amount_unit", resources, model
        case titleFa = "title_fa", descriptionFa = "description_fa"
    }

    init(book: BudgetBook, unit: AmountUnit, tables: [BookWriterTable]) {
        let metadata = book.metadata
        name = metadata.name
        title = metadata.title
        titleFa = metadata.titleFa
        description = metadata.description
        descriptionFa = metadata.descriptionFa
        if metadata.cityFa != nil || metadata.cityEn != nil { city = City(nameFa: metadata.cityFa, nameEn: metadata.cityEn) }
        calendar = metadata.calendar.rawValue
        amountUnit = unit.rawValue
        resources = tables.map {
            Resource(name: $0.name, path: $0.fileName, format: "csv", mediatype: "text/csv", encoding: "utf-8",
                     schema: Schema(fields: $0.fields.map { Field(name: $0.name, type: $0.type) }))
        }
        if book.governanceYAML != nil {
            resources.append(Resource(name: "governance", path: BudgetBookWriter.governanceFile, format: "yaml",
                                      mediatype: "application/yaml"))
        }
        if book.regionsGeoJSON != nil {
            resources.append(Resource(name: "regions_map", path: RegionMapCheck.fileName, format: "geojson",
                                      mediatype: "application/geo+json"))
        }
        if !book.budgetLines.isEmpty {
            let factor = unit.rialsPerUnit
            var dimensions: [String: Dimension] = [
                "year": Dimension("datetime", nil, "year", "year"),
                "region": Dimension("location", nil, "code", "region_code"),
                "function": Dimension("classification", "functional", "code", "function"),
                "economic_class": Dimension("classification", "economic", "code", "economic_class"),
                "department": Dimension("classification", "administrative", "name", "department"),
                "program": Dimension("activity", nil, "name", "program"),
                "project": Dimension("activity", nil, "id", "project_id"),
                "line": Dimension("fact", nil, "id", "line_id"),
            ]
            if !book.entities.isEmpty {
                // Lines with a counterpart are transfers inside the group: cut them out for consolidated sums.
                dimensions["entity"] = Dimension("classification", "administrative", "code", "entity_code")
                dimensions["counterpart_entity"] = Dimension("classification", "administrative", "code", "counterpart_entity_code")
            }
            model = Model(
                measures: [
                    "approved": Measure(source: "approved", factor: factor, phase: "approved"),
                    "revised": Measure(source: "revised", factor: factor, phase: "adjusted"),
                    "realized": Measure(source: "realized", factor: factor, phase: "executed"),
                ],
                dimensions: dimensions)
        }
    }

    /// Pretty-printed JSON with sorted keys and a final newline: stable bytes for a stable book.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
