import Foundation

/// Accounts and their sessions. ``BudgetStore`` is the SQL implementation, ``InMemoryAccounts`` the
/// in-memory one.
///
/// Contract:
/// - Usernames are unique and compared exactly (byte for byte in UTF-8). Adding a taken one throws
///   ``StoreError/conflict(_:)`` and writes nothing; of simultaneous adds of one name, one succeeds and the
///   others throw a ``StoreError``.
/// - Accounts are never deleted (disabled instead), so the audit log keeps its actors. Each gets an id
///   greater than every earlier one. Listings are by username in byte order (on PostgreSQL, the order of the
///   database's collation: the same for a C-collated database).
/// - Changing an unknown account throws ``StoreError/notFound(_:)`` and writes nothing.
/// - Disabling an account and replacing its password end its sessions in the same transaction; a change of
///   role or enabling it again keeps them.
/// - An `audit` entry given with a change is written in the same transaction as the change.
/// - Sessions are found by the hash of their token; a hash names one session. Creating a session for an
///   unknown account or with a hash in use throws ``StoreError/failed(operation:reason:underlying:)``.
/// - Times are kept to the millisecond (cut, not rounded); a session has expired once `now` has reached its
///   expiry.
/// - Failures of the database throw ``StoreError``; nothing is written then.
public protocol AccountRepository: Sendable {
    /// Adds an account created at `date`, with `audit`; throws ``StoreError/conflict(_:)`` when the username is taken.
    func addAccount(username: String, displayName: String, role: AccountRole, passwordHash: String,
                    at date: Date, audit: AuditEntry?) async throws -> Account
    /// Every account, by username.
    func accounts() async throws -> [Account]
    /// The account named `username` with its password hash, or nil.
    func credentials(named username: String) async throws -> AccountCredentials?
    /// Changes the role of `username` (sessions are kept).
    func setRole(of username: String, to role: AccountRole, audit: AuditEntry?) async throws
    /// Disables (or enables again) `username`; disabling ends its sessions.
    func setDisabled(_ username: String, _ disabled: Bool, audit: AuditEntry?) async throws
    /// Replaces the password hash of `username` and ends its sessions.
    func setPasswordHash(of username: String, to hash: String, audit: AuditEntry?) async throws

    /// Records a session of `accountID` whose cookie token hashes to `tokenHash`.
    func createSession(accountID: Int64, tokenHash: String, csrfToken: String, createdAt: Date, expiresAt: Date) async throws
    /// The live session whose token hashes to `tokenHash`: nil when unknown, expired at `now`, or its
    /// account is disabled.
    func session(tokenHash: String, now: Date) async throws -> AccountSession?
    /// Deletes the session whose token hashes to `tokenHash` (nothing when there is none).
    func deleteSession(tokenHash: String) async throws
    /// Deletes the sessions that expired by `now`; returns how many there were.
    @discardableResult
    func deleteExpiredSessions(now: Date) async throws -> Int
}

extension AccountRepository {
    /// Adds an account created now (and writes `audit` with it).
    public func addAccount(username: String, displayName: String, role: AccountRole, passwordHash: String,
                           audit: AuditEntry? = nil) async throws -> Account {
        try await addAccount(username: username, displayName: displayName, role: role, passwordHash: passwordHash, at: Date(), audit: audit)
    }

    /// The account named `username`, or nil.
    public func account(named username: String) async throws -> Account? {
        try await credentials(named: username)?.account
    }

    /// The live session whose token hashes to `tokenHash` now.
    public func session(tokenHash: String) async throws -> AccountSession? {
        try await session(tokenHash: tokenHash, now: Date())
    }
}

extension BudgetStore: AccountRepository {}
