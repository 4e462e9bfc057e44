import ArgumentParser
import Foundation
import TarazuCore
import TarazuImport
import TarazuStore
import TarazuTabular
import TarazuWeb

/// `tarazu import PATH`: validates a budget book (or any Fiscal Data Package) and stores it, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate a budget book or Fiscal Data Package and store it (all or nothing).",
        discussion: """
        PATH is a budget-book folder, a datapackage.json, a .csv table, a .xlsx workbook (one sheet per table) \
        or a .json book. On bad input every error is printed as file:row:column: reason, the exit code is 1 \
        and the store is left unchanged. Re-importing a book with the same name replaces it and is recorded \
        in the import history.

        CSV encodings are detected: UTF-8 (with or without byte-order mark), UTF-16 with a byte-order mark, \
        and Windows-1256 for a file that is not UTF-8 at all. A file that is mostly UTF-8 with some invalid \
        bytes is an error naming each damaged cell; --encoding states the encoding instead, and bytes that \
        are invalid in it are errors located by row.
        """)

    @Argument(help: "The book folder or file.")
    var path: String

    @Option(help: "The book's name in the store (default: the datapackage name, or the folder or file name); at most 64 characters.")
    var name: String?

    @Option(help: "The encoding of the CSV tables: auto (detect), utf-8, windows-1256 or utf-16.")
    var encoding: String = "auto"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard TextEncoding(name: encoding) != nil else {
            throw ValidationError("unknown encoding '\(encoding)': give auto, utf-8, windows-1256 or utf-16")
        }
    }

    func run() async throws {
        let input: LoadedInput
        do {
            input = try BookLoader.load(URL(fileURLWithPath: path), name: name, encoding: TextEncoding(name: encoding) ?? .automatic)
        } catch {
            throw BadInput(error)
        }
        printWarnings(input.warnings)
        try await store.withStore { store in
            switch input {
            case .book(let outcome):
                let record = try await BookVersions.importBook(
                    outcome.book, into: store, source: path, importedBy: "cli",
                    audit: AuditEntry(actor: "cli", action: "import.confirm", target: outcome.book.metadata.name,
                                      detail: "source \(path);", client: "cli"))
                print(ImportSummary.describe(record, book: outcome.book, location: store.location))
            case .fiscalPackage(let outcome):
                let record = try await store.importCube(outcome.cube, source: path)
                print("imported \(record.name): \(record.factCount) facts, \(outcome.cube.measureNames.count) measures, "
                      + "\(outcome.cube.model.dimensions.count) dimensions into \(store.location) (content \(record.contentHash.prefix(12)))")
            }
        }
    }
}

/// One-paragraph summaries of what an import wrote.
enum ImportSummary {
    static func describe(_ record: ImportRecord, book: BudgetBook, location: StoreLocation) -> String {
        let counts = record.rowCounts
        let years = book.years.map(String.init).joined(separator: ", ")
        var text = "imported \(record.bookName) (\(book.metadata.title)) into \(location)\n"
        text += "  years: \(years.isEmpty ? "none" : years)\n"
        text += "  rows: \(counts.budgetLines) budget lines, \(counts.revenues) revenue lines, \(counts.projects) projects, "
        text += "\(counts.regions) regions, \(counts.authorizations) authorizations, \(counts.deflator) deflator years"
        if counts.entities > 0 {
            text += ", \(counts.entities) entities (\(book.transferPayments.count + book.transferReceipts.count) lines are transfers between them)"
        }
        text += "\n"
        text += "  content hash: \(record.contentHash)"
        if let previous = record.previousContentHash {
            text += previous == record.contentHash ? " (unchanged)" : "\n  replaced: \(previous)"
        }
        return text
    }
}
