import Foundation
import SQLKit

/// The key-value `settings` table and the voter-hash key kept in it.
extension BudgetStore {
    /// The value of setting `key`, or nil.
    public func setting(_ key: String) async throws -> String? {
        try await DatabaseErrorText.during("reading setting '\(key)'") {
            try await sql().select().column("value").from("settings").where("key", .equal, key).first()
                .map { try $0.decode(column: "value", as: String.self) }
        }
    }

    /// The voter-hash key: TARAZU_PB_KEY (`environmentKey`, base64 of 32 bytes) when given, else a
    /// random key generated once and kept in the settings table (`pb.voter_key`).
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
        try await DatabaseErrorText.during("storing the voter-hash key") {
            try await transaction { sql in
                if try await sql.select().column("key").from("settings").where("key", .equal, name).first() == nil {
                    try await sql.insert(into: "settings").columns("key", "value").values([Value.of(name), Value.of(fresh)]).run()
                }
            }
        }
        // Another process may have won the race: read what is stored.
        guard let stored = try await setting(name), let key = PBVoterHasher.key(fromBase64: stored) else {
            throw StoreError.unreadable(table: "settings", column: "value", value: name)
        }
        return PBVoterHasher(key: key)
    }
}
