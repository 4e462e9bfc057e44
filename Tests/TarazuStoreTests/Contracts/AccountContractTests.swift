import Foundation
import Testing
@testable import TarazuStore

/// ``AccountRepository``: the same answers in memory and in SQL.
@Suite("AccountRepository contract")
struct AccountContractTests {
    static func audit(_ action: String, _ target: String) -> AuditEntry {
        AuditEntry(actor: "cli", action: action, target: target, client: "cli")
    }

    @Test(arguments: Implementation.available)
    func usernamesAreUniqueAndComparedExactly(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let accounts = repositories.accounts
            let created = Date(timeIntervalSince1970: 1_700_000_000.1237)
            let sara = try await accounts.addAccount(username: "sara", displayName: "سارا", role: .analyst, passwordHash: "h1",
                                                     at: created, audit: Self.audit("user.add", "sara"))
            #expect(sara.role == .analyst && !sara.disabled && sara.displayName == "سارا")
            #expect(sara.createdAt == Date(timeIntervalSince1970: 1_700_000_000.123))
            await #expect {
                _ = try await accounts.addAccount(username: "sara", displayName: "x", role: .admin, passwordHash: "h2", at: created,
                                                  audit: Self.audit("user.add", "sara again"))
            } throws: { error in
                guard case StoreError.conflict(let text) = error else { return false }
                return text == "the username 'sara' is already taken"
            }
            // Case and canonically equivalent spellings are other names; listed in byte order.
            let others = try await ["é", "Sara", "e\u{301}"].asyncMap { name in
                try await accounts.addAccount(username: name, displayName: name, role: .council, passwordHash: "h", audit: nil)
            }
            #expect(others.map(\.id) == others.map(\.id).sorted() && others.allSatisfy { $0.id > sara.id })
            #expect(try await accounts.accounts().map { Array($0.username.utf8) } == ["Sara", "e\u{301}", "sara", "é"].map { Array($0.utf8) })
            #expect(try await accounts.credentials(named: "sara")?.passwordHash == "h1")
            #expect(try await accounts.account(named: "é")?.username.utf8.count == 2)
            #expect(try await accounts.account(named: "SARA") == nil)
            // The refused duplicate wrote no audit entry.
            #expect(try await repositories.audit.auditLog(limit: 10).map(\.target) == ["sara"])
        }
    }

    @Test(arguments: Implementation.available)
    func simultaneousAddsOfOneNameMakeOneAccount(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let accounts = repositories.accounts
            let added = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await accounts.addAccount(username: "ali", displayName: "Ali \(index)", role: .council,
                                                              passwordHash: "h", audit: nil)
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(added == 1)
            #expect(try await accounts.accounts().count == 1)
        }
    }

    @Test(arguments: Implementation.available)
    func changesNeedTheAccountAndWriteTheirAuditEntry(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let accounts = repositories.accounts
            _ = try await accounts.addAccount(username: "sara", displayName: "Sara", role: .council, passwordHash: "h1", audit: nil)
            try await accounts.setRole(of: "sara", to: .admin, audit: Self.audit("user.role", "sara"))
            try await accounts.setPasswordHash(of: "sara", to: "h2", audit: Self.audit("user.passwd", "sara"))
            let changed = try #require(try await accounts.credentials(named: "sara"))
            #expect(changed.account.role == .admin && changed.passwordHash == "h2" && changed.account.displayName == "Sara")
            for change in [
                { try await accounts.setRole(of: "nobody", to: .council, audit: Self.audit("user.role", "nobody")) },
                { try await accounts.setDisabled("nobody", true, audit: Self.audit("user.disable", "nobody")) },
                { try await accounts.setPasswordHash(of: "nobody", to: "h", audit: Self.audit("user.passwd", "nobody")) },
            ] as [@Sendable () async throws -> Void] {
                await #expect {
                    try await change()
                } throws: { error in
                    guard case StoreError.notFound(let text) = error else { return false }
                    return text == "no account named 'nobody'"
                }
            }
            #expect(try await repositories.audit.auditLog(limit: 10).map(\.action) == ["user.passwd", "user.role"])
        }
    }

    @Test(arguments: Implementation.available)
    func sessionsExpireAndEndWithTheAccount(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let accounts = repositories.accounts
            let account = try await accounts.addAccount(username: "ali", displayName: "Ali", role: .council, passwordHash: "h", audit: nil)
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            for (hash, expiry) in [("live", 3600.0), ("old", -3600), ("at-now", 0), ("just-after", 1)] {
                try await accounts.createSession(accountID: account.id, tokenHash: hash, csrfToken: "c-" + hash,
                                                 createdAt: now.addingTimeInterval(-7200), expiresAt: now.addingTimeInterval(expiry))
            }
            let session = try #require(try await accounts.session(tokenHash: "live", now: now))
            #expect(session.account == account && session.csrfToken == "c-live")
            #expect(session.createdAt == now.addingTimeInterval(-7200) && session.expiresAt == now.addingTimeInterval(3600))
            #expect(try await accounts.session(tokenHash: "old", now: now) == nil)
            #expect(try await accounts.session(tokenHash: "at-now", now: now) == nil)
            #expect(try await accounts.session(tokenHash: "just-after", now: now) != nil)
            #expect(try await accounts.session(tokenHash: "unknown", now: now) == nil)
            #expect(try await accounts.deleteExpiredSessions(now: now) == 2)
            #expect(try await accounts.deleteExpiredSessions(now: now) == 0)
            try await accounts.deleteSession(tokenHash: "live")
            try await accounts.deleteSession(tokenHash: "live")
            #expect(try await accounts.session(tokenHash: "live", now: now) == nil)
            #expect(try await accounts.session(tokenHash: "just-after", now: now) != nil)

            // A role change keeps the sessions, a new password ends them.
            try await accounts.setRole(of: "ali", to: .analyst, audit: nil)
            #expect(try await accounts.session(tokenHash: "just-after", now: now)?.account.role == .analyst)
            try await accounts.setPasswordHash(of: "ali", to: "h2", audit: nil)
            #expect(try await accounts.session(tokenHash: "just-after", now: now) == nil)

            // Disabling ends the sessions; a session of a disabled account is not live, and is again once enabled.
            try await accounts.createSession(accountID: account.id, tokenHash: "before", csrfToken: "c", createdAt: now,
                                             expiresAt: now.addingTimeInterval(60))
            try await accounts.setDisabled("ali", true, audit: nil)
            #expect(try await accounts.session(tokenHash: "before", now: now) == nil)
            try await accounts.createSession(accountID: account.id, tokenHash: "while", csrfToken: "c", createdAt: now,
                                             expiresAt: now.addingTimeInterval(60))
            #expect(try await accounts.session(tokenHash: "while", now: now) == nil)
            try await accounts.setDisabled("ali", false, audit: nil)
            #expect(try await accounts.session(tokenHash: "while", now: now) != nil)
            #expect(try await accounts.session(tokenHash: "before", now: now) == nil)
        }
    }

    @Test(arguments: Implementation.available)
    func sessionsNeedTheirAccountAndTheirOwnHash(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let accounts = repositories.accounts
            let account = try await accounts.addAccount(username: "ali", displayName: "Ali", role: .council, passwordHash: "h", audit: nil)
            let now = Date()
            try await accounts.createSession(accountID: account.id, tokenHash: "t", csrfToken: "first", createdAt: now,
                                             expiresAt: now.addingTimeInterval(60))
            await #expect {
                try await accounts.createSession(accountID: account.id, tokenHash: "t", csrfToken: "second", createdAt: now,
                                                 expiresAt: now.addingTimeInterval(60))
            } throws: { error in
                guard case StoreError.failed(let operation, _, _) = error else { return false }
                return operation == "creating a session"
            }
            await #expect {
                try await accounts.createSession(accountID: account.id + 1, tokenHash: "u", csrfToken: "c", createdAt: now,
                                                 expiresAt: now.addingTimeInterval(60))
            } throws: { error in
                guard case StoreError.failed(let operation, _, _) = error else { return false }
                return operation == "creating a session"
            }
            #expect(try await accounts.session(tokenHash: "t", now: now)?.csrfToken == "first")
            #expect(try await accounts.session(tokenHash: "u", now: now) == nil)
        }
    }
}

extension Array where Element: Sendable {
    /// `transform` applied to each element in turn.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
