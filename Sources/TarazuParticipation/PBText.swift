/// Normalization applied to every text a citizen, an official or a pabulib file gives us.
///
/// The same rules as budget books (`TarazuCore.PersianText.normalize`, which this target does not
/// import: it depends on Foundation only), so a PB proposal reads and matches like a budget line.
enum PBText {
    /// Arabic yeh and alef maksura (ي ى) become Persian yeh (ی), Arabic kaf (ك) keheh (ک),
    /// Arabic-Indic digits (٠-٩) Persian ones (۰-۹); no-break and other exotic spaces become a plain
    /// space; bidi controls and the byte-order mark are removed; surrounding white space is trimmed.
    /// The zero-width non-joiner (U+200C) is kept: Persian words need it.
    ///
    /// The bidi controls removed are LRM, RLM and ALM (U+200E, U+200F, U+061C), the embeddings and
    /// overrides U+202A-U+202E and the isolates U+2066-U+2069: an override such as U+202E in a title
    /// or description would reverse the text shown after it on the ballot and the results page.
    static func normalized(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTrimmed(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064A, 0x0649: scalars.append("\u{06CC}")
            case 0x0643: scalars.append("\u{06A9}")
            case 0x0660...0x0669: scalars.append(persianDigit(scalar.value - 0x0660))
            case 0x00A0, 0x2002, 0x2003, 0x2007, 0x2009, 0x200A, 0x202F: scalars.append(" ")
            default:
                if !isRemoved(scalar.value) { scalars.append(scalar) }
            }
        }
        return String(scalars).trimmingWhiteSpace()
    }

    /// Whether `normalized` drops the scalar: bidi controls and the byte-order mark.
    static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// As `normalized`, and Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII digits:
    /// for identifiers and numbers.
    static func normalizedIdentifier(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTrimmed(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in normalized(text).unicodeScalars {
            switch scalar.value {
            case 0x06F0...0x06F9: scalars.append(asciiDigit(scalar.value - 0x06F0))
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The ASCII digit of a value 0...9.
    static func asciiDigit(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(truncatingIfNeeded: 0x30 + value % 10))
    }

    /// The Persian digit (۰-۹) of a value 0...9.
    static func persianDigit(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x06F0 + value % 10) ?? "0"
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
