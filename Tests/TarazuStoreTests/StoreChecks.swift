import Foundation
import Testing
import TarazuCore
@testable import TarazuStore

/// The store's behaviour, checked the same way on every backend (see the SQLite and PostgreSQL suites).
enum StoreChecks {
    static func roundTripIsExact(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let book = TestBooks.book(name: "tabriz", lines: 2_500)
            let record = try await store.importBook(book, source: "test://round-trip")
            let loaded = try #require(try await store.loadBook(named: "tabriz"))
            #expect(loaded == book)
            #expect(loaded.contentHash == book.contentHash)
            #expect(record.contentHash == book.contentHash)
            #expect(record.rowCounts == BookRowCounts(functions: 6, regions: 3, budgetLines: 2_500, revenues: 9,
                                                       projects: 7, authorizations: 2, deflator: 3))
            #expect(record.previousContentHash == nil)
            #expect(try await store.rowCount(of: "budget_lines") == 2_500)
            #expect(try await store.loadBook(named: "mashhad") == nil)
        }
    }

    /// Entities, each line's entity and the transfers between entities come back as they went in; the stored
    /// rows are the lines as published (transfers included) and the history counts them.
    static func entitiesAndTransfersRoundTrip(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            var book = TestBooks.book(name: "group", lines: 40)
            book.entities = [Entity(code: "C", kind: .central, nameFa: "ستاد مرکزی", nameEn: "Centre"),
                             Entity(code: "R1", kind: .region, nameFa: "شهرداری منطقهٔ ۱", parent: "C", regionCode: "1"),
                             Entity(code: "ORG", kind: .organization, nameFa: "سازمان پارک‌ها", parent: "C")]
            for index in book.budgetLines.indices { book.budgetLines[index].entityCode = index % 2 == 0 ? "C" : "R1" }
            book.transferPayments = [BudgetLine(year: 1403, lineId: "T1", department: "ستاد", regionCode: "0", function: "management_development",
                                                economicClass: .current, approved: Money(rials: 7_000_000), realized: nil,
                                                entityCode: "C", counterpartEntityCode: "ORG")]
            book.transferReceipts = [RevenueLine(year: 1403, lineId: "X1", revenueClass: .other, approved: Money(rials: 7_000_000),
                                                 entityCode: "ORG", counterpartEntityCode: "C")]
            let record = try await store.importBook(book, source: "test://entities")
            let loaded = try #require(try await store.loadBook(named: "group"))
            #expect(loaded == book)
            #expect(loaded.contentHash == book.contentHash && record.contentHash == book.contentHash)
            #expect(record.rowCounts.entities == 3 && record.rowCounts.budgetLines == 41 && record.rowCounts.revenues == book.revenues.count + 1)
            #expect(try await store.history(of: "group").last?.rowCounts == record.rowCounts)
            #expect(try await store.rowCount(of: "entities") == 3)
        }
    }

    static func emptyBookRoundTrips(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let book = BudgetBook(metadata: BookMetadata(name: "empty", title: "Empty"), functions: [])
            let record = try await store.importBook(book, source: "empty")
            #expect(record.rowCounts.total == 0)
            #expect(try await store.loadBook(named: "empty") == book)
            #expect(try await store.books().map(\.years) == [[]])
        }
    }

    static func reimportReplacesAndKeepsHistory(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let first = TestBooks.book(name: "tabriz", lines: 300)
            let second = TestBooks.book(name: "tabriz", lines: 120, variant: 7)
            let firstRecord = try await store.importBook(first, source: "v1.csv")
            let secondRecord = try await store.importBook(second, source: "v2.csv")

            #expect(try await store.loadBook(named: "tabriz") == second)
            #expect(try await store.rowCount(of: "budget_lines") == 120)
            #expect(try await store.rowCount(of: "books") == 1)

            let history = try await store.history(of: "tabriz")
            #expect(history == [firstRecord, secondRecord])
            #expect(history.map(\.source) == ["v1.csv", "v2.csv"])
            #expect(history[0].contentHash == first.contentHash)
            #expect(history[1].contentHash == second.contentHash)
            #expect(history[0].contentHash != history[1].contentHash)
            #expect(history[1].previousContentHash == first.contentHash)
            #expect(history.map(\.rowCounts.budgetLines) == [300, 120])
            #expect(history[0].id < history[1].id)
            #expect(history[0].importedAt <= history[1].importedAt)

            let summary = try #require(try await store.books().first)
            #expect(summary.contentHash == second.contentHash)
            #expect(summary.lastImport == secondRecord)
            #expect(summary.years == [1399, 1400, 1401, 1402, 1403])
        }
    }

    static func citiesLiveSideBySide(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let tabriz = TestBooks.book(name: "tabriz", lines: 50)
            var mashhad = TestBooks.book(name: "mashhad", lines: 8, variant: 3)
            mashhad.budgetLines = mashhad.budgetLines.map { line in
                var line = line
                line.year = 1402
                return line
            }
            _ = try await store.importBook(tabriz, source: "tabriz")
            let mashhadRecord = try await store.importBook(mashhad, source: "mashhad")
            let newTabriz = TestBooks.book(name: "tabriz", lines: 60, variant: 1)
            _ = try await store.importBook(newTabriz, source: "tabriz again")

            let summaries = try await store.books()
            #expect(summaries.map(\.name) == ["mashhad", "tabriz"])
            #expect(summaries.map(\.years) == [[1402], [1399, 1400, 1401, 1402, 1403]])
            #expect(summaries.map(\.contentHash) == [mashhad.contentHash, newTabriz.contentHash])
            #expect(summaries[0].lastImport == mashhadRecord)
            #expect(try await store.loadBook(named: "mashhad") == mashhad)
            #expect(try await store.loadBook(named: "tabriz") == newTabriz)
            #expect(try await store.rowCount(of: "budget_lines") == 68)
            #expect(try await store.history(of: "mashhad") == [mashhadRecord])
            #expect(try await store.history(of: nil).map(\.bookName) == ["tabriz", "mashhad", "tabriz"])
        }
    }

    /// A database error in the middle (a duplicate line id, after the first full INSERT batch went in)
    /// leaves both a replaced book and a new book as they were.
    static func constraintViolationChangesNothing(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.importBook(TestBooks.book(name: "tabriz", lines: 200), source: "v1")
            _ = try await store.importBook(TestBooks.book(name: "mashhad", lines: 30), source: "m1")
            let before = try await StoreSnapshot(store)

            var broken = TestBooks.book(name: "tabriz", lines: 5_000, variant: 9)
            broken.budgetLines[4_999].year = broken.budgetLines[0].year
            broken.budgetLines[4_999].lineId = broken.budgetLines[0].lineId
            await #expect {
                try await store.importBook(broken, source: "broken")
            } throws: { error in
                isFailure(error, naming: "importing book 'tabriz'", "budget_lines")
            }
            #expect(try await StoreSnapshot(store) == before)

            var brokenNew = TestBooks.book(name: "isfahan", lines: 5_000)
            brokenNew.projects.append(brokenNew.projects[0])
            await #expect {
                try await store.importBook(brokenNew, source: "broken new")
            } throws: { error in
                isFailure(error, naming: "importing book 'isfahan'", "projects")
            }
            #expect(try await StoreSnapshot(store) == before)
            #expect(try await store.history(of: "isfahan").isEmpty)
        }
    }

    /// An error thrown at any step of an import, up to the last table, rolls everything back.
    static func injectedFailureChangesNothing(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.importBook(TestBooks.book(name: "tabriz", lines: 3_000), source: "v1")
            let before = try await StoreSnapshot(store)
            let replacement = TestBooks.book(name: "tabriz", lines: 3_500, variant: 2)
            for step in ["replace", "history", "book", "budget_lines", "deflator"] {
                await #expect("failure after \(step)") {
                    try await store.importBook(replacement, source: "v2", afterStep: { if $0 == step { throw InjectedFailure() } })
                } throws: { error in
                    guard case StoreError.failed(_, _, let underlying) = error else { return false }
                    return underlying is InjectedFailure
                }
                #expect(try await StoreSnapshot(store) == before, "after a failure at \(step)")
            }
            // The same import without the failure goes through.
            _ = try await store.importBook(replacement, source: "v2")
            #expect(try await store.loadBook(named: "tabriz") == replacement)
            #expect(try await store.history(of: "tabriz").count == 2)
        }
    }

    /// Whether `error` is the store's failure, its message naming each of `parts` (the database's own
    /// message names the table or constraint).
    static func isFailure(_ error: any Error, naming parts: String...) -> Bool {
        guard case StoreError.failed = error else { return false }
        return parts.allSatisfy { "\(error)".contains($0) }
    }

    /// A store opened again sees what was written, and opening does not migrate twice.
    static func reopenKeepsBooks(_ backend: Backend) async throws {
        try await backend.withStore { store, location in
            let book = TestBooks.book(name: "tabriz", lines: 40)
            let record = try await store.importBook(book, source: "first session")
            let again = try await BudgetStore.open(location)
            #expect(try await again.loadBook(named: "tabriz") == book)
            #expect(try await again.history(of: nil) == [record])
            #expect(try await again.rowCount(of: "_fluent_migrations") == StoreMigrations.all.count)
            await again.shutdown()
        }
    }
}
