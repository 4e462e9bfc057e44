/// One project as greedy met it.
public struct PBGreedyStep: Sendable, Equatable {
    /// Why greedy took or left the project.
    public enum Decision: String, Sendable {
        /// It fitted in the remaining budget.
        case selected
        /// It cost more than the remaining budget.
        case overBudget = "over-budget"
        /// Its score was below META min_project_score_threshold.
        case belowThreshold = "below-threshold"
    }

    public let projectID: String
    /// The project's cost.
    public let cost: PBDecimal
    /// Approvals (approval ballots) or total points (the rest).
    public let score: PBDecimal
    /// Taken or skipped, and why.
    public let decision: Decision
    /// The budget left when greedy met the project.
    public let remainingBefore: PBDecimal
}

/// Supporters of a project selected by MES with one utility for it, who paid alike: either
/// each the same share (rho times utility) or each their whole remaining budget.
public struct PBPaymentGroup: Sendable, Equatable {
    /// How many voters.
    public let voters: Int
    /// The utility each of them gets from the project (in the utility's own unit).
    public let utility: PBFraction
    /// Whether they paid their whole remaining budget (it was less than their share).
    public let paidAll: Bool
    /// What each one paid (nil when they paid their whole budgets, which differ).
    public let paidEach: PBFraction?
    /// What the group paid together.
    public let paidTotal: PBFraction
}

/// One selection by the Method of Equal Shares.
public struct PBEqualSharesRound: Sendable, Equatable {
    public let projectID: String
    /// The project's cost.
    public let cost: PBDecimal
    /// The price per unit of utility: each supporter pays min(budget, rho * utility).
    /// Money per unit of cost (cost utility), per voter (cardinality) or per point (points).
    public let rho: PBFraction
    /// cost / (rho * unit), where the unit is the project's cost for the cost utility and 1
    /// otherwise: for approval ballots the number of voters who would pay equal shares
    /// (equalshares.net's "effective vote count"), for points the effective points.
    /// Nil for a project that costs nothing.
    public let effectiveVotes: PBFraction?
    /// Supporters with budget left (the others could pay nothing).
    public let payingSupporters: Int
    /// Supporters by what they paid.
    public let payments: [PBPaymentGroup]
}

/// One entry of the round-by-round log.
public enum PBRound: Sendable, Equatable {
    case equalShares(PBEqualSharesRound)
    case greedy(PBGreedyStep)
}

/// How a budget-increase completion (Add1) ended.
public struct PBCompletion: Sendable, Equatable {
    /// The amount added to the total budget per step (default: one unit of money per voter).
    public let budgetStep: PBDecimal
    /// How many steps the kept outcome had (0 = plain MES).
    public let increments: Int
    /// How many MES runs the in-order search used: steps whose outcome an earlier run proved
    /// unchanged are skipped (pabutools runs every step: increments + 2 runs when stopped over
    /// budget). Runs made speculatively on other processors and not needed are not counted, so
    /// the figure is the same on every machine.
    public let runs: Int
    /// The per-voter budget of the kept outcome.
    public let perVoterBudget: PBFraction
    /// Why the search stopped: "exhaustive" (the outcome could not take another project),
    /// "over-budget" (the next step's outcome cost more than the budget, so the previous one
    /// was kept) or "bound" (pabutools' upper bound on the budget was reached).
    public let stoppedBecause: String
}

/// equalshares.net's comparison step: the MES outcome against the greedy one.
public struct PBComparison: Sendable, Equatable {
    /// Voters with more utility from the MES outcome.
    public let preferEqualShares: Int
    /// Voters with more utility from the greedy outcome.
    public let preferGreedy: Int
    /// Whether greedy was taken (more voters preferred it).
    public let switchedToGreedy: Bool
}

/// The outcome of a tally with its log.
public struct PBTallyResult: Sendable {
    public let rule: PBRule
    /// The MES utility (nil for greedy).
    public let utility: PBUtility?
    /// How ties were broken.
    public let tieBreak: PBTieBreak
    /// META budget.
    public let budget: PBDecimal
    /// Ballots in the file (empty ones included).
    public let voters: Int
    /// Selected project ids in the order the rule selected them.
    public let selected: [String]
    /// Total cost of the selected projects.
    public let totalCost: PBDecimal
    /// The round-by-round log (empty when not asked for).
    public let rounds: [PBRound]
    /// How Add1 ended (mes-add1 only).
    public let completion: PBCompletion?
    /// The comparison step's count (when it ran).
    public let comparison: PBComparison?
}
