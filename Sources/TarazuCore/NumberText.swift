import Foundation

/// Parsing of numbers written by people: Persian or Arabic-Indic digits, thousands separators
/// (`,` `٬` `'` and spaces), decimal separators (`.` `٫`), a leading sign, and parentheses for negatives.
public enum NumberText {
    /// Why a text is not a number.
    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case empty
        case notANumber(String)
        case notWhole(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .empty: "no value"
            case .notANumber(let text): "\"\(text)\" is not a number"
            case .notWhole(let text): "\"\(text)\" is not a whole number"
            case .outOfRange(let text): "\"\(text)\" is out of range"
            }
        }
    }

    /// Parses an exact decimal. Thousands separators must group three digits when they are commas.
    public static func decimal(_ raw: String) throws(Failure) -> Decimal {
        if let whole = plainInteger(raw) { return Decimal(whole) }
        let text = PersianText.asciiDigits(PersianText.normalize(raw))
        if text.isEmpty { throw .empty }
        var negative = false
        var body = Substring(text)
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        if body.hasPrefix("-") || body.hasPrefix("−") {
            negative.toggle()
            body = body.dropFirst()
        } else if body.hasPrefix("+") {
            body = body.dropFirst()
        }
        var digits = ""
        var seenPoint = false
        var sawDigit = false
        for ch in body {
            switch ch {
            case "0"..."9":
                digits.append(ch)
                sawDigit = true
            case ".", "٫":
                if seenPoint { throw .notANumber(raw) }
                seenPoint = true
                digits.append(".")
            case ",", "٬", "'", " ":
                if seenPoint { throw .notANumber(raw) }
            default:
                throw .notANumber(raw)
            }
        }
        guard sawDigit, let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .notANumber(raw)
        }
        return negative ? -value : value
    }

    /// A fast path for the common case: optional '-' and 1 to 18 ASCII digits, nothing else.
    static func plainInteger(_ raw: String) -> Int64? {
        var value: Int64 = 0
        var digits = 0
        var negative = false
        for byte in raw.utf8 {
            if byte == 0x2D, digits == 0, !negative {
                negative = true
            } else if byte >= 0x30, byte <= 0x39, digits < 18 {
                value = value * 10 + Int64(byte - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// Parses a whole number that fits in Int64.
    public static func integer(_ raw: String) throws(Failure) -> Int64 {
        if let whole = plainInteger(raw) { return whole }
        let value = try decimal(raw)
        return try wholeInt64(value, raw: raw)
    }

    /// Converts an exact decimal to Int64, failing when it has a fractional part or does not fit.
    public static func wholeInt64(_ value: Decimal, raw: String) throws(Failure) -> Int64 {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == value else { throw .notWhole(raw) }
        guard rounded <= Decimal(Int64.max), rounded >= Decimal(Int64.min) else { throw .outOfRange(raw) }
        let text = NSDecimalNumber(decimal: rounded).stringValue
        guard let int = Int64(text) else { throw .outOfRange(raw) }
        return int
    }
}
