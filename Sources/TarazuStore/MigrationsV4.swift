import FluentKit

/// Version 4: accounts, their sessions, the audit log, a snapshot of every import (a zipped data
/// package, so that any version can be restored), and who made each import.
/// Times are BIGINT milliseconds since 1970 (UTC), as in version 1.
struct CreateAccountTables: AsyncMigration {
    var name: String { "tarazu.store.v4.accounts-audit-snapshots" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .field("id", .int64, .identifier(auto: true))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at_ms", .int64, .required)
            .field("disabled", .bool, .required)
            .unique(on: "username")
            .create()

        try await database.schema("sessions")
            .field("id", .int64, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("account_id", .int64, .required, .references("accounts", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at_ms", .int64, .required)
            .field("expires_at_ms", .int64, .required)
            .unique(on: "token_hash")
            .create()

        try await database.schema("audit_log")
            .field("id", .int64, .identifier(auto: true))
            .field("at_ms", .int64, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("target", .string, .required)
            .field("detail", .string, .required)
            .field("client", .string, .required)
            .create()

        try await database.schema("book_snapshots")
            .field("import_id", .int64, .required, .references("book_imports", "id"))
            .field("media_type", .string, .required)
            .field("bytes", .data, .required)
            .unique(on: "import_id")
            .create()

        try await database.schema("book_imports")
            .field("imported_by", .string)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("book_imports").deleteField("imported_by").update()
        for table in ["book_snapshots", "audit_log", "sessions", "accounts"] {
            try await database.schema(table).delete()
        }
    }
}
