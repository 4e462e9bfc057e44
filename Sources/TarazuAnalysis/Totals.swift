import Foundation
import TarazuCore

/// A row with an approved, a revised and a realized amount: a budget line or a revenue line.
public protocol AmountRow {
    /// The table the row comes from, for evidence.
    static var table: String { get }
    var lineId: String { get }
    var approved: Money { get }
    var revised: Money? { get }
    var realized: Money? { get }
}

extension BudgetLine: AmountRow {
    public static var table: String { "budget_lines" }
}

extension RevenueLine: AmountRow {
    public static var table: String { "revenues" }
}

/// Sums of the approved, revised and realized amounts of a group of rows, added with overflow checks,
/// with the ids of the rows. The one rule for missing amounts, on every surface: a row without a
/// revision counts its approved amount as revised; a row without a realized amount counts as zero
/// realized, and ``realizedRowCount`` tells whether any row of the group reported one (a year whose
/// rows report none has no realized figures at all: see ``realizedIfReported``).
public struct LineTotals: Hashable, Sendable {
    public var approved = Money.zero
    public var revised = Money.zero
    public var realized = Money.zero
    /// How many rows were added.
    public var rowCount = 0
    /// How many of them report a realized amount.
    public var realizedRowCount = 0
    /// The ids of the rows, in the order added.
    public var ids: [String] = []

    public init() {}

    /// Adds `row`; throws ``Money/Overflow`` when a sum leaves 64-bit rials.
    public mutating func add<Row: AmountRow>(_ row: Row) throws(Money.Overflow) {
        approved = try approved.adding(row.approved)
        revised = try revised.adding(row.revised ?? row.approved)
        if let value = row.realized {
            realized = try realized.adding(value)
            realizedRowCount += 1
        }
        rowCount += 1
        ids.append(row.lineId)
    }

    /// The realized sum, or nil when no row of the group reports a realized amount.
    public var realizedIfReported: Money? { realizedRowCount > 0 ? realized : nil }

    /// Realized over approved, or nil when no row reports a realized amount or nothing is approved.
    public var executionRate: Decimal? {
        guard realizedRowCount > 0, approved != .zero else { return nil }
        return realized.decimal / approved.decimal
    }

    /// `part / whole`, or nil when the whole is zero.
    public static func share(_ part: Money, of whole: Money) -> Decimal? {
        whole == .zero ? nil : part.decimal / whole.decimal
    }

    /// Groups rows by `key` and sums each group.
    public static func grouping<Row: AmountRow, Key: Hashable>(_ rows: [Row], by key: (Row) -> Key) throws(Money.Overflow) -> [Key: LineTotals] {
        var groups: [Key: LineTotals] = [:]
        for row in rows { try groups[key(row), default: LineTotals()].add(row) }
        return groups
    }

    /// The sums of all `rows`.
    public static func of<Row: AmountRow>(_ rows: [Row]) throws(Money.Overflow) -> LineTotals {
        var totals = LineTotals()
        for row in rows { try totals.add(row) }
        return totals
    }

    /// The evidence for this group.
    func evidence(table: String, key: String, limit: Int) -> Evidence {
        Evidence(table: table, key: key, rows: Arithmetic.smallest(ids, limit: limit), rowCount: ids.count,
                 sums: ["approved": .rials(approved.rials), "realized": .rials(realized.rials)])
    }
}
