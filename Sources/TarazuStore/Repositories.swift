import Foundation
import TarazuCore

/// The repositories an application works with, together: all of them one ``BudgetStore``, or all in memory.
public struct Repositories: Sendable {
    public let books: any BookImportRepository
    public let accounts: any AccountRepository
    public let pb: any PBRepository
    public let audit: any AuditRepository
    public let settings: any SettingsRepository
    /// Throws when the database does not answer (health checks); in memory it always answers.
    public let ping: @Sendable () async throws -> Void

    /// Every repository is `store` (which stays the caller's to shut down).
    public init(_ store: BudgetStore) {
        self.init(books: store, accounts: store, pb: store, audit: store, settings: store, ping: { try await store.ping() })
    }

    private init(books: any BookImportRepository, accounts: any AccountRepository, pb: any PBRepository, audit: any AuditRepository,
                 settings: any SettingsRepository, ping: @escaping @Sendable () async throws -> Void) {
        self.books = books
        self.accounts = accounts
        self.pb = pb
        self.audit = audit
        self.settings = settings
        self.ping = ping
    }

    /// Empty repositories in memory but for `books`, wired as one store is: the audit entries of every change
    /// in one log, and the books' participation measured from the PB processes.
    public static func inMemory(books: [BudgetBook] = []) -> Repositories {
        let audit = InMemoryAudit()
        let pb = InMemoryPB(audit: audit)
        return Repositories(books: InMemoryBooks(books, participation: pb, audit: audit), accounts: InMemoryAccounts(audit: audit),
                            pb: pb, audit: audit, settings: InMemorySettings(), ping: {})
    }
}
