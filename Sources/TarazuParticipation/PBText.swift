/// Normalization applied to every text field read from a pabulib file.
enum PBText {
    /// Arabic yeh and kaf become Persian ones (ي -> ی, ك -> ک); surrounding white space is trimmed.
    static func normalized(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTrimmed(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064A: scalars.append("\u{06CC}")
            case 0x0643: scalars.append("\u{06A9}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingWhiteSpace()
    }

    /// As `normalized`, and Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII digits:
    /// for identifiers and numbers.
    static func normalizedIdentifier(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTrimmed(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in normalized(text).unicodeScalars {
            switch scalar.value {
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension PBText {
    /// ASCII text without leading and trailing spaces, tabs and line breaks.
    static func asciiTrimmed(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isASCIISpace($0) })!
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

extension String {
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
