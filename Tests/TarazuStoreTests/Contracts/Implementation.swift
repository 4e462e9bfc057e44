import Foundation
@testable import TarazuStore

/// The implementations every repository contract runs against: in memory, and the SQL store on SQLite and,
/// when TARAZU_TEST_POSTGRES_URL is set, on PostgreSQL (without it, the PostgreSQL store suites report skipped).
enum Implementation: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory
    case sqlite
    case postgres

    static let available: [Implementation] = Backend.postgresURL == nil ? [.memory, .sqlite] : allCases

    var description: String { rawValue }

    /// Runs `body` with fresh, empty repositories of this implementation.
    func withRepositories(_ body: (Repositories) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(.inMemory())
        case .sqlite:
            try await Backend.sqlite.withStore { store, _ in try await body(Repositories(store)) }
        case .postgres:
            try await Backend.postgres.withStore { store, _ in try await body(Repositories(store)) }
        }
    }
}
