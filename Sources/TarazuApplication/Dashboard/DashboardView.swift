import Foundation
import TarazuCore

/// What one dashboard page shows, independent of the language: title, breadcrumbs, notes, an optional
/// bar figure and the tables (each also downloadable as CSV and JSON).
public struct DashboardView: Hashable, Sendable {
    public struct Crumb: Hashable, Sendable {
        public var fa: String
        public var en: String
        /// A dashboard path (without query); nil for the current page.
        public var path: String?
    }

    public struct Bar: Hashable, Sendable {
        public var fa: String
        public var en: String
        public var first: Int64
        public var second: Int64?
    }

    /// Horizontal bars with two series (e.g. approved and realized), the figure of a table.
    public struct Bars: Hashable, Sendable {
        public var title: Bilingual
        /// The first series' name (light bars).
        public var first: Bilingual
        /// The second series' name (dark bars).
        public var second: Bilingual
        public var bars: [Bar]
    }

    public var title: Bilingual
    public var crumbs: [Crumb]
    public var notes: [Bilingual] = []
    public var bars: Bars?
    public var tables: [DashboardTable]
    /// Headline cards (the overview only).
    public var cards: [HeadlineFigure] = []
    /// The rubric's criteria with status and verdict (the overview only).
    public var criteria: [Criterion] = []
    /// Line charts of series with forecasts (the trends view only).
    public var charts: [TrendsModel.Chart] = []
    /// Whether the page shows amounts (its footer then says how they are rounded).
    public var showsAmounts = true

    public struct Criterion: Hashable, Sendable {
        public var name: Bilingual
        public var status: String
        public var statusName: Bilingual
        public var verdict: Bilingual
    }

    /// The table named `id` (nil: the first); throws 400 for an unknown one.
    public func table(_ id: String?) throws -> DashboardTable {
        guard let id else {
            guard let first = tables.first else {
                throw DashboardError.notFound(Bilingual(fa: "این صفحه جدولی ندارد.", en: "this view has no table"))
            }
            return first
        }
        guard let table = tables.first(where: { $0.id == id }) else {
            throw DashboardError.badRequest(Bilingual(
                fa: "جدول باید یکی از \(tables.map { PersianText.identifier($0.id) }.joined(separator: "، ")) باشد، نه \(PersianText.identifier(id)).",
                en: "table must be one of \(tables.map(\.id).joined(separator: ", ")), not '\(id)'"))
        }
        return table
    }
}
