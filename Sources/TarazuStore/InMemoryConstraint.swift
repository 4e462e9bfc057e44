/// A write that a constraint of the SQL schema (a foreign key, a unique index) would refuse, refused by an
/// in-memory repository.
struct InMemoryConstraint: Error, Sendable {
    var reason: String

    /// What the SQL store throws when a constraint refuses the write of `operation`.
    static func failure(_ operation: String, _ reason: String) -> StoreError {
        StoreError.failed(operation: operation, reason: reason, underlying: InMemoryConstraint(reason: reason))
    }
}
