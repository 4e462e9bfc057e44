import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

/// Recommendation targets read as sentences: the direction, the comparison, zero, scores, yes/no facts.
@Suite struct TargetTextTests {
    func target(_ comparison: TargetComparison, _ value: IndicatorValue, unit: String,
                subject: Bilingual = Bilingual(fa: "سهم ستاد مرکزی", en: "the central share")) -> Target {
        Target(indicator: "x", figure: "value", subject: subject, comparison: comparison, value: value, unit: unit, byYear: 1407)
    }

    @Test func eachComparisonHasItsDirection() {
        let fa = TargetText(language: .fa), en = TargetText(language: .en)
        let quarter = IndicatorValue.decimal(Decimal(string: "0.25")!)
        #expect(fa.sentence(target(.below, quarter, unit: "ratio")) == "کاهش سهم ستاد مرکزی به کمتر از ۲۵٪ تا پایان سال ۱۴۰۷")
        #expect(fa.sentence(target(.atMost, quarter, unit: "ratio")) == "کاهش سهم ستاد مرکزی به حداکثر ۲۵٪ تا پایان سال ۱۴۰۷")
        #expect(fa.sentence(target(.atLeast, quarter, unit: "ratio")) == "افزایش سهم ستاد مرکزی دست‌کم به ۲۵٪ تا پایان سال ۱۴۰۷")
        #expect(fa.sentence(target(.above, quarter, unit: "ratio")) == "افزایش سهم ستاد مرکزی به بیش از ۲۵٪ تا پایان سال ۱۴۰۷")
        #expect(en.sentence(target(.below, quarter, unit: "ratio")) == "reduce the central share to under 25 % by the end of 1407")
        #expect(en.sentence(target(.atLeast, quarter, unit: "ratio")) == "raise the central share to at least 25 % by the end of 1407")
    }

    @Test func zeroReadsAsZeroAndCountsNameWhatTheyCount() {
        let regions = Bilingual(fa: "شمار مناطق فراتر از مجوز", en: "the number of regions over the authorization")
        #expect(TargetText(language: .fa).sentence(target(.atMost, .count(0), unit: "regions", subject: regions))
                == "کاهش شمار مناطق فراتر از مجوز به صفر تا پایان سال ۱۴۰۷")
        #expect(TargetText(language: .en).sentence(target(.atMost, .count(0), unit: "regions", subject: regions))
                == "reduce the number of regions over the authorization to zero by the end of 1407")
        let systems = Bilingual(fa: "شمار سامانه‌های متصل", en: "the number of connected systems")
        #expect(TargetText(language: .fa).sentence(target(.atLeast, .count(3), unit: "systems", subject: systems))
                == "افزایش شمار سامانه‌های متصل دست‌کم به ۳ سامانه تا پایان سال ۱۴۰۷")
    }

    @Test func scoresAreRaisedAndFactsAreActions() {
        let score = Bilingual(fa: "امتیاز پفا ۱", en: "the PEFA PI-1 score")
        #expect(TargetText(language: .fa).sentence(target(.atLeast, .grade("B"), unit: "score", subject: score))
                == "ارتقای امتیاز پفا ۱ دست‌کم به B تا پایان سال ۱۴۰۷")
        let dashboards = Bilingual(fa: "راه‌اندازی داشبورد تحلیلی برای شورا", en: "set up analytical dashboards for the council")
        #expect(TargetText(language: .fa).sentence(target(.equals, .flag(true), unit: "flag", subject: dashboards))
                == "راه‌اندازی داشبورد تحلیلی برای شورا تا پایان سال ۱۴۰۷")
        #expect(TargetText(language: .en).sentence(target(.equals, .flag(true), unit: "flag", subject: dashboards))
                == "set up analytical dashboards for the council by the end of 1407")
    }

    @Test func everyShippedTargetReadsAsASentenceWithoutLatinWordsInPersian() throws {
        let rubric = try Rubric.standard()
        let specs = rubric.criteria.flatMap(\.checks).compactMap { check in check.recommendation.map { (check, $0.target) } }
        #expect(specs.count >= 15)
        for (check, spec) in specs {
            let subject = try #require(spec.subject, "\(check.id) has no subject")
            let latin = subject.fa.split(separator: " ").filter { $0.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } }
            #expect(latin.isEmpty, "\(check.id): \(subject.fa)")
        }
    }
}
