/// Completion "Add1" as pabutools' `exhaustion_by_budget_increase` runs it: MES with total
/// budget B, B + step, B + 2 step, ... (per voter B/n, B/n + step/n, ...); stop at the first
/// outcome costing more than B and keep the one before it, or, with the exhaustive stop, at the
/// first outcome that leaves no project affordable within B; never beyond B * (n + 1).
///
/// The same outcome as running every step, with far fewer runs: each run also proves for how
/// many further steps its outcome cannot change (`EqualSharesEngine.runCertifying`,
/// `BudgetSensitivity`), and the loop jumps to the first step that may differ. The steps it skips
/// would have selected exactly what the run before them selected, so they could neither stop the
/// loop nor change what it keeps.
enum BudgetIncrease {
    struct Outcome {
        let selected: [Int]
        /// Steps of the kept outcome (-1: none was feasible, the outcome is empty).
        let increments: Int
        /// MES runs made (steps skipped by a certificate are not runs).
        let runs: Int
        let stoppedBecause: String
    }

    /// At most this many MES runs; a tally that needs more is refused as pathological.
    static let maximumRuns = 20_000

    static func run(engine: EqualSharesEngine, election: PBScaledElection, step: Int64,
                    exhaustiveStop: Bool, maximumRuns: Int = maximumRuns) throws(PBTallyError) -> Outcome {
        let budget = BigUInt(election.budget)
        let stepValue = BigUInt(step)
        let bound = budget * UInt64(engine.voterCount + 1)
        var total = budget
        var previous: [Int] = []
        var increments = 0
        var runs = 0
        // Where a certificate skips nothing (the selection order changes at almost every step),
        // its bookkeeping (about a third of a run) is spent only on every 2nd, 4th, ... 32nd run.
        var plainRunsLeft = 0
        var backoff = 1
        while !(bound < total) {
            if runs >= maximumRuns {
                throw PBTallyError("Add1 stopped after \(runs) MES runs at step \(increments) without reaching its end: "
                    + "the election needs too many budget increases; give a larger budget step")
            }
            // Steps left before the bound, counting this one: floor((bound - total) / step) + 1.
            let (left, _) = (bound - total).quotientAndRemainder(dividingBy: stepValue)
            let maxSteps = left.limbs.count > 1 ? UInt64.max / 2 : min((left.limbs.first ?? 0), UInt64.max / 2) + 1
            let outcome: [Int]
            var limit: UInt64 = 1
            if plainRunsLeft > 0 {
                outcome = engine.run(totalBudget: total, log: false).selected
                plainRunsLeft -= 1
            } else {
                (outcome, limit) = engine.runCertifying(totalBudget: total, step: stepValue, maxSteps: maxSteps)
                if limit > 1 {
                    backoff = 1
                } else {
                    // Nothing skipped: the next few runs go without the certificate's bookkeeping.
                    plainRunsLeft = backoff
                    backoff = min(backoff * 2, 32)
                }
            }
            runs += 1
            if election.cost(of: outcome) > election.budget {
                return Outcome(selected: previous, increments: increments - 1, runs: runs, stoppedBecause: "over-budget")
            }
            if exhaustiveStop && isExhaustive(outcome, election) {
                return Outcome(selected: outcome, increments: increments, runs: runs, stoppedBecause: "exhaustive")
            }
            // Steps increments ..< increments + limit all select `outcome`.
            previous = outcome
            guard limit <= UInt64(Int.max - increments) else {
                throw PBTallyError("Add1: too many budget steps for exact arithmetic")
            }
            increments += Int(limit)
            total += stepValue * limit
        }
        return Outcome(selected: previous, increments: increments - 1, runs: runs, stoppedBecause: "bound")
    }

    /// Whether no project outside `selection` still fits in the budget (all projects count,
    /// as in pabutools' `Instance.is_exhaustive`).
    static func isExhaustive(_ selection: [Int], _ election: PBScaledElection) -> Bool {
        let spent = election.cost(of: selection)
        let chosen = Set(selection)
        return !election.costs.indices.contains { !chosen.contains($0) && spent + election.costs[$0] <= election.budget }
    }
}
