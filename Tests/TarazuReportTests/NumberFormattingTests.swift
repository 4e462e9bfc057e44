import Foundation
import Testing
import TarazuAnalysis
import TarazuCore
@testable import TarazuReport

@Suite struct NumberFormattingTests {
    let fa = Numerals(language: .fa)
    let en = Numerals(language: .en)

    @Test func percents() {
        #expect(en.percent(Decimal(string: "0.93")!) == "93.0 %")
        #expect(fa.percent(Decimal(string: "0.93")!) == "۹۳٫۰٪")
        #expect(en.percent(Decimal(string: "0.07745")!) == "7.7 %")
        #expect(en.percent(Decimal(string: "-0.0001")!) == "0.0 %")
    }

    @Test func moneyInBillionRials() {
        #expect(en.billionRials(330_837_232_000_000) == "330,837.2 billion rials")
        #expect(fa.billionRials(330_837_232_000_000) == "۳۳۰٬۸۳۷٫۲ میلیارد ریال")
        #expect(en.billionRials(Int64.max) == "9,223,372,036.9 billion rials")
        #expect(en.billionRials(-2_500_000_000) == "-2.5 billion rials")
    }

    @Test func singleSumsInBillionsOrMillionsOfRials() {
        #expect(fa.scaledRials(400_000_000_000) == "۴۰۰٫۰ میلیارد ریال")
        #expect(fa.scaledRials(1_000_000_000) == "۱٫۰ میلیارد ریال")
        #expect(fa.scaledRials(999_950_000) == "۱٬۰۰۰٫۰ میلیون ریال")
        #expect(fa.scaledRials(250_000_000) == "۲۵۰٫۰ میلیون ریال")
        #expect(en.scaledRials(1_500_000) == "1.5 million rials")
        #expect(fa.scaledRials(100) == "۱۰۰ ریال")
        #expect(en.scaledRials(-3_000_000_000) == "-3.0 billion rials")
        #expect(en.scaledRials(Int64.min) == "-9,223,372,036.9 billion rials")
    }

    @Test func figuresByUnit() {
        let values = ValueFormatter(numerals: fa, text: ReportText(language: .fa),
                                    breakdown: BreakdownText(book: ReportFixture.book, language: .fa))
        #expect(values.format(.flag(true), unit: "flag") == "بله")
        #expect(values.format(.count(1403), unit: "year") == "۱۴۰۳")
        #expect(values.format(.count(12345), unit: "count") == "۱۲٬۳۴۵")
        #expect(values.format(.grade("B+"), unit: "score") == "B+")
        #expect(values.format(.decimal(Decimal(string: "0.270198")!), unit: "index") == "۰٫۲۷۰")
        #expect(values.format(.unavailable, unit: "ratio") == "در دسترس نیست")
        let english = ValueFormatter(numerals: en, text: ReportText(language: .en),
                                     breakdown: BreakdownText(book: ReportFixture.book, language: .en))
        #expect(english.format(.decimal(Decimal(string: "149639921.73")!), unit: "rials_per_person") == "149.6 million rials per person")
    }
}
