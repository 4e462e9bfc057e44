import Foundation
import TarazuCore
import TarazuTabular

/// One table of a book as the writer lays it out: canonical columns with their Table Schema
/// types, and a function that renders a row.
struct BookWriterTable {
    var name: String
    var fields: [(name: String, type: String)]
    var rowCount: Int
    var row: (Int) -> [String]
    /// Written even without rows (functions: the reader then needs no defaults).
    var alwaysWritten = false

    var fileName: String { name + ".csv" }
    var isWritten: Bool { alwaysWritten || rowCount > 0 }

    /// Rows rendered and written per chunk, so that a million-line book needs little memory.
    static let chunkSize = 20_000

    func write(to url: URL, formulas: CSVWriter.Formulas) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let header = fields.map(\.name)
        var start = 0
        repeat {
            let end = min(start + Self.chunkSize, rowCount)
            let rows = (start..<end).map(row)
            // CSVWriter writes its header argument as the first line: after the first chunk the
            // "header" is simply the chunk's first row.
            let text = start == 0 ? CSVWriter.write(header: header, rows: rows, formulas: formulas)
                : CSVWriter.write(header: rows[0], rows: Array(rows.dropFirst()), formulas: formulas)
            try handle.write(contentsOf: Data(text.utf8))
            start = end
        } while start < rowCount
    }

    static func tables(of book: BudgetBook, unit: AmountUnit) -> [BookWriterTable] {
        let per = unit.rialsPerUnit
        func amount(_ money: Money?) -> String { money.map { String($0.rials / per) } ?? "" }
        func text(_ value: String?) -> String { value ?? "" }
        func number(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "" }
        func integer<T: BinaryInteger>(_ value: T?) -> String { value.map { String($0) } ?? "" }

        let functions = book.functions, regions = book.regions, entities = book.entities
        let lines = book.budgetLinesWithTransfers, revenues = book.revenuesWithTransfers
        let projects = book.projects, authorizations = book.authorizations, deflator = book.deflator
        // The entity columns only in a book with entities, so other books are written as before.
        let entityFields: [(name: String, type: String)] = entities.isEmpty ? [] : [("entity_code", "string"), ("counterpart_entity_code", "string")]
        func entityCells(_ entity: String?, _ counterpart: String?) -> [String] { entities.isEmpty ? [] : [text(entity), text(counterpart)] }
        return [
            BookWriterTable(
                name: "functions", fields: [("function_code", "string"), ("name_fa", "string"), ("name_en", "string")],
                rowCount: functions.count, row: { [functions[$0].code, functions[$0].nameFa, functions[$0].nameEn] },
                alwaysWritten: true),
            BookWriterTable(
                name: "regions",
                fields: [("region_code", "string"), ("name_fa", "string"), ("name_en", "string"), ("population", "integer"),
                         ("area_km2", "number"), ("zone", "string")],
                rowCount: regions.count,
                row: {
                    let region = regions[$0]
                    return [region.code, region.nameFa, text(region.nameEn), String(region.population),
                            number(region.areaKm2), text(region.zone)]
                }),
            BookWriterTable(
                name: "entities",
                fields: [("entity_code", "string"), ("kind", "string"), ("name_fa", "string"), ("name_en", "string"),
                         ("parent", "string"), ("region_code", "string")],
                rowCount: entities.count,
                row: {
                    let entity = entities[$0]
                    return [entity.code, entity.kind.code, entity.nameFa, text(entity.nameEn), text(entity.parent), text(entity.regionCode)]
                }),
            BookWriterTable(
                name: "budget_lines",
                fields: [("year", "integer"), ("line_id", "string"), ("department", "string"), ("region_code", "string"),
                         ("function", "string"), ("program", "string"), ("project_id", "string"),
                         ("economic_class", "string"), ("is_contingency", "boolean"), ("approved", "integer"),
                         ("revised", "integer"), ("realized", "integer")] + entityFields,
                rowCount: lines.count,
                row: {
                    let line = lines[$0]
                    return [String(line.year), line.lineId, line.department, line.regionCode, line.function,
                            text(line.program), text(line.projectId), line.economicClass.code,
                            line.isContingency ? "true" : "false", amount(line.approved), amount(line.revised),
                            amount(line.realized)] + entityCells(line.entityCode, line.counterpartEntityCode)
                }),
            BookWriterTable(
                name: "revenues",
                fields: [("year", "integer"), ("line_id", "string"), ("revenue_class", "string"), ("region_code", "string"),
                         ("sustainable", "boolean"), ("approved", "integer"), ("revised", "integer"), ("realized", "integer")]
                    + entityFields,
                rowCount: revenues.count,
                row: {
                    let line = revenues[$0]
                    return [String(line.year), line.lineId, line.revenueClass.code, text(line.regionCode),
                            line.sustainable ? "true" : "false", amount(line.approved), amount(line.revised),
                            amount(line.realized)] + entityCells(line.entityCode, line.counterpartEntityCode)
                }),
            BookWriterTable(
                name: "projects",
                fields: [("project_id", "string"), ("name_fa", "string"), ("name_en", "string"), ("region_code", "string"),
                         ("function", "string"), ("type", "string"), ("start_year", "integer"),
                         ("planned_end_year", "integer"), ("planned_cost", "integer"),
                         ("current_cost_estimate", "integer"), ("physical_progress", "number"), ("status", "string")],
                rowCount: projects.count,
                row: {
                    let project = projects[$0]
                    return [project.projectId, project.nameFa, text(project.nameEn), project.regionCode, project.function,
                            project.type.code, integer(project.startYear), integer(project.plannedEndYear),
                            amount(project.plannedCost), amount(project.currentCostEstimate),
                            number(project.physicalProgress), text(project.status)]
                }),
            BookWriterTable(
                name: "authorizations",
                fields: [("year", "integer"), ("region_code", "string"), ("kind", "string"), ("authorized_amount", "integer"),
                         ("resolution_ref", "string"), ("resolution_date", "string")],
                rowCount: authorizations.count,
                row: {
                    let authorization = authorizations[$0]
                    return [String(authorization.year), authorization.regionCode, authorization.kind,
                            amount(authorization.authorizedAmount), text(authorization.resolutionRef),
                            text(authorization.resolutionDate)]
                }),
            BookWriterTable(
                name: "deflator", fields: [("year", "integer"), ("index", "number")], rowCount: deflator.count,
                row: { [String(deflator[$0].year), number(deflator[$0].index)] }),
        ]
    }
}
