import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuRisk
import TarazuSample
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The JSON API under /api/v1 and /openapi.json, over HTTP in process.
@Suite struct APITests {
    let name = WebHarness.smallBook.metadata.name

    @Test func books() async throws {
        try await WebHarness.withApp(books: [WebHarness.smallBook, WebHarness.renamed("other", title: "Other")]) { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books")
            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("application/json"))
            let books = try #require(try WebHarness.object(response)["books"] as? [[String: Any]])
            #expect(books.map { $0["name"] as? String } == [name, "other"].sorted())
            // With several books, aggregate must be told which one.
            let unnamed = try await WebHarness.get(app, "/api/v1/aggregate?measure=approved")
            #expect(unnamed.status == .badRequest)
            #expect((try WebHarness.object(unnamed)["error"] as? String)?.contains("book") == true)
            let named = try await WebHarness.get(app, "/api/v1/aggregate?measure=approved&book=other")
            #expect(named.status == .ok)
            let first = try #require(books.first { $0["name"] as? String == name })
            #expect(first["years"] as? [Int] == [1401, 1402, 1403])
            #expect(first["content_hash"] as? String == WebHarness.smallBook.contentHash)
            #expect(first.keys.contains("city_fa"))
        }
    }

    @Test func citiesGroupTheirBooks() async throws {
        var second = WebHarness.renamed("other", title: "Other")
        second.metadata.cityEn = "Second City"
        second.metadata.cityFa = "شهر دوم"
        var first = WebHarness.smallBook
        first.metadata.cityEn = "Test Town"
        var third = WebHarness.renamed("third", title: "Third")
        third.metadata.cityEn = "Test Town"
        try await WebHarness.withApp(books: [first, second, third]) { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/cities")
            #expect(response.status == .ok)
            let cities = try #require(try WebHarness.object(response)["cities"] as? [[String: Any]])
            #expect(cities.count == 2)
            let shared = try #require(cities.first { ($0["books"] as? [String])?.count == 2 })
            #expect(Set(shared["books"] as? [String] ?? []) == [name, "third"])
            #expect(shared["years"] as? [Int] == [1401, 1402, 1403])
            let other = try #require(cities.first { $0["name_en"] as? String == "Second City" })
            #expect(other["id"] as? String == "second-city")
            #expect(other["name_fa"] as? String == "شهر دوم")
        }
    }

    @Test func years() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/\(name)/years")
            #expect(response.status == .ok)
            let object = try WebHarness.object(response)
            #expect(object["years"] as? [Int] == [1401, 1402, 1403])
            #expect(object["default_year"] as? Int == 1403)
            let missing = try await WebHarness.get(app, "/api/v1/books/nope/years")
            #expect(missing.status == .notFound)
            #expect(missing.contentType.hasPrefix("application/json"))
            #expect((try WebHarness.object(missing)["error"] as? String)?.contains("nope") == true)
        }
    }

    @Test func indicators() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/\(name)/indicators?year=1402")
            #expect(response.status == .ok)
            let object = try WebHarness.object(response)
            #expect(object["year"] as? Int == 1402)
            #expect(object["book"] as? String == name)
            #expect(object["content_hash"] as? String == WebHarness.smallBook.contentHash)
            let indicators = try #require(object["indicators"] as? [String: Any])
            let execution = try #require(indicators["execution.rate.total"] as? [String: Any])
            #expect(execution["unit"] as? String == "ratio")
            #expect(execution["name_en"] as? String != nil)
            #expect(indicators["pefa.pi1"] != nil)
            let latest = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books/\(name)/indicators"))
            #expect(latest["year"] as? Int == 1403)
            for (path, status) in [("/api/v1/books/\(name)/indicators?year=1300", HTTPStatus.badRequest),
                                   ("/api/v1/books/\(name)/indicators?year=x", .badRequest),
                                   ("/api/v1/books/nope/indicators", .notFound)] {
                let refused = try await WebHarness.get(app, path)
                #expect(refused.status == status, "\(path)")
                #expect(try WebHarness.object(refused)["error"] is String, "\(path)")
            }
        }
    }

    @Test func assessment() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/\(name)/assessment")
            #expect(response.status == .ok)
            let object = try WebHarness.object(response)
            let criteria = try #require(object["criteria"] as? [[String: Any]])
            #expect(criteria.count == 5)
            #expect(object["recommendations"] is [Any])
            let rubric = try #require(object["rubric"] as? [String: Any])
            #expect(rubric["id"] is String && rubric["version"] is String)
            let missing = try await WebHarness.get(app, "/api/v1/books/nope/assessment")
            #expect(missing.status == .notFound)
        }
    }

    @Test func projects() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/\(name)/projects")
            #expect(response.status == .ok)
            let projects = try #require(try WebHarness.object(response)["projects"] as? [[String: Any]])
            #expect(projects.count == WebHarness.smallBook.projects.count)
            let risk = try #require(projects.first?["risk"] as? [String: Any])
            #expect(risk["score"] is Int)
            #expect(risk["reasons"] is [Any])
            let missing = try await WebHarness.get(app, "/api/v1/books/nope/projects")
            #expect(missing.status == .notFound)
        }
    }

    /// A project left out of the risk model says why: its likely data errors, the same rows `tarazu
    /// analyze` lists; a scored project has a risk and no such list.
    @Test func aProjectLeftOutOfTheRiskModelCarriesItsLikelyDataErrors() async throws {
        var book = SampleCity.tabriz()
        book.metadata.name = "tabriz"
        let expected = try LikelyDataErrors.find(book: book, year: RiskScorer.defaultYear(of: book))
        let leftOut = Set(expected.compactMap(\.projectId))
        #expect(!leftOut.isEmpty)
        try await WebHarness.withApp(books: [book]) { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/tabriz/projects")
            #expect(response.status == .ok)
            let projects = try #require(try WebHarness.object(response)["projects"] as? [[String: Any]])
            for entry in projects {
                let id = try #require((entry["project"] as? [String: Any])?["project_id"] as? String)
                let errors = entry["likely_data_errors"] as? [[String: Any]]
                if leftOut.contains(id) {
                    #expect(entry["risk"] == nil, "\(id)")
                    #expect(errors?.map { $0["check"] as? String } == expected.filter { $0.projectId == id }.map(\.check.rawValue), "\(id)")
                    #expect(errors?.first?["text_fa"] is String)
                } else {
                    #expect(errors == nil && entry["risk"] is [String: Any], "\(id)")
                }
            }
        }
    }

    @Test func aggregate() async throws {
        let total = WebHarness.smallBook.budgetLines.reduce(Int64(0)) { $0 + $1.approved.rials }
        let total1403 = WebHarness.smallBook.budgetLines.filter { $0.year == 1403 }.reduce(Int64(0)) { $0 + $1.approved.rials }
        try await WebHarness.withApp { app, _ in
            let byYear = try WebHarness.object(try await WebHarness.get(app, "/api/v1/aggregate?measure=approved&drilldown=year"))
            let cells = try #require(byYear["cells"] as? [[String: Any]])
            #expect(cells.map { $0["year.year"] as? String } == ["1401", "1402", "1403"])
            #expect((byYear["total"] as? NSNumber)?.int64Value == total)
            #expect(byYear["total_cell_count"] as? Int == 3)
            #expect(byYear["page"] as? Int == 1)
            #expect(byYear["pagesize"] as? Int == 100)
            let summary = try #require(byYear["summary"] as? [String: Any])
            #expect((summary["approved.sum"] as? NSNumber)?.int64Value == total)
            #expect(summary["_count"] as? Int == 24)

            let cut = try WebHarness.object(try await WebHarness.get(
                app, "/api/v1/aggregate?book=\(name)&measure=approved.sum&drilldown=function&cut=year.year:1403&order=approved:desc"))
            let cutCells = try #require(cut["cells"] as? [[String: Any]])
            let values = cutCells.compactMap { ($0["approved.sum"] as? NSNumber)?.int64Value }
            #expect(values == values.sorted(by: >))
            #expect(values.reduce(0, +) == total1403)
            #expect((cut["total"] as? NSNumber)?.int64Value == total1403)

            let paged = try WebHarness.object(try await WebHarness.get(app, "/api/v1/aggregate?measure=approved&drilldown=year&order=year:desc&page=2&pagesize=1"))
            let pagedCells = try #require(paged["cells"] as? [[String: Any]])
            #expect(pagedCells.map { $0["year.year"] as? String } == ["1402"])
            #expect(paged["total_cell_count"] as? Int == 3)
            #expect((paged["total"] as? NSNumber)?.int64Value == total)
            // Pages past the end are empty, even where page × pagesize overflows 64 bits.
            for page in [4, Int.max / 1000 + 7, Int.max] {
                let beyond = try await WebHarness.get(app, "/api/v1/aggregate?measure=approved&drilldown=year&page=\(page)&pagesize=1000")
                #expect(beyond.status == .ok)
                #expect((try WebHarness.object(beyond)["cells"] as? [Any])?.isEmpty == true)
            }

            let refused: [(String, HTTPStatus, String)] = [
                ("/api/v1/aggregate?measure=nonsense", .badRequest, "unknown measure"),
                ("/api/v1/aggregate?drilldown=year", .badRequest, "measure"),
                ("/api/v1/aggregate?measure=approved&pagesize=5000", .badRequest, "pagesize"),
                ("/api/v1/aggregate?measure=approved&page=0", .badRequest, "page"),
                ("/api/v1/aggregate?measure=approved&cut=year.year", .badRequest, "cut"),
                ("/api/v1/aggregate?measure=approved&drilldown=nowhere", .badRequest, "nowhere"),
                ("/api/v1/aggregate?measure=approved&drilldown=year&order=region:desc", .badRequest, "order"),
                ("/api/v1/aggregate?measure=approved&order=approved:sideways", .badRequest, "asc or desc"),
                ("/api/v1/aggregate?book=nope&measure=approved", .notFound, "nope"),
            ]
            for (path, status, reason) in refused {
                let response = try await WebHarness.get(app, path)
                #expect(response.status == status, "\(path)")
                #expect(response.contentType.hasPrefix("application/json"), "\(path)")
                let error = try WebHarness.object(response)["error"] as? String ?? ""
                #expect(error.contains(reason), "\(path): \(error)")
            }
        }
    }

    @Test func reimportInvalidatesTheCache() async throws {
        try await WebHarness.withApp { app, stores in
            let before = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books/\(name)/indicators"))
            var changed = WebHarness.smallBook
            changed.budgetLines[0].approved = Money(rials: changed.budgetLines[0].approved.rials + 1_000_000)
            _ = try await stores.books.importBook(changed, source: "test")
            let after = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books/\(name)/indicators"))
            #expect(before["content_hash"] as? String != after["content_hash"] as? String)
            #expect(after["content_hash"] as? String == changed.contentHash)
            let csv = try await WebHarness.get(app, "/books/\(name)/data/budget_lines.csv")
            #expect(csv.text.contains(String(changed.budgetLines[0].approved.rials)))
        }
    }

    @Test func openAPIListsEveryRoute() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("application/json"))
            let document = try WebHarness.object(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in item.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            // The signed-in areas are HTML pages, not part of the public portal and API that the document describes.
            let undocumented: Set<String> = ["login", "logout", "dashboard", "manage", "admin"]
            let registered = Set(app.routes.all.filter { !undocumented.contains($0.path.first?.description ?? "") }.map { route in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) \(path)"
            })
            #expect(documented == registered)
            // Every path parameter in a template is declared.
            for (path, item) in paths where path.contains("{") {
                for (_, operation) in item {
                    let parameters = (operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
                    #expect(!parameters.isEmpty, "\(path)")
                }
            }
        }
    }

    @Test func sampleCity() async throws {
        // A realistic book: the portal renders its headline figures (Gini included) and the API answers.
        try await WebHarness.withApp(books: [SampleBook.tabriz]) { app, _ in
            let page = try await WebHarness.get(app, "/?lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("Gini of per-capita allocation, capital approved, without outlier regions"))
            #expect(!page.text.contains("<script"))
            let aggregate = try await WebHarness.get(app, "/api/v1/aggregate?measure=realized&drilldown=region&order=realized:desc&pagesize=5")
            #expect(aggregate.status == .ok)
            let cells = try #require(try WebHarness.object(aggregate)["cells"] as? [[String: Any]])
            #expect(cells.count <= 5 && !cells.isEmpty)
        }
    }
}
