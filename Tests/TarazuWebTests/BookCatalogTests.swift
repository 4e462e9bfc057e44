import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuStore
import Testing
@testable import TarazuWeb

/// The catalog over books held in memory (``InMemoryBooks``): no database is opened.
@Suite struct BookCatalogTests {
    let book = WebHarness.smallBook

    func catalog(_ books: [BudgetBook]) throws -> (BookCatalog, InMemoryBooks) {
        let repository = InMemoryBooks(books)
        return (BookCatalog(repository: repository, rubric: try Rubric.standard()), repository)
    }

    @Test func theAnalysisIsTheApplicationsAssessment() async throws {
        let (catalog, _) = try catalog([book])
        let served = try await catalog.analysis(named: book.metadata.name, year: nil)
        let direct = try BookAssessment.assess(book, rubric: try Rubric.standard(), madeIn: Numerals.jalaliYear(of: Date()))
        #expect(served.year == direct.year)
        #expect(served.indicators == direct.indicators)
        #expect(served.assessment == direct.assessment)
        #expect(served.contentHash == book.contentHash)
        let report = try await catalog.report(named: book.metadata.name, year: nil, language: .fa, format: .markdown)
        #expect(report == direct.report(advanced: try AdvancedAnalysis.build(book: book, year: direct.year), language: .fa,
                                        format: .markdown, generatedOn: nil))
    }

    @Test func aNewVersionOfTheBookReplacesWhatWasDerivedFromTheOld() async throws {
        let (catalog, repository) = try catalog([book])
        let before = try await catalog.analysis(named: book.metadata.name, year: nil)
        var changed = book
        changed.budgetLines = changed.budgetLines.map { line in
            var copy = line
            if copy.year == before.year, copy.realized != nil { copy.realized = .zero }
            return copy
        }
        _ = try await repository.importBook(changed, source: "test")
        let after = try await catalog.analysis(named: book.metadata.name, year: nil)
        #expect(after.contentHash == changed.contentHash && after.contentHash != before.contentHash)
        #expect(after.indicator("execution.rate.total")?.value == .decimal(0))
        #expect(before.indicator("execution.rate.total")?.value != .decimal(0))
    }

    @Test func unknownBooksAndYearsAreRefusedWithTheReason() async throws {
        let (catalog, _) = try catalog([book])
        await #expect(throws: WebError.self) { try await catalog.analysis(named: "nope", year: nil) }
        do {
            _ = try await catalog.analysis(named: book.metadata.name, year: 1300)
            Issue.record("year 1300 was accepted")
        } catch let error as WebError {
            #expect(error.status == .badRequest)
            #expect(error.reason.contains("1300") && error.reason.contains("1403"))
        }
    }

    @Test func theOnlyBookIsTheCubeWhenNoneIsNamed() async throws {
        let (catalog, _) = try catalog([book])
        let cube = try await catalog.cube(named: nil)
        #expect(cube.factCount == book.budgetLines.count)
        let (empty, _) = try self.catalog([])
        await #expect(throws: (any Error).self) { try await empty.cube(named: nil) }
    }
}
