import Foundation
import TarazuCore
import TarazuHTML
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The portal's HTML routes and files, over HTTP in process.
@Suite struct PortalTests {
    @Test func homeWithOneBookIsItsPageInPersian() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/")
            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("text/html"))
            let html = response.text
            #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
            #expect(html.contains("name=\"viewport\""))
            #expect(html.contains(htmlEscape(WebHarness.smallBook.metadata.title)))
            #expect(html.contains("جدول وضعیت"))
            #expect(html.contains("۱۴۰۳"))                       // the latest realized year in Persian digits
            #expect(html.contains("از هر ۱۰۰ ریال بودجهٔ مصوب"))  // the execution rate in plain language
            #expect(html.contains("پفا ۱: عملکرد کل هزینه‌ها"))          // PEFA PI-1 under its Persian name
            #expect(html.contains("مبنا: عملکرد نسبت به اعتبار مصوب، همهٔ ردیف‌های هزینه، قیمت جاری"))  // with its basis
            #expect(html.contains("<th scope=\"row\">"))
            #expect(html.contains("<svg"))
            #expect(html.contains("/books/\(WebHarness.smallBook.metadata.name)/report"))
            #expect(html.contains("/data/budget_lines.csv"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("style=\""))
            #expect(response.headers.first(name: "Content-Security-Policy") == WebHeaders.strictCSP)
        }
    }

    @Test func englishSwitch() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/?lang=en")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(html.contains("Status table"))
            #expect(html.contains("Of every 100 rials approved"))
            #expect(html.contains(">فارسی</a>"))
            let persian = try await WebHarness.get(app, "/")
            #expect(persian.text.contains(">English</a>"))
        }
    }

    @Test func severalBooksAreListedAndEachHasAPage() async throws {
        let other = WebHarness.renamed("other-city", title: "Other <City> budget")
        try await WebHarness.withApp(books: [WebHarness.smallBook, other]) { app, _ in
            let home = try await WebHarness.get(app, "/")
            #expect(home.status == .ok)
            #expect(home.text.contains("/books/other-city"))
            #expect(home.text.contains("Other &lt;City&gt; budget"))
            #expect(!home.text.contains("<City>"))
            let page = try await WebHarness.get(app, "/books/other-city?year=1402")
            #expect(page.status == .ok)
            #expect(page.text.contains("aria-current=\"page\">۱۴۰۲<"))
            #expect(!page.text.contains("<script"))
        }
    }

    @Test func persianPagesShowTheBooksPersianTitle() async throws {
        var other = WebHarness.renamed("other-city", title: "Other city budget 1403")
        other.metadata.titleFa = "بودجه شهر دیگر ۱۴۰۳"
        try await WebHarness.withApp(books: [WebHarness.smallBook, other]) { app, _ in
            let persianHome = try await WebHarness.get(app, "/").text
            #expect(persianHome.contains("بودجه شهر دیگر ۱۴۰۳"))
            #expect(!persianHome.contains("Other city budget 1403"))
            #expect(try await WebHarness.get(app, "/books/other-city").text.contains("<h1>بودجه شهر دیگر ۱۴۰۳</h1>"))
            #expect(try await WebHarness.get(app, "/?lang=en").text.contains("Other city budget 1403"))
            let listed = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books"))
            let books = listed["books"] as? [[String: Any]] ?? []
            #expect(books.contains { $0["title_fa"] as? String == "بودجه شهر دیگر ۱۴۰۳" })
        }
    }

    @Test func emptyStore() async throws {
        try await WebHarness.withApp(books: []) { app, _ in
            let home = try await WebHarness.get(app, "/?lang=en")
            #expect(home.status == .ok)
            #expect(home.text.contains("No budget book has been imported yet."))
            let books = try WebHarness.object(try await WebHarness.get(app, "/api/v1/books"))
            #expect((books["books"] as? [Any])?.isEmpty == true)
            let aggregate = try await WebHarness.get(app, "/api/v1/aggregate?measure=approved")
            #expect(aggregate.status == .badRequest)
        }
    }

    @Test func refusedPagesAreHTML() async throws {
        try await WebHarness.withApp { app, _ in
            let missing = try await WebHarness.get(app, "/books/nope")
            #expect(missing.status == .notFound)
            #expect(missing.contentType.hasPrefix("text/html"))
            #expect(missing.text.contains("nope"))
            #expect(!missing.text.contains("<script"))
            #expect(missing.headers.first(name: "Content-Security-Policy") == WebHeaders.strictCSP)
            let noRoute = try await WebHarness.get(app, "/no/such/page?lang=en")
            #expect(noRoute.status == .notFound)
            #expect(noRoute.text.contains("Not found"))
            let badYear = try await WebHarness.get(app, "/books/\(WebHarness.smallBook.metadata.name)?year=1300")
            #expect(badYear.status == .badRequest)
            #expect(badYear.text.contains("سال ۱۳۰۰ در کتاب"))
            let notNumber = try await WebHarness.get(app, "/books/\(WebHarness.smallBook.metadata.name)?year=abc")
            #expect(notNumber.status == .badRequest)
        }
    }

    @Test func reportInBothLanguagesAndFormats() async throws {
        let name = WebHarness.smallBook.metadata.name
        try await WebHarness.withApp { app, _ in
            let html = try await WebHarness.get(app, "/books/\(name)/report")
            #expect(html.status == .ok)
            #expect(html.contentType.hasPrefix("text/html"))
            #expect(html.text.contains("dir=\"rtl\""))
            #expect(!html.text.contains("<script"))
            let csp = html.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp == WebHeaders.reportCSP)
            #expect(csp.contains("script-src 'none'"))
            let english = try await WebHarness.get(app, "/books/\(name)/report?lang=en&year=1402")
            #expect(english.status == .ok)
            #expect(english.text.contains("lang=\"en\""))
            let markdown = try await WebHarness.get(app, "/books/\(name)/report?format=md&lang=en")
            #expect(markdown.status == .ok)
            #expect(markdown.contentType.hasPrefix("text/markdown"))
            #expect(markdown.text.hasPrefix("#"))
            // Cacheable: no generation date, so the same bytes again.
            let again = try await WebHarness.get(app, "/books/\(name)/report?format=md&lang=en")
            #expect(again.headers.first(name: .eTag) == markdown.headers.first(name: .eTag))
            let badLang = try await WebHarness.get(app, "/books/\(name)/report?lang=de")
            #expect(badLang.status == .badRequest)
            let badFormat = try await WebHarness.get(app, "/books/\(name)/report?format=pdf")
            #expect(badFormat.status == .badRequest)
            let missing = try await WebHarness.get(app, "/books/nope/report")
            #expect(missing.status == .notFound)
        }
    }

    @Test func openData() async throws {
        let name = WebHarness.smallBook.metadata.name
        try await WebHarness.withApp { app, _ in
            let lines = try await WebHarness.get(app, "/books/\(name)/data/budget_lines.csv")
            #expect(lines.status == .ok)
            #expect(lines.contentType.hasPrefix("text/csv"))
            // A byte-order mark first, so that spreadsheets read the Persian text as UTF-8.
            #expect(Array(lines.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(lines.text.hasPrefix("\u{FEFF}year,line_id,"))
            #expect(lines.text.contains("400000000"))     // rials, as imported
            #expect(lines.text.split(separator: "\n").count == 25)
            let revenues = try await WebHarness.get(app, "/books/\(name)/data/revenues.csv")
            #expect(revenues.status == .ok)
            #expect(revenues.text.hasPrefix("\u{FEFF}year,"))
            let zip = try await WebHarness.get(app, "/books/\(name)/datapackage.zip")
            #expect(zip.status == .ok)
            #expect(zip.contentType == "application/zip")
            #expect(Array(zip.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            let missing = try await WebHarness.get(app, "/books/nope/data/budget_lines.csv")
            #expect(missing.status == .notFound)
        }
    }

    @Test func stylesheet() async throws {
        try await WebHarness.withApp { app, _ in
            let css = try await WebHarness.get(app, "/assets/tarazu.css")
            #expect(css.status == .ok)
            #expect(css.contentType.hasPrefix("text/css"))
            #expect(css.text.contains("@media"))
        }
    }

    @Test func securityHeadersAndCacheOnEveryResponse() async throws {
        try await WebHarness.withApp { app, _ in
            for path in ["/", "/api/v1/books", "/openapi.json", "/assets/tarazu.css", "/books/nope", "/api/v1/books/nope/years"] {
                let response = try await WebHarness.get(app, path)
                #expect(response.headers.first(name: "Content-Security-Policy") != nil, "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer", "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(response.headers.first(name: "Permissions-Policy") != nil, "\(path)")
                if response.status == .ok {
                    #expect(response.headers.first(name: .eTag) != nil, "\(path)")
                    #expect(response.headers.first(name: .cacheControl)?.hasPrefix("public") == true, "\(path)")
                } else {
                    #expect(response.headers.first(name: .cacheControl) == "no-store", "\(path)")
                }
            }
        }
    }

    @Test func eTagRoundTrip() async throws {
        try await WebHarness.withApp { app, _ in
            for path in ["/", "/api/v1/books/\(WebHarness.smallBook.metadata.name)/indicators", "/openapi.json"] {
                let first = try await WebHarness.get(app, path)
                let tag = try #require(first.headers.first(name: .eTag))
                #expect(tag.hasPrefix("\"") && !tag.hasPrefix("W/"))
                let second = try await WebHarness.get(app, path, headers: ["If-None-Match": tag])
                #expect(second.status == .notModified, "\(path)")
                #expect(second.body.readableBytes == 0)
                #expect(second.headers.first(name: .eTag) == tag)
                let other = try await WebHarness.get(app, path, headers: ["If-None-Match": "\"something-else\""])
                #expect(other.status == .ok)
            }
        }
    }

    @Test func noScriptInAnyPage() async throws {
        let name = WebHarness.smallBook.metadata.name
        try await WebHarness.withApp(books: [WebHarness.smallBook, WebHarness.renamed("b", title: "B")]) { app, _ in
            for path in ["/", "/?lang=en", "/books/\(name)", "/books/\(name)?lang=en", "/books/\(name)/report",
                         "/books/\(name)/report?lang=en", "/books/nope", "/missing"] {
                let response = try await WebHarness.get(app, path)
                #expect(response.contentType.hasPrefix("text/html"), "\(path)")
                #expect(!response.text.lowercased().contains("<script"), "\(path)")
                #expect(!response.text.contains("src=\"http"), "\(path)")   // nothing fetched from another host
                #expect(!response.text.contains("href=\"http"), "\(path)")
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'none'"), "\(path)")
            }
        }
    }
}

