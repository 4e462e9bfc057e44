import Foundation
import Testing
import TarazuCore
@testable import TarazuStore

@Suite("Store on SQLite (temporary file)")
struct SQLiteStoreTests {
    @Test func roundTripIsExact() async throws { try await StoreChecks.roundTripIsExact(.sqlite) }
    @Test func entitiesAndTransfersRoundTrip() async throws { try await StoreChecks.entitiesAndTransfersRoundTrip(.sqlite) }
    @Test func emptyBookRoundTrips() async throws { try await StoreChecks.emptyBookRoundTrips(.sqlite) }
    @Test func reimportReplacesAndKeepsHistory() async throws { try await StoreChecks.reimportReplacesAndKeepsHistory(.sqlite) }
    @Test func citiesLiveSideBySide() async throws { try await StoreChecks.citiesLiveSideBySide(.sqlite) }
    @Test func constraintViolationChangesNothing() async throws { try await StoreChecks.constraintViolationChangesNothing(.sqlite) }
    @Test func injectedFailureChangesNothing() async throws { try await StoreChecks.injectedFailureChangesNothing(.sqlite) }
    @Test func reopenKeepsBooks() async throws { try await StoreChecks.reopenKeepsBooks(.sqlite) }

    @Test func fileIsInWALModeWithForeignKeys() async throws {
        try await Backend.sqlite.withStore { store, location in
            _ = try await store.importBook(TestBooks.book(name: "tabriz", lines: 10), source: "wal")
            #expect(try await store.sqlitePragma("journal_mode") == "wal")
            #expect(try await store.sqlitePragma("foreign_keys") == "1")
            guard case .sqlite(let path) = location else { Issue.record("not an SQLite location"); return }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func unopenableFileIsAClearError() async throws {
        let location = StoreLocation.sqlite(path: "/nonexistent-dir-\(UUID().uuidString)/tarazu.sqlite")
        await #expect {
            _ = try await BudgetStore.open(location)
        } throws: { error in
            guard case StoreError.cannotOpen(let failed, _) = error else { return false }
            return failed == location && "\(error)".contains("cannot open the store at sqlite:///nonexistent-dir-")
        }
    }
}
