import Foundation

/// Formats numbers for one language, on every surface: Persian digits and separators (٫ ٬ ٪) in
/// Persian, ASCII digits in English; percentages `93.0 %` / `۹۳٫۰٪`; years without grouping. Money is formatted from whole rials (`Int64`) through `Decimal`, never `Double`.
public struct Numerals: Sendable {
    public let language: TextLanguage

    /// Numerals of `language`.
    public init(language: TextLanguage) {
        self.language = language
    }

    private var isPersian: Bool { language == .fa }
    private var decimalSeparator: String { isPersian ? "٫" : "." }
    private var groupSeparator: String { isPersian ? "٬" : "," }

    /// Replaces ASCII digits by Persian digits in Persian; English text is left alone.
    public func digits(_ text: String) -> String { isPersian ? PersianText.persianDigits(text) : text }

    /// `value` rounded half away from zero to `places` decimals, with thousands grouping.
    public func fixed(_ value: Decimal, places: Int, grouping: Bool = true) -> String {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, places, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let parts = "\(magnitude)".split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts.first ?? "0")
        if whole.isEmpty { whole = "0" }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < places { fraction += String(repeating: "0", count: places - fraction.count) }
        if fraction.count > places { fraction = String(fraction.prefix(places)) }
        if grouping { whole = group(whole) }
        var text = (negative ? "-" : "") + whole
        if places > 0 { text += decimalSeparator + fraction }
        return digits(text)
    }

    private func group(_ whole: String) -> String {
        var result = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { result += groupSeparator }
            result.append(character)
        }
        return result
    }

    /// A whole number with grouping.
    public func integer(_ value: Int64) -> String { fixed(Decimal(value), places: 0) }

    /// A Jalali year as written (no grouping).
    public func year(_ value: Int) -> String { digits(String(value)) }

    /// A fraction as a percentage with one decimal: `93.0 %` / `۹۳٫۰٪`.
    public func percent(_ fraction: Decimal) -> String {
        let number = fixed(fraction * 100, places: 1)
        return isPersian ? number + "٪" : number + " %"
    }

    /// `value` with the decimals it has and no more (at most six), without grouping: `0.5`, `25`
    /// / `۰٫۵`, `۲۵` (the thresholds and bands of a method, where `25.0` would suggest a measurement).
    public func exact(_ value: Decimal) -> String {
        var source = value
        let places = (0..<6).first { places in
            var rounded = Decimal()
            NSDecimalRound(&rounded, &source, places, .plain)
            return rounded == source
        } ?? 6
        return fixed(value, places: places, grouping: false)
    }

    /// A fraction as a percentage with the decimals it has: `25 %`, `0.5 %` / `۲۵٪`, `۰٫۵٪`.
    public func exactPercent(_ fraction: Decimal) -> String {
        let number = exact(fraction * 100)
        return isPersian ? number + "٪" : number + " %"
    }

    /// Rials as billions of rials with one decimal and grouping, without the unit words.
    public func billions(_ rials: Int64) -> String { fixed(Decimal(rials) / 1_000_000_000, places: 1) }

    /// Rials as billions of rials with the unit words.
    public func billionRials(_ rials: Int64) -> String {
        billions(rials) + (isPersian ? " میلیارد ریال" : " billion rials")
    }

    /// Rials as millions of rials with one decimal and the unit words.
    public func millionRials(_ rials: Int64) -> String {
        fixed(Decimal(rials) / 1_000_000, places: 1) + (isPersian ? " میلیون ریال" : " million rials")
    }

    /// An amount someone set (a participatory budget, a proposal's cost) as ``scaledRials(_:)`` writes it,
    /// with the decimals it has and no more: «۴۰۰ میلیارد ریال», «۲۷٫۵ میلیارد ریال», not «۴۰۰٫۰».
    public func statedRials(_ rials: Int64) -> String {
        let magnitude = rials.magnitude
        if magnitude >= 1_000_000_000 { return exactGrouped(Decimal(rials) / 1_000_000_000) + (isPersian ? " میلیارد ریال" : " billion rials") }
        if magnitude >= 1_000_000 { return exactGrouped(Decimal(rials) / 1_000_000) + (isPersian ? " میلیون ریال" : " million rials") }
        return integer(rials) + (isPersian ? " ریال" : " rials")
    }

    /// `value` with grouping and the decimals it has, at most one: «۱٬۲۰۰», «۲۷٫۵».
    private func exactGrouped(_ value: Decimal) -> String {
        var source = value
        var whole = Decimal()
        NSDecimalRound(&whole, &source, 0, .plain)
        return fixed(value, places: whole == value ? 0 : 1)
    }

    /// An amount as pages write a single sum (a budget, a project's cost): billions of rials from a
    /// billion up, millions of rials from a million up, whole rials below, each with its unit words.
    public func scaledRials(_ rials: Int64) -> String {
        let magnitude = rials.magnitude
        if magnitude >= 1_000_000_000 { return billionRials(rials) }
        if magnitude >= 1_000_000 { return millionRials(rials) }
        return integer(rials) + (isPersian ? " ریال" : " rials")
    }

    /// The Jalali calendar date of `date` in Tehran time, `yyyy/mm/dd`.
    public func jalaliDate(_ date: Date) -> String {
        let parts = Self.tehranJalali.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d/%02d/%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return digits(text)
    }

    /// The Jalali year of `date` in Tehran time (1405 for 2026-12-05).
    public static func jalaliYear(of date: Date) -> Int { tehranJalali.component(.year, from: date) }

    /// Built once: pages ask for the year on every assessment they serve.
    private static let tehranJalali: Calendar = {
        var calendar = Calendar(identifier: .persian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600) ?? .current
        return calendar
    }()
}
