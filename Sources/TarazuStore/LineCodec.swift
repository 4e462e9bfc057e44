import Foundation
import SQLKit
import TarazuCore

/// How one kind of book line maps to the columns of its table (besides `book_id` and `seq`).
struct LineCodec<Line: Sendable>: Sendable {
    let table: String
    let columns: [String]
    /// The line's values, in the order of `columns`.
    let encode: @Sendable (Line) -> [any SQLExpression]
    let decode: @Sendable (ColumnReader) throws -> Line
    /// The column that ties a row to its book (or stored package).
    var owner = "book_id"
}

/// Values for an insert. Text is a bound parameter; integers and booleans are written as SQL literals
/// (formatted from the numbers themselves, so exact and safe), which keeps bulk INSERTs small and fast;
/// nil is NULL.
enum Value {
    static func of(_ value: String) -> any SQLExpression { SQLBind(value) }
    static func of(_ value: String?) -> any SQLExpression { value.map(of) ?? SQLLiteral.null }
    static func of(_ value: Int) -> any SQLExpression { SQLLiteral.numeric(String(value)) }
    static func of(_ value: Int?) -> any SQLExpression { value.map(of) ?? SQLLiteral.null }
    static func of(_ value: Int64) -> any SQLExpression { SQLLiteral.numeric(String(value)) }
    static func of(_ value: Bool) -> any SQLExpression { SQLLiteral.boolean(value) }
    static func of(_ value: Money) -> any SQLExpression { of(value.rials) }
    static func of(_ value: Money?) -> any SQLExpression { value.map(of) ?? SQLLiteral.null }
    /// Decimals are stored as their exact text.
    static func of(_ value: Decimal) -> any SQLExpression { SQLBind(value.description) }
    static func of(_ value: Decimal?) -> any SQLExpression { value.map(of) ?? SQLLiteral.null }
}

/// Reads typed values from a result row, naming the table and column when a value is not what was stored.
struct ColumnReader {
    let row: any SQLRow
    let table: String

    func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
    func optionalText(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64.self)) }
    func optionalInt(_ column: String) throws -> Int? { try row.decode(column: column, as: Int64?.self).map { Int($0) } }
    func int64(_ column: String) throws -> Int64 { try row.decode(column: column, as: Int64.self) }
    func bool(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
    func money(_ column: String) throws -> Money { Money(rials: try int64(column)) }
    func optionalMoney(_ column: String) throws -> Money? { try row.decode(column: column, as: Int64?.self).map(Money.init(rials:)) }

    func decimal(_ column: String) throws -> Decimal {
        let text = try text(column)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            throw StoreError.unreadable(table: table, column: column, value: text)
        }
        return value
    }

    func optionalDecimal(_ column: String) throws -> Decimal? {
        try optionalText(column) == nil ? nil : try decimal(column)
    }

    func code<Code: RawRepresentable>(_ column: String, as type: Code.Type) throws -> Code where Code.RawValue == String {
        let text = try text(column)
        guard let value = Code(rawValue: text) else { throw StoreError.unreadable(table: table, column: column, value: text) }
        return value
    }
}

/// The codecs of the book's tables.
enum LineCodecs {
    static let functions = LineCodec<BudgetFunction>(
        table: "functions",
        columns: ["code", "name_fa", "name_en"],
        encode: { [Value.of($0.code), Value.of($0.nameFa), Value.of($0.nameEn)] },
        decode: { try BudgetFunction(code: $0.text("code"), nameFa: $0.text("name_fa"), nameEn: $0.text("name_en")) }
    )

    static let regions = LineCodec<Region>(
        table: "regions",
        columns: ["code", "name_fa", "name_en", "population", "area_km2", "zone"],
        encode: { [Value.of($0.code), Value.of($0.nameFa), Value.of($0.nameEn), Value.of($0.population),
                   Value.of($0.areaKm2), Value.of($0.zone)] },
        decode: {
            try Region(code: $0.text("code"), nameFa: $0.text("name_fa"), nameEn: $0.optionalText("name_en"),
                       population: $0.int64("population"), areaKm2: $0.optionalDecimal("area_km2"), zone: $0.optionalText("zone"))
        }
    )

    static let entities = LineCodec<Entity>(
        table: "entities",
        columns: ["code", "kind", "name_fa", "name_en", "parent", "region_code"],
        encode: { [Value.of($0.code), Value.of($0.kind.rawValue), Value.of($0.nameFa), Value.of($0.nameEn), Value.of($0.parent),
                   Value.of($0.regionCode)] },
        decode: {
            try Entity(code: $0.text("code"), kind: $0.code("kind", as: EntityKind.self), nameFa: $0.text("name_fa"),
                       nameEn: $0.optionalText("name_en"), parent: $0.optionalText("parent"), regionCode: $0.optionalText("region_code"))
        }
    )

    static let budgetLines = LineCodec<BudgetLine>(
        table: "budget_lines",
        columns: ["year", "line_id", "department", "region_code", "function", "program", "project_id",
                  "economic_class", "is_contingency", "approved", "revised", "realized", "entity_code", "counterpart_entity_code"],
        encode: { [Value.of($0.year), Value.of($0.lineId), Value.of($0.department), Value.of($0.regionCode),
                   Value.of($0.function), Value.of($0.program), Value.of($0.projectId), Value.of($0.economicClass.rawValue),
                   Value.of($0.isContingency), Value.of($0.approved), Value.of($0.revised), Value.of($0.realized),
                   Value.of($0.entityCode), Value.of($0.counterpartEntityCode)] },
        decode: {
            try BudgetLine(year: $0.int("year"), lineId: $0.text("line_id"), department: $0.text("department"),
                           regionCode: $0.text("region_code"), function: $0.text("function"), program: $0.optionalText("program"),
                           projectId: $0.optionalText("project_id"), economicClass: $0.code("economic_class", as: EconomicClass.self),
                           isContingency: $0.bool("is_contingency"), approved: $0.money("approved"),
                           revised: $0.optionalMoney("revised"), realized: $0.optionalMoney("realized"),
                           entityCode: $0.optionalText("entity_code"), counterpartEntityCode: $0.optionalText("counterpart_entity_code"))
        }
    )

