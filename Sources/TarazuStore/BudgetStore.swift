import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOPosix
import SQLKit
import TarazuCore

/// The persistent store of budget books: an SQLite file or a PostgreSQL database, with one set of
/// migrations. Value types go in and come out; the database rows stay inside.
///
/// Books are identified by `metadata.name`, so several cities live side by side. Importing a book
/// replaces the stored book of the same name in one transaction and appends to the import history.
/// Call ``shutdown()`` when done.
public final class BudgetStore: Sendable {
    public let location: StoreLocation
    private let databases: Databases
    /// SQLite: every query runs on this one event loop, hence on one connection, so that writers never
    /// meet each other's locks inside the process (SQLite has one writer at a time anyway). PostgreSQL:
    /// nil, any event loop of the pool.
    private let pinnedLoop: (any EventLoop)?
    /// Ballots cast one at a time, written together (group commit).
    let castQueue = PBCastQueue()
    private let logger: Logger

    /// A logger for critical messages only: the store reports failures by the errors it throws, and the
    /// drivers would otherwise log the same failure again (and FluentKit every migration).
    public static var defaultLogger: Logger {
        var logger = Logger(label: "tarazu.store")
        logger.logLevel = .critical
        return logger
    }

    private init(location: StoreLocation, databases: Databases, logger: Logger) {
        if case .sqlite = location { pinnedLoop = MultiThreadedEventLoopGroup.singleton.next() } else { pinnedLoop = nil }
        self.location = location
        self.databases = databases
        self.logger = logger
    }

