import Foundation
import TarazuCore

/// Exact decimal helpers shared by the risk scorer and the anomaly detector. No floating point.
enum RiskMath {
    /// `value` rounded to `scale` fraction digits, half away from zero.
    static func round(_ value: Decimal, _ scale: Int = 0) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }

    static func clamp01(_ value: Decimal) -> Decimal { min(max(value, 0), 1) }

    /// The median of `values` (mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
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
        let whole = round(value)
        guard whole <= Decimal(Int64.max), whole >= Decimal(Int64.min) else { return nil }
        guard let rials = try? NumberText.wholeInt64(whole, raw: "\(whole)") else { return nil }
        return Money(rials: rials)
    }

    static func int(_ value: Decimal) -> Int {
        Int("\(round(value))") ?? 0
    }

    /// A number for English text, with at most `scale` fraction digits ("20.4", "80", "-8.62").
    static func en(_ value: Decimal, _ scale: Int = 1) -> String { "\(round(value, scale))" }

    /// A number for Persian text: Persian digits, Persian decimal separator and minus sign.
    static func fa(_ value: Decimal, _ scale: Int = 1) -> String {
        PersianText.persianDigits(en(value, scale))
            .replacingOccurrences(of: ".", with: "٫")
            .replacingOccurrences(of: "-", with: "−")
    }

    /// A ratio (0.804) as a percent for English text ("80.4 %").
    static func pctEn(_ ratio: Decimal, _ scale: Int = 1) -> String { "\(en(ratio * 100, scale)) %" }
    /// A ratio as a percent for Persian text ("۸۰٫۴٪").
    static func pctFa(_ ratio: Decimal, _ scale: Int = 1) -> String { "\(fa(ratio * 100, scale))٪" }
    /// A signed percent for English text ("+80 %", "-12.5 %").
    static func signedPctEn(_ ratio: Decimal) -> String { (ratio > 0 ? "+" : "") + pctEn(ratio) }
    static func signedPctFa(_ ratio: Decimal) -> String { (ratio > 0 ? "+" : "") + pctFa(ratio) }
    static func yearFa(_ year: Int) -> String { PersianText.persianDigits(String(year)) }
}
