import TarazuCore

/// Normalization applied to every text a citizen, an official or a pabulib file gives us: the rules of
/// budget books (``PersianText``), so a PB proposal reads and matches like a budget line.
enum PBText {
    /// ``PersianText/normalize(_:)``: Persian letters and digits, plain spaces, no bidi controls, trimmed;
    /// the zero-width non-joiner kept.
    static func normalized(_ text: some StringProtocol) -> String { PersianText.normalize(String(text)) }

    /// As `normalized`, and Persian and Arabic-Indic digits become ASCII digits: for identifiers and numbers.
    static func normalizedIdentifier(_ text: some StringProtocol) -> String {
        PersianText.asciiDigits(PersianText.normalize(String(text)))
    }

    /// The ASCII digit of a value 0...9.
    static func asciiDigit(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(truncatingIfNeeded: 0x30 + value % 10))
    }
}

extension PBText {
    /// ASCII text without leading and trailing spaces, tabs and line breaks.
    static func asciiTrimmed(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }),
              let last = bytes.lastIndex(where: { !isASCIISpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

extension String {
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

/// Small counts as a Persian reader prefers them: «یک» and «دو» in words, larger ones in Persian digits.
public enum PBCount {
    /// One to ten in words («یک», «سه»), so a range reads «یک تا سه»; larger counts in Persian digits («۱۲»).
    public static func words(_ count: Int) -> String {
        let names = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده"]
        return (1...names.count).contains(count) ? names[count - 1] : PersianText.persianDigits(String(count))
    }

    /// A count between `minimum` and `maximum`: «دو» when they are equal, «یک یا دو» when they are next to each
    /// other, else «یک تا پنج».
    public static func range(_ minimum: Int, _ maximum: Int) -> String {
        if minimum == maximum { return words(maximum) }
        return words(minimum) + (maximum == minimum + 1 ? " یا " : " تا ") + words(maximum)
    }
}
