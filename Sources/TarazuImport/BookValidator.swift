import Foundation
import TarazuCore

/// Where each record of an assembled book came from, for cross-table diagnostics.
struct RowPositions {
    var sources: [BookTable: String] = [:]
    var functions: [Int] = []
    var regions: [Int] = []
    var entities: [Int] = []
    /// Codes of the entities table's rows that were rejected (their lines are not reported again).
    var rejectedEntities: Set<String> = []
    var budgetLines: [Int] = []
    /// The file (or sheet) of each budget line: budget_lines, or an entity's sources-and-uses table.
    var budgetLineSources: [String] = []
    var revenues: [Int] = []
    /// The file (or sheet) of each revenue line.
    var revenueSources: [String] = []
    var projects: [Int] = []
    var authorizations: [Int] = []
    var deflator: [Int] = []

    func source(_ table: BookTable) -> String { sources[table] ?? table.fileName }

    /// Where the `index`th budget line (or revenue line) came from.
    func lineSource(_ table: BookTable, _ index: Int) -> String {
        let list = table == .revenues ? revenueSources : budgetLineSources
        return index < list.count ? list[index] : source(table)
    }
}

/// Checks that span rows and tables: duplicates, unknown codes, missing references, reconciliation.
enum BookValidator {
    static func check(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        checkDuplicates(book.authorizations.map { "\($0.year)/\($0.regionCode)/\($0.kind)" }, table: .authorizations, column: "kind",
                        rows: positions.authorizations, positions: positions, log: &log, label: "authorization (year/region/kind)")
        checkDuplicates(book.deflator.map { String($0.year) }, table: .deflator, column: "year", rows: positions.deflator, positions: positions, log: &log)
        for (region, row) in zip(book.regions, positions.regions) where region.code == Region.centralCode {
            log.error(positions.source(.regions), row: row, column: "region_code", "region code 0 is reserved for the central organisation (citywide lines)")
        }
        checkLineIdsAcrossTables(book.budgetLines.map { "\($0.year)/\($0.lineId)" }, table: .budgetLines, positions: positions, log: &log)
        checkLineIdsAcrossTables(book.revenues.map { "\($0.year)/\($0.lineId)" }, table: .revenues, positions: positions, log: &log)
        checkRegionCodes(book, positions: positions, log: &log)
        checkProjects(book, positions: positions, log: &log)
        checkReconciliation(book, positions: positions, log: &log)
        checkDeflatorCoverage(book, positions: positions, log: &log)
    }

    private static func checkDuplicates(_ keys: [String], table: BookTable, column: String, rows: [Int],
                                        positions: RowPositions, log: inout DiagnosticLog, label: String? = nil) {
        var firstRow: [String: Int] = [:]
        for (key, row) in zip(keys, rows) {
            if let first = firstRow[key] {
                log.error(positions.source(table), row: row, column: column, "duplicate \(label ?? column) \(key) (first at row \(first))")
            } else {
                firstRow[key] = row
            }
        }
    }

    /// A line id used by two tables (budget_lines and an entity's table, or two entities' tables) for the same
    /// year; a table's own duplicates are reported when it is read.
    private static func checkLineIdsAcrossTables(_ keys: [String], table: BookTable, positions: RowPositions, log: inout DiagnosticLog) {
        var first: [String: (source: String, row: Int)] = [:]
        let rows = table == .revenues ? positions.revenues : positions.budgetLines
        for (index, (key, row)) in zip(keys, rows).enumerated() {
            let source = positions.lineSource(table, index)
            if let earlier = first[key] {
                if earlier.source != source {
                    log.error(source, row: row, column: "line_id", "duplicate line id (year/line_id) \(key) (first in \(earlier.source) at row \(earlier.row))")
                }
            } else {
                first[key] = (source, row)
            }
        }
    }

    private static func checkRegionCodes(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        guard !book.regions.isEmpty else {
            if !book.budgetLines.isEmpty {
                log.warning(positions.source(.regions), "the book has no regions table: region codes were not checked")
            }
            return
        }
        let known = Set(book.regions.map(\.code)).union([Region.centralCode])
        func check(_ code: String?, source: String, row: Int) {
            guard let code, !known.contains(code) else { return }
            log.error(source, row: row, column: "region_code", "unknown region code \"\(code)\" (not in regions, and not 0 for central)")
        }
        for (index, (line, row)) in zip(book.budgetLines, positions.budgetLines).enumerated() {
            check(line.regionCode, source: positions.lineSource(.budgetLines, index), row: row)
        }
        for (index, (line, row)) in zip(book.revenues, positions.revenues).enumerated() {
            check(line.regionCode, source: positions.lineSource(.revenues, index), row: row)
        }
        for (project, row) in zip(book.projects, positions.projects) { check(project.regionCode, source: positions.source(.projects), row: row) }
        for (item, row) in zip(book.authorizations, positions.authorizations) {
            check(item.regionCode, source: positions.source(.authorizations), row: row)
        }
    }

    private static func checkProjects(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        guard !book.projects.isEmpty else { return }
        let known = Set(book.projects.map(\.projectId))
        var reported = Set<String>()
        for (index, (line, row)) in zip(book.budgetLines, positions.budgetLines).enumerated() {
            guard let id = line.projectId, !known.contains(id), reported.insert(id).inserted else { continue }
            log.warning(positions.lineSource(.budgetLines, index), row: row, column: "project_id", "project \(id) is not in projects")
        }
    }

    /// Sources and uses should balance in the approved budget of each year (a warning, not an error).
    private static func checkReconciliation(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        guard !book.revenues.isEmpty else { return }
        let unit = book.metadata.amountUnit
        var uses: [Int: Money] = [:], sources: [Int: Money] = [:]
        var overflow: [Int: Money.Overflow] = [:]
        for line in book.budgetLines where overflow[line.year] == nil {
            do { uses[line.year] = try (uses[line.year] ?? .zero).adding(line.approved) } catch { overflow[line.year] = error }
        }
        for line in book.revenues where overflow[line.year] == nil {
            do { sources[line.year] = try (sources[line.year] ?? .zero).adding(line.approved) } catch { overflow[line.year] = error }
        }
        for year in book.years {
            if let error = overflow[year] {
                log.error(positions.source(.budgetLines), column: "approved", "\(year): \(error.description)")
                continue
            }
            let spent = uses[year] ?? .zero, raised = sources[year] ?? .zero
            guard spent != raised else { continue }
            do {
                let gap = try raised.subtracting(spent)
                let basis = book.entities.isEmpty ? "" : " with duplicated figures (transfers between entities included; see any warning on transfers)"
                log.warning(positions.source(.revenues), column: "approved",
                            "\(year): approved sources \(format(raised, unit)) and uses \(format(spent, unit))\(basis) do not reconcile (difference \(format(gap, unit)) \(unit.rawValue))")
            } catch {
                log.error(positions.source(.budgetLines), column: "approved", "\(year): \(error.description)")
            }
        }
    }

    private static func checkDeflatorCoverage(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        guard !book.deflator.isEmpty else { return }
        let covered = Set(book.deflator.map(\.year))
        let missing = book.years.filter { !covered.contains($0) }
        if !missing.isEmpty {
            log.warning(positions.source(.deflator), column: "year",
                        "no price index for \(missing.map(String.init).joined(separator: ", ")): real changes cannot be computed for those years")
        }
    }

    private static func format(_ money: Money, _ unit: AmountUnit) -> String {
        let amount = unit.amount(of: money), numerals = Numerals(language: .en)
        return money.rials % unit.rialsPerUnit == 0 ? numerals.fixed(amount, places: 0) : numerals.exact(amount)
    }
}
