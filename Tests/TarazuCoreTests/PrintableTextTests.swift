import Testing
@testable import TarazuCore

@Suite struct PrintableTextTests {
    @Test func controlsAndBidiMarksAreEscapedAndTheRestKept() {
        #expect(PrintableText.escaped("sara") == "sara")
        #expect(PrintableText.escaped("علی\u{200C}رضا") == "علی\u{200C}رضا")
        #expect(PrintableText.escaped("a\r\nb\tc\u{1B}[2J\u{7F}\u{85}") == "a\\u{D}\\u{A}b\\u{9}c\\u{1B}[2J\\u{7F}\\u{85}")
        #expect(PrintableText.escaped("x\u{202E}y\u{2066}z\u{2028}") == "x\\u{202E}y\\u{2066}z\\u{2028}")
    }

    @Test func longTextIsCut() {
        #expect(PrintableText.escaped(String(repeating: "a", count: 300)) == String(repeating: "a", count: 256) + "…")
        #expect(PrintableText.escaped("abcdef", maxLength: 3) == "abc…")
        #expect(PrintableText.escaped("abc", maxLength: 3) == "abc")
    }
}
