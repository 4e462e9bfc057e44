/// The Method of Equal Shares in exact integer arithmetic.
///
/// Every voter's budget is `numerator / L` for one common denominator L (a `BigUInt`), so sums
/// of budgets are integer sums and every comparison is an integer comparison. Voters whose
/// budgets are equal form one budget class; a project's supporters are bucketed by (class,
/// utility), so the work per project depends on how many distinct budgets its supporters hold,
/// not on how many voters it has.
///
/// For a project j with cost c, its price rho is the least value with
/// sum over supporters of min(b_i, rho * u_ij) = c. It is found by the poor/rich iteration: start
/// with everyone rich (rho = c / U), mark as poor those whose budget is below rho * u_ij (they pay
/// all they have), recompute rho over the rest, until nobody new is poor. Each step's rho is a
/// lower bound of the true one, so the fixed point is the exact least rho. Prices only rise as
/// budgets fall, so a project's last price is a lower bound in later rounds (pabutools uses the
/// same bound), and projects whose bound is above the round's best are not re-evaluated.
struct EqualSharesEngine: Sendable {
    struct Level: Sendable {
        /// Utility divided by the project's utility gcd.
        let utility: UInt64
        /// The supporting groups: `supporters[groups]`.
        let groups: Range<Int>
    }

    let costs: [UInt64]
    let multiplicity: [UInt64]
    /// Supporters of each project, by utility level.
    let levels: [[Level]]
    /// Group indices of all levels of all projects, one flat array.
    let supporters: [Int32]
    /// gcd of each project's utilities (levels hold utility / gcd).
    let utilityGCD: [UInt64]
    /// Sum over supporters of (reduced) utility, per project.
    let totalUtility: [UInt128]
    let tieRank: [Int]
    let voterCount: Int
    /// The profile's groups (each group's supported projects and utilities).
    let groups: [UtilityProfile.Group]

    init(profile: UtilityProfile, costs: [Int64], tieRank: [Int]) {
        self.costs = costs.map { UInt64($0) }
        let multiplicity = profile.groups.map { UInt64($0.multiplicity) }
        self.multiplicity = multiplicity
        // Supporters of each project, in group order, by counting sort into flat arrays:
        // project p's are `supporterGroup[first[p] ..< first[p + 1]]`.
        let projectCount = profile.projectCount
        var first = [Int](repeating: 0, count: projectCount + 1)
        first.withUnsafeMutableBufferPointer { first in
            for group in profile.groups {
                for entry in group.entries { first[entry.project + 1] += 1 }
            }
            for p in 0..<projectCount { first[p + 1] += first[p] }
        }
        var supporterGroup = [Int32](repeating: 0, count: first[projectCount])
        var supporterUtility = [Int64](repeating: 0, count: first[projectCount])
        var next = first
        supporterGroup.withUnsafeMutableBufferPointer { supporterGroup in
            supporterUtility.withUnsafeMutableBufferPointer { supporterUtility in
                next.withUnsafeMutableBufferPointer { next in
                    for (g, group) in profile.groups.enumerated() {
                        let g32 = Int32(g)
                        for entry in group.entries {
                            let slot = next[entry.project]
                            supporterGroup[slot] = g32
                            supporterUtility[slot] = entry.utility
                            next[entry.project] = slot + 1
                        }
                    }
                }
            }
        }
        var levels: [[Level]] = []
        levels.reserveCapacity(projectCount)
        var flat: [Int32] = []
        flat.reserveCapacity(supporterGroup.count)
        var gcds: [UInt64] = []
        var totals: [UInt128] = []
        for p in 0..<projectCount {
            let range = first[p]..<first[p + 1]
            if !range.isEmpty, supporterUtility[range].allSatisfy({ $0 == supporterUtility[range.lowerBound] }) {
                // One utility u for all (approval ballots, cost utility): the gcd is u, one level
                // of reduced utility 1, and the total reduced utility is the supporters' count.
                var total: UInt128 = 0
                for i in range { total += UInt128(multiplicity[Int(supporterGroup[i])]) }
                let start = flat.count
                flat += supporterGroup[range]
                levels.append([Level(utility: 1, groups: start..<flat.count)])
                gcds.append(UInt64(supporterUtility[range.lowerBound]))
                totals.append(total)
                continue
            }
            var divisor: UInt64 = 0
            for i in range where divisor != 1 {
                var (x, y) = (UInt64(supporterUtility[i]), divisor)
                while y != 0 { (x, y) = (y, x % y) }
                divisor = x
            }
            var total: UInt128 = 0
            for i in range {
                total += UInt128(UInt64(supporterUtility[i]) / divisor) * UInt128(multiplicity[Int(supporterGroup[i])])
            }
            if !range.isEmpty, supporterUtility[range].allSatisfy({ $0 == supporterUtility[range.lowerBound] }) {
                // One utility for all (approval ballots): one level, no grouping needed.
                let start = flat.count
                flat += supporterGroup[range]
                levels.append([Level(utility: UInt64(supporterUtility[range.lowerBound]) / divisor, groups: start..<flat.count)])
            } else if range.isEmpty {
                levels.append([])
            } else {
                var byUtility: [UInt64: [Int32]] = [:]
                for i in range { byUtility[UInt64(supporterUtility[i]) / divisor, default: []].append(supporterGroup[i]) }
                levels.append(byUtility.keys.sorted().map { utility in
                    let start = flat.count
                    flat += byUtility[utility]!
                    return Level(utility: utility, groups: start..<flat.count)
                })
            }
            gcds.append(max(divisor, 1))
            totals.append(total)
        }
        self.levels = levels
        self.supporters = flat
        utilityGCD = gcds
        totalUtility = totals
        self.tieRank = tieRank
        voterCount = profile.voterCount
        groups = profile.groups
    }

