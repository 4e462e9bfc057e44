import Foundation
import SQLKit

/// The audit log: append-only, read newest first (see ``AuditRepository``).
extension BudgetStore {
    /// Appends `entry` (its `id` is ignored) and returns it with the id the store gave it.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> AuditEntry {
        try await DatabaseErrorText.during("writing the audit log") {
            try await Self.appendAudit(entry, on: sql())
        }
    }

    static func appendAudit(_ entry: AuditEntry, on sql: any SQLDatabase) async throws -> AuditEntry {
        var written = entry
        let at = StoreTime.milliseconds(entry.at)
        written.at = StoreTime.date(at)
        written.id = try await insertReturningID(sql.insert(into: "audit_log")
            .columns("at_ms", "actor", "action", "target", "detail", "client")
            .values([Value.of(at), Value.of(entry.actor), Value.of(entry.action), Value.of(entry.target),
                     Value.of(entry.detail), Value.of(entry.client)]))
        return written
    }

    /// At most `limit` entries, newest first, skipping the `offset` newest.
    public func auditLog(limit: Int, offset: Int) async throws -> [AuditEntry] {
        try await DatabaseErrorText.during("reading the audit log") {
            try await sql().select().columns("id", "at_ms", "actor", "action", "target", "detail", "client").from("audit_log")
                .orderBy("id", .descending).limit(max(0, limit)).offset(max(0, offset)).all().map { row in
                    let reader = ColumnReader(row: row, table: "audit_log")
                    return try AuditEntry(id: reader.int64("id"), at: StoreTime.date(reader.int64("at_ms")), actor: reader.text("actor"),
                                          action: reader.text("action"), target: reader.text("target"),
                                          detail: reader.text("detail"), client: reader.text("client"))
                }
        }
    }

    /// The number of entries in the audit log.
    public func auditCount() async throws -> Int {
        try await DatabaseErrorText.during("counting the audit log") {
            let row = try await sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log").first()
            return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }
}
