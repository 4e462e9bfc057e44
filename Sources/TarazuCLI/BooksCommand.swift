import ArgumentParser
import Foundation
import TarazuStore

/// `tarazu books`: what the store holds.
struct BooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "books", abstract: "List the budget books and packages in the store.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            let books = try await store.books()
            let packages = try await store.cubes()
            if books.isEmpty && packages.isEmpty { print("the store \(store.location) is empty") }
            for book in books {
                let years = book.years.map(String.init).joined(separator: ", ")
                print("\(book.name)\t\(book.title)\tyears \(years)\t\(book.contentHash.prefix(12))\timported \(ISO8601DateFormatter().string(from: book.lastImport.importedAt))")
            }
            for package in packages {
                print("\(package.name)\tfiscal data package\t\(package.factCount) facts\t\(package.contentHash.prefix(12))\timported \(ISO8601DateFormatter().string(from: package.importedAt))")
            }
        }
    }
}

/// `tarazu history`: the import history.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show the import history of the store.")

    @Argument(help: "Only this book.")
    var book: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            for record in try await store.history(of: book) {
                let date = ISO8601DateFormatter().string(from: record.importedAt)
                print("\(date)\t\(record.bookName)\t\(record.contentHash.prefix(12))\t\(record.rowCounts.total) rows\t\(record.source)\timport #\(record.id)\tby \(record.importedBy ?? "-")")
            }
        }
    }
}
