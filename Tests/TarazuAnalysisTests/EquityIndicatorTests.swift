import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

@Suite struct EquityIndicatorTests {
    /// Regions 1-4 with populations 1000, 1000, 2000 and 10 (an outlier: under 1 % of 4010);
    /// central lines are left out of the per-capita figures.
    func book() -> BudgetBook {
        let regions = [
            Region(code: "0", nameFa: "مرکزی", population: 0),
            Region(code: "1", nameFa: "یک", population: 1000, zone: "north"),
            Region(code: "2", nameFa: "دو", population: 1000, zone: "north"),
            Region(code: "3", nameFa: "سه", population: 2000, zone: "south"),
            Region(code: "4", nameFa: "چهار", population: 10, zone: "south"),
        ]
        let lines = [
            TestBooks.line("c", region: "0", approved: 9_999_999, realized: 1),
            TestBooks.line("1a", region: "1", economic: .capital, approved: 100_000, realized: 1),
            TestBooks.line("2a", region: "2", economic: .capital, approved: 60_000, realized: 1),
            TestBooks.line("2b", region: "2", economic: .current, approved: 40_000, realized: 1),
            TestBooks.line("3a", region: "3", economic: .capital, approved: 400_000, realized: 1),
            TestBooks.line("4a", region: "4", economic: .capital, approved: 5_000, realized: 1),
            TestBooks.line("x", region: "77", economic: .capital, approved: 5_000_000, realized: 1),
        ]
        return TestBooks.book(regions: regions, lines: lines)
    }

    @Test func perCapitaByRegion() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        let perCapita = indicators[id: "equity.per_capita.by_region"]
        #expect(perCapita.unit == "rials_per_person")
        // (100000 + 100000 + 400000 + 5000) / 4010 = 150.87281...
        #expect(perCapita.value == .d("150.87"))
        #expect(perCapita.breakdown["0"] == nil)
        #expect(perCapita.breakdown["2"]?["total"] == .decimal(100))
        #expect(perCapita.breakdown["2"]?["capital"] == .decimal(60))
        #expect(perCapita.breakdown["4"]?["total"] == .decimal(500))
        #expect(perCapita.breakdown["4"]?["outlier"] == .flag(true))
        #expect(perCapita.breakdown["3"]?["outlier"] == .flag(false))
        // A line of a region missing from the regions table is left out and reported.
        #expect(perCapita.breakdown["77"] == nil)
        let regions = try #require(perCapita.evidence.first { $0.table == "regions" })
        #expect(regions.sums["lines_of_unknown_regions"] == .list([.text("77")]))
        #expect(regions.sums["outliers"] == .list([.text("4")]))
    }

    @Test func indicesWithAndWithoutOutliers() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        // Without the outlier, total spending is 100, 100, 400 over populations 1000, 1000, 2000:
        // the weighted fixture of methods.md scaled by 1000.
        #expect(indicators[id: "equity.gini.without_outliers"].value == .d("0.166667"))
        #expect(indicators[id: "equity.theil_t.without_outliers"].value == .d("0.056633"))
        #expect(indicators[id: "equity.theil_l.without_outliers"].value == .d("0.058892"))
        #expect(indicators[id: "equity.cv.without_outliers"].breakdown["williamson"] == .d("0.333333"))
        #expect(indicators[id: "equity.max_min_ratio.without_outliers"].value == .decimal(2))
        // With region 4 (500 per person) the max/min ratio becomes 500 / 100.
        #expect(indicators[id: "equity.max_min_ratio"].value == .decimal(5))
        // Capital only, without outliers: 100, 60, 200 per person; max/min 200/60 = 3.333333.
        #expect(indicators[id: "equity.max_min_ratio.capital_without_outliers"].value == .d("3.333333"))
        // Unweighted CV of y = [100, 100, 200]: mean 133.33, sigma (n) 47.1405 -> 0.353553; (n - 1) 57.735 -> 0.433013.
        #expect(indicators[id: "equity.cv.without_outliers"].value == .d("0.353553"))
        #expect(indicators[id: "equity.cv.without_outliers"].breakdown["n_minus_1"] == .d("0.433013"))
    }

    @Test func theilDecompositionOverZones() throws {
        let indicators = try IndicatorEngine.compute(book: book())
        let theil = indicators[id: "equity.theil_t.without_outliers"].breakdown
        // Without outliers the zones are north {1, 2} (equal per capita: within 0) and south {3}:
        // between = S_n ln(S_n / W_n) + S_s ln(S_s / W_s) = T itself.
        #expect(theil["within_zones"] == .decimal(0))
        #expect(theil["between_zones"] == .d("0.056633"))
    }
}
