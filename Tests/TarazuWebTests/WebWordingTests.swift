import Foundation
import TarazuCore
import TarazuParticipation
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// How the signed-in areas and the participatory budgeting pages read where a reader found them wanting:
/// a missing dashboard page stays in the dashboard, the portal's way in is right signed in or not,
/// provisional results say so, a low-population region is marked.
@Suite struct WebWordingTests {
    @Test func aMissingDashboardPageKeepsTheDashboardsLayout() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let response = try await DashboardProbe.get(app, DashboardProbe.base + "/no-such-page")
            #expect(response.status == .notFound)
            let html = response.body.string
            #expect(html.contains("ترازو: داشبورد تحلیلی شورا") && html.contains("بازگشت به داشبورد") && html.contains("این صفحه پیدا نشد."))
            #expect(!html.contains("بازگشت به صفحهٔ اصلی"))
        }
    }

    @Test func thePortalLeadsToTheDashboardNotToASignIn() async throws {
        try await WebHarness.withApp { app, _ in
            let html = try await WebHarness.get(app, "/").body.string
            #expect(html.contains("href=\"/dashboard\"") && html.contains("داشبورد تحلیلی شورا (برای اعضای شورا و کارشناسان)"))
            #expect(!html.contains("ورود اعضای شورا"))
        }
    }

    @Test func theOverviewHasNoTrailOfItsOwnName() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let overview = try await DashboardProbe.get(app, DashboardProbe.base).body.string
            #expect(!overview.contains("class=\"crumbs\""))
            let regions = try await DashboardProbe.get(app, DashboardProbe.base + "/regions").body.string
            #expect(regions.contains("class=\"crumbs\""))
        }
    }

    @Test func resultsBeforeTheTallySayTheyAreProvisional() throws {
        let stored = try PageSnapshotTests.process(rules: .approval(minProjects: 1, maxProjects: 2))
        let process = stored.definition.process
        let results = try PBProcessResults.run(process, box: BallotBox(process: process, allowChanges: false), rule: .greedy)
        func text(_ provisional: Bool) -> String {
            PBResultsPage.render(stored.slug, process, rule: .greedy, results: results, ballots: 0, provisional: provisional,
                                 regions: PBRegionNames(populations: ["1": 10, "2": 5_000],
                                                        names: ["2": Bilingual(fa: "منطقه ۲ (صنعتی)", en: "Region 2 (industrial)")]), .fa).render()
        }
        #expect(text(true).contains("نتایج موقت، فقط برای کارشناسان") && text(true).contains("<h1>مشارکت &lt;b&gt;: نتایج موقت</h1>"))
        #expect(!text(false).contains("نتایج موقت"))
        // Regions named as the budget pages name them: the book's name, the low-population mark.
        #expect(text(false).contains("منطقه ۱ (کم‌جمعیت)") && text(false).contains("<h2>منطقه ۲ (صنعتی)</h2>"))
    }
}
