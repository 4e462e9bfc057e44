import SQLKit

/// Bulk writing and paged reading of book lines.
enum LineTransfer {
    /// Values per statement (counting every column, bound or not): under SQLite's limit of bound
    /// parameters (32766 since 3.32) and PostgreSQL's (65535).
    static let maxBindsPerStatement = 32_000
    /// Rows per multi-row INSERT, whatever the width of the table.
    static let maxRowsPerStatement = 1_000
    /// Rows per SELECT when loading, to keep memory bounded on large books.
    static let rowsPerPage = 50_000

    /// Inserts `lines` as rows of `bookID` with `seq` = their position, in multi-row INSERTs.
    static func insert<Line>(_ lines: [Line], with codec: LineCodec<Line>, bookID: Int64, on database: any SQLDatabase) async throws {
        let columns = [codec.owner, "seq"] + codec.columns
        let batch = max(1, min(maxRowsPerStatement, maxBindsPerStatement / codec.columns.count))
        let book = SQLLiteral.numeric(String(bookID))
        var start = 0
        while start < lines.count {
            let end = min(start + batch, lines.count)
            let insert = database.insert(into: codec.table).columns(columns)
            for seq in start..<end {
                _ = insert.values([book, SQLLiteral.numeric(String(seq))] + codec.encode(lines[seq]))
            }
            try await insert.run()
            start = end
        }
    }

    /// The lines of `bookID` in `seq` order; `expected` is the count the import recorded.
    static func load<Line>(_ codec: LineCodec<Line>, bookID: Int64, expected: Int, on database: any SQLDatabase) async throws -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(expected)
        var from = 0
        while true {
            let rows = try await database.select()
                .columns(codec.columns)
                .from(codec.table)
                .where(codec.owner, .equal, bookID)
                .where("seq", .greaterThanOrEqual, Int64(from))
                .where("seq", .lessThan, Int64(from + rowsPerPage))
                .orderBy("seq")
                .all()
            for row in rows { lines.append(try codec.decode(ColumnReader(row: row, table: codec.table))) }
            if rows.count < rowsPerPage { break }
            from += rowsPerPage
        }
        guard lines.count == expected else {
            throw StoreError.unreadable(table: codec.table, column: "seq", value: "\(lines.count) rows where \(expected) were imported")
        }
        return lines
    }
}
