import Foundation
import TarazuAnalysis
import TarazuCore

/// The dashboard's filters (year, region, function), applied to budget lines before aggregating.
public struct DashboardFilters: Hashable, Sendable {
    public var year: Int
    public var region: String?
    public var function: String?
    /// Whether the year came from the request (links then keep it).
    public var explicitYear = false

    /// The year the dashboard shows when none is asked for: the latest with realized figures.
    public static func defaultYear(of book: BudgetBook) throws -> Int {
        guard let year = BookAssessment.defaultYear(of: book) else {
            throw DashboardError.unprocessable(Bilingual(fa: "کتاب \(PersianText.identifier(book.metadata.name)) ردیف بودجه‌ای ندارد.",
                                                         en: "book '\(book.metadata.name)' has no budget lines"))
        }
        return year
    }

    /// Checks the values against the book: an unknown year, region or function is a 400.
    public static func make(year: Int?, region: String?, function: String?, book: BudgetBook) throws -> DashboardFilters {
        if let year, !book.years.contains(year) {
            throw DashboardError.badRequest(Bilingual(
                fa: "سال \(Numerals(language: .fa).year(year)) در کتاب نیست (سال‌های کتاب: \(book.years.map { Numerals(language: .fa).year($0) }.joined(separator: "، "))).",
                en: "year \(year) is not in the book (years: \(book.years.map(String.init).joined(separator: ", ")))"))
        }
        if let region, !regionCodes(book).contains(region) {
            throw DashboardError.badRequest(Bilingual(fa: "منطقه‌ای با کد \(PersianText.identifier(region)) در کتاب نیست.",
                                                      en: "region '\(region)' is not in the book"))
        }
        if let function, !functionCodes(book).contains(function) {
            throw DashboardError.badRequest(Bilingual(fa: "مأموریتی با کد \(PersianText.identifier(function)) در کتاب نیست.",
                                                      en: "function '\(function)' is not in the book"))
        }
        return DashboardFilters(year: try year ?? defaultYear(of: book), region: region, function: function, explicitYear: year != nil)
    }

    public static func regionCodes(_ book: BudgetBook) -> Set<String> {
        Set(book.regions.map(\.code)).union(book.budgetLines.map(\.regionCode))
    }

    public static func functionCodes(_ book: BudgetBook) -> Set<String> {
        Set(book.functions.map(\.code)).union(book.budgetLines.map(\.function))
    }

    /// Whether `line` passes the region and function filters (and the year unless `allYears`).
    public func matches(_ line: BudgetLine, allYears: Bool = false) -> Bool {
        (allYears || line.year == year) && (region.map { $0 == line.regionCode } ?? true)
            && (function.map { $0 == line.function } ?? true)
    }

    /// The book's lines that pass the filters.
    public func lines(of book: BudgetBook, allYears: Bool = false) -> [BudgetLine] {
        book.budgetLines.filter { matches($0, allYears: allYears) }
    }

    /// The query items that reproduce these filters (the year only when it was asked for).
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if explicitYear { items.append(("year", String(year))) }
        if let region { items.append(("region", region)) }
        if let function { items.append(("function", function)) }
        return items
    }

    /// A copy without `name` (for the "remove this filter" links).
    public func removing(_ name: String) -> DashboardFilters {
        var copy = self
        switch name {
        case "region": copy.region = nil
        case "function": copy.function = nil
        default: copy.explicitYear = false
        }
        return copy
    }
}
