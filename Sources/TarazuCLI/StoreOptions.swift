import ArgumentParser
import Foundation
import TarazuStore

/// The `--db` option shared by commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store: a file path or sqlite://PATH (SQLite), or postgres://USER:PASS@HOST:PORT/DB. Default: DATABASE_URL when set, else ./tarazu.sqlite.")
    var db: String?

    func location() throws -> StoreLocation {
        do {
            return try StoreLocation.parse(db)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Opens the store, runs `body` and closes the store whatever happens.
    func withStore<T>(_ body: (BudgetStore) async throws -> T) async throws -> T {
        let store: BudgetStore
        do {
            store = try await BudgetStore.open(try location())
        } catch let error as ValidationError {
            throw error
        } catch {
            throw BadInput(["cannot open the store: \(error)"])
        }
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
