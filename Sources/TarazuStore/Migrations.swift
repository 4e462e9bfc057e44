import FluentKit

/// The store's migrations, in order. Each is applied once per database (FluentKit records them in
/// `_fluent_migrations`); a later change to the schema is a new migration appended here.
enum StoreMigrations {
    static var all: [any Migration] { [CreateBookTables(), CreateCubeTables(), AddRegionMap(), CreateAccountTables(), CreatePBTables(), AddPersianTitle(), AddEntities()] }
}

/// Version 1: the book tables of DESIGN.md section 3, one row per book line, keyed by the book and the
/// line's position in the book (`seq`), plus the import history.
/// Amounts are BIGINT rials; decimals (area, progress, price index) are exact TEXT; times are BIGINT
/// milliseconds since 1970 (UTC), so that both engines store every value the same way.
struct CreateBookTables: AsyncMigration {
    var name: String { "tarazu.store.v1.book-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("book_imports")
            .field("id", .int64, .identifier(auto: true))
            .field("book_name", .string, .required)
            .field("imported_at_ms", .int64, .required)
            .field("content_hash", .string, .required)
            .field("previous_content_hash", .string)
            .field("source", .string, .required)
            .field("functions_rows", .int64, .required)
            .field("regions_rows", .int64, .required)
            .field("budget_lines_rows", .int64, .required)
            .field("revenues_rows", .int64, .required)
            .field("projects_rows", .int64, .required)
            .field("authorizations_rows", .int64, .required)
            .field("deflator_rows", .int64, .required)
            .create()

        try await database.schema("books")
            .field("id", .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("title", .string, .required)
            .field("city_fa", .string)
            .field("city_en", .string)
            .field("calendar", .string, .required)
            .field("amount_unit", .string, .required)
            .field("description", .string)
            .field("governance_yaml", .string)
            .field("content_hash", .string, .required)
            .field("years", .string, .required)
            .field("import_id", .int64, .required, .references("book_imports", "id"))
            .unique(on: "name")
            .create()

        try await lines(database, "functions")
            .field("code", .string, .required)
            .field("name_fa", .string, .required)
            .field("name_en", .string, .required)
            .unique(on: "book_id", "code")
            .create()

        try await lines(database, "regions")
            .field("code", .string, .required)
            .field("name_fa", .string, .required)
            .field("name_en", .string)
            .field("population", .int64, .required)
            .field("area_km2", .string)
            .field("zone", .string)
            .unique(on: "book_id", "code")
            .create()

        try await lines(database, "budget_lines")
            .field("year", .int64, .required)
            .field("line_id", .string, .required)
            .field("department", .string, .required)
            .field("region_code", .string, .required)
            .field("function", .string, .required)
            .field("program", .string)
            .field("project_id", .string)
            .field("economic_class", .string, .required)
            .field("is_contingency", .bool, .required)
            .field("approved", .int64, .required)
            .field("revised", .int64)
            .field("realized", .int64)
            .unique(on: "book_id", "year", "line_id")
            .create()

        try await lines(database, "revenues")
            .field("year", .int64, .required)
            .field("line_id", .string, .required)
            .field("revenue_class", .string, .required)
            .field("region_code", .string)
            .field("sustainable", .bool, .required)
            .field("approved", .int64, .required)
            .field("revised", .int64)
            .field("realized", .int64)
            .unique(on: "book_id", "year", "line_id")
            .create()

        try await lines(database, "projects")
            .field("project_id", .string, .required)
            .field("name_fa", .string, .required)
            .field("name_en", .string)
            .field("region_code", .string, .required)
            .field("function", .string, .required)
            .field("type", .string, .required)
            .field("start_year", .int64)
            .field("planned_end_year", .int64)
            .field("planned_cost", .int64, .required)
            .field("current_cost_estimate", .int64)
            .field("physical_progress", .string)
            .field("status", .string)
            .unique(on: "book_id", "project_id")
            .create()

        try await lines(database, "authorizations")
            .field("year", .int64, .required)
            .field("region_code", .string, .required)
            .field("kind", .string, .required)
            .field("authorized_amount", .int64, .required)
            .field("resolution_ref", .string)
            .field("resolution_date", .string)
            .create()

        try await lines(database, "deflator")
            .field("year", .int64, .required)
            .field("price_index", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["deflator", "authorizations", "projects", "revenues", "budget_lines", "regions", "functions",
                      "books", "book_imports"] {
            try await database.schema(table).delete()
        }
    }

    /// A table of book lines: `(book_id, seq)` is the key, and the lines go with their book.
    private func lines(_ database: any Database, _ table: String) -> SchemaBuilder {
        database.schema(table)
            .field("book_id", .int64, .required, .references("books", "id", onDelete: .cascade))
            .field("seq", .int64, .required)
            .compositeIdentifier(over: "book_id", "seq")
    }
}

/// Version 2: generic Fiscal Data Packages, stored as cubes: the model and names as JSON text, and
/// one row per fact with its attribute values and measures as JSON arrays of strings (exact decimals).
struct CreateCubeTables: AsyncMigration {
    var name: String { "tarazu.store.v2.cube-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("cubes")
            .field("id", .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("model_json", .string, .required)
            .field("attribute_refs_json", .string, .required)
            .field("measure_names_json", .string, .required)
            .field("content_hash", .string, .required)
            .field("fact_count", .int64, .required)
            .field("imported_at_ms", .int64, .required)
            .field("source", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema("cube_facts")
            .field("cube_id", .int64, .required, .references("cubes", "id"))
            .field("seq", .int64, .required)
            .field("attributes_json", .string, .required)
            .field("measures_json", .string, .required)
            .compositeIdentifier(over: "cube_id", "seq")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cube_facts").delete()
        try await database.schema("cubes").delete()
    }
}

/// Version 3: a book's regions.geojson (the regions' shapes for maps), as written.
struct AddRegionMap: AsyncMigration {
    var name: String { "tarazu.store.v3.region-map" }

    func prepare(on database: any Database) async throws {
        try await database.schema("books").field("regions_geojson", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("books").deleteField("regions_geojson").update()
    }
}

/// Version 6: a book's Persian title and description (`title_fa`, `description_fa` of its data package).
struct AddPersianTitle: AsyncMigration {
    var name: String { "tarazu.store.v6.persian-title" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("books").field("title_fa", .string).update()
        try await database.schema("books").field("description_fa", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("books").deleteField("description_fa").update()
        try await database.schema("books").deleteField("title_fa").update()
    }
}

/// Version 7: the entities of a municipal group (DESIGN.md section 3) and, on budget lines and revenues,
/// each line's entity and the counterpart of a transfer; the import history counts entities.
struct AddEntities: AsyncMigration {
    var name: String { "tarazu.store.v7.entities" }

    func prepare(on database: any Database) async throws {
        try await database.schema("entities")
            .field("book_id", .int64, .required, .references("books", "id", onDelete: .cascade))
            .field("seq", .int64, .required)
            .compositeIdentifier(over: "book_id", "seq")
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name_fa", .string, .required)
            .field("name_en", .string)
            .field("parent", .string)
            .field("region_code", .string)
            .unique(on: "book_id", "code")
            .create()
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for table in ["budget_lines", "revenues"] {
            try await database.schema(table).field("entity_code", .string).update()
            try await database.schema(table).field("counterpart_entity_code", .string).update()
        }
        try await database.schema("book_imports").field("entities_rows", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("book_imports").deleteField("entities_rows").update()
        for table in ["budget_lines", "revenues"] {
            try await database.schema(table).deleteField("counterpart_entity_code").update()
            try await database.schema(table).deleteField("entity_code").update()
        }
        try await database.schema("entities").delete()
    }
}
