/// How voters filled in their ballots (META `vote_type`).
public enum PBVoteType: String, Sendable, CaseIterable {
    /// A set of approved projects ("choose-1" files are read as approval).
    case approval
    /// A ranking; points come from the `points` column or from Borda scores.
    case ordinal
    /// Points spread over projects under a total limit.
    case cumulative
    /// A score per project.
    case scoring
}

/// One project row of a pabulib file.
public struct PBProject: Sendable, Equatable {
    /// `project_id`, normalized (Persian and Arabic-Indic digits become ASCII).
    public let id: String
    /// `cost`, exact.
    public let cost: PBDecimal
    /// `name`, when present.
    public let name: String?
    /// The file's `votes` column, when present.
    public let votes: Int?
    /// The file's `score` column, when present.
    public let score: PBDecimal?
    /// The file's `selected` column (1 = chosen by the official rule), when present.
    public let selected: Int?
    /// Every column of the row by header name, normalized text.
    public let fields: [String: String]
}

/// One ballot row of a pabulib file.
public struct PBBallot: Sendable, Equatable {
    /// `voter_id` ("" when the file has no such column).
    public let voterID: String
    /// The projects on the ballot, as indices into `PBElection.projects`, in ballot order.
    public let projects: [Int]
    /// Points parallel to `projects` (cumulative, scoring and some ordinal files), when given.
    public let points: [PBDecimal]?
    /// The other columns (age, sex, voting_method, ...) by header name.
    public let fields: [String: String]
}

/// A participatory budgeting election read from a pabulib file.
public struct PBElection: Sendable {
    /// META rows in file order.
    public let meta: [(key: String, value: String)]
    /// `vote_type`.
    public let voteType: PBVoteType
    /// `budget`, exact (some files write decimals, e.g. "921012.06").
    public let budget: PBDecimal
    /// Projects in file order.
    public let projects: [PBProject]
    /// Ballots in file order.
    public let ballots: [PBBallot]

    /// An election from its parts (the parser builds one from a file).
    public init(meta: [(key: String, value: String)], voteType: PBVoteType, budget: PBDecimal,
                projects: [PBProject], ballots: [PBBallot]) {
        self.meta = meta
        self.voteType = voteType
        self.budget = budget
        self.projects = projects
        self.ballots = ballots
    }

    /// The META value for `key` (first occurrence).
    public func metaValue(_ key: String) -> String? {
        meta.first { $0.key == key }?.value
    }

    /// The META `rule` (greedy, equalshares, equalshares/add1, unknown, ...).
    public var rule: String? { metaValue("rule") }
}
