import Foundation
import TarazuCore

/// Exact decimal helpers shared by the risk scorer and the anomaly detector. No floating point.
enum RiskMath {
    /// `value` rounded to `scale` fraction digits, half away from zero.
    static func round(_ value: Decimal, _ scale: Int = 0) -> Decimal {
        if layoutKnown, let p = rawParts(value), p.exponent >= -scale { return value }  // nothing to round
        if let n = scaled(value, scale) {
            return Decimal(sign: n < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(n.magnitude))
        }
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }

    static func clamp01(_ value: Decimal) -> Decimal {
        if less(value, 0) { return 0 }
        if less(1, value) { return 1 }
        return value
    }

    /// The median of `values` (mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(by: less)
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        return values.reduce(Decimal(0), +) / Decimal(values.count)
    }

    /// A whole number of rials from a decimal amount, rounded half away from zero; nil when out of range.
    static func money(_ value: Decimal) -> Money? {
        if let rials = scaled(value, 0) { return Money(rials: rials) }
        let whole = round(value)
        guard whole <= Decimal(Int64.max), whole >= Decimal(Int64.min) else { return nil }
        guard let rials = try? NumberText.wholeInt64(whole, raw: "\(whole)") else { return nil }
        return Money(rials: rials)
    }

    static func int(_ value: Decimal) -> Int {
        if let n = scaled(value, 0) { return Int(n) }
        return Int("\(round(value))") ?? 0
    }

    /// A number for English text, with exactly `scale` fraction digits ("20.4", "80.0", "-8.62"), so
    /// figures of one kind read with one precision.
    static func en(_ value: Decimal, _ scale: Int = 1) -> String {
        guard let n = scaled(value, scale) else { return padded("\(round(value, scale))", scale) }
        return format(n, scale, persian: false)
    }

    /// `text` (as `"\(Decimal)"` writes it) with its fraction padded by zeros to `scale` digits.
    static func padded(_ text: String, _ scale: Int) -> String {
        guard scale > 0 else { return text }
        let fraction = text.split(separator: ".", maxSplits: 1).dropFirst().first.map(\.count)
        return text + (fraction == nil ? "." : "") + String(repeating: "0", count: max(scale - (fraction ?? 0), 0))
    }

    /// A number for Persian text: Persian digits, Persian decimal separator and minus sign.
    static func fa(_ value: Decimal, _ scale: Int = 1) -> String {
        guard let n = scaled(value, scale) else {
            return PersianText.persianDigits(padded("\(round(value, scale))", scale))
                .replacingOccurrences(of: ".", with: "٫")
                .replacingOccurrences(of: "-", with: "−")
        }
        return format(n, scale, persian: true)
    }

    /// A signed number inside Persian prose (``fa(_:_:)``): a negative one in a left-to-right isolate
    /// (U+2066 … U+2069), so that its minus sign stays before the digits.
    static func signedFa(_ value: Decimal, _ scale: Int = 1) -> String {
        let text = fa(value, scale)
        return text.hasPrefix("\u{2212}") ? "\u{2066}" + text + "\u{2069}" : text
    }

    /// A ratio (0.804) as a percent for English text ("80.4 %").
    static func pctEn(_ ratio: Decimal, _ scale: Int = 1) -> String { "\(en(ratio * 100, scale)) %" }
    /// A ratio as a percent for Persian text ("۸۰٫۴٪").
    static func pctFa(_ ratio: Decimal, _ scale: Int = 1) -> String { "\(fa(ratio * 100, scale))٪" }
    /// A ratio someone set (a reference-class prior, a threshold) as a percent with the decimals it has:
    /// «۲۲٪», «۲۰٫۴٪» / "22 %".
    static func statedPctFa(_ ratio: Decimal) -> String { Numerals(language: .fa).exactPercent(ratio) }
    static func statedPctEn(_ ratio: Decimal) -> String { Numerals(language: .en).exactPercent(ratio) }
    /// A signed percent for English text ("+80 %", "-12.5 %").
    static func signedPctEn(_ ratio: Decimal) -> String { (ratio > 0 ? "+" : "") + pctEn(ratio) }
    /// A signed change in Persian words, so no sign sits inside right-to-left prose: «۸۶٫۳٪ افزایش».
    static func changeFa(_ ratio: Decimal) -> String {
        if ratio == 0 { return "بدون تغییر" }
        return pctFa(ratio < 0 ? -ratio : ratio) + (ratio < 0 ? " کاهش" : " افزایش")
    }
    static func yearFa(_ year: Int) -> String { PersianText.persianDigits(String(year)) }
    /// A duration in years for Persian prose: under a year in whole months («حدود ۱۰ ماه»), else years with
    /// one decimal («۲٫۵ سال»).
    static func durationFa(_ years: Decimal) -> String {
        guard years < 1 else { return "\(fa(years)) سال" }
        if years <= 0 { return "۰ ماه" }
        let months = int(round(years * 12, 0))
        return months == 0 ? "کمتر از یک ماه" : "حدود \(fa(Decimal(months), 0)) ماه"
    }

    /// `a < b`, exactly as `Decimal`'s `<`; without Decimal arithmetic when both mantissas fit 128 bits
    /// after aligning the exponents.
    static func less(_ a: Decimal, _ b: Decimal) -> Bool {
        guard layoutKnown, let x = rawParts(a), let y = rawParts(b) else { return a < b }
        let xZero = x.mantissa == 0, yZero = y.mantissa == 0
        if xZero || yZero {
            if xZero && yZero { return false }
            if xZero { return !y.negative }
            return x.negative
        }
        if x.negative != y.negative { return x.negative }
        // Same sign: compare magnitudes.
        var mx = x.mantissa, my = y.mantissa
        let shift = x.exponent - y.exponent
        if shift > 0 {
            guard shift <= 38 else { return a < b }
            let (p, o) = mx.multipliedReportingOverflow(by: powersOf10[shift])
            guard !o else { return a < b }
            mx = p
        } else if shift < 0 {
            guard -shift <= 38 else { return a < b }
            let (p, o) = my.multipliedReportingOverflow(by: powersOf10[-shift])
            guard !o else { return a < b }
            my = p
        }
        return x.negative ? mx > my : mx < my
    }

    /// A close `Double` of `value`, for screening only (never for results).
    static func approximate(_ value: Decimal) -> Double {
        guard layoutKnown, let p = rawParts(value) else { return NSDecimalNumber(decimal: value).doubleValue }
        let magnitude = Double(p.mantissa) * pow(10, Double(p.exponent))
        return p.negative ? -magnitude : magnitude
    }

    // MARK: - Fast exact formatting

    /// `n / 10^scale` as text the way `"\(Decimal)"` writes it, its fraction padded to `scale` digits: no
    /// exponent, "-" only for a nonzero negative. Persian: Persian digits, "٫" and "−".
    static func format(_ n: Int64, _ scale: Int, persian: Bool) -> String {
        var magnitude = n.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var fraction = scale
        // Fraction digits, least significant first.
        while fraction > 0 {
            digits.append(UInt8(magnitude % 10))
            magnitude /= 10
            fraction -= 1
        }
        let fractionCount = digits.count
        repeat {
            digits.append(UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var out = String.UnicodeScalarView()
        if n < 0 { out.append(persian ? "\u{2212}" : "-") }
        let zero: UInt32 = persian ? 0x06F0 : 0x30
        var index = digits.count - 1
        while index >= 0 {
            if index == fractionCount - 1 { out.append(persian ? "\u{066B}" : ".") }
            out.append(Unicode.Scalar(zero + UInt32(digits[index]))!)
            index -= 1
        }
        return String(out)
    }

    /// True when `Decimal`'s in-memory layout is the one ``parts(_:)`` reads (checked once on known values);
    /// otherwise the slow exact paths are used.
    static let layoutKnown: Bool = {
        let probes: [(Decimal, Bool, UInt128, Int)] = [
            (Decimal(sign: .minus, exponent: -3, significand: 1234), true, 1234, -3),
            (Decimal(string: "123456789012345678")!, false, 123_456_789_012_345_678, 0),
            (Decimal(65536), false, 65536, 0),
            (Decimal(string: "0.5")!, false, 5, -1),
        ]
        for (value, negative, mantissa, exponent) in probes {
            guard let p = rawParts(value), p.negative == negative, p.mantissa == mantissa, p.exponent == exponent else { return false }
        }
        let third = Decimal(1) / Decimal(3)
        guard let p = rawParts(third), "\(third)" == "0." + String(p.mantissa), p.exponent == -String(p.mantissa).count else { return false }
        return true
    }()

    private static func rawParts(_ d: Decimal) -> (negative: Bool, mantissa: UInt128, exponent: Int)? {
        withUnsafeBytes(of: d) { b -> (negative: Bool, mantissa: UInt128, exponent: Int)? in
            guard b.count == 20 else { return nil }
            let length = Int(b[1] >> 4)
            let negative = b[1] & 0x08 != 0
            if length == 0 { return negative ? nil : (false, 0, 0) }  // NaN, or zero
            guard length <= 8 else { return nil }
            var m: UInt128 = 0
            for i in 0..<length {
                m |= (UInt128(b[4 + 2 * i]) | UInt128(b[5 + 2 * i]) << 8) << (16 * i)
            }
            return (negative, m, Int(Int8(bitPattern: b[0])))
        }
    }

    private static let powersOf10: [UInt128] = {
        var out: [UInt128] = [1]
        for _ in 1...38 { out.append(out.last! * 10) }
        return out
    }()

    /// `value` rounded to `scale` fraction digits (half away from zero, as ``round(_:_:)``), times `10^scale`,
    /// exactly; nil when that does not fit in Int64 or the layout is unknown.
    static func scaled(_ value: Decimal, _ scale: Int) -> Int64? {
        guard layoutKnown, let p = rawParts(value) else { return nil }
        var magnitude: UInt128
        let shift = p.exponent + scale
        if shift >= 0 {
            guard shift <= 38 else { return p.mantissa == 0 ? 0 : nil }
            let (product, overflow) = p.mantissa.multipliedReportingOverflow(by: powersOf10[shift])
            guard !overflow else { return nil }
            magnitude = product
        } else if -shift > 38 {
            magnitude = 0
        } else {
            let divisor = powersOf10[-shift]
            let (q, r) = p.mantissa.quotientAndRemainder(dividingBy: divisor)
            magnitude = r * 2 >= divisor ? q + 1 : q
        }
        guard magnitude <= UInt128(Int64.max) else { return nil }
        return p.negative ? -Int64(magnitude) : Int64(magnitude)
    }
}
