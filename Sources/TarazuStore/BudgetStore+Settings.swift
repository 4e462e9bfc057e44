import Foundation
import SQLKit

/// The key-value `settings` table (see ``SettingsRepository``).
extension BudgetStore {
    /// The value of setting `key`, or nil.
    public func setting(_ key: String) async throws -> String? {
        try await DatabaseErrorText.during("reading setting '\(key)'") {
            try await sql().select().column("value").from("settings").where("key", .equal, key).first()
                .map { try $0.decode(column: "value", as: String.self) }
        }
    }

    /// The value of setting `key`: the stored one, or else `value`, which is stored.
    public func setting(_ key: String, insertingIfAbsent value: String) async throws -> String {
        try await DatabaseErrorText.during("storing setting '\(key)'") {
            let sql = try sql()
            // The unique index on `key` decides between simultaneous inserts; the loser's row is skipped.
            try await sql.insert(into: "settings").columns("key", "value").values([Value.of(key), Value.of(value)])
                .ignoringConflicts(with: ["key"]).run()
            guard let row = try await sql.select().column("value").from("settings").where("key", .equal, key).first() else {
                throw StoreError.unreadable(table: "settings", column: "key", value: key)
            }
            return try row.decode(column: "value", as: String.self)
        }
    }
}
