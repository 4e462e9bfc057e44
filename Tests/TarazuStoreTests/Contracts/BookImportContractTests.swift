import Foundation
import Testing
import TarazuCore
@testable import TarazuStore

/// ``BookImportRepository``: history, snapshots, audit entries and the content stamp; the same answers in
/// memory and in SQL.
@Suite("BookImportRepository contract")
struct BookImportContractTests {
    @Test(arguments: Implementation.available)
    func importsKeepHistorySnapshotAndImporter(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let books = repositories.books
            let bytes = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF])
            let firstBook = TestBooks.book(name: "tabriz", lines: 5)
            let first = try await books.importBook(firstBook, source: "upload: a.zip", importedBy: "sara", snapshot: bytes,
                                                   audit: AuditEntry(actor: "sara", action: "import.confirm", target: "tabriz",
                                                                     detail: "upload: a.zip;", client: "::1"))
            let other = try await books.importBook(TestBooks.book(name: "mashhad", lines: 3), source: "plain")
            let secondBook = TestBooks.book(name: "tabriz", lines: 5, variant: 1)
            let second = try await books.importBook(secondBook, source: "plain", importedBy: nil, snapshot: nil,
                                                    audit: AuditEntry(actor: "cli", action: "import", target: "tabriz", client: "cli"))
            #expect(first.id < other.id && other.id < second.id)
            #expect(first.previousContentHash == nil && second.previousContentHash == firstBook.contentHash)
            #expect(second.rowCounts == BookRowCounts(of: secondBook) && second.source == "plain" && second.importedBy == nil)
            #expect(try await books.history(of: "tabriz") == [first, second])
            #expect(try await books.history(of: nil) == [first, other, second])
            #expect(try await books.history(of: "Tabriz").isEmpty)
            #expect(try await books.snapshot(ofImport: first.id)?.bytes == bytes)
            #expect(try await books.snapshot(ofImport: first.id)?.mediaType == BookSnapshotRecord.zipMediaType)
            #expect(try await books.snapshot(ofImport: second.id) == nil)
            #expect(try await books.importsWithSnapshots(of: "tabriz") == [first.id])
            #expect(try await books.importsWithSnapshots(of: "mashhad").isEmpty)
            #expect(try await books.importsWithSnapshots(of: nil) == [first.id])
            #expect(try await repositories.audit.auditLog(limit: 5).map(\.detail) == ["import #\(second.id)", "upload: a.zip; import #\(first.id)"])
            #expect(try await books.loadBook(named: "tabriz") == secondBook)
            #expect(try await books.books().map(\.name) == ["mashhad", "tabriz"])
            #expect(try await books.books().last?.lastImport == second)
        }
    }

    @Test(arguments: Implementation.available)
    func theContentStampFollowsTheContents(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let books = repositories.books
            let empty = try await books.contentStamp()
            let book = TestBooks.book(name: "tabriz", lines: 5)
            _ = try await books.importBook(book, source: "a")
            let one = try await books.contentStamp()
            _ = try await books.importBook(book, source: "again")
            #expect(try await books.contentStamp() == one)
            _ = try await books.importBook(TestBooks.book(name: "tabriz", lines: 5, variant: 2), source: "b")
            let changed = try await books.contentStamp()
            _ = try await books.importBook(TestBooks.book(name: "mashhad", lines: 2), source: "c")
            let two = try await books.contentStamp()
            #expect(Set([empty, one, changed, two]).count == 4)
            #expect(two.contains("books/mashhad=") && two.contains("books/tabriz="))
        }
    }
}
