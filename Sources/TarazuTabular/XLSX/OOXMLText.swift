/// Text in Office Open XML parts: XML entities and the `_xHHHH_` escapes for characters XML cannot carry.
enum OOXMLText {
    /// Replaces each `_xHHHH_` by its UTF-16 code unit (`_x000D_` -> CR, `_x005F_` -> `_`).
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5F) else { return text }
        let units = Array(text.utf16)
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            if units[index] == 0x5F, index + 6 < units.count, units[index + 1] == 0x78, units[index + 6] == 0x5F,
               let code = hexValue(units[(index + 2)...(index + 5)]) {
                output.append(code)
                index += 7
            } else {
                output.append(units[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF16.self)
    }

    private static func hexValue(_ digits: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in digits {
            switch unit {
            case 0x30...0x39: value = value << 4 | (unit - 0x30)
            case 0x41...0x46: value = value << 4 | (unit - 0x37)
            case 0x61...0x66: value = value << 4 | (unit - 0x57)
            default: return nil
            }
        }
        return value
    }

    /// Text with `& < > "` replaced by entities (for attribute values and short texts).
    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCellText(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends cell text: entities for `& < > "`, `_xHHHH_` for control characters that XML 1.0
    /// cannot carry (and for CR, which XML parsers would turn into LF), and `_x005F_` for an
    /// underscore that would otherwise be read as the start of such an escape.
    static func appendCellText(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x09, 0x0A: output.append(byte)
                case 0x00..<0x20: output.append(contentsOf: "_x00\(hexDigit(byte >> 4))\(hexDigit(byte & 0xF))_".utf8)
                case 0x5F where looksLikeEscape(bytes, at: index): output.append(contentsOf: "_x005F_".utf8)
                default: output.append(byte)
                }
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> Character {
        Character(Unicode.Scalar(value < 10 ? 0x30 + value : 0x37 + value))
    }

    /// True when `_xHHHH_` starts at `index`.
    private static func looksLikeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F else { return false }
        return bytes[(index + 2)...(index + 5)].allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }
}
