import Foundation
import TarazuCore
import TarazuTabular

/// Turns the raw tables of a budget book into a validated `BudgetBook`.
///
/// Every cell is normalized, parsed and checked; every problem is reported with its file, row and
/// column. Cross-table checks (unknown codes, duplicates, reconciliation) follow in `BookValidator`.
public enum BookAssembler {
    /// A book that passed, with the warnings found on the way.
    public struct Outcome: Sendable {
        public var book: BudgetBook
        public var warnings: [Diagnostic]
    }

    /// The longest book name accepted: names become URLs, file and folder names.
    public static let maximumNameLength = 64

    /// Builds the book from `tables` (keyed by table), or throws every error found (up to a cap).
    /// `governanceFile` and `mapFile` name the side files in messages.
    /// `otherTables`: the input's tables that are none of the book's (sheets, CSV files); in a book with an
    /// entities table, each one named after an entity is that entity's sources-and-uses table (``EntitySheet``).
    public static func assemble(_ tables: [BookTable: RawTable], metadata: BookMetadata,
                                governanceYAML: String? = nil, regionsGeoJSON: String? = nil,
                                governanceFile: String = "governance.yaml", mapFile: String = "regions.geojson",
                                otherTables: [RawTable] = [], errorCap: Int = 200) throws(InputRejected) -> Outcome {
        var log = DiagnosticLog(cap: errorCap)
        var book = BudgetBook(metadata: metadata, governanceYAML: governanceYAML, regionsGeoJSON: regionsGeoJSON)
        var positions = RowPositions()
        let unit = metadata.amountUnit
        let calendar = metadata.calendar

        checkName(metadata.name, log: &log)
        let entitySheets = tables[.entities] == nil ? [] : otherTables
        if tables[.budgetLines] == nil && entitySheets.isEmpty {
            log.error(metadata.name, "the book has no budget_lines table (budget_lines.csv, or a sheet named budget_lines)")
        }
        for (kind, table) in tables.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where table.rows.isEmpty && !table.header.isEmpty {
            if kind.isRequired {
                log.error(table.source, row: table.headerLine > 0 ? table.headerLine : nil,
                          "the \(kind.rawValue) table has a header but no rows: a book needs at least one (a file cut short?)")
            } else {
                log.warning(table.source, row: table.headerLine > 0 ? table.headerLine : nil,
                            "the \(kind.rawValue) table has a header but no rows")
            }
        }
        if let governanceYAML { GovernanceCheck.check(governanceYAML, file: governanceFile, log: &log) }
        if let table = tables[.functions], let cursor = TableCursor(table, schema: .functions, log: &log) {
            cursor.checkDuplicateKeys(["function_code"], label: "function code", log: &log)
            positions.sources[.functions] = table.source
            book.functions = readFunctions(cursor, rows: &positions.functions, log: &log)
        }
        if let table = tables[.regions], let cursor = TableCursor(table, schema: .regions, log: &log) {
            cursor.checkDuplicateKeys(["region_code"], label: "region code", log: &log)
            positions.sources[.regions] = table.source
            book.regions = readRegions(cursor, rows: &positions.regions, log: &log)
        }
        if let table = tables[.entities], let cursor = TableCursor(table, schema: .entities, log: &log) {
            cursor.checkDuplicateKeys(["entity_code"], label: "entity code", log: &log)
            positions.sources[.entities] = table.source
            book.entities = readEntities(cursor, rows: &positions.entities, rejected: &positions.rejectedEntities, log: &log)
        }
        if let table = tables[.budgetLines], let cursor = TableCursor(table, schema: .budgetLines, log: &log) {
            cursor.checkDuplicateKeys(["year", "line_id"], label: "line id (year/line_id)", log: &log)
            positions.sources[.budgetLines] = table.source
            book.budgetLines = readBudgetLines(cursor, rows: &positions.budgetLines, functions: book.functions, unit: unit, calendar: calendar, log: &log)
            positions.budgetLineSources = Array(repeating: table.source, count: book.budgetLines.count)
        }
        if let table = tables[.revenues], let cursor = TableCursor(table, schema: .revenues, log: &log) {
            cursor.checkDuplicateKeys(["year", "line_id"], label: "line id (year/line_id)", log: &log)
            positions.sources[.revenues] = table.source
            book.revenues = readRevenues(cursor, rows: &positions.revenues, unit: unit, calendar: calendar, log: &log)
            positions.revenueSources = Array(repeating: table.source, count: book.revenues.count)
        }
        readEntitySheets(entitySheets, into: &book, positions: &positions, log: &log)
        if let table = tables[.projects], let cursor = TableCursor(table, schema: .projects, log: &log) {
            cursor.checkDuplicateKeys(["project_id"], label: "project id", log: &log)
            positions.sources[.projects] = table.source
            book.projects = readProjects(cursor, rows: &positions.projects, functions: book.functions, unit: unit, calendar: calendar, log: &log)
        }
        if let table = tables[.authorizations], let cursor = TableCursor(table, schema: .authorizations, log: &log) {
            positions.sources[.authorizations] = table.source
            book.authorizations = readAuthorizations(cursor, rows: &positions.authorizations, unit: unit, calendar: calendar, log: &log)
        }
        if let table = tables[.deflator], let cursor = TableCursor(table, schema: .deflator, log: &log) {
            positions.sources[.deflator] = table.source
            book.deflator = readDeflator(cursor, rows: &positions.deflator, calendar: calendar, log: &log)
        }
        EntityCheck.resolve(&book, positions: positions, log: &log)
        BookValidator.check(book, positions: positions, log: &log)
        if let regionsGeoJSON { RegionMapCheck.check(regionsGeoJSON, file: mapFile, regions: book.regions, log: &log) }
        if log.hasErrors { throw InputRejected(log.report) }
        book.separateTransfers()
        return Outcome(book: book, warnings: log.report)
    }

