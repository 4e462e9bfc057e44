/// An election with every amount as an exact integer: money (costs, budget) in units of
/// 10^-moneyScale and points in units of 10^-pointsScale, overflow-checked.
struct PBScaledElection: Sendable {
    let election: PBElection
    let moneyScale: Int
    let costs: [Int64]
    let budget: Int64
    let pointsScale: Int
    /// Greedy score per project: approvals (approval ballots) or total points (the rest).
    let scores: [Int64]
    /// How many ballots name each project.
    let supporters: [Int]

    init(_ election: PBElection) throws(PBTallyError) {
        self.election = election
        moneyScale = election.projects.map(\.cost.scale).reduce(election.budget.scale, max)
        var costs: [Int64] = []
        for project in election.projects {
            guard let cost = project.cost.scaled(to: moneyScale) else {
                throw PBTallyError("project \(project.id): cost \(project.cost) is too large for exact arithmetic")
            }
            costs.append(cost)
        }
        var total: Int64 = 0
        for cost in costs {
            let (sum, overflow) = total.addingReportingOverflow(cost)
            if overflow { throw PBTallyError("the projects' total cost is too large for exact arithmetic") }
            total = sum
        }
        self.costs = costs
        guard let budget = election.budget.scaled(to: moneyScale) else {
            throw PBTallyError("budget \(election.budget) is too large for exact arithmetic")
        }
        self.budget = budget
        if election.voteType == .ordinal, let function = election.metaValue("scoring_fn"),
           function.lowercased() != "borda", election.ballots.contains(where: { $0.points == nil }) {
            throw PBTallyError("META scoring_fn \"\(function)\" is not supported: only Borda (or a points column)")
        }
        var scores = [Int64](repeating: 0, count: election.projects.count)
        var supporters = [Int](repeating: 0, count: election.projects.count)
        if election.voteType == .approval {
            pointsScale = 0
            for ballot in election.ballots {
                for project in ballot.projects { supporters[project] += 1 }
            }
            scores = supporters.map { Int64($0) }
        } else {
            let points = election.ballots.map { election.points(of: $0) }
            pointsScale = points.joined().map(\.scale).reduce(0, max)
            for (ballot, ballotPoints) in zip(election.ballots, points) {
                for (project, value) in zip(ballot.projects, ballotPoints) {
                    supporters[project] += 1
                    guard let scaled = value.scaled(to: pointsScale) else {
                        throw PBTallyError("voter \(ballot.voterID): points \(value) are too large for exact arithmetic")
                    }
                    let (sum, overflow) = scores[project].addingReportingOverflow(scaled)
                    if overflow {
                        throw PBTallyError("project \(election.projects[project].id): points total is too large for exact arithmetic")
                    }
                    scores[project] = sum
                }
            }
        }
        self.scores = scores
        self.supporters = supporters
    }

    /// Total cost of some projects, exact.
    func cost(of projects: [Int]) -> Int64 {
        projects.reduce(0) { $0 + costs[$1] }
    }

    /// A money amount in units of 10^-moneyScale as a decimal.
    func money(_ amount: Int64) -> PBDecimal { PBDecimal(mantissa: amount, scale: moneyScale) }

    /// Ballots with identical utilities merged into weighted groups (pabutools' multiprofile).
    /// Only positive utilities are kept: a voter supports a project when it gives her some.
    func profile(for utility: PBUtility) throws(PBTallyError) -> UtilityProfile {
        // Per fingerprint, the last group created with it; `previous` chains to earlier ones.
        // An open-addressing table (linear probing) from fingerprint to that group index.
        var capacity = 16
        while capacity < 2 * election.ballots.count { capacity *= 2 }
        let mask = capacity - 1
        var tableKeys = [UInt64](repeating: 0, count: capacity)
        var tableValues = [Int](repeating: -1, count: capacity)
        var previous: [Int] = []
        var groups: [UtilityProfile.Group] = []
        var entries: [(project: Int, utility: Int64)] = []
        for ballot in election.ballots {
            entries.removeAll(keepingCapacity: true)
            switch utility {
            case .cost:
                for project in ballot.projects where costs[project] > 0 { entries.append((project, costs[project])) }
            case .cardinality:
                for project in ballot.projects { entries.append((project, 1)) }
            case .points:
                for (project, value) in zip(ballot.projects, election.points(of: ballot)) {
                    guard let scaled = value.scaled(to: pointsScale) else {
                        throw PBTallyError("voter \(ballot.voterID): points \(value) are too large for exact arithmetic")
                    }
                    if scaled > 0 { entries.append((project, scaled)) }
                }
            }
            var ascending = true
            var i = 1
            while i < entries.count {
                if entries[i - 1].project >= entries[i].project { ascending = false; break }
                i += 1
            }
            if !ascending { entries.sort { $0.project < $1.project } }
            // A cheap fingerprint finds candidate groups; equal entries confirm a match.
            var fingerprint: UInt64 = 0xCBF2_9CE4_8422_2325
            for entry in entries {
                fingerprint = (fingerprint ^ UInt64(entry.project)) &* 0x0000_0100_0000_01B3
                fingerprint = (fingerprint ^ UInt64(bitPattern: entry.utility)) &* 0x0000_0100_0000_01B3
            }
            var slot = Int(truncatingIfNeeded: ((fingerprint ^ (fingerprint >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 32) & mask
            while tableValues[slot] >= 0 && tableKeys[slot] != fingerprint { slot = (slot + 1) & mask }
            let latest = tableValues[slot]
            var candidate = latest
            while candidate >= 0 && !same(groups[candidate].entries, entries) { candidate = previous[candidate] }
            if candidate >= 0 {
                groups[candidate].multiplicity += 1
            } else {
                tableKeys[slot] = fingerprint
                tableValues[slot] = groups.count
                previous.append(latest)
                groups.append(UtilityProfile.Group(multiplicity: 1, entries: entries))
            }
        }
        return UtilityProfile(voterCount: election.ballots.count, projectCount: election.projects.count, groups: groups)
    }
}

private func same(_ a: [(project: Int, utility: Int64)], _ b: [(project: Int, utility: Int64)]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.project == $1.project && $0.utility == $1.utility }
}

/// Voters' utilities, with identical ballots merged into groups.
struct UtilityProfile: Sendable {
    struct Group: Sendable {
        var multiplicity: Int
        /// Positive utilities, by project index ascending.
        var entries: [(project: Int, utility: Int64)]
    }

    /// All voters, those with empty ballots included (each holds an equal share of the budget).
    let voterCount: Int
    let projectCount: Int
    let groups: [Group]

    /// A voter's total utility for a set of projects, per group.
    func utilities(of selection: Set<Int>) -> [Int64] {
        groups.map { group in
            group.entries.reduce(0) { selection.contains($1.project) ? $0 + $1.utility : $0 }
        }
    }
}
