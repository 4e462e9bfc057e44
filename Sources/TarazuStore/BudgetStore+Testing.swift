import SQLKit

/// Inspection and clean-up for the store's tests (internal: reached with `@testable import`).
extension BudgetStore {
    /// The number of rows in `table`, all books together.
    func rowCount(of table: String) async throws -> Int {
        let row = try await sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// The value of an SQLite pragma such as `journal_mode`, as text.
    func sqlitePragma(_ name: String) async throws -> String? {
        let row = try await sql().raw("PRAGMA \(unsafeRaw: name)").first()
        guard let row, let column = row.allColumns.first else { return nil }
        if let text = try? row.decode(column: column, as: String.self) { return text }
        return try String(row.decode(column: column, as: Int64.self))
    }

    /// Drops the PostgreSQL schema this store was opened in, with everything in it.
    func dropSchema() async throws {
        guard case .postgres(_, let schema?) = location else { return }
        try await sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
