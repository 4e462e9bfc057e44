import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuSample
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The Persian pages of the portal and the dashboard as a native reader sees them, on the sample city
/// and on the small book: no Latin word outside identifiers (in `<code>` or isolated left to right)
/// and the glossary's short allowlist (docs/glossary.md).
@Suite struct PersianPagesTests {
    /// The text a reader sees, without what is not ours to translate: markup, styles and scripts;
    /// identifiers (`<code>`, `<bdi dir="ltr">`) and formulas (isolated left to right with U+2066...U+2069);
    /// data typed by people (`<bdi>`: a user's name); the link to the English page (`lang="en"`).
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in ["<style[^>]*>[\\s\\S]*?</style>", "<script[^>]*>[\\s\\S]*?</script>", "<code[^>]*>[\\s\\S]*?</code>",
                        "<bdi[^>]*>[\\s\\S]*?</bdi>", "<a [^>]*lang=\"en\"[^>]*>[^<]*</a>", "\u{2066}[^\u{2069}]*\u{2069}", "<[^>]*>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The Persian pages of `book`: the portal's, then the dashboard's (every indicator and a project).
    static func paths(_ book: BudgetBook, indicators: [String]) -> [String] {
        let name = book.metadata.name
        let dashboard = "/dashboard/\(name)"
        var paths = ["/", "/books/\(name)", dashboard, dashboard + "/functions", dashboard + "/regions", dashboard + "/economic",
                     dashboard + "/trends", dashboard + "/compliance", dashboard + "/risks"]
        if let function = book.functions.first { paths.append(dashboard + "/functions/\(function.code)") }
        if let project = book.projects.first { paths.append(dashboard + "/projects/\(project.projectId)") }
        paths += indicators.map { dashboard + "/indicators/\($0)" }
        return paths
    }

    /// `word` with a few characters around its first appearance in `text`.
    static func context(_ word: String, in text: String) -> String {
        guard let range = text.range(of: word) else { return word }
        let start = text.index(range.lowerBound, offsetBy: -25, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 25, limitedBy: text.endIndex) ?? text.endIndex
        return "«" + text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ") + "»"
    }

    @Test(arguments: ["sample", "small"])
    func persianPagesHaveNoEnglishWords(book which: String) async throws {
        var book = which == "sample" ? SampleCity.tabriz() : WebHarness.smallBook
        book.metadata.name = which == "sample" ? "tabriz" : book.metadata.name
        let year = try #require(IndicatorEngine.latestRealizedYear(in: book))
        let indicators = try IndicatorEngine.compute(book: book, year: year).map(\.id)
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            for path in Self.paths(book, indicators: indicators) {
                let response = try await DashboardProbe.get(app, path)
                #expect(response.status == .ok, "\(path): \(response.status)")
                // A book without a Persian title is named by its own title (here the fixture's folder name).
                var text = Self.visibleText(response.body.string)
                if book.metadata.titleFa == nil { text = text.replacingOccurrences(of: book.metadata.title, with: " ") }
                let foreign = PersianProse.foreignWords(text)
                #expect(foreign.isEmpty, "\(path): \(foreign.sorted().map { Self.context($0, in: text) })")
            }
        }
    }

    @Test func theCheckSeesVisibleTextOnly() {
        let html = "<style>p{color:red}</style><p title=\"Title\">سلام <code>execution.rate</code> "
            + "<bdi dir=\"ltr\">C+</bdi> world &amp; more</p>"
        #expect(PersianProse.latinWords(Self.visibleText(html)) == ["world", "more"])
    }
}
