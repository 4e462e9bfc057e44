import Foundation
import TarazuCore

/// How many rows of each table a book has.
public struct BookRowCounts: Hashable, Codable, Sendable {
    public var functions: Int
    public var regions: Int
    public var budgetLines: Int
    public var revenues: Int
    public var projects: Int
    public var authorizations: Int
    public var deflator: Int
    /// The entities table (0 in a book without entities).
    public var entities: Int

    /// Budget lines and revenues count transfers between entities too: rows as published.
    public init(functions: Int, regions: Int, budgetLines: Int, revenues: Int, projects: Int, authorizations: Int, deflator: Int,
                entities: Int = 0) {
        self.entities = entities
        self.authorizations = authorizations
        self.budgetLines = budgetLines
        self.deflator = deflator
        self.functions = functions
        self.projects = projects
        self.regions = regions
        self.revenues = revenues
    }

    /// The counts of `book`'s tables.
    public init(of book: BudgetBook) {
        self.init(functions: book.functions.count, regions: book.regions.count,
                  budgetLines: book.budgetLines.count + book.transferPayments.count,
                  revenues: book.revenues.count + book.transferReceipts.count, projects: book.projects.count,
                  authorizations: book.authorizations.count, deflator: book.deflator.count, entities: book.entities.count)
    }

    /// All rows together.
    public var total: Int { functions + regions + budgetLines + revenues + projects + authorizations + deflator + entities }
}

/// One entry of the import history: a version of a book written into the store.
public struct ImportRecord: Hashable, Codable, Sendable {
    /// Increases with every import into the store.
    public var id: Int64
    /// The book's `metadata.name`.
    public var bookName: String
    /// When the import committed, to the millisecond.
    public var importedAt: Date
    /// The imported book's ``TarazuCore/BudgetBook/contentHash``.
    public var contentHash: String
    /// The hash of the version this import replaced, or nil when the book was new.
    public var previousContentHash: String?
    /// Where the book came from (a path or a description), as the importer said.
    public var source: String
    public var rowCounts: BookRowCounts
    /// The account that made the import (a username, or "cli"), or nil when not recorded.
    public var importedBy: String?

    public init(id: Int64, bookName: String, importedAt: Date, contentHash: String, previousContentHash: String?,
                source: String, rowCounts: BookRowCounts, importedBy: String? = nil) {
        self.id = id
        self.bookName = bookName
        self.importedAt = importedAt
        self.contentHash = contentHash
        self.previousContentHash = previousContentHash
        self.source = source
        self.rowCounts = rowCounts
        self.importedBy = importedBy
    }
}

/// A book in the store, as listed by ``BudgetStore/books()``.
public struct BookSummary: Hashable, Codable, Sendable {
    public var name: String
    public var title: String
    /// The Persian title, when the book gives one.
    public var titleFa: String?
    public var cityFa: String?
    public var cityEn: String?
    /// The years that have budget lines, ascending.
    public var years: [Int]
    public var contentHash: String
    /// The import that wrote the current version.
    public var lastImport: ImportRecord

    public init(name: String, title: String, cityFa: String?, cityEn: String?, years: [Int], contentHash: String, lastImport: ImportRecord,
                titleFa: String? = nil) {
        self.name = name
        self.title = title
        self.titleFa = titleFa
        self.cityFa = cityFa
        self.cityEn = cityEn
        self.years = years
        self.contentHash = contentHash
        self.lastImport = lastImport
    }
}

extension BookSummary {
    /// The title in `language`: the Persian one on Persian pages when the book gives it.
    public func title(_ language: TextLanguage) -> String { language == .fa ? titleFa ?? title : title }
}

/// A failure of the store itself (as opposed to the database's own errors, which are passed on).
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The database could not be opened or migrated.
    case cannotOpen(StoreLocation, reason: String)
    /// The store was used after ``BudgetStore/shutdown()``.
    case closed
    /// A stored value could not be read back (the database was changed by something else).
    case unreadable(table: String, column: String, value: String)
    /// An operation failed in the database (or in a step of it); nothing was changed.
    /// `underlying` is the database driver's error, `reason` its readable text.
    case failed(operation: String, reason: String, underlying: any Error)
    /// The book or package asked for is not in the store (the text says what is).
    case notFound(String)
    /// The request contradicts what is stored (e.g. a username that is taken); nothing was changed.
    case conflict(String)

    public var description: String {
        switch self {
        case .cannotOpen(let location, let reason): "cannot open the store at \(location): \(reason)"
        case .closed: "the store has been shut down"
        case .unreadable(let table, let column, let value): "unreadable value '\(value)' in \(table).\(column)"
        case .failed(let operation, let reason, _): "\(operation) failed: \(reason)"
        case .notFound(let text): text
        case .conflict(let text): text
        }
    }
}
