import Foundation
import TarazuCore

/// Reading the books of a store: what the portal, the dashboard and the API need. ``BudgetStore`` is
/// the SQL implementation; ``InMemoryBooks`` holds books in memory for tests and tools. Writing books is
/// ``BookImportRepository``.
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
