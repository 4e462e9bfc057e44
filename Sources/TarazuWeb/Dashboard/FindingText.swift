import Foundation
import TarazuAnalysis

/// A rubric finding with its `{placeholder}` figures filled in, as the page shows it.
enum FindingText {
    static func fill(_ template: String, figures: [String: Figure], year: Int, language: WebLanguage) -> String {
        RubricTemplate.fill(template) { name in
            if let figure = figures[name] { return text(figure, language: language) }
            return name == "year" ? WebFormat.year(year, language) : "?"
        }
    }

    static func text(_ figure: Figure, language: WebLanguage) -> String {
        if figure.unit == "year", let plain = IndicatorText.plain(figure.value) { return WebFormat.digits(plain, language) }
        return WebFormat.value(figure.value, unit: figure.unit, language)
    }
}
