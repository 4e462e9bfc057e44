import Foundation
import TarazuCore
import TarazuHTML
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Every dashboard route over HTTP in process: pages, downloads, errors, headers.
@Suite struct DashboardRouteTests {
    static let base = DashboardProbe.base
    static let pages = [
        base, base + "/functions", base + "/functions/transport_traffic",
        base + "/functions/transport_traffic/programs/" + PercentEncoding.pathSegment("تقاطع غیرهمسطح"),
        base + "/projects/P1", base + "/regions", base + "/economic", base + "/trends", base + "/compliance", base + "/risks", base + "/peers",
        base + "/indicators/execution.rate.total",
    ]

    @Test func everyPageIsPrivatePersianAndScriptFree() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            for path in Self.pages {
                let response = try await DashboardProbe.get(app, path)
                #expect(response.status == .ok, "\(path): \(response.text.prefix(300))")
                #expect(response.headers.first(name: .cacheControl) == "private, no-store", "\(path)")
                let html = response.text
                #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"), "\(path)")
                #expect(html.contains("۱۴۰"), "\(path)")               // Persian digits (Jalali years)
                #expect(!html.contains("<script"), "\(path)")
                #expect(!html.contains("style=\""), "\(path)")
                #expect(html.contains("format=csv") && html.contains("format=json"), "\(path)")
                let english = try await DashboardProbe.get(app, path + "?lang=en")
                #expect(english.status == .ok)
                #expect(english.text.contains("<html lang=\"en\" dir=\"ltr\">"), "\(path)")
                #expect(!english.text.contains("<script"))
            }
        }
    }

    @Test func overviewHasCardsStatusFiltersAndReportLinks() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let html = try await DashboardProbe.get(app, Self.base + "?lang=en&region=1").text
            for text in ["Budget execution rate (all spending)", "PEFA PI-1", "Gini of per-capita allocation, capital approved, without outlier regions",
                         "Computed on: realized against approved, all spending lines, current prices", "Status table", "<form method=\"get\"",
                         "<button type=\"submit\">", "remove this filter", "/books/\(DashboardProbe.name)/report?lang=fa",
                         "format=md", "/indicators/execution.rate.total", "Region: Region 1"] {
                #expect(html.contains(text), "\(text)")
            }
        }
    }

    @Test func dashboardHomeGoesToTheOnlyBookOrListsThem() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let response = try await DashboardProbe.get(app, "/dashboard")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == Self.base)
            #expect(response.headers.first(name: .cacheControl) == "private, no-store")
        }
        let other = WebHarness.renamed("other-city", title: "Other city")
        try await DashboardProbe.withSignedInApp(books: [WebHarness.smallBook, other]) { app, _ in
            let response = try await DashboardProbe.get(app, "/dashboard?lang=en")
            #expect(response.status == .ok)
            #expect(response.text.contains("/dashboard/other-city?lang=en"))
            #expect(!response.text.contains("<script"))
        }
    }

    @Test(arguments: [
        ("/dashboard/nobook", HTTPStatus.notFound, "no book named"),
        (DashboardProbe.base + "/functions/nope", .notFound, "no function 'nope'"),
        (DashboardProbe.base + "/functions/transport_traffic/programs/nope", .notFound, "has no program 'nope'"),
        (DashboardProbe.base + "/projects/P99", .notFound, "no project 'P99'"),
        (DashboardProbe.base + "/indicators/nope", .notFound, "no indicator 'nope'"),
        (DashboardProbe.base + "/functions?year=abc", .badRequest, "year must be an integer"),
        (DashboardProbe.base + "/functions?year=1300", .badRequest, "year 1300 is not in the book"),
        (DashboardProbe.base + "/regions?region=99", .badRequest, "region '99' is not in the book"),
        (DashboardProbe.base + "/economic?function=nope", .badRequest, "function 'nope' is not in the book"),
        (DashboardProbe.base + "/functions?format=xml", .badRequest, "format must be one of"),
        (DashboardProbe.base + "/functions?format=csv&table=nope", .badRequest, "table must be one of"),
    ])
    func errors(path: String, status: HTTPStatus, message: String) async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            // The English page says the reason as the API does; the Persian page says it in Persian (PersianPagesTests).
            let response = try await DashboardProbe.get(app, path + (path.contains("?") ? "&" : "?") + "lang=en")
            #expect(response.status == status, "\(path)")
            #expect(response.text.contains(htmlEscape(message)), "\(path): \(response.text.suffix(400))")
            #expect(response.headers.first(name: .cacheControl) == "private, no-store", "\(path)")
        }
    }

    @Test func etagMiddlewareKeepsThePrivateCacheControl() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let first = try await DashboardProbe.get(app, Self.base + "/regions")
            let tag = try #require(first.headers.first(name: .eTag))
            let second = try await DashboardProbe.get(app, Self.base + "/regions", headers: ["If-None-Match": tag])
            #expect(second.status == .notModified)
            #expect(second.headers.first(name: .cacheControl) == "private, no-store")
        }
    }
}
