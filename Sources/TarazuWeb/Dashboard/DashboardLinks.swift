import Foundation
import TarazuApplication
import TarazuCore
import TarazuHTML

/// Dashboard URLs: the book's base path and the query items that keep the language and filters.
enum DashboardLinks {
    static func base(_ name: String) -> Link { Link(path: "/dashboard").appending(segment: name) }

    /// `lang=en` (in English) and the filters' items, plus `extra`.
    static func query(_ language: WebLanguage, _ filters: DashboardFilters?, extra: [(String, String)] = []) -> [(String, String)] {
        var items: [(String, String)] = language == .en ? [("lang", "en")] : []
        items += filters?.queryItems ?? []
        return items + extra
    }
}
