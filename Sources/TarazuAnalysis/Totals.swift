import Foundation
import TarazuCore

/// A row with an approved and a realized amount: a budget line or a revenue line.
protocol AmountRow {
    /// The table the row comes from, for evidence.
    static var table: String { get }
    var lineId: String { get }
    var approved: Money { get }
    var realized: Money? { get }
}

extension BudgetLine: AmountRow {
    static var table: String { "budget_lines" }
}

extension RevenueLine: AmountRow {
    static var table: String { "revenues" }
}

/// Sums of approved and realized amounts of a group of rows, with the ids of the rows.
/// A missing realized amount counts as zero.
struct Totals {
    var approved = Money.zero
    var realized = Money.zero
    var ids: [String] = []

    mutating func add<Row: AmountRow>(_ row: Row) throws {
        approved = try approved.adding(row.approved)
        realized = try realized.adding(row.realized ?? .zero)
        ids.append(row.lineId)
    }

    /// Groups rows by `key` and sums each group.
    static func grouping<Row: AmountRow>(_ rows: [Row], by key: (Row) -> String) throws -> [String: Totals] {
        var groups: [String: Totals] = [:]
        for row in rows { try groups[key(row), default: Totals()].add(row) }
        return groups
    }

    /// The sums of all `rows`.
    static func of<Row: AmountRow>(_ rows: [Row]) throws -> Totals {
        var totals = Totals()
        for row in rows { try totals.add(row) }
        return totals
    }

    /// The evidence for this group.
    func evidence(table: String, key: String, limit: Int) -> Evidence {
        Evidence(table: table, key: key, rows: Arithmetic.smallest(ids, limit: limit), rowCount: ids.count,
                 sums: ["approved": .rials(approved.rials), "realized": .rials(realized.rials)])
    }
}
