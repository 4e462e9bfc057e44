import Foundation
import Testing
import TarazuAnalysis

/// methods.md section 2 fixtures, to 6 decimals.
@Suite struct EquityStatisticsTests {
    func six(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "nil" }

    /// y = [100, 200, 300, 400], equal populations; groups {100, 200} and {300, 400}.
    let equal: [EquityStatistics.Unit] = [
        .init(spending: 100, population: 1, group: "low"), .init(spending: 200, population: 1, group: "low"),
        .init(spending: 300, population: 1, group: "high"), .init(spending: 400, population: 1, group: "high"),
    ]
    /// spend = [100, 100, 400], pop = [1, 1, 2].
    let weighted: [EquityStatistics.Unit] = [
        .init(spending: 100, population: 1), .init(spending: 100, population: 1), .init(spending: 400, population: 2),
    ]

    @Test func equalPopulations() throws {
        #expect(six(EquityStatistics.gini(equal)) == "0.250000")
        #expect(six(EquityStatistics.coefficientOfVariation(equal, sample: false)) == "0.447214")
        #expect(six(EquityStatistics.coefficientOfVariation(equal, sample: true)) == "0.516398")
        #expect(six(EquityStatistics.theilT(equal)) == "0.106440")
        #expect(six(EquityStatistics.theilL(equal)) == "0.121777")
        let parts = try #require(EquityStatistics.theilTDecomposition(equal))
        #expect(six(parts.within) == "0.024157")
        #expect(six(parts.between) == "0.082283")
        #expect(six(parts.within + parts.between) == "0.106440")
        #expect(six(EquityStatistics.maxMinRatio(equal)) == "4.000000")
    }

    @Test func populationWeighted() {
        #expect(six(EquityStatistics.gini(weighted)) == "0.166667")
        #expect(six(EquityStatistics.theilT(weighted)) == "0.056633")
        #expect(six(EquityStatistics.theilL(weighted)) == "0.058892")
        #expect(six(EquityStatistics.williamson(weighted)) == "0.333333")
        #expect(six(EquityStatistics.maxMinRatio(weighted)) == "2.000000")
    }

    @Test func undefinedCases() {
        #expect(EquityStatistics.gini([]) == nil)
        #expect(EquityStatistics.gini([.init(spending: 1, population: 0)]) == nil)
        let withZero: [EquityStatistics.Unit] = [.init(spending: 0, population: 1), .init(spending: 10, population: 1)]
        #expect(EquityStatistics.theilL(withZero) == nil)
        #expect(EquityStatistics.maxMinRatio(withZero) == nil)
        // Theil T treats a zero share as contributing 0: 1 * ln(1 / 0.5) = ln 2.
        #expect(six(EquityStatistics.theilT(withZero)) == six(log(2.0)))
        // Perfect equality.
        let same: [EquityStatistics.Unit] = [.init(spending: 5, population: 1), .init(spending: 10, population: 2)]
        #expect(EquityStatistics.gini(same) == 0)
        #expect(six(EquityStatistics.theilT(same)) == "0.000000")
    }
}
