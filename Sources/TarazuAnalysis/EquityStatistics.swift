import Foundation

/// Inequality statistics of per-capita allocations across regions (methods.md section 2).
///
/// These need logarithms and square roots, so they are computed in `Double` - the one place the
/// engine uses binary floating point, and never for money: amounts are summed exactly in rials
/// first and only their shares enter here. Indicators round the results to `IndicatorOptions.scale`
/// decimal places (6 by default), well inside `Double`'s precision.
///
/// Notation: spending s_i and population p_i of region i, y_i = s_i / p_i, w_i = p_i / sum p,
/// share_i = s_i / sum s, mu = sum s / sum p. Every function returns `nil` when undefined
/// (no region, a zero population or a zero total).
public enum EquityStatistics {
    /// One region's spending and population.
    public struct Unit: Hashable, Sendable {
        /// The region's allocation (rials, converted only here).
        public var spending: Double
        /// The region's population.
        public var population: Double
        /// The group for the Theil decomposition (e.g. the zone).
        public var group: String

        /// A region; `group` defaults to one group for all.
        public init(spending: Double, population: Double, group: String = "") {
            self.spending = spending
            self.population = population
            self.group = group
        }

        var perCapita: Double { spending / population }
    }

    /// Population-weighted Gini: sum_i sum_j w_i w_j |y_i - y_j| / (2 mu).
    public static func gini(_ units: [Unit]) -> Double? {
        guard let (weights, mu) = prepare(units), mu > 0 else { return nil }
        var sum = 0.0
        for i in units.indices {
            for j in units.indices {
                sum += weights[i] * weights[j] * abs(units[i].perCapita - units[j].perCapita)
            }
        }
        return sum / (2 * mu)
    }

    /// Unweighted coefficient of variation of the y_i: sigma / mean, sigma dividing by n
    /// (`sample` false) or by n - 1 (`sample` true).
    public static func coefficientOfVariation(_ units: [Unit], sample: Bool) -> Double? {
        guard prepare(units) != nil, units.count > (sample ? 1 : 0) else { return nil }
        let values = units.map(\.perCapita)
        let mean = values.reduce(0, +) / Double(values.count)
        guard mean > 0 else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - (sample ? 1 : 0))).squareRoot() / mean
    }

    /// Williamson's population-weighted coefficient of variation: sqrt(sum w_i (y_i - mu)^2) / mu.
    public static func williamson(_ units: [Unit]) -> Double? {
        guard let (weights, mu) = prepare(units), mu > 0 else { return nil }
        let squares = zip(units, weights).reduce(0.0) { $0 + $1.1 * ($1.0.perCapita - mu) * ($1.0.perCapita - mu) }
        return squares.squareRoot() / mu
    }

    /// Theil T: sum share_i ln(share_i / w_i) (a zero share contributes 0).
    public static func theilT(_ units: [Unit]) -> Double? {
        guard let (weights, _) = prepare(units), let shares = shares(units) else { return nil }
        return zip(shares, weights).reduce(0.0) { $0 + ($1.0 > 0 ? $1.0 * log($1.0 / $1.1) : 0) }
    }

    /// Theil L (mean log deviation): sum w_i ln(w_i / share_i); `nil` when a region gets nothing.
    public static func theilL(_ units: [Unit]) -> Double? {
        guard let (weights, _) = prepare(units), let shares = shares(units), !shares.contains(0) else { return nil }
        return zip(shares, weights).reduce(0.0) { $0 + $1.1 * log($1.1 / $1.0) }
    }

    /// Theil T split over the units' groups: between = sum_g S_g ln(S_g / W_g), within = sum_g S_g T_g.
    public static func theilTDecomposition(_ units: [Unit]) -> (between: Double, within: Double)? {
        guard prepare(units) != nil, let shares = shares(units) else { return nil }
        let totalPopulation = units.reduce(0) { $0 + $1.population }
        var between = 0.0
        var within = 0.0
        for group in Set(units.map(\.group)) {
            let members = units.indices.filter { units[$0].group == group }
            let share = members.reduce(0.0) { $0 + shares[$1] }
            let weight = members.reduce(0.0) { $0 + units[$1].population } / totalPopulation
            guard share > 0 else { continue }
            between += share * log(share / weight)
            within += share * (theilT(members.map { units[$0] }) ?? 0)
        }
        return (between, within)
    }

    /// Highest over lowest per-capita allocation; `nil` when the lowest is zero.
    public static func maxMinRatio(_ units: [Unit]) -> Double? {
        guard prepare(units) != nil else { return nil }
        let values = units.map(\.perCapita)
        guard let low = values.min(), let high = values.max(), low > 0 else { return nil }
        return high / low
    }

    /// Population weights and the per-capita mean mu, or `nil` when undefined.
    private static func prepare(_ units: [Unit]) -> ([Double], Double)? {
        guard !units.isEmpty, units.allSatisfy({ $0.population > 0 && $0.spending >= 0 }) else { return nil }
        let population = units.reduce(0) { $0 + $1.population }
        let spending = units.reduce(0) { $0 + $1.spending }
        return (units.map { $0.population / population }, spending / population)
    }

    private static func shares(_ units: [Unit]) -> [Double]? {
        let total = units.reduce(0) { $0 + $1.spending }
        return total > 0 ? units.map { $0.spending / total } : nil
    }
}
