import Foundation
import Testing
import TarazuImport
import TarazuSample

@Suite("Committed samples/tabriz")
struct CommittedSampleTests {
    /// samples/tabriz in the repository, found from this file's place in it.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/tabriz")

    @Test func committedBookEqualsAFreshGenerationByteForByte() throws {
        let fresh = TemporaryFolder()
        try BudgetBookWriter.write(SampleCity.tabriz(), to: fresh.url)
        var committed = try files(in: Self.folder)
        #expect(committed.removeValue(forKey: "README.md") != nil, "samples/tabriz/README.md is missing")
        let generated = try files(in: fresh.url)
        #expect(committed.keys.sorted() == generated.keys.sorted())
        for (name, data) in generated {
            #expect(committed[name] == data, "samples/tabriz/\(name) differs from `tarazu sample --out samples/tabriz`")
        }
    }

    @Test func committedBookReadsBackAsTheGeneratedBook() throws {
        guard case .book(let outcome) = try BookLoader.load(Self.folder) else {
            Issue.record("samples/tabriz is not read as a budget book")
            return
        }
        let generated = SampleCity.tabriz()
        #expect(outcome.book == generated)
        #expect(outcome.book.contentHash == generated.contentHash)
        #expect(outcome.warnings.isEmpty, "\(outcome.warnings)")
    }

    @Test func writerColumnsAreTheReadersCanonicalColumns() throws {
        let folder = TemporaryFolder()
        try BudgetBookWriter.write(SampleCity.tabriz(), to: folder.url)
        for table in BookTable.allCases {
            let url = folder.url.appendingPathComponent(table.fileName)
            let text = try String(contentsOf: url, encoding: .utf8)
            let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
            #expect(header == table.columns.map(\.name), "\(table.fileName)")
        }
    }
}