    /// A book name is lowercase ASCII letters, digits, `-` and `_` (``BookLoader/slug(_:)`` makes one),
    /// at most ``maximumNameLength`` characters.
    private static func checkName(_ name: String, log: inout DiagnosticLog) {
        let shown = name.count > 40 ? "\"\(name.prefix(40))…\"" : "\"\(name)\""
        if name.isEmpty || name.count > maximumNameLength {
            log.error("book name", "\(shown) has \(name.count) characters; a book name needs 1 to \(maximumNameLength): "
                          + "give a shorter one (tarazu import --name, the datapackage.json name, or the folder or file name)")
        } else if !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) {
            log.error("book name", "\(shown) may hold only lowercase letters a-z, digits, - and _")
        }
    }

    private static func readFunctions(_ cursor: TableCursor, rows: inout [Int], log: inout DiagnosticLog) -> [BudgetFunction] {
        cursor.table.rows.compactMap { row in
            guard let code = cursor.requiredText(row, "function_code", log: &log),
                  let nameFa = cursor.requiredText(row, "name_fa", log: &log) else { return nil }
            rows.append(row.line)
            return BudgetFunction(code: PersianText.asciiDigits(code), nameFa: nameFa, nameEn: cursor.optionalText(row, "name_en") ?? code)
        }
    }

    private static func readRegions(_ cursor: TableCursor, rows: inout [Int], log: inout DiagnosticLog) -> [Region] {
        cursor.table.rows.compactMap { row in
            let code = cursor.requiredText(row, "region_code", log: &log)
            let name = cursor.requiredText(row, "name_fa", log: &log)
            let population = cursor.integer(row, "population", required: true, log: &log)
            let area = cursor.decimal(row, "area_km2", range: 0...1_000_000, required: false, log: &log)
            if let value = population.value, value < 0 {
                log.error(cursor.table.source, row: row.line, column: "population", "population cannot be negative")
                return nil
            }
            guard let code, let name, let people = population.value, !area.isInvalid else { return nil }
            rows.append(row.line)
            return Region(code: PersianText.asciiDigits(code), nameFa: name, nameEn: cursor.optionalText(row, "name_en"),
                          population: people, areaKm2: area.value, zone: cursor.optionalText(row, "zone"))
        }
    }

    /// Each entity's sources-and-uses table, read into the book's budget lines and revenues; a table whose
    /// rows all read is checked to reconcile. A table named after no entity is ignored, with a warning.
    private static func readEntitySheets(_ sheets: [RawTable], into book: inout BudgetBook, positions: inout RowPositions,
                                         log: inout DiagnosticLog) {
        let unit = book.metadata.amountUnit, calendar = book.metadata.calendar
        let matched = sheets.compactMap { EntitySheet.entity(named: $0.name, in: book.entities)?.code }
        let unmatched = sheets.filter { EntitySheet.entity(named: $0.name, in: book.entities) == nil }.map(\.name)
        if !matched.isEmpty {
            // Once entities come as their own tables, each entity needs one: a missing one would drop its budget.
            for (entity, row) in zip(book.entities, positions.entities) where !matched.contains(entity.code) {
                let found = unmatched.isEmpty ? "" : "; tables found but not matched: " + unmatched.map { "\"\($0)\"" }.joined(separator: ", ")
                log.error(positions.source(.entities), row: row, column: "entity_code",
                          "entity \"\(entity.code)\" (\(entity.nameFa)) has no sources-and-uses table of its own (a sheet or file named by its code or Persian name)\(found)")
            }
        }
        for sheet in sheets {
            guard let entity = EntitySheet.entity(named: sheet.name, in: book.entities) else {
                log.warning(sheet.source, "\"\(sheet.name)\" is neither a table of the book nor an entity of the entities table (by code or Persian name): ignored")
                continue
            }
            if sheet.rows.isEmpty {
                log.error(sheet.source, row: max(1, sheet.headerLine), "the table of entity \"\(entity.code)\" has a header but no rows: the entity would have no budget")
                continue
            }
            guard let split = EntitySheet.split(sheet, entity: entity, calendar: calendar, log: &log) else { continue }
            var uses: [BudgetLine] = [], sources: [RevenueLine] = []
            if let cursor = TableCursor(split.uses, schema: .budgetLines, log: &log) {
                cursor.checkDuplicateKeys(["year", "line_id"], label: "line id (year/line_id)", log: &log)
                uses = readBudgetLines(cursor, rows: &positions.budgetLines, functions: book.functions, unit: unit, calendar: calendar, log: &log)
                positions.budgetLineSources += Array(repeating: sheet.source, count: uses.count)
            }
            if let cursor = TableCursor(split.sources, schema: .revenues, log: &log) {
                cursor.checkDuplicateKeys(["year", "line_id"], label: "line id (year/line_id)", log: &log)
                sources = readRevenues(cursor, rows: &positions.revenues, unit: unit, calendar: calendar, log: &log)
                positions.revenueSources += Array(repeating: sheet.source, count: sources.count)
            }
            if uses.count == split.uses.rows.count, sources.count == split.sources.rows.count {
                split.reconcile(uses: uses, sources: sources, unit: unit, log: &log)
            }
            book.budgetLines += uses
            book.revenues += sources
        }
    }

    private static func readEntities(_ cursor: TableCursor, rows: inout [Int], rejected: inout Set<String>, log: inout DiagnosticLog) -> [Entity] {
        cursor.table.rows.compactMap { row in
            let code = cursor.requiredText(row, "entity_code", log: &log)
            let kindText = cursor.requiredText(row, "kind", log: &log)
            let kind = kindText.flatMap(EntityKind.parse)
            if let kindText, kind == nil {
                log.error(cursor.table.source, row: row.line, column: "kind",
                          "unknown entity kind \"\(kindText)\" (central, region, organization or company; in Persian ستاد، شهرداری منطقه، سازمان تابعه، شرکت تابعه)")
            }
            let name = cursor.requiredText(row, "name_fa", log: &log)
            guard let code, let kind, let name else {
                if let code { rejected.insert(PersianText.asciiDigits(code)) }
                return nil
            }
            rows.append(row.line)
            return Entity(code: PersianText.asciiDigits(code), kind: kind, nameFa: name, nameEn: cursor.optionalText(row, "name_en"),
                          parent: cursor.optionalText(row, "parent").map(PersianText.asciiDigits),
                          regionCode: cursor.optionalText(row, "region_code").map(PersianText.asciiDigits))
        }
    }

    private static func function(_ cursor: TableCursor, _ row: RawRow, functions: [BudgetFunction],
                                 cache: inout [String: String?], log: inout DiagnosticLog) -> String? {
        guard let text = cursor.requiredText(row, "function", log: &log) else { return nil }
        let found: String?
        if let cached = cache[text] {
            found = cached
        } else {
            found = BudgetFunction.find(text, in: functions)?.code
            cache[text] = found
        }
        guard let found else {
            let known = functions.map(\.code).joined(separator: ", ")
            log.error(cursor.table.source, row: row.line, column: "function", "unknown function \"\(text)\" (known: \(known))")
            return nil
        }
        return found
    }

    /// Parses a classification cell, remembering what each distinct text gave: budget tables repeat
    /// a handful of codes over thousands of rows.
    private static func classify<Value>(_ text: String, cache: inout [String: Value?], _ parse: (String) -> Value?) -> Value? {
        if let cached = cache[text] { return cached }
        let value = parse(text)
        cache[text] = value
        return value
    }

    private static func readBudgetLines(_ cursor: TableCursor, rows: inout [Int], functions: [BudgetFunction], unit: AmountUnit,
                                        calendar: BookCalendar, log: inout DiagnosticLog) -> [BudgetLine] {
        var lines: [BudgetLine] = []
        lines.reserveCapacity(cursor.table.rows.count)
        var functionCache: [String: String?] = [:]
        var classCache: [String: EconomicClass?] = [:]
        for row in cursor.table.rows {
            let year = cursor.year(row, "year", calendar: calendar, required: true, log: &log)
            let lineId = cursor.requiredText(row, "line_id", log: &log)
            let department = cursor.requiredText(row, "department", log: &log)
            let region = cursor.requiredText(row, "region_code", log: &log)
            let function = function(cursor, row, functions: functions, cache: &functionCache, log: &log)
            let classText = cursor.requiredText(row, "economic_class", log: &log)
            let economicClass = classText.flatMap { classify($0, cache: &classCache, EconomicClass.parse) }
            if let classText, economicClass == nil {
                log.error(cursor.table.source, row: row.line, column: "economic_class",
                          "unknown economic class \"\(classText)\" (current, capital, financial or هزینه‌ای, تملک دارایی‌های سرمایه‌ای, تملک دارایی‌های مالی)")
            }
            let contingency = cursor.boolean(row, "is_contingency", log: &log)
            let amounts = readAmounts(cursor, row, unit: unit, log: &log)
            guard let year = year.value, let lineId, let department, let region, let function, let economicClass,
                  !contingency.isInvalid, let amounts else { continue }
            rows.append(row.line)
            lines.append(BudgetLine(year: year, lineId: PersianText.asciiDigits(lineId), department: department,
                                    regionCode: PersianText.asciiDigits(region), function: function,
                                    program: cursor.optionalText(row, "program"),
                                    projectId: cursor.optionalText(row, "project_id").map(PersianText.asciiDigits),
                                    economicClass: economicClass, isContingency: contingency.value ?? false,
                                    approved: amounts.approved, revised: amounts.revised, realized: amounts.realized,
                                    entityCode: cursor.optionalText(row, "entity_code").map(PersianText.asciiDigits),
                                    counterpartEntityCode: cursor.optionalText(row, "counterpart_entity_code").map(PersianText.asciiDigits)))
        }
        return lines
    }

    /// Approved, revised and realized of a budget or revenue row. A revised or realized figure
    /// without an approved one is reported as such.
    private static func readAmounts(_ cursor: TableCursor, _ row: RawRow, unit: AmountUnit,
                                    log: inout DiagnosticLog) -> (approved: Money, revised: Money?, realized: Money?)? {
        let revised = cursor.money(row, "revised", unit: unit, required: false, log: &log)
        let realized = cursor.money(row, "realized", unit: unit, required: false, log: &log)
        let approved: Cell<Money>
        if cursor.text(row, "approved").isEmpty, revised.value != nil {
            log.error(cursor.table.source, row: row.line, column: "approved", "revised amount without an approved amount")
            approved = .invalid
        } else {
            approved = cursor.money(row, "approved", unit: unit, required: true, log: &log)
        }
        guard let approvedValue = approved.value, !revised.isInvalid, !realized.isInvalid else { return nil }
        return (approvedValue, revised.value, realized.value)
    }

    private static func readRevenues(_ cursor: TableCursor, rows: inout [Int], unit: AmountUnit, calendar: BookCalendar,
                                     log: inout DiagnosticLog) -> [RevenueLine] {
        var classCache: [String: RevenueClass?] = [:]
        return cursor.table.rows.compactMap { row in
            let year = cursor.year(row, "year", calendar: calendar, required: true, log: &log)
            let lineId = cursor.requiredText(row, "line_id", log: &log)
            let classText = cursor.requiredText(row, "revenue_class", log: &log)
            let revenueClass = classText.flatMap { classify($0, cache: &classCache, RevenueClass.parse) }
            if let classText, revenueClass == nil {
                let known = RevenueClass.allCases.map(\.code).joined(separator: ", ")
                log.error(cursor.table.source, row: row.line, column: "revenue_class", "unknown revenue class \"\(classText)\" (known: \(known))")
            }
            let sustainable = cursor.boolean(row, "sustainable", log: &log)
            let amounts = readAmounts(cursor, row, unit: unit, log: &log)
            guard let year = year.value, let lineId, let revenueClass, !sustainable.isInvalid, let amounts else { return nil }
            rows.append(row.line)
            return RevenueLine(year: year, lineId: PersianText.asciiDigits(lineId), revenueClass: revenueClass,
                               regionCode: cursor.optionalText(row, "region_code").map(PersianText.asciiDigits),
                               sustainable: sustainable.value, approved: amounts.approved,
                               revised: amounts.revised, realized: amounts.realized,
                               entityCode: cursor.optionalText(row, "entity_code").map(PersianText.asciiDigits),
                               counterpartEntityCode: cursor.optionalText(row, "counterpart_entity_code").map(PersianText.asciiDigits))
        }
    }

    private static func readProjects(_ cursor: TableCursor, rows: inout [Int], functions: [BudgetFunction], unit: AmountUnit,
                                     calendar: BookCalendar, log: inout DiagnosticLog) -> [Project] {
        var functionCache: [String: String?] = [:]
        var typeCache: [String: ProjectType?] = [:]
        return cursor.table.rows.compactMap { row in
            let id = cursor.requiredText(row, "project_id", log: &log)
            let name = cursor.requiredText(row, "name_fa", log: &log)
            let region = cursor.requiredText(row, "region_code", log: &log)
            let function = function(cursor, row, functions: functions, cache: &functionCache, log: &log)
            let typeText = cursor.text(row, "type")
            let type: ProjectType?
            if typeText.isEmpty {
                type = .other
            } else if let cached = typeCache[typeText] {
                type = cached
            } else {
                type = ProjectType.parse(typeText)
                typeCache[typeText] = type
            }
            if type == nil {
                let known = ProjectType.allCases.map(\.code).joined(separator: ", ")
                log.error(cursor.table.source, row: row.line, column: "type", "unknown project type \"\(typeText)\" (known: \(known))")
            }
            let start = cursor.year(row, "start_year", calendar: calendar, required: false, log: &log)
            let end = cursor.year(row, "planned_end_year", calendar: calendar, required: false, log: &log)
            let planned = cursor.money(row, "planned_cost", unit: unit, required: true, log: &log)
            let estimate = cursor.money(row, "current_cost_estimate", unit: unit, required: false, log: &log)
            let progress = cursor.decimal(row, "physical_progress", range: 0...100, required: false, log: &log)
            if let first = start.value, let last = end.value, last < first {
                log.error(cursor.table.source, row: row.line, column: "planned_end_year", "planned end \(last) is before the start \(first)")
                return nil
            }
            guard let id, let name, let region, let function, let type, !start.isInvalid, !end.isInvalid,
                  let plannedCost = planned.value, !estimate.isInvalid, !progress.isInvalid else { return nil }
            rows.append(row.line)
            return Project(projectId: PersianText.asciiDigits(id), nameFa: name, nameEn: cursor.optionalText(row, "name_en"),
                           regionCode: PersianText.asciiDigits(region), function: function, type: type,
                           startYear: start.value, plannedEndYear: end.value, plannedCost: plannedCost,
                           currentCostEstimate: estimate.value, physicalProgress: progress.value,
                           status: cursor.optionalText(row, "status"))
        }
    }

    private static func readAuthorizations(_ cursor: TableCursor, rows: inout [Int], unit: AmountUnit, calendar: BookCalendar,
                                           log: inout DiagnosticLog) -> [Authorization] {
        cursor.table.rows.compactMap { row in
            let year = cursor.year(row, "year", calendar: calendar, required: true, log: &log)
            let region = cursor.requiredText(row, "region_code", log: &log)
            let kindText = cursor.requiredText(row, "kind", log: &log)
            let amount = cursor.money(row, "authorized_amount", unit: unit, required: true, log: &log)
            guard let year = year.value, let region, let kindText, let amount = amount.value else { return nil }
            let kind = RevenueClass.parse(kindText)?.code ?? PersianText.key(kindText)
            rows.append(row.line)
            return Authorization(year: year, regionCode: PersianText.asciiDigits(region), kind: kind, authorizedAmount: amount,
                                 resolutionRef: cursor.optionalText(row, "resolution_ref"),
                                 resolutionDate: cursor.optionalText(row, "resolution_date"))
        }
    }

    private static func readDeflator(_ cursor: TableCursor, rows: inout [Int], calendar: BookCalendar, log: inout DiagnosticLog) -> [DeflatorPoint] {
        cursor.table.rows.compactMap { row in
            let year = cursor.year(row, "year", calendar: calendar, required: true, log: &log)
            let index = cursor.decimal(row, "index", required: true, log: &log)
            if let value = index.value, value <= 0 {
                log.error(cursor.table.source, row: row.line, column: "index", "a price index must be positive")
                return nil
            }
            guard let year = year.value, let value = index.value else { return nil }
            rows.append(row.line)
            return DeflatorPoint(year: year, index: value)
        }
    }
}
