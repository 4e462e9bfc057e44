import Foundation
import TarazuCore
import TarazuTabular

/// Writes a budget book as a folder: `datapackage.json` (with an FDP 0.3 `model` over the budget
/// lines), one CSV per table, `governance.yaml` and `regions.geojson` when the book has them (notes/book-format.md).
///
/// The output is deterministic: the same book gives the same bytes. CSVs are UTF-8 without BOM,
/// with the canonical English headers, rows in the book's order, and amounts as integers in
/// the package's `amount_unit`. Other files already in the folder are left alone.
public enum BudgetBookWriter {
    /// An amount that is not a whole number of the unit asked for; nothing was written.
    public struct AmountNotWhole: Error, CustomStringConvertible, Sendable {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.description }
    }

    /// Units the writer chooses from by itself, largest first. Toman is written only on request,
    /// so that a reader never has to guess between rials and tomans.
    static let automaticUnits: [AmountUnit] = [.billionRial, .millionRial, .thousandRial, .rial]

    /// Writes `book` into `folder` (created if needed). Amounts are written in `unit`, or in the
    /// largest unit in which every amount of the book is whole. `formulas`: whether texts a spreadsheet
    /// would run are neutralized (files for people: open data) or kept exactly (files Tarazu reads back:
    /// snapshots, samples).
    /// - Throws: `AmountNotWhole` (before writing anything) when an amount is not whole in `unit`,
    ///   or the file system's error.
    public static func write(_ book: BudgetBook, to folder: URL, unit: AmountUnit? = nil,
                             formulas: CSVWriter.Formulas = .kept) throws {
        let unit = unit ?? largestWholeUnit(for: book)
        if let diagnostic = firstAmountNotWhole(in: book, unit: unit) { throw AmountNotWhole(diagnostic: diagnostic) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tables = BookWriterTable.tables(of: book, unit: unit)
        for table in tables where table.isWritten {
            try table.write(to: folder.appendingPathComponent(table.fileName), formulas: formulas)
        }
        if let governance = book.governanceYAML {
            try Data(governance.utf8).write(to: folder.appendingPathComponent(governanceFile), options: .atomic)
        }
        if let map = book.regionsGeoJSON {
            try Data(map.utf8).write(to: folder.appendingPathComponent(RegionMapCheck.fileName), options: .atomic)
        }
        let descriptor = BookWriterPackage(book: book, unit: unit, tables: tables.filter(\.isWritten))
        try descriptor.json().write(to: folder.appendingPathComponent("datapackage.json"), options: .atomic)
    }

    static let governanceFile = "governance.yaml"

    /// The largest of billion, million and thousand rials in which every amount of `book` is a
    /// whole number, else rials. A book without amounts keeps its stated unit.
    public static func largestWholeUnit(for book: BudgetBook) -> AmountUnit {
        var divisor: Int64 = 0
        forEachAmount(in: book) { amount, _, _, _ in
            divisor = gcd(divisor, amount.rials.magnitude)
            return divisor != 1
        }
        guard divisor != 0 else { return book.metadata.amountUnit }
        return automaticUnits.first { divisor % $0.rialsPerUnit == 0 } ?? .rial
    }

    private static func gcd(_ a: Int64, _ b: UInt64) -> Int64 {
        var (x, y) = (UInt64(a), b)
        while y != 0 { (x, y) = (y, x % y) }
        return Int64(clamping: x)
    }

    private static func firstAmountNotWhole(in book: BudgetBook, unit: AmountUnit) -> Diagnostic? {
        var found: Diagnostic?
        forEachAmount(in: book) { amount, file, row, column in
            guard amount.rials % unit.rialsPerUnit != 0 else { return true }
            found = Diagnostic(.error, file: file, row: row, column: column,
                               reason: "\(amount.rials) rials is not a whole number of \(unit.nameEn)")
            return false
        }
        return found
    }

    /// Calls `body` with every amount of the book and where it will be written (the header is
    /// row 1), until `body` returns false.
    private static func forEachAmount(in book: BudgetBook, _ body: (Money, String, Int, String) -> Bool) {
        func visit(_ amounts: [(Money?, String)], _ file: String, _ index: Int) -> Bool {
            for case let (amount?, column) in amounts where !body(amount, file, index + 2, column) { return false }
            return true
        }
        for (index, line) in book.budgetLines.enumerated()
        where !visit([(line.approved, "approved"), (line.revised, "revised"), (line.realized, "realized")], "budget_lines.csv", index) {
            return
        }
        for (index, line) in book.revenues.enumerated()
        where !visit([(line.approved, "approved"), (line.revised, "revised"), (line.realized, "realized")], "revenues.csv", index) {
            return
        }
        for (index, project) in book.projects.enumerated()
        where !visit([(project.plannedCost, "planned_cost"), (project.currentCostEstimate, "current_cost_estimate")], "projects.csv", index) {
            return
        }
        for (index, authorization) in book.authorizations.enumerated()
        where !visit([(authorization.authorizedAmount, "authorized_amount")], "authorizations.csv", index) {
            return
        }
    }
}
