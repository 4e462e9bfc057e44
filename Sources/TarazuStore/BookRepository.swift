import Foundation
import TarazuCore

/// Reading the books of a store: what the portal, the dashboard and the API need. ``BudgetStore`` is
/// the SQL implementation; ``InMemoryBooks`` holds books in memory for tests and tools.
public protocol BookRepository: Sendable {
    /// The stored books, by name.
    func books() async throws -> [BookSummary]
    /// The current version of the book named `name`, or nil.
    func loadBook(named name: String) async throws -> BudgetBook?
    /// What the closed participatory-budgeting processes linked to the book measured by `date`.
    func measuredParticipation(book name: String, at date: Date) async throws -> [MeasuredParticipation]
    /// The stored Fiscal Data Packages.
    func cubes() async throws -> [CubeSummary]
    /// The cube named `name` (a book's budget lines or a package); without a name the store must hold one.
    func cube(named name: String?) async throws -> FiscalCube
}

extension BookRepository {
    /// What the closed processes linked to the book measured until now.
    public func measuredParticipation(book name: String) async throws -> [MeasuredParticipation] {
        try await measuredParticipation(book: name, at: Date())
    }

    /// Which book or package `name` means among `books` and `packages` (the only one when nil).
    static func choose(_ name: String?, books: [String], packages: [String]) throws -> String {
        if let name { return name }
        if books.count + packages.count == 1 { return (books + packages)[0] }
        if books.isEmpty && packages.isEmpty { throw StoreError.notFound("the store is empty: import a book or package first") }
        throw StoreError.notFound("the store holds several books and packages (\((books + packages).joined(separator: ", "))): name one with --book")
    }
}

extension BudgetStore: BookRepository {}

/// Books held in memory: the same answers as a store's for the books given, without a database.
public actor InMemoryBooks: BookRepository {
    private var stored: [String: (book: BudgetBook, summary: BookSummary)] = [:]
    private var participation: [String: [MeasuredParticipation]] = [:]
    private var nextImport: Int64 = 1

    /// A repository holding `books` (each under its metadata name).
    public init(_ books: [BudgetBook] = []) {
        for book in books { Self.put(book, into: &stored, id: &nextImport) }
    }

    /// Adds or replaces `book` under its metadata name, as an import would.
    public func put(_ book: BudgetBook) {
        Self.put(book, into: &stored, id: &nextImport)
    }

    /// Sets what participatory budgeting measured for the book named `name`.
    public func setParticipation(_ records: [MeasuredParticipation], book name: String) {
        participation[name] = records
    }

    private static func put(_ book: BudgetBook, into stored: inout [String: (book: BudgetBook, summary: BookSummary)], id: inout Int64) {
        let name = book.metadata.name
        let hash = book.contentHash
        let record = ImportRecord(id: id, bookName: name, importedAt: Date(), contentHash: hash,
                                  previousContentHash: stored[name]?.summary.contentHash, source: "memory", rowCounts: BookRowCounts(of: book))
        id += 1
        stored[name] = (book, BookSummary(name: name, title: book.metadata.title, cityFa: book.metadata.cityFa, cityEn: book.metadata.cityEn,
                                          years: book.years, contentHash: hash, lastImport: record, titleFa: book.metadata.titleFa))
    }

    public func books() -> [BookSummary] { stored.values.map(\.summary).sorted { $0.name < $1.name } }

    public func loadBook(named name: String) -> BudgetBook? { stored[name]?.book }

    public func measuredParticipation(book name: String, at date: Date) -> [MeasuredParticipation] { participation[name] ?? [] }

    public func cubes() -> [CubeSummary] { [] }

    public func cube(named name: String?) throws -> FiscalCube {
        let names = stored.keys.sorted()
        let chosen = try Self.choose(name, books: names, packages: [])
        guard let book = stored[chosen]?.book else {
            throw StoreError.notFound("no book or package named '\(chosen)' (have: \(names.joined(separator: ", ")))")
        }
        return FiscalCube(book: book)
    }
}
