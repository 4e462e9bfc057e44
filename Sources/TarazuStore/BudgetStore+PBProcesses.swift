import Foundation
import SQLKit
import TarazuParticipation

/// Participatory budgeting processes: added, listed, read (see ``PBRepository``).
extension BudgetStore {
    /// Adds a process; throws ``StoreError/conflict(_:)`` when its slug (id) is taken.
    public func addPBProcess(_ definition: PBProcessDefinition, at date: Date, audit: AuditEntry?) async throws -> PBStoredProcess {
        let slug = definition.process.id
        let text = PBProcessFile.json(definition)
        return try await DatabaseErrorText.during("adding PB process '\(slug)'") {
            try await transaction { sql in
                if try await sql.select().column("id").from("pb_processes").where("slug", .equal, slug).first() != nil {
                    throw StoreError.conflict("a PB process '\(slug)' already exists")
                }
                let now = StoreTime.milliseconds(date)
                try await sql.insert(into: "pb_processes").columns("slug", "definition", "created_at_ms", "updated_at_ms")
                    .values([Value.of(slug), Value.of(text), Value.of(now), Value.of(now)]).run()
                if let audit { _ = try await Self.appendAudit(audit, on: sql) }
                return PBStoredProcess(slug: slug, definition: definition, createdAt: StoreTime.date(now), updatedAt: StoreTime.date(now))
            }
        }
    }

    /// Every process, by slug.
    public func pbProcesses() async throws -> [PBStoredProcess] {
        try await DatabaseErrorText.during("listing the PB processes") {
            try await sql().select().columns("slug", "definition", "created_at_ms", "updated_at_ms").from("pb_processes")
                .orderBy("slug").all().map(Self.pbProcess(from:))
        }
    }

    /// The process `slug`, or nil.
    public func pbProcess(_ slug: String) async throws -> PBStoredProcess? {
        try await DatabaseErrorText.during("reading PB process '\(slug)'") {
            try await sql().select().columns("slug", "definition", "created_at_ms", "updated_at_ms").from("pb_processes")
                .where("slug", .equal, slug).first().map(Self.pbProcess(from:))
        }
    }

    static func pbProcess(from row: any SQLRow) throws -> PBStoredProcess {
        let reader = ColumnReader(row: row, table: "pb_processes")
        return try PBStoredProcess(slug: reader.text("slug"), definition: PBRules.definition(stored: reader.text("definition")),
                                   createdAt: StoreTime.date(reader.int64("created_at_ms")),
                                   updatedAt: StoreTime.date(reader.int64("updated_at_ms")))
    }

    /// The id and definition of `slug` inside a transaction; ``StoreError/notFound(_:)`` without it.
    static func pbProcessRow(_ slug: String, on sql: any SQLDatabase) async throws -> (id: Int64, definition: PBProcessDefinition) {
        guard let row = try await sql.select().columns("id", "slug", "definition", "created_at_ms", "updated_at_ms")
            .from("pb_processes").where("slug", .equal, slug).first() else {
            throw StoreError.notFound("no PB process '\(slug)'")
        }
        return (try row.decode(column: "id", as: Int64.self), try pbProcess(from: row).definition)
    }
}