    /// Opens (creating when needed) the store at `location` and brings its schema up to date.
    /// SQLite files are put in WAL journal mode, with foreign keys enforced.
    public static func open(_ location: StoreLocation, logger: Logger = defaultLogger) async throws -> BudgetStore {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        let store = BudgetStore(location: location, databases: databases, logger: logger)
        do {
            switch location {
            case .sqlite(let path):
                databases.use(.sqlite(.init(storage: .file(path: path), enableForeignKeys: true)), as: .sqlite)
                _ = try await store.sql().raw("PRAGMA journal_mode = WAL").all()
                // Another process writing (an import while the server runs) is waited for, up to 10 s.
                _ = try await store.sql().raw("PRAGMA busy_timeout = 10000").all()
            case .postgres(let url, let schema):
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = schema.map { [$0] }
                databases.use(.postgres(configuration: configuration), as: .psql)
                if let schema {
                    try await store.sql().raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                }
            }
            let migrations = Migrations()
            migrations.add(StoreMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                    on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        } catch {
            await databases.shutdownAsync()
            throw StoreError.cannotOpen(location, reason: DatabaseErrorText.describe(error))
        }
        return store
    }

    /// Closes the store's connections. The store cannot be used afterwards.
    public func shutdown() async {
        await databases.shutdownAsync()
    }

    // MARK: Writing

    /// Writes `book` in one transaction, replacing the stored book with the same `metadata.name`, and
    /// records the import in the history. On any error nothing changes.
    /// - Parameter source: where the book came from (a path, a URL, "sample"), kept in the history.
    /// - Parameter importedBy: who made the import (a username, "cli"), kept in the history.
    /// - Parameter snapshot: the imported book as a zipped data package, kept with the history entry so
    ///   that this version can be restored later (see ``snapshot(ofImport:)``).
    /// - Parameter audit: an audit entry written in the same transaction (its target and detail are kept,
    ///   and " import #ID" is appended to the detail).
    public func importBook(_ book: BudgetBook, source: String, importedBy: String?, snapshot: Data?,
                           audit: AuditEntry?) async throws -> ImportRecord {
        let extra = ImportExtras(importedBy: importedBy, snapshot: snapshot, audit: audit)
        let contentHash = book.contentHash
        let counts = BookRowCounts(of: book)
        return try await DatabaseErrorText.during("importing book '\(book.metadata.name)'") {
            try await importTransaction(book, contentHash: contentHash, counts: counts, source: source, extra: extra,
                                        afterStep: { _ in })
        }
    }

    /// ``importBook(_:source:)`` calling `afterStep` inside the transaction after each step: "replace",
    /// "history", "book", then each line table's name. Tests throw from it to check atomicity.
    func importBook(_ book: BudgetBook, source: String,
                    afterStep: @escaping @Sendable (String) throws -> Void) async throws -> ImportRecord {
        let contentHash = book.contentHash
        let counts = BookRowCounts(of: book)
        return try await DatabaseErrorText.during("importing book '\(book.metadata.name)'") {
            try await importTransaction(book, contentHash: contentHash, counts: counts, source: source, extra: ImportExtras(),
                                        afterStep: afterStep)
        }
    }

    private func importTransaction(_ book: BudgetBook, contentHash: String, counts: BookRowCounts, source: String,
                                   extra: ImportExtras, afterStep: @escaping @Sendable (String) throws -> Void) async throws -> ImportRecord {
        try await database().transaction { transaction in
            let sql = transaction as! any SQLDatabase
            var previousHash: String?
            if let previous = try await sql.select().columns("id", "content_hash").from("books")
                .where("name", .equal, book.metadata.name).first() {
                let previousID = try previous.decode(column: "id", as: Int64.self)
                previousHash = try previous.decode(column: "content_hash", as: String.self)
                for table in LineCodecs.tables {
                    try await sql.delete(from: table).where("book_id", .equal, previousID).run()
                }
                try await sql.delete(from: "books").where("id", .equal, previousID).run()
            }
            try afterStep("replace")

            let importedAt = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
            let importID = try await Self.insertReturningID(sql.insert(into: "book_imports")
                .columns("book_name", "imported_at_ms", "content_hash", "previous_content_hash", "source",
                         "functions_rows", "regions_rows", "budget_lines_rows", "revenues_rows", "projects_rows",
                         "authorizations_rows", "deflator_rows", "imported_by", "entities_rows")
                .values([Value.of(book.metadata.name), Value.of(importedAt), Value.of(contentHash), Value.of(previousHash),
                         Value.of(source), Value.of(counts.functions), Value.of(counts.regions), Value.of(counts.budgetLines),
                         Value.of(counts.revenues), Value.of(counts.projects), Value.of(counts.authorizations),
                         Value.of(counts.deflator), Value.of(extra.importedBy), Value.of(counts.entities)]))
            try afterStep("history")
            if let snapshot = extra.snapshot {
                try await sql.insert(into: "book_snapshots").columns("import_id", "media_type", "bytes")
                    .values([Value.of(importID), Value.of(BookSnapshotRecord.zipMediaType), SQLBind(snapshot)]).run()
            }
            if let audit = extra.audit {
                _ = try await Self.appendAudit(audit.noting(import: importID), on: sql)
            }

            let metadata = book.metadata
            let bookID = try await Self.insertReturningID(sql.insert(into: "books")
                .columns("name", "title", "city_fa", "city_en", "calendar", "amount_unit", "description",
                         "governance_yaml", "content_hash", "years", "import_id", "regions_geojson", "title_fa", "description_fa")
                .values([Value.of(metadata.name), Value.of(metadata.title), Value.of(metadata.cityFa), Value.of(metadata.cityEn),
                         Value.of(metadata.calendar.rawValue), Value.of(metadata.amountUnit.rawValue), Value.of(metadata.description),
                         Value.of(book.governanceYAML), Value.of(contentHash),
                         Value.of(book.years.map(String.init).joined(separator: ",")), Value.of(importID),
                         Value.of(book.regionsGeoJSON), Value.of(metadata.titleFa), Value.of(metadata.descriptionFa)]))
            try afterStep("book")

            try await LineTransfer.insert(book.functions, with: LineCodecs.functions, bookID: bookID, on: sql)
            try afterStep(LineCodecs.functions.table)
            try await LineTransfer.insert(book.regions, with: LineCodecs.regions, bookID: bookID, on: sql)
            try afterStep(LineCodecs.regions.table)
            try await LineTransfer.insert(book.entities, with: LineCodecs.entities, bookID: bookID, on: sql)
            try afterStep(LineCodecs.entities.table)
            try await LineTransfer.insert(book.budgetLinesWithTransfers, with: LineCodecs.budgetLines, bookID: bookID, on: sql)
            try afterStep(LineCodecs.budgetLines.table)
            try await LineTransfer.insert(book.revenuesWithTransfers, with: LineCodecs.revenues, bookID: bookID, on: sql)
            try afterStep(LineCodecs.revenues.table)
            try await LineTransfer.insert(book.projects, with: LineCodecs.projects, bookID: bookID, on: sql)
            try afterStep(LineCodecs.projects.table)
            try await LineTransfer.insert(book.authorizations, with: LineCodecs.authorizations, bookID: bookID, on: sql)
            try afterStep(LineCodecs.authorizations.table)
            try await LineTransfer.insert(book.deflator, with: LineCodecs.deflator, bookID: bookID, on: sql)
            try afterStep(LineCodecs.deflator.table)

            return ImportRecord(id: importID, bookName: metadata.name, importedAt: Self.date(milliseconds: importedAt),
                                contentHash: contentHash, previousContentHash: previousHash, source: source, rowCounts: counts,
                                importedBy: extra.importedBy)
        }
    }

    // MARK: Reading

    /// The stored books, by name.
    public func books() async throws -> [BookSummary] {
        try await DatabaseErrorText.during("listing the books") { try await readBooks() }
    }

    private func readBooks() async throws -> [BookSummary] {
        let sql = try sql()
        let rows = try await sql.select()
            .columns("name", "title", "city_fa", "city_en", "content_hash", "years", "import_id", "title_fa")
            .from("books").orderBy("name").all()
        guard !rows.isEmpty else { return [] }
        let importIDs = try rows.map { try $0.decode(column: "import_id", as: Int64.self) }
        let imports = try await Self.importRecords(sql.select().columns(Self.importColumns).from("book_imports")
            .where("id", .in, importIDs))
        let importsByID = Dictionary(imports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            let reader = ColumnReader(row: row, table: "books")
            let importID = try reader.int64("import_id")
            guard let lastImport = importsByID[importID] else {
                throw StoreError.unreadable(table: "books", column: "import_id", value: String(importID))
            }
            return try BookSummary(name: reader.text("name"), title: reader.text("title"), cityFa: reader.optionalText("city_fa"),
                                   cityEn: reader.optionalText("city_en"), years: Self.years(reader),
                                   contentHash: reader.text("content_hash"), lastImport: lastImport, titleFa: reader.optionalText("title_fa"))
        }
    }

    /// The stored book named `name`, or nil. Every table comes back in the order it was imported in,
    /// so the result equals the imported book exactly.
    public func loadBook(named name: String) async throws -> BudgetBook? {
        try await DatabaseErrorText.during("loading book '\(name)'") { try await readBook(named: name) }
    }

    private func readBook(named name: String) async throws -> BudgetBook? {
        let isPostgres = if case .postgres = location { true } else { false }
        return try await database().transaction { transaction in
            let sql = transaction as! any SQLDatabase
            if isPostgres {
                // One snapshot for all the tables, even while another process replaces the book.
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            guard let row = try await sql.select()
                .columns("id", "name", "title", "city_fa", "city_en", "calendar", "amount_unit", "description",
                         "governance_yaml", "import_id", "regions_geojson", "title_fa", "description_fa")
                .from("books").where("name", .equal, name).first()
            else { return nil }
            let reader = ColumnReader(row: row, table: "books")
            let bookID = try reader.int64("id")
            let importID = try reader.int64("import_id")
            guard let counts = try await Self.importRecords(sql.select().columns(Self.importColumns).from("book_imports")
                .where("id", .equal, importID)).first?.rowCounts
            else { throw StoreError.unreadable(table: "books", column: "import_id", value: String(importID)) }

            let metadata = try BookMetadata(
                name: reader.text("name"), title: reader.text("title"), cityFa: reader.optionalText("city_fa"),
                cityEn: reader.optionalText("city_en"), calendar: reader.code("calendar", as: BookCalendar.self),
                amountUnit: reader.code("amount_unit", as: AmountUnit.self), description: reader.optionalText("description"),
                titleFa: reader.optionalText("title_fa"), descriptionFa: reader.optionalText("description_fa"))
            var book = try await BudgetBook(
                metadata: metadata,
                functions: LineTransfer.load(LineCodecs.functions, bookID: bookID, expected: counts.functions, on: sql),
                regions: LineTransfer.load(LineCodecs.regions, bookID: bookID, expected: counts.regions, on: sql),
                budgetLines: LineTransfer.load(LineCodecs.budgetLines, bookID: bookID, expected: counts.budgetLines, on: sql),
                revenues: LineTransfer.load(LineCodecs.revenues, bookID: bookID, expected: counts.revenues, on: sql),
                projects: LineTransfer.load(LineCodecs.projects, bookID: bookID, expected: counts.projects, on: sql),
                authorizations: LineTransfer.load(LineCodecs.authorizations, bookID: bookID, expected: counts.authorizations, on: sql),
                deflator: LineTransfer.load(LineCodecs.deflator, bookID: bookID, expected: counts.deflator, on: sql),
                governanceYAML: reader.optionalText("governance_yaml"), regionsGeoJSON: reader.optionalText("regions_geojson"),
                entities: LineTransfer.load(LineCodecs.entities, bookID: bookID, expected: counts.entities, on: sql))
            book.separateTransfers()
            return book
        }
    }

    /// The import history, oldest first: of the book named `name`, or of every book when nil.
    /// Entries stay after their book is replaced.
    public func history(of name: String?) async throws -> [ImportRecord] {
        try await DatabaseErrorText.during("reading the import history") {
            let query = try sql().select().columns(Self.importColumns).from("book_imports")
            if let name { _ = query.where("book_name", .equal, name) }
            return try await Self.importRecords(query.orderBy("id"))
        }
    }

    // MARK: Helpers

    private func database() throws -> any Database {
        guard let database = databases.database(logger: logger, on: pinnedLoop ?? MultiThreadedEventLoopGroup.singleton.any()) else {
            throw StoreError.closed
        }
        return database
    }

    func sql() throws -> any SQLDatabase {
        guard let database = try database() as? any SQLDatabase else { throw StoreError.closed }
        return database
    }

    /// Runs the cheapest query there is: throws when the database does not answer (health checks).
    public func ping() async throws {
        try await DatabaseErrorText.during("checking the database") {
            _ = try await sql().raw("SELECT 1").all()
        }
    }

    /// Runs `body` in one transaction: all of it is written, or nothing.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database().transaction { transaction in
            try await body(transaction as! any SQLDatabase)
        }
    }

