import Foundation

/// The audit log: append-only, read newest first. ``BudgetStore`` is the SQL implementation,
/// ``InMemoryAudit`` the in-memory one.
///
/// Contract:
/// - Every entry gets an id greater than every earlier one; the log is read by id, newest first.
/// - Times are kept to the millisecond (cut, not rounded).
/// - An entry is read back as ``AuditEntry/init(id:at:actor:action:target:detail:client:)`` makes it from the
///   stored texts (which keeps them printable a second time).
/// - Failures of the database throw ``StoreError``; nothing is written then.
///
/// Other repositories write an audit entry in the same transaction as the change it records (an account,
/// a PB process, an import): the two are written together or not at all.
public protocol AuditRepository: Sendable {
    /// Appends `entry` (its `id` is ignored) and returns it with the id the store gave it and its time as kept.
    @discardableResult
    func appendAudit(_ entry: AuditEntry) async throws -> AuditEntry
    /// At most `limit` entries, newest first, skipping the `offset` newest (a negative limit or offset counts as 0).
    func auditLog(limit: Int, offset: Int) async throws -> [AuditEntry]
    /// The number of entries.
    func auditCount() async throws -> Int
}

extension AuditRepository {
    /// The `limit` newest entries, newest first.
    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await auditLog(limit: limit, offset: 0)
    }
}

extension BudgetStore: AuditRepository {}
