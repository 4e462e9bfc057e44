import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

@Suite struct PEFATests {
    /// methods.md section 1, the one-year fixture.
    let fixture: [PEFA.Head] = [
        .init(key: "admin", budget: 100, actual: 110), .init(key: "services", budget: 200, actual: 190),
        .init(key: "transport", budget: 300, actual: 330), .init(key: "culture", budget: 100, actual: 70),
        .init(key: "residual", budget: 50, actual: 55),
    ]

    @Test func compositionVarianceOfTheFixture() throws {
        let variance = try #require(PEFA.compositionVariance(fixture))
        // r = 755/750, sum |A - r B| = 84, compVar = 84 / 755.
        #expect(abs(variance - Decimal(84) / Decimal(755)) < Decimal(string: "1e-30")!)
        // methods.md labels 11.1258 % "grade B band", but its own bands (A < 5, B < 10, C < 15 %) give C.
        #expect(PEFA.compositionGrade(variance) == .c)
    }

    @Test func compositionVarianceIsUndefinedOnZeroTotals() {
        #expect(PEFA.compositionVariance([.init(key: "x", budget: 0, actual: 5)]) == nil)
        #expect(PEFA.compositionVariance([]) == nil)
    }

    @Test func bands() {
        #expect(PEFA.aggregateExpenditureGrade(1) == .a)
        #expect(PEFA.aggregateExpenditureGrade(Decimal(string: "1.05")!) == .a)
        #expect(PEFA.aggregateExpenditureGrade(Decimal(string: "1.0501")!) == .b)
        #expect(PEFA.aggregateExpenditureGrade(Decimal(string: "0.89")!) == .c)
        #expect(PEFA.aggregateExpenditureGrade(Decimal(string: "0.84")!) == .d)
        #expect(PEFA.aggregateRevenueGrade(Decimal(string: "1.06")!) == .a)
        #expect(PEFA.aggregateRevenueGrade(Decimal(string: "0.96")!) == .b)
        #expect(PEFA.aggregateRevenueGrade(Decimal(string: "1.16")!) == .c)
        #expect(PEFA.aggregateRevenueGrade(Decimal(string: "0.91")!) == .d)
        #expect(PEFA.compositionGrade(Decimal(string: "0.0499")!) == .a)
        #expect(PEFA.compositionGrade(Decimal(string: "0.05")!) == .b)
        #expect(PEFA.compositionGrade(Decimal(string: "0.15")!) == .d)
        #expect(PEFA.contingencyGrade(Decimal(string: "0.029")!) == .a)
        #expect(PEFA.contingencyGrade(Decimal(string: "0.06")!) == .b)
        #expect(PEFA.contingencyGrade(Decimal(string: "0.061")!) == .c)
        #expect(PEFA.contingencyGrade(Decimal(string: "0.10")!) == .d)
    }

    /// The official PI-2.3 example: 2 %, 4 %, 6 % average 4 %, grade B.
    @Test func officialContingencyExample() {
        let average = (Decimal(string: "0.02")! + Decimal(string: "0.04")! + Decimal(string: "0.06")!) / 3
        #expect(PEFA.contingencyGrade(average) == .b)
    }

    @Test func twoOfThreeYears() {
        #expect(PEFA.overall([.a, .b, .d]) == .b)
        #expect(PEFA.overall([.a, .a, .d]) == .a)
        #expect(PEFA.overall([.a, .d, .d]) == .d)
        #expect(PEFA.overall([.c, .a, .c]) == .c)
        #expect(PEFA.overall([.b, .a]) == .b)
        #expect(PEFA.overall([.c]) == nil, "one year cannot meet a grade in two of three")
        #expect(PEFA.overall([]) == nil)
    }

    @Test(arguments: [
        ([PEFA.Grade.a, .a, .a], "A"), ([.a, .b, .a], "B+"), ([.b, .b, .b], "B"), ([.c, .a, .d], "D+"),
        ([.d, .d, .d], "D"), ([.b, .c, .c], "C+"),
    ])
    func weakestLink(scores: [PEFA.Grade], expected: String) {
        #expect(PEFA.weakestLink(scores) == expected)
    }

    @Test func averagingTable() {
        let table: [(PEFA.Grade, PEFA.Grade, String)] = [
            (.a, .a, "A"), (.a, .b, "B+"), (.a, .c, "B"), (.a, .d, "C+"), (.b, .b, "B"),
            (.b, .c, "C+"), (.b, .d, "C"), (.c, .c, "C"), (.c, .d, "D+"), (.d, .d, "D"),
        ]
        for (first, second, expected) in table {
            #expect(PEFA.averaging(first, second) == expected)
            #expect(PEFA.averaging(second, first) == expected)
        }
    }

    @Test func moreThanTwentyHeadsKeepsTheLargestMakingThreeQuarters() {
        // 800 + 24 heads of 10 = 1040; 75 % = 780 is reached by the first head alone.
        let heads = [PEFA.Head(key: "big", budget: 800, actual: 700)]
            + (1...24).map { PEFA.Head(key: "h\($0)", budget: 10, actual: Decimal($0)) }
        let merged = PEFA.consolidated(heads)
        #expect(merged.map(\.key) == ["big", "residual"])
        #expect(merged[1].budget == 240)
        #expect(merged[1].actual == Decimal(24 * 25 / 2))
        #expect(PEFA.consolidated(Array(heads.prefix(20))).count == 20)
    }