    /// What one selection looked like, for the round log.
    struct Round {
        let project: Int
        /// The price is rhoNumerator / (rhoDenominatorFactor * denominator) in scaled money per
        /// scaled utility; zero for a project that costs nothing.
        let rhoNumerator: BigUInt
        let rhoDenominatorFactor: BigUInt
        /// The common budget denominator before the payment.
        let denominator: BigUInt
        let buckets: [Bucket]
    }

    /// Voters of one budget class with one utility for the project.
    struct Bucket {
        /// The class's budget numerator when the bucket paid all it had (zero otherwise: unused).
        let budgetNumerator: BigUInt
        /// Utility (already multiplied back by the project's utility gcd).
        let utility: UInt64
        let voters: UInt64
        let paidAll: Bool
    }

    /// Runs MES with a per-voter budget of `totalBudget / voterCount`, in scaled money.
    /// Returns the selected projects in order (and the round log when asked).
    func run(totalBudget: BigUInt, log: Bool) -> (selected: [Int], rounds: [Round]) {
        var state = State(engine: self, totalBudget: totalBudget)
        return state.run(log: log)
    }

    /// Runs MES as `run` does and proves how far its outcome holds as the budget grows by `step`:
    /// the runs at `totalBudget + k * step` for every 0 <= k < limit select the same projects in
    /// the same order (`BudgetSensitivity`). The limit is between 1 and max(maxSteps, 1).
    func runCertifying(totalBudget: BigUInt, step: BigUInt, maxSteps: UInt64) -> (selected: [Int], limit: UInt64) {
        var state = State(engine: self, totalBudget: totalBudget)
        if !totalBudget.isZero && !step.isZero && maxSteps > 1 {
            state.sensitivity = BudgetSensitivity(voterCount: voterCount, projectCount: costs.count,
                                                  step: step, maxSteps: maxSteps)
        }
        let selected = state.run(log: false).selected
        return (selected, state.certifiedLimit)
    }
}
