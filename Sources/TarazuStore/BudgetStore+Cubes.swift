import FluentKit
import Foundation
import SQLKit
import TarazuCore

/// A Fiscal Data Package stored as a cube.
public struct CubeSummary: Hashable, Sendable {
    public var name: String
    public var factCount: Int
    public var contentHash: String
    public var importedAt: Date
    public var source: String
}

extension BudgetStore {
    /// Stores a generic Fiscal Data Package's cube in one transaction, replacing one of the same name.
    public func importCube(_ cube: FiscalCube, source: String) async throws -> CubeSummary {
        let contentHash = cube.contentHash
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let model = String(decoding: try encoder.encode(cube.model), as: UTF8.self)
        let refs = String(decoding: try encoder.encode(cube.attributeRefs), as: UTF8.self)
        let measures = String(decoding: try encoder.encode(cube.measureNames), as: UTF8.self)
        let importedAt = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return try await DatabaseErrorText.during("importing package '\(cube.name)'") {
            try await transaction { sql in
                if let previous = try await sql.select().column("id").from("cubes").where("name", .equal, cube.name).first() {
                    let previousID = try previous.decode(column: "id", as: Int64.self)
                    try await sql.delete(from: "cube_facts").where("cube_id", .equal, previousID).run()
                    try await sql.delete(from: "cubes").where("id", .equal, previousID).run()
                }
                let cubeID = try await Self.insertReturningID(sql.insert(into: "cubes")
                    .columns("name", "model_json", "attribute_refs_json", "measure_names_json", "content_hash", "fact_count",
                             "imported_at_ms", "source")
                    .values([Value.of(cube.name), Value.of(model), Value.of(refs), Value.of(measures), Value.of(contentHash),
                             Value.of(cube.factCount), Value.of(importedAt), Value.of(source)]))
                let facts = zip(cube.attributeValues, cube.measureValues).map { CubeFact(attributes: $0, measures: $1) }
                try await LineTransfer.insert(facts, with: LineCodecs.cubeFacts, bookID: cubeID, on: sql)
                return CubeSummary(name: cube.name, factCount: cube.factCount, contentHash: contentHash,
                                   importedAt: Date(timeIntervalSince1970: Double(importedAt) / 1000), source: source)
            }
        }
    }

    /// The stored packages, by name.
    public func cubes() async throws -> [CubeSummary] {
        try await DatabaseErrorText.during("listing packages") {
            try await sql().select().columns("name", "fact_count", "content_hash", "imported_at_ms", "source")
                .from("cubes").orderBy("name").all().map { row in
                    let reader = ColumnReader(row: row, table: "cubes")
                    return try CubeSummary(name: reader.text("name"), factCount: reader.int("fact_count"),
                                           contentHash: reader.text("content_hash"),
                                           importedAt: Date(timeIntervalSince1970: Double(reader.int64("imported_at_ms")) / 1000),
                                           source: reader.text("source"))
                }
        }
    }

    /// A stored book by name; without a name the store must hold exactly one book.
    public func book(named name: String?) async throws -> BudgetBook {
        let names = try await books().map(\.name)
        guard let chosen = name ?? (names.count == 1 ? names[0] : nil) else {
            throw StoreError.notFound(names.isEmpty ? "the store holds no budget book: import one first"
                                      : "the store holds several books (\(names.joined(separator: ", "))): name one with --book")
        }
        guard let book = try await loadBook(named: chosen) else {
            throw StoreError.notFound("no book named '\(chosen)' (have: \(names.joined(separator: ", ")))")
        }
        return book
    }

    /// The cube to aggregate: a stored package, or a stored book's budget lines. Without a name the
    /// store must hold exactly one book or package.
    public func cube(named name: String?) async throws -> FiscalCube {
        let books = try await books().map(\.name)
        let packages = try await cubes().map(\.name)
        let chosen = try Self.choose(name, books: books, packages: packages)
        if books.contains(chosen), let book = try await loadBook(named: chosen) {
            return FiscalCube(book: book)
        }
        guard packages.contains(chosen) else {
            throw StoreError.notFound("no book or package named '\(chosen)' (have: \((books + packages).joined(separator: ", ")))")
        }
        return try await DatabaseErrorText.during("loading package '\(chosen)'") {
            let sql = try sql()
            guard let row = try await sql.select().columns("id", "model_json", "attribute_refs_json", "measure_names_json", "fact_count")
                .from("cubes").where("name", .equal, chosen).first() else {
                throw StoreError.notFound("no package named '\(chosen)'")
            }
            let reader = ColumnReader(row: row, table: "cubes")
            let decoder = JSONDecoder()
            let model = try decoder.decode(FiscalModel.self, from: Data(try reader.text("model_json").utf8))
            let refs = try decoder.decode([String].self, from: Data(try reader.text("attribute_refs_json").utf8))
            let measures = try decoder.decode([String].self, from: Data(try reader.text("measure_names_json").utf8))
            let facts = try await LineTransfer.load(LineCodecs.cubeFacts, bookID: try reader.int64("id"),
                                                    expected: try reader.int("fact_count"), on: sql)
            return FiscalCube(name: chosen, model: model, attributeRefs: refs, measureNames: measures,
                              attributeValues: facts.map(\.attributes), measureValues: facts.map(\.measures))
        }
    }
}
