import Foundation
import TarazuCore

/// What an account may do. Roles are hierarchical: council < analyst < admin, and a role may do
/// everything a lower one may.
public enum AccountRole: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    /// Reads the internal dashboards.
    case council
    /// Also uploads, imports and rolls back budget books.
    case analyst
    /// Also manages accounts and reads the audit log.
    case admin

    private var rank: Int {
        switch self {
        case .council: 0
        case .analyst: 1
        case .admin: 2
        }
    }

    /// council < analyst < admin.
    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool { lhs.rank < rhs.rank }
}

/// A person who can sign in. The password hash is not part of it (see ``AccountCredentials``).
public struct Account: Hashable, Codable, Sendable {
    public var id: Int64
    /// Unique, as typed at sign-in.
    public var username: String
    public var displayName: String
    public var role: AccountRole
    public var createdAt: Date
    /// A disabled account cannot sign in, and its sessions are gone.
    public var disabled: Bool

    /// An account as stored (``BudgetStore/addAccount(username:displayName:role:passwordHash:at:audit:)`` makes one).
    public init(id: Int64, username: String, displayName: String, role: AccountRole, createdAt: Date, disabled: Bool) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.createdAt = createdAt
        self.disabled = disabled
    }
}

/// An account with its stored password hash, for verifying a sign-in.
public struct AccountCredentials: Sendable {
    public var account: Account
    /// The hash as the web layer made it (bcrypt); the store never sees a password.
    public var passwordHash: String
}

/// A signed-in session: the store keeps only the SHA-256 of the cookie's token.
public struct AccountSession: Hashable, Sendable {
    public var id: Int64
    public var account: Account
    /// The synchronizer token that every form of the session carries.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
}

/// One line of the audit log: who did what to what, when, from where.
public struct AuditEntry: Hashable, Codable, Sendable {
    /// Set by the store; 0 before the entry is written.
    public var id: Int64
    public var at: Date
    /// A username, "cli", or "-" when nobody is signed in.
    public var actor: String
    /// A dotted name such as `login.success`, `user.add`, `import.confirm`, `book.rollback`.
    public var action: String
    /// What the action was about: a username, a book name.
    public var target: String
    public var detail: String
    /// The client's address, or "cli".
    public var client: String

    /// An entry to write with ``BudgetStore/appendAudit(_:)`` (or with an import or account change).
    /// Every text is kept printable (``PrintableText/escaped(_:maxLength:)``): what a client typed cannot
    /// forge a line of the log or send escape sequences to the terminal that reads it.
    public init(id: Int64 = 0, at: Date = Date(), actor: String, action: String, target: String, detail: String = "", client: String) {
        self.id = id
        self.at = at
        self.actor = PrintableText.escaped(actor)
        self.action = PrintableText.escaped(action)
        self.target = PrintableText.escaped(target)
        self.detail = PrintableText.escaped(detail, maxLength: 1024)
        self.client = PrintableText.escaped(client)
    }
}

/// Milliseconds since 1970, as the store keeps times.
enum StoreTime {
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
