import Foundation
import SQLKit

/// Sessions: created at sign-in, found by the hash of the cookie's token, deleted at sign-out (see
/// ``AccountRepository``).
extension BudgetStore {
    /// Records a session of `accountID` whose cookie token hashes to `tokenHash`.
    public func createSession(accountID: Int64, tokenHash: String, csrfToken: String, createdAt: Date,
                              expiresAt: Date) async throws {
        try await DatabaseErrorText.during("creating a session") {
            _ = try await sql().insert(into: "sessions")
                .columns("token_hash", "account_id", "csrf_token", "created_at_ms", "expires_at_ms")
                .values([Value.of(tokenHash), Value.of(accountID), Value.of(csrfToken),
                         Value.of(StoreTime.milliseconds(createdAt)), Value.of(StoreTime.milliseconds(expiresAt))])
                .run()
        }
    }

    /// The live session whose token hashes to `tokenHash`: nil when unknown, expired at `now`, or its
    /// account is disabled.
    public func session(tokenHash: String, now: Date) async throws -> AccountSession? {
        try await DatabaseErrorText.during("reading a session") {
            let columns = Self.accountColumns.map { SQLColumn($0, table: "accounts") as any SQLExpression }
                + ["id", "csrf_token", "created_at_ms", "expires_at_ms"].map { SQLAlias(SQLColumn($0, table: "sessions"), as: SQLIdentifier("s_" + $0)) as any SQLExpression }
            guard let row = try await sql().select().columns(columns).from("sessions")
                .join("accounts", on: SQLColumn("account_id", table: "sessions"), .equal, SQLColumn("id", table: "accounts"))
                .where(SQLColumn("token_hash", table: "sessions"), .equal, SQLBind(tokenHash)).first()
            else { return nil }
            let reader = ColumnReader(row: row, table: "sessions")
            let account = try Self.account(from: row)
            let expires = try reader.int64("s_expires_at_ms")
            guard !account.disabled, expires > StoreTime.milliseconds(now) else { return nil }
            return try AccountSession(id: reader.int64("s_id"), account: account, csrfToken: reader.text("s_csrf_token"),
                                      createdAt: StoreTime.date(reader.int64("s_created_at_ms")), expiresAt: StoreTime.date(expires))
        }
    }

    /// Deletes the session whose token hashes to `tokenHash` (nothing when there is none).
    public func deleteSession(tokenHash: String) async throws {
        try await DatabaseErrorText.during("ending a session") {
            try await sql().delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
        }
    }

    /// Deletes the sessions that expired before `now`; returns how many there were.
    @discardableResult
    public func deleteExpiredSessions(now: Date) async throws -> Int {
        try await DatabaseErrorText.during("removing expired sessions") {
            let sql = try sql()
            let cutoff = StoreTime.milliseconds(now)
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
                .where("expires_at_ms", .lessThanOrEqual, cutoff).first()
            try await sql.delete(from: "sessions").where("expires_at_ms", .lessThanOrEqual, cutoff).run()
            return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }
}
