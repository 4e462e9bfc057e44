import Foundation
import SnapshotTesting
import TarazuHTML
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Whole dashboard pages of fixtures/small-book against golden files in Snapshots/. Run with
/// TARAZU_UPDATE_GOLDEN=1 to rewrite them after an intended change.
@Suite struct DashboardSnapshotTests {
    static let folder = WebHarness.repositoryRoot.appendingPathComponent("Tests/TarazuWebTests/Snapshots")
    static let base = DashboardProbe.base
    static let cases: [(file: String, path: String)] = [
        ("overview.fa.html", base),
        ("overview.en.html", base + "?lang=en&year=1402&region=1"),
        ("functions.fa.html", base + "/functions"),
        ("function.en.html", base + "/functions/transport_traffic?lang=en"),
        ("program.fa.html", base + "/functions/transport_traffic/programs/" + PercentEncoding.pathSegment("تقاطع غیرهمسطح")),
        ("project.fa.html", base + "/projects/P1"),
        ("regions.fa.html", base + "/regions"),
        ("regions.en.html", base + "/regions?lang=en"),
        ("economic.fa.html", base + "/economic"),
        ("trends.en.html", base + "/trends?lang=en"),
        ("compliance.fa.html", base + "/compliance"),
        ("risks.fa.html", base + "/risks"),
        ("indicator.en.html", base + "/indicators/equity.gini?lang=en"),
        ("functions.table.csv", base + "/functions?format=csv"),
        ("trends.forecasts.json", base + "/trends?format=json&table=forecasts"),
    ]

    @Test func pagesEqualTheirSnapshots() async throws {
        let update = ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1"
        try await DashboardProbe.withSignedInApp { app, _ in
            for item in Self.cases {
                let response = try await DashboardProbe.get(app, item.path)
                #expect(response.status == .ok, "\(item.path)")
                // overview.fa.html: test name "overview", name "fa", extension "html".
                let parts = item.file.split(separator: ".").map(String.init)
                var strategy = Snapshotting<String, String>.lines
                strategy.pathExtension = parts.last
                let failure = verifySnapshot(of: Self.withoutSessionSecrets(response.text), as: strategy,
                                             named: parts.dropFirst().dropLast().joined(separator: "."),
                                             record: update ? .all : .never, snapshotDirectory: Self.folder.path, testName: parts[0])
                if !update { #expect(failure == nil, "\(item.file): \(failure ?? "")") }
            }
        }
    }

    @Test func pagesAreDeterministic() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            for item in Self.cases {
                let first = try await DashboardProbe.get(app, item.path).text
                let second = try await DashboardProbe.get(app, item.path).text
                #expect(first == second, "\(item.path)")
            }
        }
    }

    /// `text` with the session's CSRF token (random per session) replaced by a fixed mark.
    static func withoutSessionSecrets(_ text: String) -> String {
        text.replacingOccurrences(of: #"name="csrf_token" value="[A-Za-z0-9_-]+""#, with: #"name="csrf_token" value="CSRF""#,
                                  options: .regularExpression)
    }
}
