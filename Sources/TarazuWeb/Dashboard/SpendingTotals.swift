import Foundation
import TarazuCore

/// Approved, revised and realized sums of some budget lines, in whole rials, added with overflow checks.
/// A line without a revision counts its approved amount as revised; realized sums only lines that report it.
struct SpendingTotals: Hashable, Sendable {
    var approved: Money = .zero
    var revised: Money = .zero
    var realized: Money = .zero
    var lineCount = 0
    var realizedLineCount = 0

    mutating func add(_ line: BudgetLine) throws {
        do {
            approved = try approved.adding(line.approved)
            revised = try revised.adding(line.revised ?? line.approved)
            if let value = line.realized {
                realized = try realized.adding(value)
                realizedLineCount += 1
            }
        } catch {
            throw WebError.unprocessable("the sums overflow 64-bit rials")
        }
        lineCount += 1
    }

    /// Realized over approved, or nil without realized figures or approved amount.
    var executionRate: Decimal? {
        guard realizedLineCount > 0, approved.rials != 0 else { return nil }
        return realized.decimal / approved.decimal
    }

    /// The realized sum, or nil when no line reports one.
    var realizedIfAny: Int64? { realizedLineCount > 0 ? realized.rials : nil }

    /// The totals of `lines`, grouped by `key`.
    static func grouped<Key: Hashable>(_ lines: [BudgetLine], by key: (BudgetLine) -> Key) throws -> [Key: SpendingTotals] {
        var result: [Key: SpendingTotals] = [:]
        for line in lines { try result[key(line), default: SpendingTotals()].add(line) }
        return result
    }

    /// The totals of all of `lines`.
    static func total(_ lines: [BudgetLine]) throws -> SpendingTotals {
        var result = SpendingTotals()
        for line in lines { try result.add(line) }
        return result
    }

    /// `part / whole` or nil when the whole is zero.
    static func share(_ part: Money, of whole: Money) -> Decimal? {
        whole.rials == 0 ? nil : part.decimal / whole.decimal
    }
}
