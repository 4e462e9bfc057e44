import Foundation
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The web answers what the command line writes: the API's indicators and assessment equal
/// `tarazu analyze --format json`, and the report route equals `tarazu report --date none`
/// (the CLI's golden files of fixtures/small-book).
@Suite struct GoldenParityTests {
    static let golden = WebHarness.repositoryRoot.appendingPathComponent("Tests/TarazuCLITests/Golden")
    let name = WebHarness.smallBook.metadata.name

    @Test func indicatorsAndAssessmentEqualAnalyzeJSON() async throws {
        let data = try Data(contentsOf: Self.golden.appendingPathComponent("small-book.analyze.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        try await WebHarness.withApp { app, _ in
            let indicators = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books/\(name)/indicators"))
            #expect(NSDictionary(dictionary: indicators["indicators"] as? [String: Any] ?? [:])
                .isEqual(to: expected["indicators"] as? [String: Any] ?? ["missing": true]))
            #expect(indicators["year"] as? Int == expected["year"] as? Int)
            #expect(indicators["content_hash"] as? String == expected["content_hash"] as? String)
            let assessment = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books/\(name)/assessment"))
            for key in ["criteria", "recommendations"] {
                #expect(NSArray(array: assessment[key] as? [Any] ?? []).isEqual(to: expected[key] as? [Any] ?? [0]), "\(key)")
            }
            #expect(NSDictionary(dictionary: assessment["rubric"] as? [String: Any] ?? [:])
                .isEqual(to: expected["rubric"] as? [String: Any] ?? ["missing": true]))
        }
    }

    @Test(arguments: [("fa", "html"), ("en", "html"), ("fa", "md"), ("en", "md")])
    func reportEqualsReportCommand(language: String, format: String) async throws {
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("small-book.\(language).\(format)"), encoding: .utf8)
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/books/\(name)/report?lang=\(language)&format=\(format)")
            #expect(response.status == .ok)
            #expect(response.text == expected)
        }
    }
}
