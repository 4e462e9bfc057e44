import Foundation

/// Pieces of hand-written JSON, for output whose numbers must stay exact (amounts written from
/// `Decimal` text rather than through a `Double`).
public enum JSONText {
    /// `text` as a JSON string literal, quotes and control characters escaped.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
