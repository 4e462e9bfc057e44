/// An exact non-negative fraction in lowest terms, as the tally log reports prices and payments.
public struct PBFraction: Sendable, Hashable, CustomStringConvertible {
    let numerator: BigUInt
    let denominator: BigUInt

    /// Reduces `numerator / denominator`; the denominator must not be zero.
    init(_ numerator: BigUInt, _ denominator: BigUInt) {
        precondition(!denominator.isZero, "PBFraction with zero denominator")
        let divisor = BigUInt.gcd(numerator, denominator)
        if divisor == BigUInt(1 as UInt64) || divisor.isZero {
            self.numerator = numerator
            self.denominator = denominator
        } else {
            self.numerator = numerator.quotientAndRemainder(dividingBy: divisor).quotient
            self.denominator = denominator.quotientAndRemainder(dividingBy: divisor).quotient
        }
    }

    /// A fraction already in lowest terms (the caller guarantees gcd = 1, or 0/1).
    init(reduced numerator: BigUInt, _ denominator: BigUInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// self * k in lowest terms, for a small factor k > 0: only gcd(k, denominator) can cancel.
    func times(_ k: UInt64) -> PBFraction {
        if numerator.isZero || k == 0 { return PBFraction(numerator * k, denominator) }
        let r = denominator.quotientAndRemainder(dividingBy: k).remainder
        let h = UInt64(BigUInt.gcd128(UInt128(r), UInt128(k)))
        return PBFraction(reduced: numerator * (k / h), denominator.quotientAndRemainder(dividingBy: h).quotient)
    }

    /// "p/q", or "p" when the value is whole.
    public var description: String {
        denominator == BigUInt(1 as UInt64)
            ? numerator.decimalString
            : numerator.decimalString + "/" + denominator.decimalString
    }

    /// The value rounded half up to a whole number (a payment of the tally log in whole rials); nil beyond `Int64`.
    public var roundedToInteger: Int64? {
        let (whole, rest) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard let value = Int64(whole.decimalString) else { return nil }
        guard !(rest * 2 < denominator) else { return value }
        let (up, overflow) = value.addingReportingOverflow(1)
        return overflow ? nil : up
    }

    /// The reciprocal; the value must not be zero.
    public var reciprocal: PBFraction {
        precondition(!numerator.isZero, "reciprocal of zero")
        return PBFraction(reduced: denominator, numerator)
    }

    /// The value in decimal notation, rounded half up to `significantDigits` significant digits
    /// (whole part always in full), e.g. "0.000123456789012" or "1234.56789012".
    public func decimal(significantDigits: Int = 12) -> String {
        let (whole, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let wholeDigits = whole.isZero ? 0 : whole.decimalString.count
        var fractionDigits = max(0, significantDigits - wholeDigits)
        if whole.isZero && !remainder.isZero {
            // Count the leading zeros after the point: they are not significant.
            var probe = remainder
            while true {
                probe = probe * 10
                if !(probe < denominator) { break }
                fractionDigits += 1
            }
        }
        let scale = BigUInt.powerOfTen(fractionDigits)
        let scaled = numerator * scale
        var (rounded, rest) = scaled.quotientAndRemainder(dividingBy: denominator)
        if !(rest * 2 < denominator) { rounded += BigUInt(1 as UInt64) }
        var digits = rounded.decimalString
        if fractionDigits == 0 { return digits }
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        var text = String(digits[..<point]) + "." + String(digits[point...])
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
