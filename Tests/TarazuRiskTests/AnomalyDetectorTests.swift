import Foundation
import Testing
import TarazuCore
@testable import TarazuRisk

@Suite struct AnomalyDetectorTests {
    static func line(_ id: String, year: Int = 1403, department: String = "منطقه ۱", program: String = "عمران",
                     approved: Int64, realized: Int64?) -> BudgetLine {
        BudgetLine(year: year, lineId: id, department: department, regionCode: "1", function: "urban_development",
                   program: program, economicClass: .capital, approved: Money(rials: approved),
                   realized: realized.map { Money(rials: $0) })
    }

    static func book(_ lines: [BudgetLine]) -> BudgetBook {
        BudgetBook(metadata: BookMetadata(name: "x", title: "x"), budgetLines: lines)
    }

    /// Execution rates 0.90, 0.92, 0.94, 0.96, 0.98 and one 0.20: median 0.93, deviations
    /// 0.03 0.01 0.01 0.03 0.05 0.73, MAD 0.03, z(0.20) = 0.6745 × (−0.73) / 0.03 = −16.41283…
    static var executionLines: [BudgetLine] {
        [900, 920, 940, 960, 980, 200].enumerated().map { index, realized in
            line("1403-\(index)", program: "برنامه \(index)", approved: 1_000, realized: Int64(realized))
        }
    }

    @Test func flagsExactlyTheOutlierWithTheHandComputedZ() throws {
        let flags = AnomalyDetector.detect(book: Self.book(Self.executionLines))
        #expect(flags.count == 1)
        let flag = try #require(flags.first)
        #expect(flag.kind == .executionRate && flag.key == "1403-5" && flag.year == 1403)
        #expect(flag.value == Decimal(string: "0.2")!)
        #expect(flag.median == Decimal(string: "0.93")!)
        #expect(flag.mad == Decimal(string: "0.03")!)
        #expect(flag.measure == .medianAbsoluteDeviation)
        #expect(flag.z == Decimal(string: "-16.4128")!)
        #expect(flag.sampleSize == 6)
        #expect(flag.textEn.contains("realized 20.0 % of its approved budget in 1403"))
        #expect(flag.textEn.contains("Robust z = -16.41"))
        #expect(flag.textFa.contains("۲۰٫۰٪") && flag.textFa.contains("−۱۶٫۴۱"))
    }

    /// A list of anomalies states each set's median once: the point text has the value and its score, the
    /// set text the median, and the whole text both.
    @Test func thePointAndItsSetAreSaidApart() throws {
        let flag = try #require(AnomalyDetector.detect(book: Self.book(Self.executionLines)).first)
        #expect(flag.setFa.hasPrefix("میانهٔ نرخ تحقق ردیف‌ها در سال ۱۴۰۳ برابر ۹۳٫۰٪ است"))
        #expect(flag.pointFa.hasPrefix("نرخ تحقق ردیف ") && flag.pointFa.contains("امتیاز z مقاوم") && !flag.pointFa.contains("میانه"))
        #expect(flag.textFa.contains(flag.setFa) && flag.textFa.contains("آستانه"))
        #expect(flag.pointEn.contains("Robust z") && !flag.pointEn.contains("median") && flag.setEn.contains("median"))
    }

    @Test func thresholdIsConfigurable() {
        // z(0.98) = 0.6745 × 0.05 / 0.03 = 1.124…
        let flags = AnomalyDetector.detect(book: Self.book(Self.executionLines), threshold: 1)
        #expect(flags.map(\.key) == ["1403-5", "1403-4"])
    }

    @Test func contingencyAndUnexecutedLinesAreLeftOut() {
        var lines = Self.executionLines
        lines[5].isContingency = true
        lines.append(Self.line("1403-x", approved: 1_000, realized: nil))
        lines.append(Self.line("1403-y", approved: 0, realized: 50))
        #expect(AnomalyDetector.detect(book: Self.book(lines)).isEmpty)
    }

    @Test func madZeroFallsBackToMeanAbsoluteDeviation() throws {
        // Rates 1, 1, 1, 1, 1, 0.5: MAD 0; mean AD = 0.5 / 6; z = −0.5 / (1.253314 × 0.5 / 6) = −4.78731…
        let lines = [1_000, 1_000, 1_000, 1_000, 1_000, 500].enumerated().map { index, realized in
            Self.line("L\(index)", program: "p\(index)", approved: 1_000, realized: Int64(realized))
        }
        let flag = try #require(AnomalyDetector.detect(book: Self.book(lines)).first)
        #expect(flag.key == "L5" && flag.mad == 0 && flag.measure == .meanAbsoluteDeviation)
        #expect(flag.z == Decimal(string: "-4.7873")!)
        #expect(flag.textEn.contains("MAD is 0"))
        // All equal: nothing to flag.
        let equal = (0..<6).map { Self.line("E\($0)", program: "p\($0)", approved: 1_000, realized: 1_000) }
        #expect(AnomalyDetector.detect(book: Self.book(equal)).isEmpty)
    }

