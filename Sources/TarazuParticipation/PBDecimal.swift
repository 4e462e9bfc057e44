import Foundation

/// An exact decimal number from a pabulib file (costs, budgets, points): `mantissa / 10^scale`.
///
/// Never a binary floating-point value: "921012.06" is 92101206 / 10^2 exactly.
public struct PBDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The digits as an integer.
    public let mantissa: Int64
    /// How many of those digits follow the decimal point (trailing zeros removed).
    public let scale: Int

    /// `mantissa / 10^scale`, normalized so that `scale` has no trailing zeros.
    public init(mantissa: Int64, scale: Int) {
        var m = mantissa
        var s = scale
        while s > 0 && m % 10 == 0 {
            m /= 10
            s -= 1
        }
        self.mantissa = m
        self.scale = s
    }

    /// Parses "1000000", "921012.06", "-2", Persian or Arabic-Indic digits, "٫" as the decimal
    /// point and "٬" as a thousands separator; "," counts as the decimal point as pabutools reads
    /// it. Returns nil for anything else or for a value beyond Int64.
    public init?(parsing text: String) {
        let normalized = PBText.normalizedIdentifier(text)
        var mantissa: Int64 = 0
        var scale = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        for (offset, scalar) in normalized.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9":
                let digit = Int64(scalar.value - 48)
                let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                mantissa = sum
                sawDigit = true
                if sawPoint { scale += 1 }
            case ".", ",", "\u{066B}":
                if sawPoint { return nil }
                sawPoint = true
            case "\u{066C}":
                continue
            case "-", "+":
                if offset != 0 { return nil }
                negative = scalar == "-"
            default:
                return nil
            }
        }
        if !sawDigit { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    /// The value times 10^targetScale as an integer; nil when that overflows Int64.
    /// `targetScale` must be at least `scale`.
    public func scaled(to targetScale: Int) -> Int64? {
        precondition(targetScale >= scale, "scaling \(self) down would lose digits")
        var value = mantissa
        for _ in 0..<(targetScale - scale) {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }

    /// Plain decimal notation, e.g. "921012.06".
    public var description: String { PBDecimal.format(mantissa, scale: scale) }

    /// The value rounded half away from zero to a whole number (an amount of the tally log in whole rials).
    public var roundedToInteger: Int64 {
        var exact = Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(mantissa.magnitude))
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// Formats `value / 10^scale` in plain decimal notation.
    private static func format(_ value: Int64, scale: Int) -> String {
        if scale == 0 { return String(value) }
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        var text = padded[..<point] + "." + padded[point...]
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (value < 0 ? "-" : "") + text
    }
}
