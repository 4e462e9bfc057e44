/// Greedy as cities run it: projects by score (approvals, or points) from the highest, each
/// taken when it fits in what is left of the budget and skipped otherwise (the walk goes on).
/// Projects scoring below META `min_project_score_threshold` are skipped. Ties in score are
/// broken by `PBTieBreak`; a project costing nothing always fits.
enum GreedyRule {
    /// Runs greedy over the projects not in `initial`, with the budget those leave.
    static func run(_ election: PBScaledElection, tieBreak: PBTieBreak, threshold: PBDecimal?,
                    initial: [Int] = []) -> (selected: [Int], steps: [PBGreedyStep]) {
        let ranks = tieBreak.ranks(of: election)
        let taken = Set(initial)
        let order = election.costs.indices.filter { !taken.contains($0) }.sorted { a, b in
            election.scores[a] != election.scores[b]
                ? election.scores[a] > election.scores[b]
                : ranks[a] < ranks[b]
        }
        var remaining = election.budget - election.cost(of: initial)
        var selected: [Int] = []
        var steps: [PBGreedyStep] = []
        for project in order {
            let score = PBDecimal(mantissa: election.scores[project],
                                  scale: election.election.voteType == .approval ? 0 : election.pointsScale)
            let decision: PBGreedyStep.Decision
            if let threshold, PBDecimal.compare(score, threshold) < 0 {
                decision = .belowThreshold
            } else if election.costs[project] <= remaining {
                decision = .selected
            } else {
                decision = .overBudget
            }
            steps.append(PBGreedyStep(projectID: election.election.projects[project].id,
                                      cost: election.election.projects[project].cost, score: score,
                                      decision: decision, remainingBefore: election.money(remaining)))
            if decision == .selected {
                selected.append(project)
                remaining -= election.costs[project]
            }
        }
        return (selected, steps)
    }
}

extension PBDecimal {
    /// -1, 0 or 1 as a is less than, equal to or greater than b (exact).
    static func compare(_ a: PBDecimal, _ b: PBDecimal) -> Int {
        let scale = max(a.scale, b.scale)
        let x = widened(a, to: scale)
        let y = widened(b, to: scale)
        return x < y ? -1 : x == y ? 0 : 1
    }

    private static func widened(_ value: PBDecimal, to scale: Int) -> Int128 {
        var result = Int128(value.mantissa)
        for _ in 0..<(scale - value.scale) {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            precondition(!overflow, "PBDecimal comparison beyond 128 bits")
            result = next
        }
        return result
    }
}
