import FluentKit

/// Version 5: participatory budgeting. Processes (their definition as JSON text), ballots (one per
/// process and voter hash, never a phone number), one-time codes (hashes only), and a key-value
/// `settings` table (the generated voter-hash key lives there when TARAZU_PB_KEY is not set).
/// Times are BIGINT milliseconds since 1970 (UTC), as in version 1.
struct CreatePBTables: AsyncMigration {
    var name: String { "tarazu.store.v5.participatory-budgeting" }

    func prepare(on database: any Database) async throws {
        try await database.schema("settings")
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "key")
            .create()

        try await database.schema("pb_processes")
            .field("id", .int64, .identifier(auto: true))
            .field("slug", .string, .required)
            .field("definition", .string, .required)
            .field("created_at_ms", .int64, .required)
            .field("updated_at_ms", .int64, .required)
            .unique(on: "slug")
            .create()

        try await database.schema("pb_ballots")
            .field("id", .int64, .identifier(auto: true))
            .field("process_id", .int64, .required, .references("pb_processes", "id"))
            .field("voter_hash", .string, .required)
            .field("channel", .string, .required)
            .field("district", .string, .required)
            .field("choices", .string, .required)
            .field("cast_at_ms", .int64, .required)
            .field("receipt", .string, .required)
            .unique(on: "process_id", "voter_hash")
            .create()

        try await database.schema("pb_codes")
            .field("id", .int64, .identifier(auto: true))
            .field("process", .string, .required)
            .field("phone_hash", .string, .required)
            .field("code_hash", .string, .required)
            .field("issued_at_ms", .int64, .required)
            .field("expires_at_ms", .int64, .required)
            .field("attempts", .int64, .required)
            .field("used", .bool, .required)
            .unique(on: "process", "phone_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["pb_codes", "pb_ballots", "pb_processes", "settings"] {
            try await database.schema(table).delete()
        }
    }
}
