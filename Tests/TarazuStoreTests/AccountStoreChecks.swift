import Foundation
import Testing
import TarazuCore
@testable import TarazuStore

/// Accounts, sessions, the audit log and snapshots, run on each backend.
enum AccountStoreChecks {
    static func accountsAreUniqueAndChangeable(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let added = try await store.addAccount(username: "sara", displayName: "سارا", role: .analyst, passwordHash: "h1",
                                                   audit: AuditEntry(actor: "cli", action: "user.add", target: "sara", client: "cli"))
            #expect(added.role == .analyst && !added.disabled)
            await #expect(throws: StoreError.self) {
                _ = try await store.addAccount(username: "sara", displayName: "x", role: .admin, passwordHash: "h2")
            }
            #expect(try await store.accounts().map(\.username) == ["sara"])
            #expect(try await store.credentials(named: "sara")?.passwordHash == "h1")
            try await store.setRole(of: "sara", to: .admin)
            try await store.setPasswordHash(of: "sara", to: "h3")
            let changed = try #require(try await store.credentials(named: "sara"))
            #expect(changed.account.role == .admin && changed.passwordHash == "h3" && changed.account.displayName == "سارا")
            await #expect(throws: StoreError.self) { try await store.setRole(of: "nobody", to: .council) }
            // The failed duplicate wrote no audit entry; the first add did.
            #expect(try await store.auditLog(limit: 10).map(\.action) == ["user.add"])
            #expect(AccountRole.council < .analyst && AccountRole.analyst < .admin)
        }
    }

    static func sessionsExpireAndEndWithTheAccount(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let account = try await store.addAccount(username: "ali", displayName: "Ali", role: .council, passwordHash: "h")
            let now = Date()
            try await store.createSession(accountID: account.id, tokenHash: "live", csrfToken: "c1", createdAt: now,
                                          expiresAt: now.addingTimeInterval(3600))
            try await store.createSession(accountID: account.id, tokenHash: "old", csrfToken: "c2",
                                          createdAt: now.addingTimeInterval(-7200), expiresAt: now.addingTimeInterval(-3600))
            let session = try #require(try await store.session(tokenHash: "live", now: now))
            #expect(session.account.username == "ali" && session.csrfToken == "c1")
            #expect(try await store.session(tokenHash: "old", now: now) == nil)
            #expect(try await store.session(tokenHash: "unknown", now: now) == nil)
            #expect(try await store.deleteExpiredSessions(now: now) == 1)
            try await store.deleteSession(tokenHash: "live")
            #expect(try await store.session(tokenHash: "live", now: now) == nil)
            try await store.createSession(accountID: account.id, tokenHash: "again", csrfToken: "c3", createdAt: now,
                                          expiresAt: now.addingTimeInterval(3600))
            try await store.setDisabled("ali", true)
            #expect(try await store.session(tokenHash: "again", now: now) == nil)
            #expect(try await store.account(named: "ali")?.disabled == true)
        }
    }

    static func auditLogIsNewestFirstAndPaged(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            for index in 0..<7 {
                try await store.appendAudit(AuditEntry(actor: "a\(index)", action: "login.failure", target: "t", detail: "d\(index)",
                                                       client: "127.0.0.1"))
            }
            #expect(try await store.auditCount() == 7)
            #expect(try await store.auditLog(limit: 3).map(\.actor) == ["a6", "a5", "a4"])
            #expect(try await store.auditLog(limit: 3, offset: 6).map(\.actor) == ["a0"])
        }
    }

    static func importsKeepSnapshotAndImporter(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let bytes = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF])
            let first = try await store.importBook(TestBooks.book(name: "tabriz", lines: 5), source: "upload: a.zip",
                                                   importedBy: "sara", snapshot: bytes,
                                                   audit: AuditEntry(actor: "sara", action: "import.confirm", target: "tabriz", client: "::1"))
            let second = try await store.importBook(TestBooks.book(name: "tabriz", lines: 5, variant: 1), source: "plain")
            let history = try await store.history(of: "tabriz")
            #expect(history.map(\.importedBy) == ["sara", nil])
            #expect(history.first == first && history.last == second)
            #expect(try await store.snapshot(ofImport: first.id)?.bytes == bytes)
            #expect(try await store.snapshot(ofImport: second.id) == nil)
            #expect(try await store.importsWithSnapshots(of: "tabriz") == [first.id])
            #expect(try await store.auditLog(limit: 5).first?.detail == "import #\(first.id)")
        }
    }
}

@Suite("Accounts and audit on SQLite")
struct SQLiteAccountStoreTests {
    @Test func accountsAreUniqueAndChangeable() async throws { try await AccountStoreChecks.accountsAreUniqueAndChangeable(.sqlite) }
    @Test func sessionsExpireAndEndWithTheAccount() async throws { try await AccountStoreChecks.sessionsExpireAndEndWithTheAccount(.sqlite) }
    @Test func auditLogIsNewestFirstAndPaged() async throws { try await AccountStoreChecks.auditLogIsNewestFirstAndPaged(.sqlite) }
    @Test func importsKeepSnapshotAndImporter() async throws { try await AccountStoreChecks.importsKeepSnapshotAndImporter(.sqlite) }
}

@Suite("Accounts and audit on PostgreSQL (TARAZU_TEST_POSTGRES_URL)",
       .enabled(if: Backend.postgresURL != nil, "TARAZU_TEST_POSTGRES_URL is not set (scripts/pg-test-setup prints it)"))
struct PostgresAccountStoreTests {
    @Test func accountsAreUniqueAndChangeable() async throws { try await AccountStoreChecks.accountsAreUniqueAndChangeable(.postgres) }
    @Test func sessionsExpireAndEndWithTheAccount() async throws { try await AccountStoreChecks.sessionsExpireAndEndWithTheAccount(.postgres) }
    @Test func auditLogIsNewestFirstAndPaged() async throws { try await AccountStoreChecks.auditLogIsNewestFirstAndPaged(.postgres) }
    @Test func importsKeepSnapshotAndImporter() async throws { try await AccountStoreChecks.importsKeepSnapshotAndImporter(.postgres) }
}
