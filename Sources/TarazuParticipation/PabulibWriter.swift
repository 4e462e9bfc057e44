import Foundation

/// Writes pabulib text (pabulib.org/format) that `PabulibParser` reads back to the same election.
///
/// Anonymized: voters are numbered 1...n in an order that depends only on what is on the
/// ballots (sorted by the written row), never on voter keys, phone numbers or casting time; and
/// only the columns pabulib defines are written. Personal columns such as age and sex are
/// dropped unless named in `keepingVoteColumns`.
public enum PabulibWriter {
    /// PROJECTS columns defined by pabulib, in the order they are written.
    public static let projectColumns = ["project_id", "cost", "votes", "score", "name", "category", "target",
                                        "selected", "district", "neighborhood", "latitude", "longitude"]
    /// Optional VOTES columns defined by pabulib that are not personal.
    public static let voteColumns = ["voting_method", "district", "neighborhood"]

    /// The pabulib text of `election`. `keepingVoteColumns` adds named ballot columns (e.g.
    /// ["age", "sex"]) when the publisher has consent to publish them.
    public static func write(election: PBElection, keepingVoteColumns: [String] = []) -> String {
        var out = "META\nkey;value\n"
        for (key, value) in election.meta { out += row([key, value]) }

        out += "PROJECTS\n"
        let projectHeader = projectColumns.filter { column in
            column == "project_id" || column == "cost" || election.projects.contains { $0.fields[column] != nil }
        }
        out += row(projectHeader)
        for project in election.projects {
            out += row(projectHeader.map { column in
                switch column {
                case "project_id": project.id
                case "cost": project.cost.description
                default: project.fields[column] ?? ""
                }
            })
        }

        out += "VOTES\n"
        let hasPoints = election.voteType != .approval && election.ballots.contains { $0.points != nil }
        let extra = (voteColumns + keepingVoteColumns.map { $0.lowercased() }).filter { column in
            election.ballots.contains { $0.fields[column] != nil }
        }
        var header = ["voter_id", "vote"]
        if hasPoints { header.append("points") }
        header += extra
        out += row(header)
        var rows: [[String]] = election.ballots.map { ballot in
            var cells = [ballot.projects.map { election.projects[$0].id }.joined(separator: ",")]
            if hasPoints { cells.append(ballot.points?.map(\.description).joined(separator: ",") ?? "") }
            for column in extra { cells.append(ballot.fields[column] ?? "") }
            return cells
        }
        rows.sort { $0.lexicographicallyPrecedes($1) }
        for (index, cells) in rows.enumerated() { out += row([String(index + 1)] + cells) }
        return out
    }

    /// One ';'-separated line, quoting fields that hold ';', quotes, line breaks or edge spaces.
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            let needsQuotes = field.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline })
                || field.first?.isWhitespace == true || field.last?.isWhitespace == true
            return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ";") + "\n"
    }
}

extension PBElection {
    /// The election of one ballot district of a Tarazu process, from the ballots in `box`, so
    /// that the existing rules (`PBTally`) can count it and `PabulibWriter` can publish it.
    ///
    /// Projects are the feasible proposals of the district (cost in rials); ballots are those of
    /// the district, numbered 1...n in box order (voter keys are not carried); approval rules
    /// give `approval`, cumulative `cumulative` (points column), ranking `ordinal` (Borda).
    /// The channel becomes pabulib's `voting_method`: paper -> "paper", web, SMS and kiosk ->
    /// "internet". `rule` is written to META (greedy, equalshares, equalshares/add1).
    public init(process: PBProcess, box: BallotBox, district: PBDistrict, rule: String = "greedy",
                country: String = "Iran", unit: String = "Tabriz") {
        let proposals = process.ballotProjects(for: district)
        var index: [String: Int] = [:]
        let projects = proposals.enumerated().map { offset, proposal in
            index[proposal.id] = offset
            var fields = ["project_id": proposal.id, "cost": String(proposal.cost), "name": proposal.title]
            if case .region(let code) = proposal.district { fields["district"] = code }
            return PBProject(id: proposal.id, cost: PBDecimal(mantissa: proposal.cost, scale: 0), name: proposal.title,
                             votes: nil, score: nil, selected: nil, fields: fields)
        }
        let voteType: PBVoteType
        var limits: [(key: String, value: String)] = []
        switch process.rules {
        case .approval(let min, let max):
            voteType = .approval
            limits = [("min_length", String(min)), ("max_length", String(max))]
        case .costLimitedApproval(let max):
            voteType = .approval
            limits = [("max_sum_cost", String(process.budget(for: district) ?? 0))]
            if let max { limits.append(("max_length", String(max))) }
        case .cumulative(let total, let perProject):
            voteType = .cumulative
            limits = [("max_sum_points", String(total)), ("max_points", String(perProject))]
        case .ranking(let max):
            voteType = .ordinal
            limits = [("max_length", String(max))]
        }
        var ballots: [PBBallot] = []
        for entry in box.ballots where entry.ballot.district == district {
            let ids: [String]
            var points: [PBDecimal]?
            switch entry.ballot.choices {
            case .approvals(let list): ids = list
            case .ranking: ids = entry.ballot.choices.projects
            case .points(let items):
                ids = items.map(\.project)
                points = items.map { PBDecimal(mantissa: Int64($0.points), scale: 0) }
            }
            ballots.append(PBBallot(voterID: String(ballots.count + 1), projects: ids.compactMap { index[$0] },
                                    points: points,
                                    fields: ["voting_method": entry.channel == .paper ? "paper" : "internet"]))
        }
        let voting = process.phase(.voting)
        let budget = process.budget(for: district) ?? 0
        var meta: [(key: String, value: String)] = [
            ("description", process.title.en), ("country", country), ("unit", unit),
            ("instance", String(process.year)),
        ]
        if case .region(let code) = district { meta.append(("district", code)) }
        meta += [
            ("num_projects", String(projects.count)), ("num_votes", String(ballots.count)),
            ("budget", String(budget)), ("vote_type", voteType.rawValue), ("rule", rule),
            ("date_begin", Self.pabulibDate(voting.start)), ("date_end", Self.pabulibDate(voting.end)),
            ("language", "fa"), ("currency", "IRR"),
        ]
        meta += limits
        self.init(meta: meta, voteType: voteType, budget: PBDecimal(mantissa: budget, scale: 0),
                  projects: projects, ballots: ballots)
    }

    /// "dd.mm.yyyy" (Gregorian, Tehran time), as pabulib files write dates.
    static func pabulibDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(c.day!)).\(two(c.month!)).\(c.year!)"
    }
}
