import Foundation
import TarazuAnalysis
import TarazuCore
import Vapor

/// The page language: Persian (default, right to left) or English (`?lang=en`).
public enum WebLanguage: String, Sendable, CaseIterable {
    case fa, en

    init(request: Request) {
        self = (try? request.query.get(String.self, at: "lang")).flatMap(WebLanguage.init(rawValue:)) ?? .fa
    }

    var direction: String { self == .fa ? "rtl" : "ltr" }
    var other: WebLanguage { self == .fa ? .en : .fa }
    /// The switch link's label, written in the language it switches to.
    var switchLabel: String { self == .fa ? "English" : "فارسی" }

    func pick(_ fa: String, _ en: String) -> String { self == .fa ? fa : en }
    func pick(_ text: Bilingual) -> String { self == .fa ? text.fa : text.en }
}

/// Numbers for pages: Persian digits and separators in Persian, ASCII in English.
enum WebFormat {
    /// Digits of `text` for `language`.
    static func digits(_ text: String, _ language: WebLanguage) -> String {
        language == .fa ? PersianText.persianDigits(text).replacingOccurrences(of: ".", with: "٫") : text
    }

    /// An integer with thousands grouping.
    static func integer(_ value: Int64, _ language: WebLanguage) -> String {
        let negative = value < 0
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        let separator = language == .fa ? "٬" : ","
        let text = (negative ? "-" : "") + groups.joined(separator: separator)
        return language == .fa ? PersianText.persianDigits(text) : text
    }

    /// A year as written (Jalali years stay as they are), in the language's digits, without grouping.
    static func year(_ year: Int, _ language: WebLanguage) -> String { digits(String(year), language) }

    /// `value` rounded to `places` decimals.
    static func fixed(_ value: Decimal, places: Int, _ language: WebLanguage) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        var text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        if places > 0 {
            if !text.contains(".") { text += "." }
            let decimals = text.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            text += String(repeating: "0", count: max(0, places - decimals))
        }
        return digits(text, language)
    }

    /// A ratio as a percentage with one decimal: "۸۷٫۳٪" or "87.3%".
    static func percent(_ ratio: Decimal, _ language: WebLanguage) -> String {
        fixed(ratio * 100, places: 1, language) + (language == .fa ? "٪" : "%")
    }

    /// Rials as billions of rials with one decimal.
    static func billions(_ rials: Int64, _ language: WebLanguage) -> String {
        let value = Decimal(rials) / Decimal(1_000_000_000)
        let whole = NSDecimalNumber(decimal: value).int64Value
        if abs(value) >= 1000 { return integer(whole, language) + " " + language.pick("میلیارد ریال", "billion rials") }
        return fixed(value, places: 1, language) + " " + language.pick("میلیارد ریال", "billion rials")
    }

    /// An indicator value for display, by its unit.
    static func value(_ value: IndicatorValue, unit: String, _ language: WebLanguage) -> String {
        switch value {
        case .decimal(let number) where unit == "ratio": percent(number, language)
        case .decimal(let number): fixed(number, places: 2, language)
        case .rials(let rials): billions(rials, language)
        case .count(let count): integer(Int64(count), language)
        case .grade(let grade): grade
        case .flag(let flag): flag ? language.pick("بله", "yes") : language.pick("خیر", "no")
        case .text(let text): text
        case .record, .list: language.pick("(جزئیات در گزارش)", "(see the report)")
        case .unavailable: language.pick("داده ندارد", "no data")
        }
    }

    /// A date as a Jalali date in Persian (۱۴۰۵/۰۹/۰۵) or a Gregorian ISO date in English, Tehran time.
    static func date(_ date: Date, _ language: WebLanguage) -> String {
        var calendar = Calendar(identifier: language == .fa ? .persian : .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04ld/%02ld/%02ld", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return language == .fa ? PersianText.persianDigits(text) : text.replacingOccurrences(of: "/", with: "-")
    }
}

/// URL pieces for links (text is escaped with TarazuReport's `htmlEscape`).
enum HTML {
    /// A path segment, percent-encoded.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
