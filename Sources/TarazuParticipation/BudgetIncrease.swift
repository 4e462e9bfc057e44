/// Completion "Add1" as pabutools' `exhaustion_by_budget_increase` runs it: MES with total
/// budget B, B + step, B + 2 step, ... (per voter B/n, B/n + step/n, ...); stop at the first
/// outcome costing more than B and keep the one before it, or, with the exhaustive stop, at the
/// first outcome that leaves no project affordable within B; never beyond B * (n + 1).
enum BudgetIncrease {
    struct Outcome {
        let selected: [Int]
        /// Steps of the kept outcome (-1: none was feasible, the outcome is empty).
        let increments: Int
        let runs: Int
        let stoppedBecause: String
    }

    static func run(engine: EqualSharesEngine, election: PBScaledElection, step: Int64,
                    exhaustiveStop: Bool) -> Outcome {
        let budget = BigUInt(election.budget)
        let bound = budget * UInt64(engine.voterCount + 1)
        var total = budget
        var previous: [Int] = []
        var increments = 0
        var runs = 0
        while !(bound < total) {
            let outcome = engine.run(totalBudget: total, log: false).selected
            runs += 1
            if election.cost(of: outcome) > election.budget {
                return Outcome(selected: previous, increments: increments - 1, runs: runs, stoppedBecause: "over-budget")
            }
            if exhaustiveStop && isExhaustive(outcome, election) {
                return Outcome(selected: outcome, increments: increments, runs: runs, stoppedBecause: "exhaustive")
            }
            previous = outcome
            increments += 1
            total += BigUInt(step)
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