/// The portal's per-resident section: a map when the book ships one, always a table.
@Suite struct PortalRegionTests {
    @Test func theTabrizPageMapsSpendingPerResident() async throws {
        let book = SampleBook.tabriz
        try await WebHarness.withApp(books: [book]) { app, _ in
            let page = try await WebHarness.get(app, "/books/\(book.metadata.name)?lang=en&year=1403")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<svg class=\"choropleth\""))
            #expect(html.components(separatedBy: "<path d=").count - 1 == 10)
            // Region 4's figure in the table equals its realized spending over its population, in million
            // rials per person to one decimal (rounded half up).
            let region = try #require(book.regions.first { $0.code == "4" })
            let spent = book.budgetLines.filter { $0.year == 1403 && $0.regionCode == "4" }.compactMap { $0.realized?.rials }.reduce(0, +)
            let tenths = (spent * 20 + region.population * 1_000_000) / (2 * region.population * 1_000_000)
            #expect(html.contains("<th scope=\"row\">\(region.nameEn!)</th>"))
            #expect(tenths > 0)
            #expect(html.contains("<td>\(Numerals(language: .en).fixed(Decimal(tenths) / 10, places: 1))</td></tr>"))
        }
    }

    @Test func aBookWithoutAMapGetsTheTableOnly() async throws {
        try await WebHarness.withApp { app, _ in
            let html = try await WebHarness.get(app, "/books/\(WebHarness.smallBook.metadata.name)").text
            #expect(!html.contains("choropleth"))
            #expect(html.contains("id=\"regions-title\""))
        }
    }
}