    static func insertReturningID(_ insert: SQLInsertBuilder) async throws -> Int64 {
        guard let row = try await insert.returning("id").first() else {
            throw StoreError.unreadable(table: "(insert)", column: "id", value: "no id returned")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    private static let importColumns = [
        "id", "book_name", "imported_at_ms", "content_hash", "previous_content_hash", "source", "functions_rows",
        "regions_rows", "budget_lines_rows", "revenues_rows", "projects_rows", "authorizations_rows", "deflator_rows", "imported_by",
        "entities_rows",
    ]

    private static func importRecords(_ query: SQLSelectBuilder) async throws -> [ImportRecord] {
        try await query.all().map { row in
            let reader = ColumnReader(row: row, table: "book_imports")
            let counts = try BookRowCounts(
                functions: reader.int("functions_rows"), regions: reader.int("regions_rows"),
                budgetLines: reader.int("budget_lines_rows"), revenues: reader.int("revenues_rows"),
                projects: reader.int("projects_rows"), authorizations: reader.int("authorizations_rows"),
                deflator: reader.int("deflator_rows"), entities: reader.optionalInt("entities_rows") ?? 0)
            return try ImportRecord(
                id: reader.int64("id"), bookName: reader.text("book_name"),
                importedAt: date(milliseconds: reader.int64("imported_at_ms")), contentHash: reader.text("content_hash"),
                previousContentHash: reader.optionalText("previous_content_hash"), source: reader.text("source"),
                rowCounts: counts, importedBy: reader.optionalText("imported_by"))
        }
    }

    private static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func years(_ reader: ColumnReader) throws -> [Int] {
        let text = try reader.text("years")
        return try text.split(separator: ",").map { part in
            guard let year = Int(part) else { throw StoreError.unreadable(table: "books", column: "years", value: text) }
            return year
        }
    }
}
