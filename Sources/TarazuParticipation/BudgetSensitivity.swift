/// How far the total budget of one MES run can grow before its outcome might change: the proof
/// behind Add1's skipping (`BudgetIncrease`).
///
/// Let t be the total budget (each voter holds t / n) and fix everything one run at t0 decided:
/// which project won each round, which of the winner's supporters paid all they had (poor) and
/// which paid price times utility (rich), which projects were dropped as unaffordable. Along that
/// fixed path every budget and every price is an affine function of t. Every budget's slope is at
/// least 0 (at first 1 / n; a poor voter is left with 0, slope 0; a rich one with slope
/// b' + gamma * u, where the price's slope -gamma = -(sum of the poor voters' b') / (rich utility)
/// is at most 0), so prices only fall and budgets only grow as t grows. The path stays MES's path
/// at t as long as every decision still holds there:
///
/// - a poor supporter of a winner stays poor: b(t) < rho(t) * u (a rich one stays rich: its margin
///   b - rho * u only grows; one left with exactly 0 whose margin grows ends the interval at t0);
/// - a project dropped as unaffordable stays so: the sum of its supporters' budgets stays below its
///   cost;
/// - every other project still loses to the winner: a lower bound of its price (its price itself
///   or the bound the run used to skip it) stays above the winner's price, or equal with the
///   winner first in the tie order. Any set S of supporters gives the lower bound
///   (cost - sum over S of b) / (utility of the others), for every t, so the bound the run used
///   stays a bound along the path.
///
/// Each condition is checked at the far end of the interval (an affine condition that holds at
/// both ends holds in between); when it fails there, the exact crossing point shortens the interval.
/// `limit` is the result: the runs at t0 + k * step for 0 <= k < limit all select what the run at
/// t0 selected. Doubles only screen the per-project comparisons; every decision is exact.
struct BudgetSensitivity {
    /// The Add1 step in scaled money.
    let step: BigUInt
    /// First step (counted from this run's budget) that may give another outcome; at least 1.
    private(set) var limit: UInt64
    /// The farthest certified increase, (limit - 1) * step, exact and approximate.
    private(set) var reach: BigUInt
    private(set) var reachApproximation: Double
    /// Per budget class, d(budget) / dt as slope numerator / `denominator`.
    var slopes: ClassBudgets
    var denominator: BigUInt
    /// Per project, the slope magnitude of its latest price bound (numerator / denominator) and
    /// its approximation.
    var boundSlope: [(numerator: BigUInt, denominator: BigUInt)?]
    var boundSlopeApproximation: [Double]

    /// `voterCount` voters, the step, and the most steps worth certifying (the Add1 loop's bound).
    init(voterCount: Int, projectCount: Int, step: BigUInt, maxSteps: UInt64) {
        self.step = step
        limit = max(maxSteps, 1)
        reach = BigUInt()
        reachApproximation = 0
        slopes = ClassBudgets(BigUInt(1 as UInt64))
        denominator = BigUInt(UInt64(max(voterCount, 1)))
        boundSlope = Array(repeating: nil, count: projectCount)
        boundSlopeApproximation = Array(repeating: 0, count: projectCount)
        setReach()
    }

    /// Whether a shorter interval is still possible (once the limit is 1 nothing needs checking).
    var isOpen: Bool { limit > 1 }

    private mutating func setReach() {
        reach = BigUInt(limit - 1) * step
        reachApproximation = reach.approximateRatio(to: BigUInt(1 as UInt64))
    }

    /// The interval ends at the first step at or after t0 + gap / rate (rate > 0): the step
    /// ceil(gap / (rate * step)), at least 1.
    mutating func shorten(gap: BigUInt, rate: BigUInt) {
        if rate.isZero || !isOpen { return }
        let (quotient, remainder) = gap.quotientAndRemainder(dividingBy: rate * step)
        guard quotient.limbs.count <= 1 else { return }
        let first = quotient.limbs.first ?? 0
        let steps = remainder.isZero ? first : first &+ 1
        let k = max(steps, 1)
        if k < limit {
            limit = k
            setReach()
        }
    }

