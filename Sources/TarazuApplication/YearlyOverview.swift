import Foundation
import TarazuAnalysis
import TarazuCore

/// One year of a book at a glance, by the indicators' rules: its budget lines' sums (``LineTotals``),
/// the execution rate and the capital share of the approved budget.
public struct YearlyOverview: Hashable, Sendable {
    public var year: Int
    public var totals: LineTotals
    /// The approved amount of capital lines.
    public var capitalApproved: Money
    /// The approved budget with duplicated figures (transfers between entities counted twice), in a book with
    /// transfers; nil otherwise. `totals` is without them.
    public var approvedWithDuplicatedFigures: Money?

    /// Realized over approved, nil when no line of the year reports a realized amount.
    public var executionRate: Decimal? { totals.executionRate }
    /// Capital over all approved, nil when nothing is approved.
    public var capitalShare: Decimal? { LineTotals.share(capitalApproved, of: totals.approved) }

    /// Every year of `book`, in order.
    public static func rows(_ book: BudgetBook) throws(Money.Overflow) -> [YearlyOverview] {
        let byYear = try LineTotals.grouping(book.budgetLines, by: \.year)
        let capital = try LineTotals.grouping(book.budgetLines.filter { $0.economicClass == .capital }, by: \.year)
        let transfers = try LineTotals.grouping(book.transferPayments, by: \.year)
        var rows: [YearlyOverview] = []
        for year in byYear.keys.sorted() {
            guard let totals = byYear[year] else { continue }
            let with = book.hasTransfers ? try totals.approved.adding(transfers[year]?.approved ?? .zero) : nil
            rows.append(YearlyOverview(year: year, totals: totals, capitalApproved: capital[year]?.approved ?? .zero,
                                       approvedWithDuplicatedFigures: with))
        }
        return rows
    }
}
