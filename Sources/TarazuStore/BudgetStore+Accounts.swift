import Foundation
import SQLKit

/// Accounts: added, listed, changed; never deleted (disabled instead), so the audit log keeps its actors
/// (see ``AccountRepository``).
extension BudgetStore {
    static let accountColumns = ["id", "username", "display_name", "role", "created_at_ms", "disabled"]

    /// Adds an account; throws ``StoreError/conflict(_:)`` when the username is taken.
    /// - Parameter audit: an audit entry written in the same transaction.
    public func addAccount(username: String, displayName: String, role: AccountRole, passwordHash: String,
                           at date: Date, audit: AuditEntry?) async throws -> Account {
        try await DatabaseErrorText.during("adding account '\(username)'") {
            try await transaction { sql in
                if try await sql.select().column("id").from("accounts").where("username", .equal, username).first() != nil {
                    throw StoreError.conflict("the username '\(username)' is already taken")
                }
                let created = StoreTime.milliseconds(date)
                let id = try await Self.insertReturningID(sql.insert(into: "accounts")
                    .columns("username", "display_name", "role", "password_hash", "created_at_ms", "disabled")
                    .values([Value.of(username), Value.of(displayName), Value.of(role.rawValue), Value.of(passwordHash),
                             Value.of(created), Value.of(false)]))
                if let audit { _ = try await Self.appendAudit(audit, on: sql) }
                return Account(id: id, username: username, displayName: displayName, role: role,
                               createdAt: StoreTime.date(created), disabled: false)
            }
        }
    }

    /// Every account, by username.
    public func accounts() async throws -> [Account] {
        try await DatabaseErrorText.during("listing the accounts") {
            try await sql().select().columns(Self.accountColumns).from("accounts").orderBy("username").all()
                .map(Self.account(from:))
        }
    }

    /// The account named `username` with its password hash, or nil.
    public func credentials(named username: String) async throws -> AccountCredentials? {
        try await DatabaseErrorText.during("reading account '\(username)'") {
            guard let row = try await sql().select().columns(Self.accountColumns + ["password_hash"]).from("accounts")
                .where("username", .equal, username).first() else { return nil }
            return try AccountCredentials(account: Self.account(from: row),
                                          passwordHash: ColumnReader(row: row, table: "accounts").text("password_hash"))
        }
    }

    /// Changes the role of `username` (and writes `audit`, in the same transaction).
    /// Throws ``StoreError/notFound(_:)`` when there is no such account.
    public func setRole(of username: String, to role: AccountRole, audit: AuditEntry?) async throws {
        try await updateAccount(username, "changing the role of '\(username)'", ["role": Value.of(role.rawValue)],
                                endSessions: false, audit: audit)
    }

    /// Disables (or enables again) `username`; disabling ends its sessions.
    public func setDisabled(_ username: String, _ disabled: Bool, audit: AuditEntry?) async throws {
        try await updateAccount(username, "disabling '\(username)'", ["disabled": Value.of(disabled)],
                                endSessions: disabled, audit: audit)
    }

    /// Replaces the password hash of `username` and ends its sessions.
    public func setPasswordHash(of username: String, to hash: String, audit: AuditEntry?) async throws {
        try await updateAccount(username, "changing the password of '\(username)'", ["password_hash": Value.of(hash)],
                                endSessions: true, audit: audit)
    }

    private func updateAccount(_ username: String, _ operation: String, _ values: [String: any SQLExpression],
                               endSessions: Bool, audit: AuditEntry?) async throws {
        try await DatabaseErrorText.during(operation) {
            try await transaction { sql in
                guard let row = try await sql.select().column("id").from("accounts").where("username", .equal, username).first() else {
                    throw StoreError.notFound("no account named '\(username)'")
                }
                let id = try row.decode(column: "id", as: Int64.self)
                let update = sql.update("accounts").where("id", .equal, id)
                for (column, value) in values { _ = update.set(SQLIdentifier(column), to: value) }
                try await update.run()
                if endSessions {
                    try await sql.delete(from: "sessions").where("account_id", .equal, id).run()
                }
                if let audit { _ = try await Self.appendAudit(audit, on: sql) }
            }
        }
    }

    static func account(from row: any SQLRow) throws -> Account {
        let reader = ColumnReader(row: row, table: "accounts")
        return try Account(id: reader.int64("id"), username: reader.text("username"), displayName: reader.text("display_name"),
                           role: reader.code("role", as: AccountRole.self),
                           createdAt: StoreTime.date(reader.int64("created_at_ms")), disabled: reader.bool("disabled"))
    }
}
