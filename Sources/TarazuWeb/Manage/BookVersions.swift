import Foundation
import TarazuCore
import TarazuImport
import TarazuStore

/// Imports that keep a snapshot of the imported book, and rollback to an earlier import's snapshot.
/// Used by the web upload, `tarazu import`, `tarazu demo` and `tarazu rollback`.
public enum BookVersions {
    /// Imports `book` with a zipped snapshot of it (and `audit`, in the same transaction).
    public static func importBook(_ book: BudgetBook, into books: any BookImportRepository, source: String, importedBy: String?,
                                  audit: AuditEntry? = nil) async throws -> ImportRecord {
        let snapshot = try await Task.detached(priority: .userInitiated) { try BookSnapshot.make(book) }.value
        return try await books.importBook(book, source: source, importedBy: importedBy, snapshot: snapshot, audit: audit)
    }

    /// Restores the version of book `name` written by import `importID`: its snapshot is imported again
    /// with the source "rollback to import #ID", so the history only grows. Nothing changes on any error.
    public static func rollback(_ name: String, to importID: Int64, in books: any BookImportRepository, actor: String,
                                client: String) async throws -> ImportRecord {
        guard let record = try await books.history(of: name).first(where: { $0.id == importID }) else {
            throw RollbackError("book '\(name)' has no import #\(importID)")
        }
        guard let snapshot = try await books.snapshot(ofImport: importID) else {
            throw RollbackError("import #\(importID) of '\(name)' has no snapshot, so it cannot be restored")
        }
        let book: BudgetBook
        do {
            book = try await Task.detached(priority: .userInitiated) { () throws(InputRejected) -> BudgetBook in
                try BookSnapshot.load(snapshot.bytes)
            }.value
        } catch let error as InputRejected {
            throw RollbackError("the snapshot of import #\(importID) is damaged and was not restored: "
                                + error.diagnostics.map(\.description).joined(separator: "; "))
        } catch {
            throw RollbackError("the snapshot of import #\(importID) is damaged and was not restored: \(error)")
        }
        guard book.contentHash == record.contentHash, book.metadata.name == name else {
            throw RollbackError("the snapshot of import #\(importID) does not match its history entry (content \(record.contentHash.prefix(12))); nothing was restored")
        }
        let audit = AuditEntry(actor: actor, action: "book.rollback", target: name, detail: "to import #\(importID);", client: client)
        return try await books.importBook(book, source: "rollback to import #\(importID)", importedBy: actor,
                                          snapshot: snapshot.bytes, audit: audit)
    }
}

/// Why a rollback was refused (nothing was changed).
public struct RollbackError: Error, CustomStringConvertible, Sendable {
    /// What was wrong, in English.
    public var description: String
    /// A refusal saying `description`.
    public init(_ description: String) { self.description = description }
}
