import Foundation
import TarazuApplication

/// What one dashboard page shows, independent of the language: title, breadcrumbs, notes, an optional
/// bar figure and the tables (each also downloadable as CSV and JSON).
struct DashboardView: Hashable, Sendable {
    struct Crumb: Hashable, Sendable {
        var fa: String
        var en: String
        /// A dashboard path (without query); nil for the current page.
        var path: String?
    }

    struct Bar: Hashable, Sendable {
        var fa: String
        var en: String
        var first: Int64
        var second: Int64?
    }

    /// Horizontal bars with two series (e.g. approved and realized), the figure of a table.
    struct Bars: Hashable, Sendable {
        var titleFa: String
        var titleEn: String
        var firstFa: String
        var firstEn: String
        var secondFa: String
        var secondEn: String
        var bars: [Bar]
    }

    var titleFa: String
    var titleEn: String
    var crumbs: [Crumb]
    var notesFa: [String] = []
    var notesEn: [String] = []
    var bars: Bars?
    var tables: [DashboardTable]
    /// Headline cards (the overview only).
    var cards: [HeadlineFigure] = []
    /// The rubric's criteria with status and verdict (the overview only).
    var criteria: [Criterion] = []
    /// Line charts of series with forecasts (the trends view only).
    var charts: [TrendsModel.Chart] = []

    struct Criterion: Hashable, Sendable {
        var nameFa: String
        var nameEn: String
        var status: String
        var statusFa: String
        var statusEn: String
        var verdictFa: String
        var verdictEn: String
    }

    /// The table named `id` (nil: the first); throws 400 for an unknown one.
    func table(_ id: String?) throws -> DashboardTable {
        guard let id else {
            guard let first = tables.first else { throw WebError.notFound("this view has no table") }
            return first
        }
        guard let table = tables.first(where: { $0.id == id }) else {
            throw WebError.badRequest("table must be one of \(tables.map(\.id).joined(separator: ", ")), not '\(id)'")
        }
        return table
    }
}
