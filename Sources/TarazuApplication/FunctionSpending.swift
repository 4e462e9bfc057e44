import Foundation
import TarazuAnalysis
import TarazuCore

/// One function's spending in a set of budget lines, for the portal's "where does the money go" chart.
public struct FunctionSpending: Hashable, Sendable {
    /// The function code.
    public var code: String
    public var totals: LineTotals

    /// The functions of `lines`, largest approved amount first (ties by code).
    public static func rows(_ lines: [BudgetLine]) throws(Money.Overflow) -> [FunctionSpending] {
        try LineTotals.grouping(lines, by: \.function)
            .map { FunctionSpending(code: $0.key, totals: $0.value) }
            .sorted { ($0.totals.approved, $1.code) > ($1.totals.approved, $0.code) }
    }
}
