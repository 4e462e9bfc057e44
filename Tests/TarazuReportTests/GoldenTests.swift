import Foundation
import SnapshotTesting
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
    func matchesGolden(language: ReportLanguage, format: ReportFormat) {
        Self.matches(ReportRenderer.render(ReportFixture.input, language: language, format: format), "report", language, format)
    }

    /// Compares `rendered` with `Golden/NAME.LANGUAGE.EXTENSION` (SnapshotTesting, a line diff on failure);
    /// TARAZU_UPDATE_GOLDEN=1 rewrites the file.
    static func matches(_ rendered: String, _ name: String, _ language: ReportLanguage, _ format: ReportFormat) {
        var strategy = Snapshotting<String, String>.lines
        strategy.pathExtension = format == .html ? "html" : "md"
        let update = ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1"
        let failure = verifySnapshot(of: rendered, as: strategy, named: language.rawValue, record: update ? .all : .never,
                                     snapshotDirectory: goldenDirectory.path, testName: name)
        if !update { #expect(failure == nil, "\(failure ?? "")") }
    }
}
