import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

/// How figures that someone set, regions left out and checks' results read, and the per-part figures
/// behind the volatility and equity checks.
@Suite struct FigureWordingTests {
    let fa = FigureText(language: .fa)
    let en = FigureText(language: .en)

    /// A threshold or a target is printed with the decimals it has: «۲۵٪», not «۲۵٫۰٪», which reads as a
    /// measurement; a measured figure keeps its fixed decimal.
    @Test func statedFiguresCarryOnlyTheirOwnDecimals() {
        #expect(fa.stated(.decimal(Decimal(string: "0.25")!), unit: "ratio") == "۲۵٪")
        #expect(fa.stated(.decimal(Decimal(string: "0.001")!), unit: "ratio") == "۰٫۱٪")
        #expect(fa.stated(.decimal(Decimal(string: "0.20")!), unit: "index") == "۰٫۲")
        #expect(en.stated(.decimal(10), unit: "times") == "10 times")
        #expect(fa.stated(.count(0), unit: "entries") == "۰ مورد")
        #expect(fa.scalar(.decimal(Decimal(string: "0.25")!), unit: "ratio") == "۲۵٫۰٪")
        #expect(fa.scalar(.decimal(Decimal(string: "0.25")!), unit: "limit_ratio") == "۲۵٪")
        #expect(fa.scalar(.decimal(Decimal(string: "0.664")!), unit: "times") == "۰٫۷ برابر")
    }

