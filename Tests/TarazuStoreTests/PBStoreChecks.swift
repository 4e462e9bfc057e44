import Foundation
import Testing
@testable import TarazuStore

/// What only a database shows of participatory budgeting: the voter-hash key outlives the connection, and
/// SQLite commits durably. The rest is the ``PBRepository`` contract (Contracts/).
enum PBStoreChecks {
    static func voterKeySurvivesReopening(_ backend: Backend) async throws {
        try await backend.withStore { store, location in
            let key = try await store.pbVoterHasher(environmentKey: "").voterKey(phone: "+989121234567")
            let reopened = try await BudgetStore.open(location)
            #expect(try await reopened.pbVoterHasher(environmentKey: "").voterKey(phone: "+989121234567") == key)
            await reopened.shutdown()
        }
    }
}

@Suite("PB store on SQLite")
struct PBSQLiteStoreTests {
    @Test func voterKeySurvivesReopening() async throws { try await PBStoreChecks.voterKeySurvivesReopening(.sqlite) }

    /// Ballots are durable when the cast returns: WAL with synchronous=FULL (2) on the connections.
    @Test func sqliteIsSynchronousFull() async throws {
        try await Backend.sqlite.withStore { store, _ in
            let synchronous = try await store.sqlitePragma("synchronous")
            #expect(synchronous == "2")
        }
    }
}

@Suite("PB store on PostgreSQL (TARAZU_TEST_POSTGRES_URL)",
       .enabled(if: Backend.postgresURL != nil, "TARAZU_TEST_POSTGRES_URL is not set"))
struct PBPostgresStoreTests {
    @Test func voterKeySurvivesReopening() async throws { try await PBStoreChecks.voterKeySurvivesReopening(.postgres) }
}
