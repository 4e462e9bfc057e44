import ArgumentParser
import Foundation
import TarazuStore
import TarazuWeb

/// `tarazu rollback BOOK --to IMPORT_ID`: restores an earlier version of a book from its snapshot.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Restore an earlier version of a book from the snapshot of one of its imports.",
        discussion: "The restored version is imported again (source \"rollback to import #ID\"), so the history only grows. See `tarazu history BOOK` for the import ids.")

    @Argument(help: "The book's name.")
    var book: String

    @Option(help: "The import to restore (its id in the history).")
    var to: Int64

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            do {
                let record = try await BookVersions.rollback(book, to: to, in: store, actor: "cli", client: "cli")
                print("restored \(book) to import #\(to) as import #\(record.id) (content \(record.contentHash.prefix(12)))")
            } catch let error as RollbackError {
                throw BadInput([error.description])
            }
        }
    }
}
