import Foundation
import TarazuCore

/// One entity's budget in a year: its own spending (transfers to other entities left out) and the
/// transfers it pays and receives, approved amounts unless named otherwise.
public struct EntityFigures: Hashable, Sendable {
    public var entity: Entity
    /// The entity's own spending lines.
    public var spending: LineTotals
    /// Approved transfers to other entities of the group.
    public var transfersOut: Money
    /// Approved transfers from other entities of the group.
    public var transfersIn: Money
}

/// The municipal group in a year, entity by entity, and its budget with and without duplicated figures.
public enum GroupFigures {
    /// Every entity of `book` in the order of its entities table; empty for a book without entities. `include` limits
    /// the spending lines and transfer payments (a dashboard's region or function filter).
    public static func rows(book: BudgetBook, year: Int, include: (BudgetLine) -> Bool = { _ in true }) throws(Money.Overflow) -> [EntityFigures] {
        guard !book.entities.isEmpty else { return [] }
        let spending = try LineTotals.grouping(book.budgetLines.filter { $0.year == year && include($0) }) { $0.entityCode ?? "" }
        var paid: [String: Money] = [:], received: [String: Money] = [:]
        for line in book.transferPayments where line.year == year && include(line) {
            paid[line.entityCode ?? ""] = try (paid[line.entityCode ?? ""] ?? .zero).adding(line.approved)
        }
        for line in book.transferReceipts where line.year == year {
            received[line.entityCode ?? ""] = try (received[line.entityCode ?? ""] ?? .zero).adding(line.approved)
        }
        return book.entities.map { entity in
            EntityFigures(entity: entity, spending: spending[entity.code] ?? LineTotals(),
                          transfersOut: paid[entity.code] ?? .zero, transfersIn: received[entity.code] ?? .zero)
        }
    }

    /// The approved budget of `year` without duplicated figures (every spending line but the transfers) and with
    /// them (as the entities publish it, transfers counted in both the payer's and the receiver's budget).
    public static func approvedTotals(book: BudgetBook, year: Int) throws(Money.Overflow) -> (without: Money, with: Money) {
        let without = try LineTotals.of(book.budgetLines.filter { $0.year == year }).approved
        let transfers = try LineTotals.of(book.transferPayments.filter { $0.year == year }).approved
        return (without, try without.adding(transfers))
    }
}
