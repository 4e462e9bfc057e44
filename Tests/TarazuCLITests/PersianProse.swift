import Foundation

/// What a native reader checks first in Persian text: Latin words outside the glossary's allowlist
/// (docs/glossary.md). Shared by the report's and the pages' tests (Tests/TarazuWebTests links here).
enum PersianProse {
    /// Latin tokens Persian text may carry: PEFA letters, math symbols, abbreviations that follow their
    /// Persian name in parentheses, and the names of file formats in download links.
    static let allowedLatin: Set<String> = ["A", "B", "C", "D", "z", "T", "L", "PEFA", "PI", "MASE", "MAPE", "sMAPE", "MAD",
                                            "VGI", "SHA-256", "API", "CSV", "OCDS", "JSON", "ZIP", "HTML", "Markdown"]

    /// The Latin words of `text`: a letter, then letters, digits or hyphens (a trailing hyphen dropped).
    static func latinWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || (!current.isEmpty && (("0"..."9").contains(Character(scalar)) || scalar == "-")) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }
    }

    /// The words of `text` a Persian reader would find foreign.
    static func foreignWords(_ text: String) -> Set<String> {
        Set(latinWords(text)).subtracting(allowedLatin)
    }
}
