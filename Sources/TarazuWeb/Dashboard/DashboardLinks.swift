import Foundation
import TarazuApplication
import TarazuCore

/// Dashboard URLs: the book's base path and query strings that keep the language and filters.
enum DashboardLinks {
    static func base(_ name: String) -> String { "/dashboard/" + HTML.segment(name) }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `?lang=en&year=...` (or "" when there is nothing to keep), plus `extra` items.
    static func query(_ language: WebLanguage, _ filters: DashboardFilters?, extra: [(String, String)] = []) -> String {
        var items: [(String, String)] = language == .en ? [("lang", "en")] : []
        items += filters?.queryItems ?? []
        return queryString(items + extra)
    }

    /// `?key=value&...` with keys and values percent-encoded (so no value can add a parameter or leave
    /// an attribute), or "" without items.
    static func queryString(_ items: [(String, String)]) -> String {
        items.isEmpty ? "" : "?" + items.map { encode($0) + "=" + encode($1) }.joined(separator: "&")
    }
}
