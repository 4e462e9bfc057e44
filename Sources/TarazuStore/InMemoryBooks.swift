import Foundation
import TarazuCore

/// Books held in memory: the answers of a store's for the books given (see ``BookRepository`` and
/// ``BookImportRepository``), without a database. Packages (cubes) are not kept.
public actor InMemoryBooks: BookImportRepository {
    private struct State {
        var stored: [ExactText: (book: BudgetBook, summary: BookSummary)] = [:]
        var imports: [ImportRecord] = []
        var snapshots: [Int64: BookSnapshotRecord] = [:]

        /// Imports `book` as the SQL store does, without the audit entry.
        mutating func write(_ book: BudgetBook, source: String, importedBy: String?, snapshot: Data?) -> ImportRecord {
            let name = book.metadata.name
            let hash = book.contentHash
            let record = ImportRecord(id: (imports.last?.id ?? 0) + 1, bookName: name, importedAt: StoreTime.date(StoreTime.milliseconds(Date())),
                                      contentHash: hash, previousContentHash: stored[ExactText(name)]?.summary.contentHash, source: source,
                                      rowCounts: BookRowCounts(of: book), importedBy: importedBy)
            imports.append(record)
            if let snapshot {
                snapshots[record.id] = BookSnapshotRecord(importID: record.id, mediaType: BookSnapshotRecord.zipMediaType, bytes: snapshot)
            }
            stored[ExactText(name)] = (book, BookSummary(name: name, title: book.metadata.title, cityFa: book.metadata.cityFa,
                                                         cityEn: book.metadata.cityEn, years: book.years, contentHash: hash, lastImport: record,
                                                         titleFa: book.metadata.titleFa))
            return record
        }
    }

    private var state = State()
    private let participation: (any PBRepository)?
    private let audit: InMemoryAudit

    /// A repository holding `books` (each imported under its metadata name, from "memory"), measuring
    /// participation with `participation` (none without it) and writing audit entries to `audit`.
    public init(_ books: [BudgetBook] = [], participation: (any PBRepository)? = nil, audit: InMemoryAudit = InMemoryAudit()) {
        var state = State()
        for book in books { _ = state.write(book, source: "memory", importedBy: nil, snapshot: nil) }
        self.state = state
        self.participation = participation
        self.audit = audit
    }

    public func importBook(_ book: BudgetBook, source: String, importedBy: String?, snapshot: Data?,
                           audit entry: AuditEntry?) async -> ImportRecord {
        let record = state.write(book, source: source, importedBy: importedBy, snapshot: snapshot)
        if let entry { await audit.appendAudit(entry.noting(import: record.id)) }
        return record
    }

    public func books() -> [BookSummary] { state.stored.sorted { $0.key < $1.key }.map(\.value.summary) }

    public func loadBook(named name: String) -> BudgetBook? { state.stored[ExactText(name)]?.book }

    public func measuredParticipation(book name: String, at date: Date) async throws -> [MeasuredParticipation] {
        try await participation?.measuredParticipation(book: name, at: date) ?? []
    }

    public func cubes() -> [CubeSummary] { [] }

    public func cube(named name: String?) throws -> FiscalCube {
        let names = state.stored.keys.sorted().map(\.text)
        let chosen = try Self.choose(name, books: names, packages: [])
        guard let book = state.stored[ExactText(chosen)]?.book else {
            throw StoreError.notFound("no book or package named '\(chosen)' (have: \(names.joined(separator: ", ")))")
        }
        return FiscalCube(book: book)
    }

    public func history(of name: String?) -> [ImportRecord] {
        guard let name else { return state.imports }
        return state.imports.filter { ExactText($0.bookName) == ExactText(name) }
    }

    public func snapshot(ofImport importID: Int64) -> BookSnapshotRecord? { state.snapshots[importID] }

    public func importsWithSnapshots(of name: String?) -> Set<Int64> {
        Set(history(of: name).map(\.id).filter { state.snapshots[$0] != nil })
    }

    public func contentStamp() -> String {
        books().map { "books/\($0.name)=\($0.contentHash);" }.joined()
    }
}
