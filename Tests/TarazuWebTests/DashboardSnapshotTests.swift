import Foundation
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
        ("program.fa.html", base + "/functions/transport_traffic/programs/" + HTML.segment("تقاطع غیرهمسطح")),
        ("project.fa.html", base + "/projects/P1"),
        ("regions.fa.html", base + "/regions"),
        ("regions.en.html", base + "/regions?lang=en"),
        ("economic.fa.html", base + "/economic"),
        ("trends.en.html", base + "/trends?lang=en"),
        ("compliance.fa.html", base + "/compliance"),
        ("risks.fa.html", base + "/risks"),
        ("indicator.en.html", base + "/indicators/equity.gini?lang=en"),
        ("functions.csv", base + "/functions?format=csv"),
        ("trends.forecasts.json", base + "/trends?format=json&table=forecasts"),
    ]

    @Test func pagesEqualTheirSnapshots() async throws {
        let update = ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1"
        try await DashboardProbe.withSignedInApp { app, _ in
            for item in Self.cases {
                let response = try await DashboardProbe.get(app, item.path)
                #expect(response.status == .ok, "\(item.path)")
                let text = Self.withoutSessionSecrets(response.text)
                let url = Self.folder.appendingPathComponent(item.file)
                if update {
                    try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                    try text.write(to: url, atomically: true, encoding: .utf8)
                    continue
                }
                let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                #expect(text == expected, "\(item.file) differs from its snapshot (TARAZU_UPDATE_GOLDEN=1 rewrites it):\n\(Self.diff(expected, text))")
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

    /// The first differing lines, numbered (a readable diff without external tools).
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) where out.count < 12 {
            let a = index < old.count ? old[index] : "<missing>"
            let b = index < new.count ? new[index] : "<missing>"
            if a != b {
                out.append("line \(index + 1):\n- \(a.prefix(300))\n+ \(b.prefix(300))")
            }
        }
        return out.isEmpty ? "(no line differs)" : out.joined(separator: "\n")
    }
}
