import Foundation
import Testing
@testable import TarazuCore

@Suite struct PersianTextTests {
    @Test func arabicLettersBecomePersian() {
        #expect(PersianText.normalize("علي كرمي") == "علی کرمی")
        #expect(PersianText.normalize("موسى") == "موسی")
    }

    @Test func zeroWidthNonJoinerIsKeptAndSpaceTrimmed() {
        let text = "\u{00A0} هزینه\u{200C}ای  \n"
        #expect(PersianText.normalize(text) == "هزینه\u{200C}ای")
        #expect(PersianText.normalize(text).unicodeScalars.contains("\u{200C}"))
    }

    @Test func digitsOfEveryScriptGiveOneKey() {
        #expect(PersianText.key("۱۴۰۳") == "1403")
        #expect(PersianText.key("١٤٠٣") == "1403")
        #expect(PersianText.key(" Region-1 ") == "region-1")
        #expect(PersianText.normalize("١٢") == "۱۲")
    }

    @Test func persianDigitsForDisplay() {
        #expect(PersianText.persianDigits("1403/01/01") == "۱۴۰۳/۰۱/۰۱")
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        ("1234", Decimal(1234)), ("۱٬۲۳۴", Decimal(1234)), ("١,٢٣٤", Decimal(1234)),
        ("1,234,567", Decimal(1_234_567)), ("۱۲٫۵", Decimal(string: "12.5")!), ("-42", Decimal(-42)),
        ("(42)", Decimal(-42)), ("+7", Decimal(7)), (" 1 234 ", Decimal(1234)),
    ])
    func parsesNumbersAsPeopleWriteThem(text: String, expected: Decimal) throws {
        #expect(try NumberText.decimal(text) == expected)
    }

    @Test(arguments: ["", "abc", "12a", "1.2.3", "۱۲٫۵٫۱", "--1"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(throws: NumberText.Failure.self) { try NumberText.decimal(text) }
    }

    @Test func integersMustBeWholeAndFit() throws {
        #expect(try NumberText.integer("9223372036854775807") == Int64.max)
        #expect(throws: NumberText.Failure.outOfRange("9223372036854775808")) { try NumberText.integer("9223372036854775808") }
        #expect(throws: NumberText.Failure.notWhole("1.5")) { try NumberText.integer("1.5") }
    }
}
