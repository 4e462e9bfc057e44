import Foundation
import TarazuCore

/// What the indicators' formulas (``Indicator/formula``) share: symbolic expressions kept left to
/// right inside Persian prose, and parameters written in both languages from one value.
enum FormulaText {
    /// A symbol or an expression for Persian prose (every Latin or Greek symbol of a Persian formula
    /// goes through here): its ASCII digits made Persian, the whole in a left-to-right isolate
    /// (U+2066 … U+2069) so that symbols, operators and brackets keep their order and a Persian
    /// number after a symbol is not drawn into it.
    static func math(_ expression: String) -> String { "\u{2066}" + PersianText.persianDigits(expression) + "\u{2069}" }

    /// `fraction` as a percentage with the decimals it has: `25 %` / `۲۵٪`.
    static func percent(_ fraction: Decimal) -> Bilingual {
        Bilingual(fa: Numerals(language: .fa).exactPercent(fraction), en: Numerals(language: .en).exactPercent(fraction))
    }

    /// A range of fractions as percentages: `95-105 %` / `۹۵ تا ۱۰۵٪`.
    static func percentRange(_ low: Decimal, _ high: Decimal) -> Bilingual {
        Bilingual(fa: Numerals(language: .fa).exact(low * 100) + " تا " + Numerals(language: .fa).exactPercent(high),
                  en: Numerals(language: .en).exact(low * 100) + "-" + Numerals(language: .en).exactPercent(high))
    }

    /// A whole number: `50` / `۵۰`.
    static func number(_ value: Int) -> Bilingual {
        Bilingual(fa: Numerals(language: .fa).integer(Int64(value)), en: Numerals(language: .en).integer(Int64(value)))
    }
}

extension Bilingual {
    /// The two texts each followed by the other's: a formula and its qualification.
    static func + (lhs: Bilingual, rhs: Bilingual) -> Bilingual { Bilingual(fa: lhs.fa + rhs.fa, en: lhs.en + rhs.en) }
}