    @Test func tooFewValuesAreNotTested() {
        let lines = Array(Self.executionLines.suffix(4))
        #expect(AnomalyDetector.detect(book: Self.book(lines)).isEmpty)
    }

    /// Units present in 1402 and 1403 (line ids differ per year) change +10, +12, +8, +11, +9 and +100 %:
    /// median +10.5 %, MAD 0.015, z(+100 %) = 0.6745 × 0.895 / 0.015 = 40.24516…
    @Test func yearOnYearChangeByUnit() throws {
        let changes: [Int64] = [1_100, 1_120, 1_080, 1_110, 1_090]
        var lines: [BudgetLine] = []
        for (index, after) in changes.enumerated() {
            lines.append(Self.line("1402-\(index)", year: 1402, program: "p\(index)", approved: 1_000, realized: nil))
            lines.append(Self.line("1403-\(index)", year: 1403, program: "p\(index)", approved: after, realized: nil))
        }
        // The outlier unit has two lines in 1403 that are summed: 1,200 + 800 = 2,000 against 1,000.
        lines.append(Self.line("1402-big", year: 1402, program: "big", approved: 1_000, realized: nil))
        lines.append(Self.line("1403-big-a", year: 1403, program: "big", approved: 1_200, realized: nil))
        lines.append(Self.line("1403-big-b", year: 1403, program: "big", approved: 800, realized: nil))
        // A new unit is not compared.
        lines.append(Self.line("1403-new", year: 1403, program: "new", approved: 9_000, realized: nil))
        let flags = AnomalyDetector.detect(book: Self.book(lines), year: 1403)
        #expect(flags.count == 1)
        let flag = try #require(flags.first)
        #expect(flag.kind == .yearOnYearChange)
        #expect(flag.lineIds == ["1403-big-a", "1403-big-b"])
        #expect(flag.value == 1 && flag.median == Decimal(string: "0.105")! && flag.mad == Decimal(string: "0.015")!)
        #expect(flag.z == Decimal(string: "40.2452")!)
        #expect(flag.sampleSize == 6)
        #expect(flag.textEn.contains("+100.0 % from 1402 to 1403"))
        // Named by its lines, never by an internal unit key.
        #expect(flag.textEn.hasPrefix("2 lines ("))
        #expect(flag.textFa.hasPrefix("۲ ردیف ("))
        #expect(!flag.textFa.contains("واحد ("))
    }

    @Test func projectLinesFormOneUnitByProject() {
        let a = BudgetLine(year: 1402, lineId: "x", department: "d1", regionCode: "1", function: "f", projectId: "P1",
                           economicClass: .capital, approved: Money(rials: 1))
        let b = BudgetLine(year: 1403, lineId: "y", department: "d2", regionCode: "2", function: "g", projectId: "P1",
                           economicClass: .capital, approved: Money(rials: 1))
        #expect(AnomalyDetector.unitKey(a) == "project:P1" && AnomalyDetector.unitKey(b) == "project:P1")
    }

    @Test func rowOrderDoesNotMatter() throws {
        let lines = Self.executionLines + [Self.line("1403-hi", program: "hi", approved: 1_000, realized: 3_000)]
        let a = AnomalyDetector.detect(book: Self.book(lines))
        let b = AnomalyDetector.detect(book: Self.book(lines.reversed()))
        #expect(a == b)
        #expect(a.count == 2)
        #expect(a.first?.key == "1403-hi")  // largest |z| first
    }

    @Test func riskOnTheFixtureIsFast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<20 { _ = RiskScorer.score(book: RiskFixture.book); _ = AnomalyDetector.detect(book: RiskFixture.book) }
        }
        #expect(elapsed < .seconds(1))
    }

    /// Equal growth written with different amounts (123/100, 246/200, 1230/1000 ...) is equal growth: the
    /// MAD is exactly 0 and the fallback spread gives a finite z, not 1e37 from the 38th digit of a division.
    @Test func equalRatiosFromDifferentAmountsAreEqual() throws {
        var lines: [BudgetLine] = []
        for (index, before) in [100, 200, 300, 700, 900, 1_300, 1_000].enumerated() {
            let after = index == 6 ? 960 : before * 123 / 100
            lines.append(Self.line("1402-\(index)", year: 1402, program: "برنامه \(index)", approved: Int64(before), realized: nil))
            lines.append(Self.line("1403-\(index)", year: 1403, program: "برنامه \(index)", approved: Int64(after), realized: nil))
        }
        let flags = AnomalyDetector.detect(book: Self.book(lines), year: 1403).filter { $0.kind == .yearOnYearChange }
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.value == Decimal(string: "-0.04")!)
        #expect(flag.mad == 0 && flag.measure == .meanAbsoluteDeviation)
        // Six units at +23 %, one at -4 %: median 0.23, mean absolute deviation 0.27 / 7, z = -0.27 / (1.253314 × 0.27 / 7).
        #expect(abs(flag.z - Decimal(string: "-5.5852")!) < Decimal(string: "0.001")!)
    }
}
