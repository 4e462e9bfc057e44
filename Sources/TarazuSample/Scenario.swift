import Foundation
import TarazuCore

/// The multi-year frame every generated city shares: years, budget totals, prices, and how each
/// year's expenditure is split between functions and economic classes.
enum Scenario {
    static let years = Array(1399...1403)
    /// Every amount is a whole number of million rials.
    static let quantum: Int64 = 1_000_000
    static let billion: Int64 = 1_000_000_000

    /// Approved expenditure (= approved revenue) per year without duplicated figures, in rials, for the Tabriz
    /// sample: the published totals (samples/tabriz/README.md cites each) - 1399 36,094 billion rials; 1401
    /// 91,948 (1402's +92 %); 1402 176,540; 1403 about 300,000 - and 1400 between 1399 and 1401 (+61 %, +59 %).
    static let totals: [Int64] = [36_094, 58_000, 91_948, 176_540, 300_000].map { $0 * billion }

    /// Consumer price index (1399 = 100), annual inflation 40 %, 44 %, 40 % and 32 %.
    static let deflator: [Decimal] = ["100", "140.2", "201.9", "282.7", "373.2"].map { Decimal(string: $0)! }

    /// The function whose approved budget is cut in nominal terms in the last year.
    static let cutFunction = "urban_services_environment"
    /// Last year's approved amount of `cutFunction`, per-mille of the year before (a 5 % nominal
    /// cut, about 28 % in real terms).
    static let cutPermille: Int64 = 950

    /// An expenditure envelope: one function and one kind of spending.
    struct Envelope {
        enum Kind { case current, capital, financial, contingency }
        var function: String
        var kind: Kind
    }

    static let envelopes: [Envelope] = {
        var result = [Envelope]()
        for function in BudgetFunction.defaults.map(\.code) {
            result.append(Envelope(function: function, kind: .current))
            result.append(Envelope(function: function, kind: .capital))
        }
        result.append(Envelope(function: "management_development", kind: .financial))
        result.append(Envelope(function: "management_development", kind: .contingency))
        return result
    }()

    /// Weights of `envelopes` per year (per-mille of the year's total, before normalization).
    /// Pairs are current, capital for social_cultural, transport_traffic, urban_services_environment,
    /// safety_crisis, urban_planning, management_development; then financial and contingency. In 1399 current
    /// spending (contingency included) is 38 % of current and capital spending, as Tabriz's approved budget was.
    /// The last year's urban_services_environment weights are unused: that function is set by `cutPermille`.
    static let envelopeWeights: [[Int64]] = [
        [45, 35, 45, 250, 110, 120, 30, 20, 35, 75, 45, 30, 60, 15],
        [45, 35, 45, 265, 135, 120, 30, 20, 35, 80, 60, 30, 65, 15],
        [42, 38, 45, 285, 130, 115, 30, 20, 32, 85, 55, 32, 70, 15],
        [40, 40, 45, 300, 125, 115, 30, 20, 30, 88, 52, 33, 72, 15],
        [40, 40, 45, 360, 0, 0, 30, 20, 30, 90, 50, 35, 70, 15],
    ]

    /// Splits each year's total into envelope amounts; the last year's cut function gets
    /// `cutPermille` of its previous amounts and the other envelopes share the rest.
    static func envelopeAmounts(totals: [Int64]) -> [[Int64]] {
        var result = [[Int64]]()
        for (index, total) in totals.enumerated() {
            let weights = envelopeWeights[index]
            guard index == totals.count - 1, index > 0 else {
                result.append(Allocation.split(total, weights: weights, quantum: quantum))
                continue
            }
            let previous = result[index - 1]
            var amounts = [Int64](repeating: 0, count: envelopes.count)
            var fixed: Int64 = 0
            var openWeights = weights
            for (cell, envelope) in envelopes.enumerated() where envelope.function == cutFunction {
                amounts[cell] = Allocation.scale(previous[cell], permille: cutPermille, quantum: quantum)
                fixed += amounts[cell]
                openWeights[cell] = 0
            }
            let rest = Allocation.split(total - fixed, weights: openWeights, quantum: quantum)
            for cell in amounts.indices where openWeights[cell] > 0 { amounts[cell] = rest[cell] }
            result.append(amounts)
        }
        return result
    }
}
