import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

/// Hand-made books whose expected values are worked out in the comments.
@Suite struct EngineTests {
    func book() -> BudgetBook {
        let lines = [
            // 1402 has no realized figures: the analysis year defaults to 1403.
            TestBooks.line("p1", year: 1402, function: "transport_traffic", economic: .capital, approved: 400, realized: nil),
            TestBooks.line("p2", year: 1402, function: "social_cultural", approved: 500, realized: nil),
            TestBooks.line("l1", region: "1", function: "transport_traffic", economic: .capital, project: "P1", approved: 600, revised: 700, realized: 300),
            TestBooks.line("l2", region: "1", function: "social_cultural", economic: .current, approved: 300, realized: 290),
            TestBooks.line("l3", region: "2", function: "social_cultural", economic: .current, project: "P2", approved: 200, revised: 260, realized: 210),
            TestBooks.line("l4", region: "0", function: "management_development", economic: .financial, approved: 100, realized: 100),
        ]
        let revenues = [
            TestBooks.revenue("r1", .generalFees, approved: 500, realized: 450),
            TestBooks.revenue("r2", .specificFees, approved: 100, realized: 150),
            TestBooks.revenue("r3", .serviceCharges, approved: 200, realized: 100),
            TestBooks.revenue("r4", .capitalAssetSales, region: "1", approved: 150, realized: 250),
            TestBooks.revenue("r5", .capitalAssetSales, region: "2", approved: 50, realized: 50),
            TestBooks.revenue("r6", .capitalAssetSales, region: "3", approved: 0, realized: 30),
        ]
        let authorizations = [
            Authorization(year: 1403, regionCode: "1", kind: "capital_asset_sales", authorizedAmount: Money(rials: 200)),
            Authorization(year: 1403, regionCode: "2", kind: "capital_asset_sales", authorizedAmount: Money(rials: 80)),
            Authorization(year: 1402, regionCode: "3", kind: "capital_asset_sales", authorizedAmount: Money(rials: 1000)),
        ]
        let deflator = [DeflatorPoint(year: 1402, index: 100), DeflatorPoint(year: 1403, index: 140)]
        return TestBooks.book(lines: lines, revenues: revenues, authorizations: authorizations, deflator: deflator)
    }

    @Test func defaultYearIsTheLatestWithRealizedFigures() throws {
        #expect(IndicatorEngine.latestRealizedYear(in: book()) == 1403)
        var early = book()
        early.budgetLines = early.budgetLines.filter { $0.year == 1402 }
        #expect(throws: IndicatorError.noRealizedYear) { try IndicatorEngine.compute(book: early) }
        #expect(throws: IndicatorError.yearNotInBook(1390)) { try IndicatorEngine.compute(book: book(), year: 1390) }
        // A year whose lines report no realized amount has no execution rate (not 0 %).
        #expect(try IndicatorEngine.compute(book: book(), year: 1402)[id: "execution.rate.total"].value == .unavailable)
    }

