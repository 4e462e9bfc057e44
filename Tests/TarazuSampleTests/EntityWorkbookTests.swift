import Foundation
import Testing
import TarazuCore
import TarazuImport
import TarazuSample
import TarazuTabular

/// The Tabriz sample written as municipalities publish it (a sources-and-uses sheet per entity) and read back.
@Suite("Per-entity workbook")
struct EntityWorkbookTests {
    let book = SampleCity.tabriz()

    @Test func anEntityWithoutItsTableIsAnErrorNotAMissingBudget() throws {
        let data = try EntityWorkbookWriter.workbook(book, unit: .millionRial)
        var sheets = try XLSXReader.read(data, source: "pe.xlsx")
        let index = try #require(sheets.firstIndex { $0.name == "org-ict" })
        sheets[index].name = "org-itc"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-per-entity-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try XLSXWriter.write(sheets).write(to: file)
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(file) }
        #expect(error?.errors.contains {
            $0.description.contains("entity \"org-ict\"") && $0.description.contains("has no sources-and-uses table of its own")
                && $0.description.contains("\"org-itc\"")
        } == true)
    }

    @Test func theSampleWrittenPerEntityReadsBackIntoTheSameBudget() throws {
        let data = try EntityWorkbookWriter.workbook(book, unit: .millionRial)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-per-entity-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        guard case .book(let outcome) = try BookLoader.load(file) else {
            Issue.record("the workbook is not read as a book")
            return
        }
        let read = outcome.book
        #expect(!outcome.warnings.contains { $0.severity == .error })
        #expect(read.entities == book.entities)
        // What says the figures are illustrative, the city and the declared facts travel with the workbook.
        #expect(read.metadata.descriptionFa == book.metadata.descriptionFa && read.metadata.description == book.metadata.description)
        #expect(read.metadata.cityFa == "تبریز" && read.metadata.titleFa == book.metadata.titleFa)
        let lines = { (text: String?) in (text ?? "").split(separator: "\n").filter { !$0.isEmpty } }
        #expect(lines(read.governanceYAML) == lines(book.governanceYAML))
        #expect(read.budgetLines.count == book.budgetLines.count && read.transferPayments.count == book.transferPayments.count)
        #expect(read.revenues.count == book.revenues.count && read.transferReceipts.count == book.transferReceipts.count)
        for year in book.years {
            #expect(read.approved(year) == book.approved(year), "\(year)")
            #expect(read.realized(year) == book.realized(year), "\(year)")
            let sources = { (book: BudgetBook) in book.revenues.filter { $0.year == year }.reduce(Int64(0)) { $0 + $1.approved.rials } }
            #expect(sources(read) == sources(book), "\(year)")
        }
        // Each entity's own lines, by their local ids.
        for entity in book.entities {
            let ours = Set(book.budgetLinesWithTransfers.filter { $0.entityCode == entity.code }.map { "\($0.year)/\($0.lineId)/\($0.approved.rials)" })
            let theirs = Set(read.budgetLinesWithTransfers.filter { $0.entityCode == entity.code }
                .map { "\($0.year)/\($0.lineId.dropFirst(entity.code.count + 1))/\($0.approved.rials)" })
            #expect(ours == theirs, "\(entity.code)")
        }
    }
}
