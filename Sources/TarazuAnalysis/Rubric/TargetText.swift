import Foundation
import TarazuCore

/// A recommendation's target as one natural sentence, the same on every surface: the direction the
/// figure should move (reduce, raise), the comparison (under, at most, at least, above, to zero),
/// the value in its unit and the deadline ("by the end of 1406").
public struct TargetText: Sendable {
    public let language: TextLanguage

    /// Sentences in `language`.
    public init(language: TextLanguage) {
        self.language = language
    }

    /// The target as a clause, e.g. «کاهش سهم ستاد مرکزی از اعتبار مصوب به حداکثر ۲۵٪ تا پایان سال ۱۴۰۷».
    public func sentence(_ target: Target) -> String {
        let figures = FigureText(language: language)
        let subject = language.pick(target.subject)
        let deadline = language.pick("تا پایان سال ", "by the end of ") + figures.numerals.year(target.byYear)
        if target.unit == "flag" {
            return subject + " " + deadline
        }
        let value = figures.stated(target.value, unit: target.unit) ?? figures.notAvailable
        let isZero = FigureText.number(target.value) == 0
        let clause: String
        switch (target.comparison, language) {
        case (.atMost, .fa) where isZero, (.equals, .fa) where isZero: clause = "کاهش \(subject) به صفر"
        case (.atMost, .en) where isZero, (.equals, .en) where isZero: clause = "reduce \(subject) to zero"
        case (.below, .fa): clause = "کاهش \(subject) به کمتر از \(value)"
        case (.below, .en): clause = "reduce \(subject) to under \(value)"
        case (.atMost, .fa): clause = "کاهش \(subject) به حداکثر \(value)"
        case (.atMost, .en): clause = "reduce \(subject) to at most \(value)"
        case (.atLeast, .fa) where target.unit == "score": clause = "ارتقای \(subject) دست‌کم به \(value)"
        case (.atLeast, .en) where target.unit == "score": clause = "raise \(subject) to at least \(value)"
        case (.atLeast, .fa): clause = "افزایش \(subject) دست‌کم به \(value)"
        case (.atLeast, .en): clause = "raise \(subject) to at least \(value)"
        case (.above, .fa): clause = "افزایش \(subject) به بیش از \(value)"
        case (.above, .en): clause = "raise \(subject) above \(value)"
        case (.equals, .fa): clause = "رساندن \(subject) به \(value)"
        case (.equals, .en): clause = "bring \(subject) to \(value)"
        }
        return clause + " " + deadline
    }
}