    static let revenues = LineCodec<RevenueLine>(
        table: "revenues",
        columns: ["year", "line_id", "revenue_class", "region_code", "sustainable", "approved", "revised", "realized",
                  "entity_code", "counterpart_entity_code"],
        encode: { [Value.of($0.year), Value.of($0.lineId), Value.of($0.revenueClass.rawValue), Value.of($0.regionCode),
                   Value.of($0.sustainable), Value.of($0.approved), Value.of($0.revised), Value.of($0.realized),
                   Value.of($0.entityCode), Value.of($0.counterpartEntityCode)] },
        decode: {
            try RevenueLine(year: $0.int("year"), lineId: $0.text("line_id"),
                            revenueClass: $0.code("revenue_class", as: RevenueClass.self), regionCode: $0.optionalText("region_code"),
                            sustainable: $0.bool("sustainable"), approved: $0.money("approved"),
                            revised: $0.optionalMoney("revised"), realized: $0.optionalMoney("realized"),
                            entityCode: $0.optionalText("entity_code"), counterpartEntityCode: $0.optionalText("counterpart_entity_code"))
        }
    )

    static let projects = LineCodec<Project>(
        table: "projects",
        columns: ["project_id", "name_fa", "name_en", "region_code", "function", "type", "start_year", "planned_end_year",
                  "planned_cost", "current_cost_estimate", "physical_progress", "status"],
        encode: { [Value.of($0.projectId), Value.of($0.nameFa), Value.of($0.nameEn), Value.of($0.regionCode),
                   Value.of($0.function), Value.of($0.type.rawValue), Value.of($0.startYear), Value.of($0.plannedEndYear),
                   Value.of($0.plannedCost), Value.of($0.currentCostEstimate), Value.of($0.physicalProgress), Value.of($0.status)] },
        decode: {
            try Project(projectId: $0.text("project_id"), nameFa: $0.text("name_fa"), nameEn: $0.optionalText("name_en"),
                        regionCode: $0.text("region_code"), function: $0.text("function"), type: $0.code("type", as: ProjectType.self),
                        startYear: $0.optionalInt("start_year"), plannedEndYear: $0.optionalInt("planned_end_year"),
                        plannedCost: $0.money("planned_cost"), currentCostEstimate: $0.optionalMoney("current_cost_estimate"),
                        physicalProgress: $0.optionalDecimal("physical_progress"), status: $0.optionalText("status"))
        }
    )

    static let authorizations = LineCodec<Authorization>(
        table: "authorizations",
        columns: ["year", "region_code", "kind", "authorized_amount", "resolution_ref", "resolution_date"],
        encode: { [Value.of($0.year), Value.of($0.regionCode), Value.of($0.kind), Value.of($0.authorizedAmount),
                   Value.of($0.resolutionRef), Value.of($0.resolutionDate)] },
        decode: {
            try Authorization(year: $0.int("year"), regionCode: $0.text("region_code"), kind: $0.text("kind"),
                              authorizedAmount: $0.money("authorized_amount"), resolutionRef: $0.optionalText("resolution_ref"),
                              resolutionDate: $0.optionalText("resolution_date"))
        }
    )

    static let deflator = LineCodec<DeflatorPoint>(
        table: "deflator",
        columns: ["year", "price_index"],
        encode: { [Value.of($0.year), Value.of($0.index)] },
        decode: { try DeflatorPoint(year: $0.int("year"), index: $0.decimal("price_index")) }
    )

    /// Every line table, children of `books`, for deleting a book.
    static let tables = [functions.table, regions.table, entities.table, budgetLines.table, revenues.table, projects.table,
                         authorizations.table, deflator.table]
}

extension LineCodecs {
    /// The facts of a stored Fiscal Data Package: attribute values and measures as JSON arrays of
    /// strings, so that any number of columns and exact decimals fit one schema.
    static let cubeFacts = LineCodec<CubeFact>(
        table: "cube_facts",
        columns: ["attributes_json", "measures_json"],
        encode: { fact in
            [Value.of(JSONArrayText.encode(fact.attributes)), Value.of(JSONArrayText.encode(fact.measures.map { $0.map { "\($0)" } }))]
        },
        decode: { reader in
            let attributes = try JSONArrayText.decode(reader.text("attributes_json"), table: "cube_facts", column: "attributes_json")
            let measureTexts = try JSONArrayText.decode(reader.text("measures_json"), table: "cube_facts", column: "measures_json")
            let measures = try measureTexts.map { text -> Decimal? in
                guard let text else { return nil }
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                    throw StoreError.unreadable(table: "cube_facts", column: "measures_json", value: text)
                }
                return value
            }
            return CubeFact(attributes: attributes.map { $0 ?? "" }, measures: measures)
        },
        owner: "cube_id"
    )
}

/// One fact of a stored cube.
struct CubeFact: Sendable {
    var attributes: [String]
    var measures: [Decimal?]
}

/// JSON arrays of strings (or nulls) as text.
enum JSONArrayText {
    static func encode(_ values: [String?]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values.map { $0 as Any? ?? NSNull() })) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func encode(_ values: [String]) -> String { encode(values.map(Optional.some)) }

    static func decode(_ text: String, table: String, column: String) throws -> [String?] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
            throw StoreError.unreadable(table: table, column: column, value: text)
        }
        return array.map { $0 as? String }
    }
}
