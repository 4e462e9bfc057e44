import Foundation
import Testing
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuSample
@testable import TarazuCLI

/// Golden (snapshot) tests of `analyze --format json` and of the four reports, end to end from the
/// CSV files of fixtures/small-book. Run with TARAZU_UPDATE_GOLDEN=1 to rewrite the golden
/// files after an intended change, then review the diff before committing it.
@Suite struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("fixtures/small-book").path
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func matchesGolden(_ text: String, _ name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url, options: .atomic)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(got, want)).firstIndex { $0 != $1 } ?? min(got.count, want.count)
            Issue.record("\(name) differs from its golden file at line \(line + 1):\n got: \(line < got.count ? got[line] : "<end>")\nwant: \(line < want.count ? want[line] : "<end>")")
        }
    }

    @Test func analyzeJSON() async throws {
        let analysis = try await Analysis.run(path: Self.fixture, bookName: nil, year: nil, rubricPath: nil)
        try matchesGolden(try AnalysisOutput.json(analysis) + "\n", "small-book.analyze.json")
    }

    @Test(arguments: ReportLanguage.allCases, [ReportFormat.html, .markdown])
    func report(language: ReportLanguage, format: ReportFormat) async throws {
        let analysis = try await Analysis.run(path: Self.fixture, bookName: nil, year: nil, rubricPath: nil)
        let advanced = try ReportWriter.advanced(book: analysis.book, year: analysis.year)
        let text = analysis.report(advanced: advanced, language: language, format: format, generatedOn: nil)
        try matchesGolden(text, "small-book.\(language.rawValue).\(format == .html ? "html" : "md")")
    }
}

/// The report reaches the source report's findings on the sample city and not on its balanced counterfactual.
@Suite struct ReportFindingsTests {
    func render(_ book: BudgetBook, _ language: ReportLanguage) async throws -> String {
        let analysis = try await Analysis.analyze(book, source: "test", year: nil, rubric: try Analysis.loadRubric(nil))
        return analysis.report(advanced: try ReportWriter.advanced(book: book, year: analysis.year), language: language, format: .markdown, generatedOn: nil)
    }

    static let sourceReportVerdicts = [
        "Weak; lack of coordination between council and municipality", "Incomplete, centralized and unbalanced",
        "Exists, but incomplete and not integrated", "Does not exist", "Limited to statistics, without policy analysis",
    ]

    @Test func sampleCityReportHasTheSourceReportsStatusTable() async throws {
        let english = try await render(SampleCity.tabriz(), .en)
        for verdict in Self.sourceReportVerdicts { #expect(english.contains(verdict), "\(verdict)") }
        let persian = try await render(SampleCity.tabriz(), .fa)
        for verdict in ["ضعیف؛ عدم هماهنگی میان شورا و شهرداری", "ناقص، متمرکز و نامتوازن", "وجود دارد، اما ناقص و غیر یکپارچه",
                        "محدود به آمار، بدون تحلیل سیاستی"] {
            #expect(persian.contains(verdict), "\(verdict)")
        }
    }

    @Test func balancedVariantReportDoesNotReachThem() async throws {
        let english = try await render(SampleCity.balancedVariant(of: SampleCity.tabriz()), .en)
        for verdict in Self.sourceReportVerdicts { #expect(!english.contains(verdict), "\(verdict)") }
        #expect(!english.contains("**Weak**") && !english.contains("**Absent**") && !english.contains("**Partial**"))
    }
}
