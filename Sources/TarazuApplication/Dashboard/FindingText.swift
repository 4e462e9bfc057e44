import Foundation
import TarazuAnalysis
import TarazuCore

/// A rubric finding with its `{placeholder}` figures filled in, as the page shows it.
public enum FindingText {
    public static func fill(_ template: String, figures: [String: Figure], year: Int, language: TextLanguage) -> String {
        RubricTemplate.fill(template) { name in
            if let figure = figures[name] { return text(figure, language: language) }
            return name == "year" ? Numerals(language: language).year(year) : "?"
        }
    }

    public static func text(_ figure: Figure, language: TextLanguage) -> String {
        if figure.unit == "year", let plain = IndicatorText.plain(figure.value) { return Numerals(language: language).digits(plain) }
        return FigureText(language: language).scalar(figure.value, unit: figure.unit) ?? language.pick("(جزئیات در گزارش)", "(see the report)")
    }
}
