import Foundation

/// Accounts and sessions in memory, with the answers of ``BudgetStore``'s (see ``AccountRepository``).
/// Audit entries go to `audit`, right after the change they record (nothing can fail in between).
public actor InMemoryAccounts: AccountRepository {
    private struct Session {
        var id: Int64
        var accountID: Int64
        var csrfToken: String
        var createdAt: Int64
        var expiresAt: Int64
    }

    private let audit: InMemoryAudit
    private var accountsByName: [ExactText: AccountCredentials] = [:]
    private var sessions: [ExactText: Session] = [:]
    private var lastAccountID: Int64 = 0
    private var lastSessionID: Int64 = 0

    /// No accounts; audit entries are appended to `audit`.
    public init(audit: InMemoryAudit) {
        self.audit = audit
    }

    public func addAccount(username: String, displayName: String, role: AccountRole, passwordHash: String,
                           at date: Date, audit entry: AuditEntry?) async throws -> Account {
        guard accountsByName[ExactText(username)] == nil else {
            throw StoreError.conflict("the username '\(username)' is already taken")
        }
        lastAccountID += 1
        let account = Account(id: lastAccountID, username: username, displayName: displayName, role: role,
                              createdAt: StoreTime.date(StoreTime.milliseconds(date)), disabled: false)
        accountsByName[ExactText(username)] = AccountCredentials(account: account, passwordHash: passwordHash)
        await record(entry)
        return account
    }

    public func accounts() -> [Account] {
        accountsByName.sorted { $0.key < $1.key }.map(\.value.account)
    }

    public func credentials(named username: String) -> AccountCredentials? {
        accountsByName[ExactText(username)]
    }

    public func setRole(of username: String, to role: AccountRole, audit entry: AuditEntry?) async throws {
        try change(username) { $0.account.role = role }
        await record(entry)
    }

    public func setDisabled(_ username: String, _ disabled: Bool, audit entry: AuditEntry?) async throws {
        let id = try change(username) { $0.account.disabled = disabled }
        if disabled { endSessions(of: id) }
        await record(entry)
    }

    public func setPasswordHash(of username: String, to hash: String, audit entry: AuditEntry?) async throws {
        let id = try change(username) { $0.passwordHash = hash }
        endSessions(of: id)
        await record(entry)
    }

    public func createSession(accountID: Int64, tokenHash: String, csrfToken: String, createdAt: Date, expiresAt: Date) throws {
        guard accountsByName.values.contains(where: { $0.account.id == accountID }) else {
            throw InMemoryConstraint.failure("creating a session", "no account has the id \(accountID)")
        }
        guard sessions[ExactText(tokenHash)] == nil else {
            throw InMemoryConstraint.failure("creating a session", "a session has this token hash already")
        }
        lastSessionID += 1
        sessions[ExactText(tokenHash)] = Session(id: lastSessionID, accountID: accountID, csrfToken: csrfToken,
                                                 createdAt: StoreTime.milliseconds(createdAt), expiresAt: StoreTime.milliseconds(expiresAt))
    }

    public func session(tokenHash: String, now: Date) -> AccountSession? {
        guard let session = sessions[ExactText(tokenHash)],
              let account = accountsByName.values.first(where: { $0.account.id == session.accountID })?.account,
              !account.disabled, session.expiresAt > StoreTime.milliseconds(now) else { return nil }
        return AccountSession(id: session.id, account: account, csrfToken: session.csrfToken,
                              createdAt: StoreTime.date(session.createdAt), expiresAt: StoreTime.date(session.expiresAt))
    }

    public func deleteSession(tokenHash: String) {
        sessions[ExactText(tokenHash)] = nil
    }

    @discardableResult
    public func deleteExpiredSessions(now: Date) -> Int {
        let cutoff = StoreTime.milliseconds(now)
        let before = sessions.count
        sessions = sessions.filter { $0.value.expiresAt > cutoff }
        return before - sessions.count
    }

    /// Applies `update` to the account `username` and returns its id; ``StoreError/notFound(_:)`` without it.
    @discardableResult
    private func change(_ username: String, _ update: (inout AccountCredentials) -> Void) throws -> Int64 {
        guard var credentials = accountsByName[ExactText(username)] else {
            throw StoreError.notFound("no account named '\(username)'")
        }
        update(&credentials)
        accountsByName[ExactText(username)] = credentials
        return credentials.account.id
    }

    private func endSessions(of accountID: Int64) {
        sessions = sessions.filter { $0.value.accountID != accountID }
    }

    private func record(_ entry: AuditEntry?) async {
        if let entry { await audit.appendAudit(entry) }
    }
}
