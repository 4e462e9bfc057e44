import Foundation

/// Text in Persian and English: the one bilingual type of every layer (report, pages, CLI, messages).
public struct Bilingual: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The Persian text.
    public var fa: String
    /// The English text.
    public var en: String

    /// Text in both languages.
    public init(fa: String, en: String) {
        self.fa = fa
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: TextLanguage) -> String { language == .fa ? fa : en }

    /// Both texts normalized as every text shown to people (``PersianText/normalize(_:)``: Persian
    /// letters, no bidi controls); for texts that come from people or files, not for the program's own.
    public var normalized: Bilingual { Bilingual(fa: PersianText.normalize(fa), en: PersianText.normalize(en)) }

    /// "fa / en".
    public var description: String { "\(fa) / \(en)" }
}

/// The language of a text, a page or a report: Persian (right to left, Persian digits) or English.
public enum TextLanguage: String, CaseIterable, Sendable {
    case fa, en

    /// `fa` in Persian, `en` in English.
    public func pick(_ fa: String, _ en: String) -> String { self == .fa ? fa : en }

    /// The text of `bilingual` in this language.
    public func pick(_ bilingual: Bilingual) -> String { bilingual.text(self) }
}
