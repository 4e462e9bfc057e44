import Foundation
import SQLKit

extension BudgetStore {
    /// A short text that changes whenever a book or a package is imported, replaced or removed:
    /// the names and content hashes of everything stored. Caches of pages key on it.
    public func contentStamp() async throws -> String {
        try await DatabaseErrorText.during("reading the store's contents") {
            let sql = try sql()
            var stamp = ""
            for table in ["books", "cubes"] {
                for row in try await sql.select().columns("name", "content_hash").from(table).orderBy("name").all() {
                    let name = try row.decode(column: "name", as: String.self)
                    let hash = try row.decode(column: "content_hash", as: String.self)
                    stamp += "\(table)/\(name)=\(hash);"
                }
            }
            return stamp
        }
    }
}
