import Foundation
import TarazuAnalysis
import TarazuCore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The municipal group on the web: the dashboard's entities page and the consolidation note of every page
/// with amounts, on the Tabriz sample (a book with entities) and on a book without them.
@Suite struct GroupPageTests {
    static let tabriz = SampleBook.tabriz

    @Test func theEntitiesPageListsEveryEntityWithItsOwnFiguresAndTheDuplicatedFigures() async throws {
        try await DashboardProbe.withSignedInApp(books: [Self.tabriz]) { app, _ in
            let base = "/dashboard/tabriz"
            let page = try await DashboardProbe.get(app, base + "/entities")
            #expect(page.status == .ok)
            let html = page.body.string
            for entity in Self.tabriz.entities { #expect(html.contains(entity.nameFa), "\(entity.code)") }
            #expect(html.contains(ComputedOn.consolidationNote.fa))
            #expect(html.contains("href=\"/dashboard/tabriz/entities"))
            // The JSON table carries each entity's own approved spending in rials, as GroupFigures gives it.
            let json = try await DashboardProbe.get(app, base + "/entities?format=json&table=entities")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.body.string.utf8)) as? [String: Any])
            let rows = try #require(document["rows"] as? [[String: Any]])
            let figures = try GroupFigures.rows(book: Self.tabriz, year: 1403)
            #expect(rows.count == figures.count)
            for (row, expected) in zip(rows, figures) {
                #expect(row["entity"] as? String == expected.entity.code)
                #expect((row["approved"] as? NSNumber)?.int64Value == expected.spending.approved.rials)
                #expect((row["transfers_out"] as? NSNumber)?.int64Value == expected.transfersOut.rials)
            }
            let totals = try await DashboardProbe.get(app, base + "/entities?format=json&table=duplicated_figures")
            let yearly = try #require(try JSONSerialization.jsonObject(with: Data(totals.body.string.utf8)) as? [String: Any])
            let years = try #require(yearly["rows"] as? [[String: Any]])
            let row1402 = try #require(years.first { ($0["year"] as? NSNumber)?.intValue == 1402 })
            let expected = try GroupFigures.approvedTotals(book: Self.tabriz, year: 1402)
            #expect((row1402["without"] as? NSNumber)?.int64Value == expected.without.rials)
            #expect((row1402["with"] as? NSNumber)?.int64Value == expected.with.rials)
            // The portal says both totals too.
            let portal = try await WebHarness.get(app, "/books/tabriz").body.string
            #expect(portal.contains("بدون احتساب ارقام تکراری ۳۰۰٬۰۰۰٫۰ میلیارد ریال"))
        }
    }

    @Test func thePeersPagePutsThePublishedBudgetsBesideTheBooks() async throws {
        try await DashboardProbe.withSignedInApp(books: [Self.tabriz]) { app, _ in
            let page = try await DashboardProbe.get(app, "/dashboard/tabriz/peers")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("ارومیه") && html.contains("همدان") && html.contains("۱۴۰۲"))
            #expect(!html.contains("<td>تبریز</td>"))
            let json = try await DashboardProbe.get(app, "/dashboard/tabriz/peers?format=json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.body.string.utf8)) as? [String: Any])
            let rows = try #require(document["rows"] as? [[String: Any]])
            let urmia1403 = try #require(rows.first { $0["city_en"] as? String == "Urmia" && ($0["year"] as? NSNumber)?.intValue == 1403 })
            #expect((urmia1403["published_budget"] as? NSNumber)?.int64Value == 45_000_000_000_000)
            #expect((urmia1403["own_approved"] as? NSNumber)?.int64Value == 300_000_000_000_000)
        }
    }

    @Test func theEntitiesPageListsTransfersWhoseSidesDisagree() async throws {
        var book = Self.tabriz
        book.transferReceipts[0].approved = Money(rials: book.transferReceipts[0].approved.rials + 1_000_000_000)
        let receipt = book.transferReceipts[0]
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            let json = try await DashboardProbe.get(app, "/dashboard/tabriz/entities?format=json&table=transfer_mismatches")
            #expect(json.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.body.string.utf8)) as? [String: Any])
            let rows = try #require(document["rows"] as? [[String: Any]])
            #expect(rows.count == 1)
            #expect((rows.first?["year"] as? NSNumber)?.intValue == receipt.year)
            #expect((rows.first?["received"] as? NSNumber)?.int64Value == receipt.approved.rials)
            let page = try await DashboardProbe.get(app, "/dashboard/tabriz/entities").body.string
            #expect(page.contains("انتقال‌های ناهمخوان میان دستگاه‌ها"))
        }
    }

    @Test func aBookWithoutEntitiesHasNoEntitiesPageAndNoNote() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let page = try await DashboardProbe.get(app, DashboardProbe.base + "/entities")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("دستگاه‌های جداگانه ندارد"))
            let regions = try await DashboardProbe.get(app, DashboardProbe.base + "/regions").body.string
            #expect(!regions.contains("ارقام تکراری") && !regions.contains("/entities"))
        }
    }
}