    @Test func executionRates() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        // (300 + 290 + 210 + 100) / (600 + 300 + 200 + 100) = 900 / 1200.
        #expect(indicators[id: "execution.rate.total"].value == .d("0.75"))
        let byFunction = indicators[id: "execution.rate.by_function"].breakdown
        #expect(byFunction["transport_traffic"] == .d("0.5"))
        #expect(byFunction["social_cultural"] == .decimal(1)) // 500 / 500
        #expect(byFunction["management_development"] == .decimal(1))
        let byRegion = indicators[id: "execution.rate.by_region"].breakdown
        #expect(byRegion["1"] == .d("0.655556")) // 590 / 900
        #expect(byRegion["2"] == .d("1.05"))
        #expect(byRegion["0"] == .decimal(1))
        let byClass = indicators[id: "execution.rate.by_economic_class"].breakdown
        #expect(byClass["current"] == .d("1"))
        #expect(byClass["capital"] == .d("0.5"))
        let evidence = try #require(indicators[id: "execution.rate.by_region"].evidence.first { $0.key == "1" })
        #expect(evidence.rows == ["l1", "l2"])
        #expect(evidence.sums["approved"] == .rials(900))
        #expect(evidence.sums["realized"] == .rials(590))
    }

    @Test func evidenceListsTheSmallestIdsUpToTheLimit() throws {
        let lines = (0..<30).map { TestBooks.line("id\(1000 - $0 * 7)", approved: 10, realized: 5) }
        let options = IndicatorOptions(evidenceRowLimit: 3)
        let evidence = try #require(IndicatorEngine.compute(book: TestBooks.book(lines: lines), options: options)[id: "execution.rate.total"].evidence.first)
        #expect(evidence.rows == Array(lines.map(\.lineId).sorted().prefix(3)))
        #expect(evidence.rows == ["id1000", "id797", "id804"])
        #expect(evidence.rowCount == 30)
    }

    @Test func pefaSkipsYearsWithoutOutturn() throws {
        let pi1 = try IndicatorEngine.compute(book: book())[id: "pefa.pi1"]
        // 1402 is budget-only; 1403 alone, the financial line excluded: 800 / 1100 = 72.7 % (a D year), and
        // one year is not rated under the two-of-three rule.
        #expect(Set(pi1.breakdown.keys) == ["1403"])
        #expect(pi1.breakdown["1403"]?["outturn"] == .d("0.727273"))
        #expect(pi1.breakdown["1403"]?["grade"] == .grade("D"))
        #expect(pi1.value == .unavailable)
    }

    @Test func expenditureStructure() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        let share = indicators[id: "expenditure.capital_share"]
        #expect(share.value == .d("0.5")) // 600 / 1200
        #expect(share.breakdown["realized"] == .d("0.333333")) // 300 / 900
        let ratio = indicators[id: "expenditure.current_to_capital_ratio"]
        #expect(ratio.value == .d("0.833333")) // 500 / 600
        #expect(ratio.breakdown["realized"] == .d("1.666667")) // 500 / 300
    }

    @Test func projectsAndConcentration() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        let byProject = indicators[id: "execution.rate.by_project"]
        #expect(byProject.breakdown == ["P1": .d("0.5"), "P2": .d("1.05")])
        #expect(byProject.value == .d("0.6375")) // 510 / 800
        let concentration = indicators[id: "expenditure.concentration"]
        // (600^2 + 200^2) / 800^2 = 0.625; both projects are in the top 10; central 100 / 1200.
        #expect(concentration.value == .d("0.625"))
        #expect(concentration.breakdown["top10_share"] == .decimal(1))
        #expect(concentration.breakdown["central_share"] == .d("0.083333"))
        // The share the status table judges is an indicator of its own, with the same value.
        #expect(try IndicatorEngine.compute(book: book())[id: "expenditure.central_share"].value == .d("0.083333"))
        #expect(concentration.breakdown["top10"] == .list([.text("P1"), .text("P2")]))
    }

    @Test func revenueIndicators() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        // Realized 1030 of approved 1000.
        #expect(indicators[id: "revenue.realization.total"].value == .d("1.03"))
        #expect(indicators[id: "revenue.realization.by_class"].breakdown["specific_fees"] == .d("1.5"))
        #expect(indicators[id: "revenue.realization.by_class"].breakdown["capital_asset_sales"] == .d("1.65")) // 330 / 200
        // Fees realized 600 of 1030.
        #expect(indicators[id: "revenue.fees_share"].value == .d("0.582524"))
        #expect(indicators[id: "revenue.fees_share"].breakdown["approved"] == .d("0.6"))
        // Not sustainable by default: general fees 450 and asset sales 330 -> 780 / 1030.
        #expect(indicators[id: "revenue.unsustainable_share"].value == .d("0.757282"))
    }

    @Test func assetSalesAgainstAuthorizations() throws {
        let indicator = try IndicatorEngine.compute(book: book())[id: "compliance.asset_sales_over_authorization"]
        // Region 1: 250 - 200 = 50 over; region 2: 50 - 80 under; region 3: 30 with no 1403 authorization -> 30 over.
        #expect(indicator.value == .rials(80))
        #expect(indicator.breakdown["regions_over"] == .count(2))
        #expect(try IndicatorEngine.compute(book: book())[id: "compliance.regions_over_authorization"].value == .count(2))
        let regions = try #require(indicator.breakdown["by_region"])
        #expect(regions["2"]?["difference"] == .rials(-30))
        #expect(regions["3"]?["authorization_found"] == .flag(false))
        #expect(regions["3"]?["authorized"] == .rials(0))
    }

    @Test func changeByFunction() throws {
        let indicator = try IndicatorEngine.compute(book: book())[id: "expenditure.change.by_function"]
        // Transport 400 -> 600: nominal +50 %, real 600/140 / (400/100) - 1 = 0.071429.
        #expect(indicator.breakdown["transport_traffic"]?["nominal"] == .d("0.5"))
        #expect(indicator.breakdown["transport_traffic"]?["real"] == .d("0.071429"))
        #expect(indicator.breakdown["transport_traffic"]?["cut"] == .flag(false))
        // Social 500 -> 500: nominal 0, real 1/1.4 - 1 = -0.285714: a cut in real terms.
        #expect(indicator.breakdown["social_cultural"]?["nominal"] == .decimal(0))
        #expect(indicator.breakdown["social_cultural"]?["real"] == .d("-0.285714"))
        #expect(indicator.breakdown["social_cultural"]?["cut"] == .flag(true))
        // Management is new in 1403: no change ratio.
        #expect(indicator.breakdown["management_development"]?["nominal"] == .unavailable)
        #expect(indicator.value == .count(1))
    }

    @Test func volatility() throws {
        // l1: realized 300 of 600 deviates 50 %; l3: revised 260 of 200 deviates 30 %; l2 and l4 stay within 25 %.
        let indicator = try IndicatorEngine.compute(book: book())[id: "projects.volatility"]
        #expect(indicator.value == .count(2))
        #expect(indicator.breakdown["share_of_budget"] == .d("0.666667")) // 800 / 1200
        #expect(try IndicatorEngine.compute(book: book())[id: "projects.volatility_share"].value == .d("0.666667"))
        #expect(indicator.evidence.first?.rows == ["l1", "l3"])
        // At a 35 % threshold only l1 remains.
        let strict = try IndicatorEngine.compute(book: book(), options: IndicatorOptions(volatilityThreshold: Decimal(string: "0.35")!))
        #expect(strict[id: "projects.volatility"].value == .count(1))
    }

    @Test func idsAreTheNormativeOnesInAFixedOrder() throws {
        let ids = try IndicatorEngine.compute(book: book()).map(\.id)
        let equity: [String] = ["gini", "theil_t", "theil_l", "cv", "max_min_ratio"].flatMap { statistic in
            ["", ".without_outliers", ".capital", ".capital_without_outliers"].map { "equity." + statistic + $0 }
        }
        let expected: [String] = [
            "execution.rate.total", "execution.rate.by_function", "execution.rate.by_region", "execution.rate.by_economic_class",
            "execution.rate.by_project",
            "expenditure.capital_share", "expenditure.current_to_capital_ratio", "expenditure.concentration", "expenditure.central_share",
            "revenue.realization.total", "revenue.realization.by_class", "revenue.fees_share", "revenue.unsustainable_share", "balance.realized_deficit",
            "compliance.asset_sales_over_authorization", "compliance.regions_over_authorization",
            "pefa.pi1", "pefa.pi2.1", "pefa.pi2.2", "pefa.pi2.3", "pefa.pi2", "pefa.pi3.1", "pefa.pi3.2", "pefa.pi3",
            "equity.per_capita.by_region",
        ] + equity + [
            "expenditure.change.by_function", "projects.volatility", "projects.volatility_share",
            "data_quality.completeness", "data_quality.consistency", "data_quality.granularity", "data_quality.timeliness", "data_quality.likely_errors",
            "participation.citizen_budgeting", "participation.pb_share", "transparency.official_reporting",
            "transparency.policy_analysis", "transparency.council_dashboards", "transparency.contracts_published",
            "data_quality.integration",
        ]
        #expect(ids == expected)
    }

    @Test func dataQuality() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        // Completeness: lines 4/4 realized, revenues 6/6, deflator 1402 and 1403, regions 1-3 sell assets but
        // only 1 and 2 have an authorization (2/3); no region table, so populations are left out.
        let completeness = indicators[id: "data_quality.completeness"]
        #expect(completeness.value == .d("0.916667")) // (1 + 1 + 1 + 2/3) / 4
        #expect(completeness.breakdown["regions_population"] == .unavailable)
        #expect(completeness.breakdown["budget_lines_revised"] == .d("0.5"))
        // Consistency: 1403 sources 1000 against uses 1200 fail, P1 and P2 are not in a project table,
        // no negative amount: 1 of 3 checks.
        let consistency = indicators[id: "data_quality.consistency"]
        #expect(consistency.value == .d("0.333333"))
        #expect(consistency.breakdown["sources_equal_uses_1403"]?["gap"] == .rials(-200))
        #expect(consistency.breakdown["project_references"]?["rows"] == .count(2))
        #expect(consistency.breakdown["sources_equal_uses_1402"] == nil) // 1402 has no revenue lines
        // Granularity: two regions, three functions, three classes, all capital on projects, all sales by region.
        #expect(indicators[id: "data_quality.granularity"].value == .decimal(1))
        #expect(indicators[id: "data_quality.timeliness"].value == .count(0))
        // Nothing declared: the declared indicators are unavailable, and marked declared.
        let declared = indicators.filter { $0.basis == .declared }
        #expect(declared.count == 7)
        #expect(declared.allSatisfy { $0.value == .unavailable })
    }

    @Test func declaredFactsBecomeIndicators() throws {
        var book = book()
        book.governanceYAML = "facts:\n  connected_source_systems: {value: 2, note: n}\n  contracts_published: true\n"
        let indicators = try IndicatorEngine.compute(book: book)
        #expect(indicators[id: "data_quality.integration"].value == .count(2))
        #expect(indicators[id: "data_quality.integration"].evidence[0].sums["note"] == .text("n"))
        #expect(indicators[id: "transparency.contracts_published"].value == .flag(true))
        book.governanceYAML = "facts: [1, 2]"
        #expect(throws: IndicatorError.self) { try IndicatorEngine.compute(book: book) }
    }

    @Test func encodesToPlainJSON() throws {
        let indicator = Indicator(id: "x", nameFa: "ا", nameEn: "x", formula: Bilingual(fa: "ف", en: "f"), unit: "ratio", value: .d("0.93"),
                                  breakdown: ["b": .rials(5), "a": .record(["g": .grade("B+"), "n": .unavailable])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(indicator.breakdown), as: UTF8.self)
        #expect(json == #"{"a":{"g":"B+","n":null},"b":5}"#)
        #expect(String(decoding: try encoder.encode(indicator.value), as: UTF8.self) == "0.93")
        let decoded = try JSONDecoder().decode([String: IndicatorValue].self, from: encoder.encode(indicator.breakdown))
        #expect(decoded == ["b": .rials(5), "a": .record(["g": .text("B+"), "n": .unavailable])])
        #expect(try JSONDecoder().decode(IndicatorValue.self, from: Data("[0.5, true]".utf8)) == .list([.d("0.5"), .flag(true)]))
    }
}
