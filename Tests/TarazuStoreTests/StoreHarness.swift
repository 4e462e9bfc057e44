import Foundation
import TarazuCore
@testable import TarazuStore

/// The databases the store's checks run against.
enum Backend: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// Set (e.g. to postgres://tarazu:tarazu@127.0.0.1:5432/tarazu_test) to run the PostgreSQL suite.
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["TARAZU_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    /// A fresh, empty place for a store: a new SQLite file, or a new PostgreSQL schema.
    func freshLocation() -> StoreLocation {
        let unique = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            return .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-store-\(unique).sqlite").path)
        case .postgres:
            return .postgres(url: Backend.postgresURL!, schema: "tarazu_test_\(unique.prefix(16))")
        }
    }

    /// Runs `body` with a store at a fresh location, and removes the location afterwards.
    /// `body` gets the location too, to open the same store again.
    func withStore(_ body: (BudgetStore, StoreLocation) async throws -> Void) async throws {
        let location = freshLocation()
        let store = try await BudgetStore.open(location)
        do {
            try await body(store, location)
        } catch {
            await Self.remove(store, at: location)
            throw error
        }
        await Self.remove(store, at: location)
    }

    private static func remove(_ store: BudgetStore, at location: StoreLocation) async {
        switch location {
        case .sqlite(let path):
            await store.shutdown()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres:
            try? await store.dropSchema()
            await store.shutdown()
        }
    }
}

/// Thrown by the import test hook to simulate a failure in the middle of an import.
struct InjectedFailure: Error {}

/// Everything a reader can see in a store, to compare before and after a failed import.
struct StoreSnapshot: Equatable {
    var summaries: [BookSummary]
    var history: [ImportRecord]
    var books: [BudgetBook?]
    var budgetLineRows: Int

    init(_ store: BudgetStore) async throws {
        summaries = try await store.books()
        history = try await store.history(of: nil)
        var books: [BudgetBook?] = []
        for summary in summaries { books.append(try await store.loadBook(named: summary.name)) }
        self.books = books
        budgetLineRows = try await store.rowCount(of: "budget_lines")
    }
}
