import Foundation
import TarazuCore

/// Writing books: imports with their history and snapshots, what `/manage`, `tarazu import` and
/// `tarazu rollback` need. ``BudgetStore`` is the SQL implementation, ``InMemoryBooks`` the in-memory one.
///
/// Contract:
/// - An import replaces the book of the same `metadata.name` (compared exactly) and appends an entry to the
///   history; entry ids increase with every import, and an entry names the content it replaced. Entries stay
///   after their book is replaced. Times are kept to the millisecond (cut, not rounded).
/// - An import is one transaction with its snapshot and its audit entry (whose detail is followed by
///   "import #ID"): on any error nothing changes.
/// - The content stamp changes whenever a book or a package is imported, replaced or removed.
/// - Failures of the database throw ``StoreError``.
public protocol BookImportRepository: BookRepository {
    /// Writes `book`, replacing the stored book of the same name, and records the import in the history.
    /// - Parameter source: where the book came from (a path, a URL, "sample"), kept in the history.
    /// - Parameter importedBy: who made the import (a username, "cli"), kept in the history.
    /// - Parameter snapshot: the imported book as a zipped data package, kept with the history entry so
    ///   that this version can be restored later (see ``snapshot(ofImport:)``).
    /// - Parameter audit: an audit entry written in the same transaction.
    func importBook(_ book: BudgetBook, source: String, importedBy: String?, snapshot: Data?, audit: AuditEntry?) async throws -> ImportRecord
    /// The import history, oldest first: of the book named `name`, or of every book when nil.
    func history(of name: String?) async throws -> [ImportRecord]
    /// The snapshot kept with import `importID`, or nil when that import has none.
    func snapshot(ofImport importID: Int64) async throws -> BookSnapshotRecord?
    /// The ids of the imports that have a snapshot (of the book `name`, or of every book when nil).
    func importsWithSnapshots(of name: String?) async throws -> Set<Int64>
    /// A short text that changes whenever a book or a package is imported, replaced or removed: what
    /// caches of pages key on.
    func contentStamp() async throws -> String
}

extension BookImportRepository {
    /// Imports `book` from `source`, without importer, snapshot or audit entry.
    public func importBook(_ book: BudgetBook, source: String) async throws -> ImportRecord {
        try await importBook(book, source: source, importedBy: nil, snapshot: nil, audit: nil)
    }
}

extension AuditEntry {
    /// The entry written with import `importID`: its detail followed by "import #ID".
    func noting(import importID: Int64) -> AuditEntry {
        var entry = self
        entry.detail += (detail.isEmpty ? "" : " ") + "import #\(importID)"
        return entry
    }
}

extension BudgetStore: BookImportRepository {}
