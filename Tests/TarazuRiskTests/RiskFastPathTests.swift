import Foundation
import Testing
import TarazuCore
@testable import TarazuRisk

/// The fast paths (explain, exact integer formatting and comparison) give what the plain Decimal code gives.
struct RiskFastPathTests {
    @Test func explainKeepsScoresAndRanksAndTextsOnlyTheTop() {
        let book = RiskFixture.book
        let full = RiskScorer.score(book: book)
        for n in [0, 1, 3, full.count, full.count + 5] {
            let partial = RiskScorer.score(book: book, explain: n)
            #expect(partial.count == full.count)
            for (a, b) in zip(full, partial) {
                #expect(a.rank == b.rank && a.projectId == b.projectId && a.score == b.score)
                #expect(a.coverage == b.coverage && a.mainFactor == b.mainFactor && a.estimate == b.estimate)
                #expect(a.reasons.map(\.factor) == b.reasons.map(\.factor))
                #expect(a.reasons.map(\.contribution) == b.reasons.map(\.contribution))
                #expect(a.reasons.map(\.subScore) == b.reasons.map(\.subScore))
                #expect(a.reasons.map(\.value) == b.reasons.map(\.value))
                if b.rank <= n {
                    #expect(a == b)
                } else {
                    #expect(b.reasons.allSatisfy { $0.textFa.isEmpty && $0.textEn.isEmpty })
                }
            }
        }
    }

    @Test func generatedReasonsAreAlreadyNormal() {
        for risk in RiskScorer.score(book: RiskFixture.book) {
            for reason in risk.reasons { #expect(PersianText.normalize(reason.textFa) == reason.textFa) }
        }
    }

    @Test func fastFormattingMatchesDecimalDescriptionPaddedToTheScale() {
        #expect(RiskMath.layoutKnown)
        #expect(RiskMath.en(80, 1) == "80.0")
        #expect(RiskMath.en(Decimal(string: "8.2")!, 2) == "8.20")
        #expect(RiskMath.en(Decimal(string: "-0.04")!, 1) == "0.0")
        #expect(RiskMath.fa(Decimal(string: "55")!, 1) == "۵۵٫۰")
        #expect(RiskMath.fa(Decimal(string: "-1.5")!, 0) == "−۲")
        #expect(RiskMath.durationFa(Decimal(string: "0.8")!) == "حدود ۱۰ ماه" && RiskMath.durationFa(Decimal(string: "2.5")!) == "۲٫۵ سال")
        #expect(RiskMath.durationFa(0) == "۰ ماه" && RiskMath.durationFa(Decimal(string: "0.01")!) == "کمتر از یک ماه")
        #expect(RiskMath.padded("12", 2) == "12.00" && RiskMath.padded("1.5", 3) == "1.500" && RiskMath.padded("7", 0) == "7")
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, Decimal(string: "0.05")!, Decimal(string: "-0.04")!, Decimal(string: "-0.05")!,
                                 Decimal(string: "99.95")!, Decimal(string: "123456789012.345678")!, Decimal(1) / 3, Decimal(-2) / 3]
        for _ in 0..<3000 {
            let n = Decimal(Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator))
            let d = Decimal(Int64.random(in: 1...9_999_999, using: &generator))
            values.append(n / d)
            values.append(n / 1000)
        }
        for value in values {
            for scale in 0...4 {
                var input = value, rounded = Decimal()
                NSDecimalRound(&rounded, &input, scale, .plain)
                #expect(RiskMath.en(value, scale) == RiskMath.padded("\(rounded)", scale))
                #expect(RiskMath.round(value, scale) == rounded)
                let fa = PersianText.persianDigits(RiskMath.padded("\(rounded)", scale)).replacingOccurrences(of: ".", with: "٫")
                    .replacingOccurrences(of: "-", with: "−")
                #expect(RiskMath.fa(value, scale) == fa)
            }
            #expect(RiskMath.clamp01(value) == min(max(value, 0), 1))
        }
        for (a, b) in zip(values, values.reversed()) {
            #expect(RiskMath.less(a, b) == (a < b))
            #expect(RiskMath.less(a, a) == false)
        }
    }
}
