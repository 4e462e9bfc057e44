import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuSample
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Projects whose data are likely errors are named on the dashboard's risk page and on their own page,
/// not silently dropped from the scores.
@Suite struct LeftOutProjectsTests {
    @Test func theRiskPageAndTheProjectPageSayWhyAProjectHasNoScore() async throws {
        var book = SampleCity.tabriz()
        book.metadata.name = "tabriz"
        let year = try #require(IndicatorEngine.latestRealizedYear(in: book))
        let flagged = ProjectLeftOut.of(book: book, errors: try LikelyDataErrors.find(book: book, year: year))
        let project = try #require(flagged.first { $0.projectId == "P0092" })
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            let risks = try await DashboardProbe.get(app, "/dashboard/tabriz/risks").body.string
            let table = DashboardProbe.table(risks, id: "left_out")
            #expect(flagged.allSatisfy { table.contains(">\($0.projectId)</bdi>") })
            #expect(table.contains(project.nameFa))
            #expect(risks.contains("\(PersianText.persianDigits(String(flagged.count))) پروژه به دلیل خطای احتمالی"))
            let scored = DashboardProbe.table(risks, id: "risky_projects")
            #expect(!scored.contains(">P0092</bdi>"))
            let page = try await DashboardProbe.get(app, "/dashboard/tabriz/projects/P0092").body.string
            #expect(page.contains("این پروژه امتیاز ریسک ندارد"))
        }
    }
}
