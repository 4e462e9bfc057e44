import Foundation
import TarazuAnalysis

/// A rubric finding with its `{placeholder}` figures filled in, as the page shows it.
enum FindingText {
    static func fill(_ template: String, figures: [String: Figure], year: Int, language: WebLanguage) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let figure = figures[name] {
                result += text(figure, language: language)
            } else if name == "year" {
                result += WebFormat.year(year, language)
            } else {
                result += "?"
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func text(_ figure: Figure, language: WebLanguage) -> String {
        if figure.unit == "year", let plain = IndicatorText.plain(figure.value) { return WebFormat.digits(plain, language) }
        return WebFormat.value(figure.value, unit: figure.unit, language)
    }
}
