/// Renders a tally as `tarazu pb tally` prints it: JSON or a readable text table.
///
/// JSON keys: file, rule, utility (MES only), tie_break, budget, voters, selected (project ids
/// in the order the rule selected them), total_cost, completion (Add1), comparison (when the
/// comparison step ran) and rounds. A MES round has phase "mes", project, cost, rho (exact
/// fraction) and rho_decimal, effective_votes and effective_votes_decimal, paying_supporters
/// and payments (per utility: voters, utility, paid_all, paid_each, paid_total, each as a fraction
/// with a _decimal twin). A greedy round has phase "greedy", project, score, cost,
/// remaining_before and decision (selected, over-budget, below-threshold).
public enum PBTallyReport {
    /// The JSON document for `result`; `file` names the input.
    public static func json(_ result: PBTallyResult, file: String) -> String {
        var members: [(String, PBJSON)] = [
            ("file", .string(file)),
            ("rule", .string(result.rule.rawValue)),
        ]
        if let utility = result.utility { members.append(("utility", .string(utility.rawValue))) }
        members += [
            ("tie_break", .string(result.tieBreak.rawValue)),
            ("budget", .decimal(result.budget)),
            ("voters", .int(result.voters)),
            ("selected", .array(result.selected.map(PBJSON.string))),
            ("total_cost", .decimal(result.totalCost)),
        ]
        if let completion = result.completion {
            members.append(("completion", .object([
                ("budget_step", .decimal(completion.budgetStep)),
                ("increments", .int(completion.increments)),
                ("runs", .int(completion.runs)),
                ("per_voter_budget", .string(completion.perVoterBudget.description)),
                ("per_voter_budget_decimal", .number(completion.perVoterBudget.decimal())),
                ("stopped_because", .string(completion.stoppedBecause)),
            ])))
        }
        if let comparison = result.comparison {
            members.append(("comparison", .object([
                ("prefer_mes", .int(comparison.preferEqualShares)),
                ("prefer_greedy", .int(comparison.preferGreedy)),
                ("switched_to_greedy", .bool(comparison.switchedToGreedy)),
            ])))
        }
        members.append(("rounds", .array(result.rounds.enumerated().map { json(round: $1, number: $0 + 1) })))
        return PBJSON.object(members).rendered() + "\n"
    }

    static func fraction(_ name: String, _ value: PBFraction) -> [(String, PBJSON)] {
        [(name, .string(value.description)), (name + "_decimal", .number(value.decimal()))]
    }

    static func json(round: PBRound, number: Int) -> PBJSON {
        switch round {
        case .equalShares(let r):
            var members: [(String, PBJSON)] = [
                ("round", .int(number)), ("phase", .string("mes")),
                ("project", .string(r.projectID)), ("cost", .decimal(r.cost)),
            ]
            members += fraction("rho", r.rho)
            if let effective = r.effectiveVotes { members += fraction("effective_votes", effective) }
            members.append(("paying_supporters", .int(r.payingSupporters)))
            members.append(("payments", .array(r.payments.map { group in
                var fields: [(String, PBJSON)] = [("voters", .int(group.voters))]
                fields += fraction("utility", group.utility)
                fields.append(("paid_all", .bool(group.paidAll)))
                if let each = group.paidEach { fields += fraction("paid_each", each) }
                fields += fraction("paid_total", group.paidTotal)
                return .object(fields)
            })))
            return .object(members)
        case .greedy(let step):
            return .object([
                ("round", .int(number)), ("phase", .string("greedy")),
                ("project", .string(step.projectID)), ("score", .decimal(step.score)),
                ("cost", .decimal(step.cost)), ("remaining_before", .decimal(step.remainingBefore)),
                ("decision", .string(step.decision.rawValue)),
            ])
        }
    }

    /// A readable summary and round table.
    public static func text(_ result: PBTallyResult, file: String) -> String {
        var lines: [String] = []
        var heading = "\(file): \(result.rule.rawValue)"
        if let utility = result.utility { heading += ", utility \(utility.rawValue)" }
        lines.append(heading + ", ties \(result.tieBreak.rawValue)")
        lines.append("Budget \(result.budget), \(result.voters) voters")
        if let c = result.completion {
            lines.append("Add1: \(c.increments) increments of \(c.budgetStep) in \(c.runs) runs, "
                + "per-voter budget \(c.perVoterBudget.decimal()), stopped: \(c.stoppedBecause)")
        }
        if let c = result.comparison {
            lines.append("Comparison step: \(c.preferEqualShares) voters prefer MES, \(c.preferGreedy) greedy"
                + (c.switchedToGreedy ? " - greedy outcome taken" : " - MES outcome kept"))
        }
        lines.append("Selected \(result.selected.count) projects, total cost \(result.totalCost): "
            + result.selected.joined(separator: ", "))
        lines.append("")
        var mesRows = [["#", "project", "cost", "effective votes", "rho", "paid share", "paid all they had"]]
        var greedyRows = [["#", "project", "score", "cost", "left before", "decision"]]
        for (index, round) in result.rounds.enumerated() {
            switch round {
            case .equalShares(let r):
                let share = r.payments.filter { !$0.paidAll }.reduce(0) { $0 + $1.voters }
                let all = r.payments.filter(\.paidAll).reduce(0) { $0 + $1.voters }
                mesRows.append([String(index + 1), r.projectID, r.cost.description,
                                r.effectiveVotes?.decimal(significantDigits: 8) ?? "-",
                                r.rho.decimal(significantDigits: 8), "\(share) voters", "\(all) voters"])
            case .greedy(let s):
                greedyRows.append([String(index + 1), s.projectID, s.score.description, s.cost.description,
                                   s.remainingBefore.description, s.decision.rawValue])
            }
        }
        if mesRows.count > 1 { lines += ["Method of Equal Shares:"] + table(mesRows) }
        if mesRows.count > 1 && greedyRows.count > 1 { lines.append("") }
        if greedyRows.count > 1 { lines += ["Greedy:"] + table(greedyRows) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        let widths = (0..<width).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").trimmingWhiteSpace()
        }
    }
}