    /// The fixture as a book of two equal years (the two-of-three rule needs two): functions for the heads
    /// and a contingency line.
    @Test func fixtureThroughTheEngine() throws {
        let heads: [(String, Int64, Int64)] = [("admin", 100, 110), ("services", 200, 190), ("transport", 300, 330),
                                               ("culture", 100, 70), ("residual", 50, 55)]
        var lines: [BudgetLine] = []
        for year in [1402, 1403] {
            lines += heads.map { TestBooks.line("\(year)-\($0.0)", year: year, function: $0.0, approved: $0.1, realized: $0.2) }
            lines.append(TestBooks.line("\(year)-cont", year: year, function: "admin", contingency: true, approved: 20, realized: 15))
        }
        let indicators = try IndicatorEngine.compute(book: TestBooks.book(lines: lines))
        let pi21 = indicators[id: "pefa.pi2.1"]
        #expect(pi21.breakdown["1403"]?["composition_variance"] == .d("0.111258"))
        #expect(pi21.value == .grade("C"))
        let pi1 = indicators[id: "pefa.pi1"]
        #expect(pi1.breakdown["1403"]?["outturn"] == .decimal(1))
        #expect(pi1.value == .grade("A"))
        let pi23 = indicators[id: "pefa.pi2.3"]
        #expect(pi23.breakdown["1403"]?["share"] == .d("0.019481"))
        #expect(pi23.value == .grade("A"))
        // One economic class only: no composition deviation.
        #expect(indicators[id: "pefa.pi2.2"].value == .grade("A"))
        // M1(C, A, A) = C+.
        #expect(indicators[id: "pefa.pi2"].value == .grade("C+"))
    }

    /// Three years: contingency 2 %, 4 %, 6 % of the original budget -> B; M1 and the base.
    @Test func threeYearBookUsesOriginalBudgetAndTwoOfThree() throws {
        var lines: [BudgetLine] = []
        // Outturns 100 %, 93 %, 80 % -> A, B, D -> PI-1 B. Revised amounts must be ignored.
        let outturn: [Int: Int64] = [1401: 980, 1402: 910, 1403: 780]
        let contingency: [Int: Int64] = [1401: 20, 1402: 40, 1403: 60]
        for year in 1401...1403 {
            lines.append(TestBooks.line("a\(year)", year: year, function: "transport_traffic", economic: .capital,
                                        approved: 980, revised: 5, realized: outturn[year]! - contingency[year]!))
            lines.append(TestBooks.line("c\(year)", year: year, contingency: true, approved: 20, revised: 5000, realized: contingency[year]!))
            // Principal repayment is not expenditure for PEFA.
            lines.append(TestBooks.line("f\(year)", year: year, economic: .financial, approved: 1000, realized: 0))
        }
        let revenues = (1401...1403).flatMap { year in
            [TestBooks.revenue("g\(year)", year: year, .generalFees, approved: 500, realized: 500),
             TestBooks.revenue("s\(year)", year: year, .serviceCharges, approved: 500, realized: year == 1403 ? 300 : 450),
             TestBooks.revenue("b\(year)", year: year, .financialAssetSales, approved: 1000, realized: 0)]
        }
        let indicators = try IndicatorEngine.compute(book: TestBooks.book(lines: lines, revenues: revenues))
        #expect(indicators[id: "pefa.pi1"].value == .grade("B"))
        #expect(indicators[id: "pefa.pi1"].breakdown["1402"]?["outturn"] == .d("0.91"))
        #expect(indicators[id: "pefa.pi2.3"].breakdown["average"] == .d("0.04"))
        #expect(indicators[id: "pefa.pi2.3"].value == .grade("B"))
        // One function head and one economic class outside contingency: 2.1 and 2.2 are A; M1(A, A, B) = B+.
        #expect(indicators[id: "pefa.pi2.1"].value == .grade("A"))
        #expect(indicators[id: "pefa.pi2"].value == .grade("B+"))
        // Revenue outturn 950/1000 (B), 950/1000 (B), 800/1000 (D) -> B.
        #expect(indicators[id: "pefa.pi3.1"].value == .grade("B"))
        // Heads 500/500 and 500/450: r = 0.95, adjB = 475, 475; |500-475| + |450-475| = 50; 50/950 = 5.26 % -> B.
        // 1403: heads 500/500, 500/300: r = 0.8, adjB 400, 400; 100 + 100 = 200; 200/800 = 25 % -> D.
        #expect(indicators[id: "pefa.pi3.2"].breakdown["1401"]?["composition_variance"] == .d("0.052632"))
        #expect(indicators[id: "pefa.pi3.2"].breakdown["1403"]?["composition_variance"] == .d("0.25"))
        #expect(indicators[id: "pefa.pi3.2"].value == .grade("B"))
        #expect(indicators[id: "pefa.pi3"].value == .grade("B"))
    }

    @Test func noContingencyLineScoresA() throws {
        let lines = [TestBooks.line("x", approved: 100, realized: 100)]
        let indicators = try IndicatorEngine.compute(book: TestBooks.book(lines: lines))
        #expect(indicators[id: "pefa.pi2.3"].value == .grade("A"))
        #expect(indicators[id: "pefa.pi2.3"].breakdown["contingency_vote"] == .flag(false))
    }
}
