import Foundation
import TarazuCore
import TarazuHTML
import TarazuParticipation
@testable import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// What a citizen reads on the pages the council publishes (issue 13, "Pages"): the portal links to
/// participatory budgeting, a schematic map says so, bars carry their amounts, trend charts have titles and
/// Persian names, the ballot shows the budget it spends and its costs as the other pages write money.
@Suite struct PublishedPagesTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func process() throws -> PBStoredProcess {
        let day: TimeInterval = 86_400
        let times = [now - 41 * day, now - 31 * day, now - 21 * day, now - day, now + day, now + 11 * day, now + 101 * day]
        let kinds = PBPhaseKind.allCases
        let process = try PBProcess(
            id: "b", year: 1405, title: Bilingual(fa: "بودجه‌ریزی مشارکتی", en: "Participatory budget"),
            phases: kinds.indices.map { PBPhase(kinds[$0], start: times[$0], end: times[$0 + 1]) },
            citywideBudget: 400_000_000_000, regionBudgets: ["1": 60_000_000_000], rules: .approval(minProjects: 1, maxProjects: 2),
            proposals: [
                PBProposal(id: "1", district: .citywide, title: "مسیر دوچرخه", cost: 180_000_000_000, status: .feasible),
                PBProposal(id: "2", district: .citywide, title: "نیمکت", cost: 500_000_000, status: .feasible),
                PBProposal(id: "11", district: .region("1"), title: "روشنایی", cost: 25_000_000_000, status: .feasible),
            ])
        return PBStoredProcess(slug: "b", definition: PBProcessDefinition(process: process, settings: PBProcessSettings(rule: .mes)),
                               createdAt: now, updatedAt: now)
    }

    @Test func theBallotShowsTheBudgetItSpendsAndCostsInBillionsOrMillionsOfRials() throws {
        let stored = try Self.process()
        let frame = PBVotePages.Frame(process: stored.definition.process, slug: stored.slug, language: .fa, kiosk: false, csrf: "t")
        let citywide = PBVotePages.ballot(frame, district: .citywide, chosen: [:], problems: []).render()
        #expect(citywide.contains("بودجهٔ طرح‌های سطح شهر: <strong>۴۰۰ میلیارد ریال</strong>"))
        #expect(citywide.contains("۱۸۰ میلیارد ریال") && citywide.contains("۵۰۰ میلیون ریال"))
        #expect(!citywide.contains("۱۸۰٬۰۰۰٬۰۰۰٬۰۰۰"))   // no longer in whole rials
        let region = PBVotePages.ballot(frame, district: .region("1"), chosen: [:], problems: []).render()
        #expect(region.contains("بودجهٔ طرح‌های منطقه ۱: <strong>۶۰ میلیارد ریال</strong>"))
        #expect(region.contains("۲۵ میلیارد ریال"))
        let english = PBVotePages.ballot(PBVotePages.Frame(process: stored.definition.process, slug: "b", language: .en, kiosk: false, csrf: "t"),
                                         district: .citywide, chosen: [:], problems: []).render()
        #expect(english.contains("Budget for the citywide projects: <strong>400 billion rials</strong>"))
    }

    @Test func theProcessPageHasAVoteButtonAndItsBudgets() throws {
        let stored = try Self.process()
        let box = BallotBox(process: stored.definition.process, allowChanges: false)
        let page = PBPages.process(stored, now: Self.now, box: box, .fa).render()
        #expect(page.contains("<a class=\"button\" href=\"/pb/b/vote\">رأی بدهید</a>"))
        #expect(page.contains("<td>۴۰۰ میلیارد ریال</td>") && page.contains("<td>۶۰ میلیارد ریال</td>"))
        #expect(PBPages.css.contains("a.button {") && PBPages.css.contains("min-height: 2.75rem"))
        // Voting closed: no button.
        let closed = PBPages.process(stored, now: Self.now + 200 * 86_400, box: box, .fa).render()
        #expect(!closed.contains("class=\"button\""))
    }

    @Test func thePortalLinksToParticipatoryBudgeting() async throws {
        try await WebHarness.withApp { app, _ in
            let persian = try await WebHarness.get(app, "/").text
            #expect(persian.contains("<a href=\"/pb\">بودجه‌ریزی مشارکتی</a>"))
            let english = try await WebHarness.get(app, "/?lang=en").text
            #expect(english.contains("<a href=\"/pb?lang=en\">Participatory budgeting</a>"))
            // The PB pages share the portal's frame, so they link back to the budget.
            let list = try await WebHarness.get(app, "/pb").text
            #expect(list.contains("<a href=\"/\">بودجهٔ شهر</a>"))
        }
    }

    static let squares = [("1", 46.0), ("2", 46.2)].map { code, x in
        #"{"type":"Feature","properties":{"region_code":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x),38],[\#(x + 0.1),38],[\#(x + 0.1),38.1],[\#(x),38.1],[\#(x),38]]]}}"#
    }.joined(separator: ",")

    @Test func aSchematicMapSaysItIsSchematic() throws {
        var book = WebHarness.smallBook
        let year = try #require(book.latestRealizedYear)
        book.regionsGeoJSON = #"{"type":"FeatureCollection","name":"schematic regions (not real boundaries)","features":[\#(Self.squares)]}"#
        let persian = PortalRegions.section(book: book, year: year, language: .fa).render()
        #expect(persian.contains("<svg class=\"choropleth\""))
        #expect(persian.contains("این نقشه طرح‌واره است: جای مناطق را نسبت به هم نشان می‌دهد، نه مرزها و جغرافیای واقعی آن‌ها."))
        #expect(PortalRegions.section(book: book, year: year, language: .en).render().contains("This is a schematic map"))
        book.regionsGeoJSON = #"{"type":"FeatureCollection","features":[\#(Self.squares)]}"#
        let real = PortalRegions.section(book: book, year: year, language: .fa).render()
        #expect(real.contains("<svg class=\"choropleth\"") && !real.contains("طرح‌واره"))
    }

    @Test func eachBarCarriesItsAmountWithItsUnit() {
        let chart = BarChart(id: "c", title: "عنوان", bars: [BarChart.Bar(label: "حمل و نقل", first: 1_500_000_000, second: 1_234_000_000_000),
                                                            BarChart.Bar(label: "فرهنگی", first: 200_000_000, second: nil)],
                             legend: ("مصوب", "هزینه‌شده"))
        let svg = chart.figure(.fa).render()
        #expect(svg.contains(">۱٫۵ میلیارد ریال</text>") && svg.contains(">۱٬۲۳۴٫۰ میلیارد ریال</text>") && svg.contains(">۰٫۲ میلیارد ریال</text>"))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3 + 2)   // three bars and two legend keys
        #expect(svg.contains(">حمل و نقل</text>"))
        #expect(svg.contains("viewBox=\"0 0 400 "))   // narrow: readable on a 390 px phone
        #expect(!BarChart(id: "c", title: "t", bars: chart.bars, legend: ("approved", "spent")).figure(.en).render().contains("میلیارد"))
    }

    @Test func trendChartsHaveTitlesAndPersianNames() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let html = try await DashboardProbe.get(app, DashboardProbe.base + "/trends").text
            #expect(html.contains("<figure class=\"trend\" tabindex=\"0\"><figcaption>مصوب: سال‌های گذشته و پیش‌بینی به روش "))
            #expect(html.contains("<span>ارقام به میلیارد ریال، به قیمت جاری؛ ارقام هر سال در جدول زیر.</span></figcaption>"))
            #expect(html.contains(">ثبت‌شده</text>") && html.contains(">پیش‌بینی</text>"))
            // The forecasts table names the measure and the method in Persian; downloads keep the codes.
            #expect(html.contains("<data value=\"approved\">مصوب</data>"))
            #expect(html.contains("<data value=\"drift\">رانش</data>") || html.contains("<data value=\"naive\">ساده</data>"))
            for word in [">approved<", ">realized<", ">drift<", ">naive<", ">holt<", "میلیارد ریال</text>"] {
                #expect(!html.contains(word), "\(word)")
            }
            let json = try await DashboardProbe.get(app, DashboardProbe.base + "/trends?format=json&table=forecasts").text
            #expect(json.contains("\"measure\": \"approved\""))
        }
    }
}
