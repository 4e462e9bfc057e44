import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import Vapor

/// The page language: Persian (default, right to left) or English (`?lang=en`).
public typealias WebLanguage = TextLanguage

extension TextLanguage {
    init(request: Request) {
        self = (try? request.query.get(String.self, at: "lang")).flatMap(TextLanguage.init(rawValue:)) ?? .fa
    }

    var direction: String { self == .fa ? "rtl" : "ltr" }
    var other: TextLanguage { self == .fa ? .en : .fa }
    /// The switch link's label, written in the language it switches to.
    var switchLabel: String { self == .fa ? "English" : "فارسی" }
}

/// Numbers for pages: the pure layers' ``Numerals`` and ``FigureText``, so pages, reports and the CLI
/// print one value the same way.
enum WebFormat {
    /// Digits of `text` for `language` (a decimal point becomes the Persian decimal separator).
    static func digits(_ text: String, _ language: WebLanguage) -> String {
        language == .fa ? Numerals(language: language).digits(text).replacingOccurrences(of: ".", with: "٫") : text
    }

    /// An integer with thousands grouping.
    static func integer(_ value: Int64, _ language: WebLanguage) -> String { Numerals(language: language).integer(value) }

    /// A year as written (Jalali years stay as they are), in the language's digits, without grouping.
    static func year(_ year: Int, _ language: WebLanguage) -> String { Numerals(language: language).year(year) }

    /// `value` rounded half away from zero to `places` decimals, with grouping.
    static func fixed(_ value: Decimal, places: Int, _ language: WebLanguage) -> String {
        Numerals(language: language).fixed(value, places: places)
    }

    /// A fraction as a percentage with one decimal.
    static func percent(_ ratio: Decimal, _ language: WebLanguage) -> String { Numerals(language: language).percent(ratio) }

    /// Rials as billions of rials with one decimal and the unit words.
    static func billions(_ rials: Int64, _ language: WebLanguage) -> String { Numerals(language: language).billionRials(rials) }

    /// An indicator value for display, by its unit (``FigureText``).
    static func value(_ value: IndicatorValue, unit: String, _ language: WebLanguage) -> String {
        FigureText(language: language).scalar(value, unit: unit) ?? language.pick("(جزئیات در گزارش)", "(see the report)")
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
