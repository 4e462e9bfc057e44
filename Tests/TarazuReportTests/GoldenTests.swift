import Foundation
import Testing
@testable import TarazuReport

/// Golden files: the four renderings of `ReportFixture` are stored in `Golden/` beside this file.
///
/// To accept a deliberate change of the output, rewrite them and review the diff by eye:
///
///     TARAZU_UPDATE_GOLDEN=1 swift test --filter GoldenTests
@Suite struct GoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases: [(ReportLanguage, ReportFormat)] = ReportLanguage.allCases.flatMap { language in
        ReportFormat.allCases.map { (language, $0) }
    }

    @Test(arguments: cases)
    func matchesGolden(language: ReportLanguage, format: ReportFormat) throws {
        let rendered = ReportRenderer.render(ReportFixture.input, language: language, format: format)
        let url = Self.goldenDirectory.appendingPathComponent("report.\(language.rawValue).\(format == .html ? "html" : "md")")
        if ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: url)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run with TARAZU_UPDATE_GOLDEN=1 and review it")
            return
        }
        if rendered != golden {
            let renderedLines = rendered.components(separatedBy: "\n")
            let goldenLines = golden.components(separatedBy: "\n")
            let first = (0..<min(renderedLines.count, goldenLines.count)).first { renderedLines[$0] != goldenLines[$0] }
                ?? min(renderedLines.count, goldenLines.count)
            Issue.record("""
                \(url.lastPathComponent) differs at line \(first + 1):
                  golden:   \(first < goldenLines.count ? goldenLines[first] : "<end>")
                  rendered: \(first < renderedLines.count ? renderedLines[first] : "<end>")
                """)
        }
    }
}
