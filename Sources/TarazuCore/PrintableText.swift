/// Text from outside (a typed username, a file name) made safe to print in a log line or a terminal.
public enum PrintableText {
    /// `text` with every control character (C0, DEL, C1: tab, line breaks and the escape that starts a
    /// terminal sequence among them), line and paragraph separator and bidirectional control written as
    /// `\u{XXXX}`, and cut to `maxLength` characters (an ellipsis marks the cut). Anything else is kept.
    public static func escaped(_ text: String, maxLength: Int = 256) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maxLength {
                out += "…"
                break
            }
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
