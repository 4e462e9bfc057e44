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

/// The fast path of `normalize` (text returned as is) must agree with the full rewrite.
@Suite struct PersianTextFastPathTests {
    static let alphabet: [String] = ["ی", "ک", "ي", "ى", "ك", "١", "۱", "1", "a", " ", "\u{00A0}", "\u{2009}", "\u{202F}",
                                      "\u{200C}", "\u{200E}", "\u{202B}", "\u{FEFF}", "\u{2002}", "ب", "،", "\n", "é", "€"]

    @Test func everyRewrittenCharacterDefeatsTheFastPath() {
        for special in ["ي", "ى", "ك", "٠", "٩", "\u{00A0}", "\u{2002}", "\u{2003}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{202F}",
                        "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{FEFF}"] {
            let text = "الف" + special + "ب"
            #expect(PersianText.normalize(text) != text, "\(special.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(PersianText.normalize(" الف") == "الف")
        #expect(PersianText.normalize("الف\u{3000}") == "الف")
    }

    @Test func normalizeIsIdempotentAndLeavesNothingToRewrite() {
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(state % 9) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += Self.alphabet[Int((state >> 33) % UInt64(Self.alphabet.count))]
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let once = PersianText.normalize(text)
            #expect(PersianText.normalize(once) == once, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(!once.unicodeScalars.contains { [0x064A, 0x0649, 0x0643, 0x0661, 0xA0, 0x2009, 0x202F, 0x200E, 0x202B, 0xFEFF, 0x2002].contains($0.value) })
        }
    }

    @Test func everyBidirectionalControlIsRemoved() {
        for control in ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{FEFF}"] {
            #expect(PersianText.normalize("پارک" + control + "شهر") == "پارکشهر", "\(control.unicodeScalars.first!.value)")
            #expect(PersianText.normalize("park" + control + "x") == "parkx")
        }
    }
}
