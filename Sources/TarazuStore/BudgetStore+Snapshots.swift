import Foundation
import SQLKit

/// What ``BudgetStore/importBook(_:source:importedBy:snapshot:audit:)`` writes besides the book.
struct ImportExtras: Sendable {
    var importedBy: String?
    var snapshot: Data?
    var audit: AuditEntry?
}

/// The stored copy of an imported version of a book.
public struct BookSnapshotRecord: Sendable {
    /// The media type of every snapshot the store writes: a zipped data package.
    public static let zipMediaType = "application/zip"

    public var importID: Int64
    public var mediaType: String
    public var bytes: Data
}

/// Snapshots: one per import that was given one, read back to restore a version.
extension BudgetStore {
    /// The snapshot kept with import `importID`, or nil when that import has none.
    public func snapshot(ofImport importID: Int64) async throws -> BookSnapshotRecord? {
        try await DatabaseErrorText.during("reading the snapshot of import #\(importID)") {
            guard let row = try await sql().select().columns("import_id", "media_type", "bytes").from("book_snapshots")
                .where("import_id", .equal, importID).first() else { return nil }
            let reader = ColumnReader(row: row, table: "book_snapshots")
            return try BookSnapshotRecord(importID: reader.int64("import_id"), mediaType: reader.text("media_type"),
                                          bytes: row.decode(column: "bytes", as: Data.self))
        }
    }

    /// The ids of the imports that have a snapshot (of the book `name`, or of every book when nil).
    public func importsWithSnapshots(of name: String?) async throws -> Set<Int64> {
        try await DatabaseErrorText.during("listing the snapshots") {
            let query = try sql().select().column(SQLColumn("import_id", table: "book_snapshots")).from("book_snapshots")
                .join("book_imports", on: SQLColumn("import_id", table: "book_snapshots"), .equal, SQLColumn("id", table: "book_imports"))
            if let name { _ = query.where(SQLColumn("book_name", table: "book_imports"), .equal, SQLBind(name)) }
            return Set(try await query.all().map { try $0.decode(column: "import_id", as: Int64.self) })
        }
    }
}
