/// The votes one project got on its ballot.
public struct PBProjectVotes: Sendable, Equatable {
    /// The proposal.
    public let proposal: PBProposal
    /// Ballots that chose it.
    public let votes: Int
    /// Points given to it (cumulative ballots), else nil.
    public let points: Int?
    /// Whether the rule funded it.
    public let funded: Bool
}

/// The outcome of one budget (the citywide ballot or one region's).
public struct PBBudgetResult: Sendable {
    /// The ballot district.
    public let district: PBDistrict
    /// Its budget, rials.
    public let budget: Int64
    /// Ballots cast for it.
    public let ballots: Int
    /// Its feasible projects, funded first in the rule's order, then by votes.
    public let projects: [PBProjectVotes]
    /// Cost of the funded projects, rials.
    public let fundedCost: Int64
    /// The tally with its round log (nil without ballots or projects: nothing is funded).
    public let tally: PBTallyResult?
}

/// Tallies every budget of a process with one of the existing rules (`PBTally` on
/// `PBElection(process:box:district:rule:)`), so the web page, the CLI and the export agree.
public enum PBProcessResults {
    /// One result per budget: citywide first, then regions by code (numeric order).
    public static func run(_ process: PBProcess, box: BallotBox, rule: PBRule) throws(PBTallyError) -> [PBBudgetResult] {
        var districts: [PBDistrict] = [.citywide]
        districts += process.regionBudgets.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }.map(PBDistrict.region)
        var results: [PBBudgetResult] = []
        for district in districts {
            let budget = process.budget(for: district) ?? 0
            let proposals = process.ballotProjects(for: district)
            let entries = box.ballots.filter { $0.ballot.district == district }
            var votes: [String: Int] = [:]
            var points: [String: Int] = [:]
            for entry in entries {
                switch entry.ballot.choices {
                case .approvals(let ids): for id in Set(ids) { votes[id, default: 0] += 1 }
                case .ranking(let items): for id in Set(items.map(\.project)) { votes[id, default: 0] += 1 }
                case .points(let items):
                    for item in items {
                        votes[item.project, default: 0] += 1
                        points[item.project, default: 0] += item.points
                    }
                }
            }
            var tally: PBTallyResult?
            if !entries.isEmpty && !proposals.isEmpty {
                let election = PBElection(process: process, box: box, district: district, rule: pabulibRule(rule))
                tally = try PBTally.run(election, options: PBTallyOptions(rule: rule, budgetStep: addOneStep(budget: budget, voters: entries.count)))
            }
            let selected = tally?.selected ?? []
            var cost: Int64 = 0
            for id in selected {
                if let proposal = process.proposal(id) { cost = cost.addingReportingOverflow(proposal.cost).partialValue }
            }
            let isCumulative: Bool = { if case .cumulative = process.rules { return true } else { return false } }()
            let rows = proposals.map { proposal in
                PBProjectVotes(proposal: proposal, votes: votes[proposal.id] ?? 0,
                               points: isCumulative ? (points[proposal.id] ?? 0) : nil, funded: selected.contains(proposal.id))
            }
            let order = Dictionary(uniqueKeysWithValues: selected.enumerated().map { ($1, $0) })
            let sorted = rows.sorted { a, b in
                switch (order[a.proposal.id], order[b.proposal.id]) {
                case let (x?, y?): return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return (a.points ?? a.votes, b.proposal.id) > (b.points ?? b.votes, a.proposal.id)
                }
            }
            results.append(PBBudgetResult(district: district, budget: budget, ballots: entries.count, projects: sorted,
                                          fundedCost: cost, tally: tally))
        }
        return results
    }

    /// The Add1 step for a rial budget: 0.5 % of the budget, at least one rial per voter.
    /// pabutools' default (one unit of money per voter) would take up to a billion MES runs on a
    /// budget in rials; half a percent keeps it to a few hundred while the kept outcome still
    /// spends the budget to within that margin.
    public static func addOneStep(budget: Int64, voters: Int) -> PBDecimal {
        PBDecimal(mantissa: max(Int64(max(voters, 1)), budget / 200), scale: 0)
    }

    /// pabulib's META rule name of `rule`.
    public static func pabulibRule(_ rule: PBRule) -> String {
        switch rule {
        case .greedy: "greedy"
        case .mes: "equalshares"
        case .mesAdd1: "equalshares/add1"
        }
    }

    /// The JSON of `tarazu pb results --format json`: process, rule, ballots and, per budget,
    /// district, budget, ballots, funded (ids), funded_cost, projects (id, title, cost, votes,
    /// points, funded) and the tally in `tarazu pb tally`'s JSON shape (with the round log and,
    /// for MES, who paid what).
    public static func json(_ results: [PBBudgetResult], process: PBProcess, rule: PBRule, ballots: Int) -> String {
        let budgets: [PBJSON] = results.map { result in
            var members: [(String, PBJSON)] = [
                ("district", .string(result.district.code)),
                ("budget", .number(String(result.budget))),
                ("ballots", .int(result.ballots)),
                ("funded", .array(result.projects.filter(\.funded).map { .string($0.proposal.id) })),
                ("funded_cost", .number(String(result.fundedCost))),
                ("projects", .array(result.projects.map { row in
                    var fields: [(String, PBJSON)] = [
                        ("id", .string(row.proposal.id)), ("title", .string(row.proposal.title)),
                        ("cost", .number(String(row.proposal.cost))), ("votes", .int(row.votes)),
                    ]
                    if let points = row.points { fields.append(("points", .int(points))) }
                    fields.append(("funded", .bool(row.funded)))
                    return .object(fields)
                })),
            ]
            if let tally = result.tally {
                members.append(("tally", .number(String(PBTallyReport.json(tally, file: "\(process.id)-\(result.district.code).pb").dropLast()))))
            }
            return .object(members)
        }
        return PBJSON.object([
            ("process", .string(process.id)), ("rule", .string(rule.rawValue)), ("ballots", .int(ballots)),
            ("budgets", .array(budgets)),
        ]).rendered() + "\n"
    }
}
