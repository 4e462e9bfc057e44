import Foundation

/// The audit log in memory, with the answers of ``BudgetStore``'s (see ``AuditRepository``). The other
/// in-memory repositories write their audit entries here.
public actor InMemoryAudit: AuditRepository {
    private var entries: [AuditEntry] = []

    /// An empty log.
    public init() {}

    @discardableResult
    public func appendAudit(_ entry: AuditEntry) -> AuditEntry {
        var written = entry
        written.id = Int64(entries.count + 1)
        written.at = StoreTime.date(StoreTime.milliseconds(entry.at))
        entries.append(written)
        return written
    }

    public func auditLog(limit: Int, offset: Int) -> [AuditEntry] {
        entries.reversed().dropFirst(max(0, offset)).prefix(max(0, limit)).map { entry in
            AuditEntry(id: entry.id, at: entry.at, actor: entry.actor, action: entry.action, target: entry.target,
                       detail: entry.detail, client: entry.client)
        }
    }

    public func auditCount() -> Int { entries.count }
}
