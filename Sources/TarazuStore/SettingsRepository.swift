import Foundation

/// Key-value settings that the store keeps for the application (the generated voter-hash key).
/// ``BudgetStore`` is the SQL implementation, ``InMemorySettings`` the in-memory one.
///
/// Contract:
/// - A key has at most one value; keys are compared exactly (byte for byte in UTF-8).
/// - A value, once stored, is never replaced: ``setting(_:insertingIfAbsent:)`` keeps the first, even
///   when several callers (several processes on one database) insert at the same moment.
/// - Failures of the database throw ``StoreError``; nothing is written then.
public protocol SettingsRepository: Sendable {
    /// The value of setting `key`, or nil.
    func setting(_ key: String) async throws -> String?
    /// The value of setting `key`: the stored one, or else `value`, which is stored.
    func setting(_ key: String, insertingIfAbsent value: String) async throws -> String
}

extension SettingsRepository {
    /// The voter-hash key: TARAZU_PB_KEY (`environmentKey`, base64 of 32 bytes) when given, else a
    /// random key generated once and kept in the settings (`pb.voter_key`).
    ///
    /// Trade-off: a key in the store travels with every backup of the store, so whoever holds a
    /// backup can test phone numbers against the ballot hashes; a key in the environment (kept
    /// apart from the database) does not. Changing the key makes earlier voters new voters.
    public func pbVoterHasher(environmentKey: String? = ProcessInfo.processInfo.environment["TARAZU_PB_KEY"]) async throws -> PBVoterHasher {
        if let text = environmentKey, !text.isEmpty {
            guard let key = PBVoterHasher.key(fromBase64: text) else {
                throw StoreError.conflict("TARAZU_PB_KEY must be the base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)")
            }
            return PBVoterHasher(key: key)
        }
        let name = "pb.voter_key"
        if let stored = try await setting(name), let key = PBVoterHasher.key(fromBase64: stored) {
            return PBVoterHasher(key: key)
        }
        var generator = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
        // Another process may have stored its key first: the stored one is the key.
        let stored = try await setting(name, insertingIfAbsent: fresh)
        guard let key = PBVoterHasher.key(fromBase64: stored) else {
            throw StoreError.unreadable(table: "settings", column: "value", value: name)
        }
        return PBVoterHasher(key: key)
    }
}

extension BudgetStore: SettingsRepository {}