    @Test func lowPopulationRegionsAreNamedWithTheirMark() {
        func region(_ fa: String, _ en: String) -> IndicatorValue { .record(["name_fa": .text(fa), "name_en": .text(en)]) }
        #expect(fa.lowPopulationRegions([region("منطقه ۱۰", "Region 10")]) == "منطقه ۱۰ (کم‌جمعیت)")
        #expect(fa.lowPopulationRegions([region("منطقه ۳ (صنعتی)", "Region 3 (industrial)"), region("منطقه ۹", "Region 9")])
            == "منطقه ۳ (صنعتی، کم‌جمعیت) و منطقه ۹ (کم‌جمعیت)")
        #expect(en.lowPopulationRegions([region("منطقه ۱۰", "Region 10")]) == "Region 10 (low population)")
        #expect(fa.lowPopulationRegions([]) == "مناطق کم‌جمعیت، که این کتاب ندارد")
        #expect(fa.scalar(.list([region("منطقه ۱۰", "Region 10")]), unit: "low_population_regions") == "منطقه ۱۰ (کم‌جمعیت)")
    }

    /// One region over its authorization is named alone; several end with their total.
    @Test func namedAmountsCarryATotalOnlyWhenSeveral() {
        func region(_ name: String, _ rials: Int64) -> IndicatorValue {
            .record(["name_fa": .text(name), "name_en": .text(name), "excess": .rials(rials)])
        }
        #expect(fa.namedRialsWithTotal([region("منطقه ۱۰ (کم‌جمعیت)", 4_390_200_000_000)]) == "منطقه ۱۰ (کم‌جمعیت) با ۴٬۳۹۰٫۲ میلیارد ریال")
        #expect(fa.namedRialsWithTotal([region("منطقه ۶", 1_901_000_000_000), region("منطقه ۳", 644_700_000_000)])
            == "منطقه ۶ با ۱٬۹۰۱٫۰ میلیارد ریال و منطقه ۳ با ۶۴۴٫۷ میلیارد ریال؛ در مجموع ۲٬۵۴۵٫۷ میلیارد ریال")
    }

    /// A verdict below adequate names the checks that fell short, so its wording claims no more than they show.
    @Test func aVerdictNamesTheChecksBelowAdequate() {
        func check(_ id: String, _ status: Status, basis: Basis = .data) -> CheckResult {
            CheckResult(id: id, name: Bilingual(fa: "آزمون \(id)", en: "check \(id)"), indicator: id, basis: basis, status: status,
                        figures: [:], rule: Bilingual(fa: "", en: ""), finding: nil)
        }
        func criterion(_ status: Status, _ checks: [CheckResult]) -> CriterionResult {
            CriterionResult(id: "c", lens: "l", name: Bilingual(fa: "م", en: "c"), status: status,
                            verdict: Bilingual(fa: "کاستی دارد", en: "falls short"), reasoning: Bilingual(fa: "", en: ""), checks: checks)
        }
        let mixed = criterion(.partial, [check("a", .weak), check("b", .strong), check("c", .partial)])
        #expect(StatusVerdict.text(of: mixed, asOf: nil, analysisYear: 1403)?.fa == "کاستی دارد (زیر حد مطلوب: «آزمون a»، «آزمون c»)")
        #expect(StatusVerdict.text(of: criterion(.adequate, [check("a", .adequate)]), asOf: nil, analysisYear: 1403)?.fa == "کاستی دارد")
        let declared = criterion(.absent, [check("d", .absent, basis: .declared)])
        #expect(StatusVerdict.text(of: declared, asOf: 1403, analysisYear: 1403)?.fa == "کاستی دارد (اظهارشده دربارهٔ وضعیت سال ۱۴۰۳)")
    }

    /// A check's result reads one colon deep: «برقرار (۰ ردیف)», not «برقرار: بله؛ ردیف‌ها: ۰».
    @Test func aChecksResultReadsAsOnePhrase() {
        let text = BreakdownText(book: TestBooks.book(lines: []), language: .fa)
        #expect(text.record(["passed": .flag(true), "rows": .count(0)], indicatorUnit: "ratio") == "برقرار (۰ ردیف)")
        #expect(text.record(["passed": .flag(false), "rows": .count(3)], indicatorUnit: "ratio") == "برقرار نیست (۳ ردیف)")
        #expect(text.record(["passed": .flag(true)], indicatorUnit: "ratio") == "برقرار")
        let english = BreakdownText(book: TestBooks.book(lines: []), language: .en)
        #expect(english.record(["passed": .flag(false), "rows": .count(1)], indicatorUnit: "ratio") == "fails (1 row)")
    }

    /// The share of the budget on volatile lines is given for every function too, each the share of that
    /// function's own approved amount; weighted by approved amounts they add up to the whole.
    @Test func volatilityShareIsBrokenDownByFunction() throws {
        let lines = [
            TestBooks.line("a", function: "social_cultural", approved: 100, revised: 200, realized: 100),
            TestBooks.line("b", function: "social_cultural", approved: 300, realized: 290),
            TestBooks.line("c", function: "transport_traffic", approved: 600, realized: 100),
        ]
        let indicators = try IndicatorEngine.compute(book: TestBooks.book(lines: lines))
        let share = indicators[id: "projects.volatility_share"]
        #expect(share.value == .decimal(Decimal(string: "0.7")!))
        #expect(share.breakdown["social_cultural"] == .decimal(Decimal(string: "0.25")!))
        #expect(share.breakdown["transport_traffic"] == .decimal(1))
    }

    /// The Gini of the regions without the low-population ones names the regions it leaves out, and its
    /// evidence gives each region's population and amounts per person.
    @Test func equityEvidenceGivesEveryRegionsFigures() throws {
        let regions = [
            Region(code: "1", nameFa: "یک", population: 1000),
            Region(code: "2", nameFa: "دو", population: 2000),
            Region(code: "3", nameFa: "سه", nameEn: "Three", population: 10),
        ]
        let lines = [
            TestBooks.line("1a", region: "1", economic: .capital, approved: 100_000, realized: 1),
            TestBooks.line("2a", region: "2", economic: .current, approved: 60_000, realized: 1),
            TestBooks.line("3a", region: "3", economic: .capital, approved: 5_000, realized: 1),
        ]
        let indicators = try IndicatorEngine.compute(book: TestBooks.book(regions: regions, lines: lines))
        let gini = indicators[id: "equity.gini.capital_without_outliers"]
        #expect(gini.breakdown["left_out"] == .list([.record(["region": .text("3"), "name_fa": .text("سه"), "name_en": .text("Three")])]))
        #expect(indicators[id: "equity.gini.capital"].breakdown["left_out"] == nil)
        let two = try #require(gini.evidence.first { $0.key == "2" })
        #expect(two.sums["population"] == .count(2000))
        #expect(two.sums["approved_per_person"] == .decimal(30))
        #expect(two.sums["capital_approved_per_person"] == .decimal(0))
        let words = BreakdownText(book: TestBooks.book(regions: regions, lines: lines), language: .fa)
        #expect(words.record(two.sums, indicatorUnit: "rials").contains("سرانهٔ اعتبار مصوب: ۳۰ ریال به ازای هر نفر"))
    }

    @Test func declaredFactsSayTheYearTheyDescribe() throws {
        let facts = try GovernanceFacts(yaml: "source: \"مرکز پژوهش‌ها\"\nas_of: ۱۴۰۳\nfacts:\n  council_dashboards: false\n")
        #expect(facts.asOf == 1403)
        for bad in ["as_of: 99", "as_of: soon", "as_of: 1600"] {
            #expect(throws: GovernanceFactsError.self) { try GovernanceFacts(yaml: bad + "\nfacts: {}\n") }
        }
        var book = TestBooks.book(lines: [TestBooks.line("a", approved: 1, realized: 1)])
        book.governanceYAML = "as_of: 1403\nfacts:\n  council_dashboards: false\n"
        let indicators = try IndicatorEngine.compute(book: book)
        #expect(DeclaredIndicators.asOf(indicators) == 1403)
        #expect(indicators[id: "transparency.council_dashboards"].value == .flag(false))
        // A fact is named by its key, never shown as a row id: no English key on a Persian page.
        #expect(indicators[id: "transparency.council_dashboards"].evidence.first?.rows == [])
        #expect(indicators[id: "transparency.council_dashboards"].evidence.first?.rowCount == 1)
        // Facts about a later year say nothing of the year analyzed.
        book.governanceYAML = "as_of: 1404\nfacts:\n  council_dashboards: false\n"
        #expect(try IndicatorEngine.compute(book: book)[id: "transparency.council_dashboards"].value == .unavailable)
        let later = CriterionResult(id: "t", lens: "l", name: Bilingual(fa: "ش", en: "t"), status: nil, verdict: nil,
                                    reasoning: Bilingual(fa: "", en: ""), checks: [CheckResult(id: "c", name: Bilingual(fa: "آ", en: "c"), indicator: "transparency.council_dashboards",
                                                                  basis: .declared, status: nil, figures: [:], rule: Bilingual(fa: "", en: ""), finding: nil)])
        #expect(StatusVerdict.text(of: later, asOf: 1404, analysisYear: 1403)?.fa
            == "واقعیت‌های اظهارشدهٔ این معیار دربارهٔ وضعیت سال ۱۴۰۴ است، نه سال ۱۴۰۳")
        #expect(StatusVerdict.text(of: later, asOf: 1403, analysisYear: 1403) == nil)
        book.governanceYAML = "facts:\n  council_dashboards: false\n"
        #expect(DeclaredIndicators.asOf(try IndicatorEngine.compute(book: book)) == nil)
    }
}