    /// The interval ends at t0.
    mutating func close() {
        limit = 1
        setReach()
    }

    /// A project found unaffordable: its supporters hold `budget` / L (slope `slope` /
    /// `denominator`), less than its cost. It stays so while budget / L + slope * r / D < cost.
    mutating func unaffordable(cost: UInt64, budget: BigUInt, slope: BigUInt, budgetDenominator: BigUInt) {
        guard isOpen, !slope.isZero else { return }
        // budget * D + slope * L * r < cost * L * D
        let costL = budgetDenominator * cost
        guard budget < costL else {
            close()
            return
        }
        let end = budget * denominator + slope * budgetDenominator * reach
        if end < costL * denominator { return }
        // gap = (cost * L - budget) / L, rate = slope / D: gap / rate = (cost L - budget) D / (L slope)
        shorten(gap: (costL - budget) * denominator, rate: budgetDenominator * slope)
    }

    /// A winner's poor bucket: budget b / L with slope beta / D, price rho = numerator / (U * L) per
    /// reduced utility with slope -poorSlope / (D * U); it stays poor while
    /// b + (beta + gamma * u) * r < rho * u.
    mutating func poor(budget: BigUInt, slope: BigUInt, utility: UInt64, numerator: BigUInt, richUtility: BigUInt,
                       poorSlope: BigUInt, budgetDenominator: BigUInt) {
        guard isOpen else { return }
        // Times U * L * D: b * U * D + (beta * U + u * poorSlope) * L * r < numerator * u * D.
        let rate = slope * richUtility + poorSlope * utility
        if rate.isZero { return }
        let right = numerator * utility * denominator
        let left = budget * richUtility * denominator
        guard left < right else {
            // Not strictly poor: cannot be for a voter the run marked poor; certify nothing.
            close()
            return
        }
        let gap = right - left
        if rate * budgetDenominator * reach < gap { return }
        shorten(gap: gap, rate: rate * budgetDenominator)
    }

    /// Another active project against the winner: its price bound `bound` (slope magnitude
    /// `slope`) against the winner's price `price` (slope magnitude `priceSlope`). It keeps
    /// losing while bound - slope * r > price - priceSlope * r, or equal with the winner first.
    mutating func loses(bound: EqualSharesEngine.Price, slope: (numerator: BigUInt, denominator: BigUInt),
                        slopeApproximation: Double, price: EqualSharesEngine.Price,
                        priceSlope: (numerator: BigUInt, denominator: BigUInt), priceSlopeApproximation: Double,
                        winnerFirst: Bool) {
        guard isOpen else { return }
        // Screen: bound + priceSlope * r > price + slope * r with a wide margin.
        let left = bound.approximation + priceSlopeApproximation * reachApproximation
        let right = price.approximation + slopeApproximation * reachApproximation
        if left.isFinite, right.isFinite, bound.approximation > 1e-250, price.approximation > 1e-250,
           left > right * (1 + 1e-9) {
            return
        }
        // Exact: d0 = bound - price >= 0, rate = slope - priceSlope (how fast d falls).
        // d0 = (bn * pd - pn * bd) / (bd * pd); rate = (sn * qd - qn * sd) / (sd * qd).
        let a = bound.numerator * price.denominator
        let b = price.numerator * bound.denominator
        let c = slope.numerator * priceSlope.denominator
        let d = priceSlope.numerator * slope.denominator
        if a < b {
            // A bound below the winner's price cannot be: certify nothing rather than guess.
            close()
            return
        }
        if !(d < c) {
            // d never falls: it stays >= 0; equal means identical lines, and the tie order decides.
            if a == b && c == d && !winnerFirst { close() }
            return
        }
        if a == b {
            close()
            return
        }
        // gap / rate = (a - b) / (bd * pd) * (sd * qd) / (c - d)
        let gap = (a - b) * slope.denominator * priceSlope.denominator
        let rate = (c - d) * bound.denominator * price.denominator
        // Does it hold at the far end? gap > rate * r.
        if rate * reach < gap { return }
        shorten(gap: gap, rate: rate)
    }
}
