/// The tally rules of `tarazu pb tally`.
public enum PBRule: String, Sendable, CaseIterable {
    /// Greedy by approvals or points (see `PBTally`).
    case greedy
    /// The Method of Equal Shares.
    case mes
    /// MES completed by budget increase (Add1).
    case mesAdd1 = "mes-add1"
}

/// What to tally and how.
public struct PBTallyOptions: Sendable {
    /// greedy, mes or mes-add1.
    public var rule: PBRule
    /// MES utility; nil takes `PBUtility.defaultUtility(for:)`. Greedy ignores it.
    public var utility: PBUtility?
    /// Add1: stop at the first exhaustive outcome (add1e) instead of at the first infeasible one.
    public var exhaustiveStop: Bool
    /// Add1: what each step adds to the total budget; nil adds one unit of money per voter.
    public var budgetStep: PBDecimal?
    /// MES and Add1: fill what is left with greedy afterwards (Add1u, "MES then greedy").
    public var completeWithGreedy: Bool
    /// MES and Add1: equalshares.net's comparison step (see `PBTally.run`).
    public var comparisonStep: Bool
    /// How ties are broken (default: pabutools' lexicographic order).
    public var tieBreak: PBTieBreak
    /// Build the round-by-round log (MES payments cost an extra exact pass).
    public var log: Bool

    /// Options with pabutools' defaults: no exhaustive stop, one unit per voter per Add1 step,
    /// lexicographic ties, no greedy completion or comparison step, with the round log.
    public init(rule: PBRule, utility: PBUtility? = nil, exhaustiveStop: Bool = false, budgetStep: PBDecimal? = nil,
                completeWithGreedy: Bool = false, comparisonStep: Bool = false,
                tieBreak: PBTieBreak = .lexicographic, log: Bool = true) {
        self.rule = rule
        self.utility = utility
        self.exhaustiveStop = exhaustiveStop
        self.budgetStep = budgetStep
        self.completeWithGreedy = completeWithGreedy
        self.comparisonStep = comparisonStep
        self.tieBreak = tieBreak
        self.log = log
    }
}

/// Tallies a pabulib election exactly.
///
/// - Greedy orders by approvals (approval ballots) or total points and honours META
///   `min_project_score_threshold`.
/// - MES uses exact rational arithmetic; with ordinal ballots the points utility uses the
///   `points` column or Borda scores, and cost or cardinality treat every ranked project as
///   approved.
/// - Ties go to `options.tieBreak` (default: pabutools' lexicographic order of project ids).
/// - The comparison step runs greedy on the whole budget and counts voters by which outcome
///   gives them more utility (the MES utility); greedy is taken when more voters prefer it.
public enum PBTally {
    /// Tallies `election`; throws when an amount does not fit exact 64-bit scaled arithmetic or
    /// META holds an unusable threshold, scoring function or budget step.
    public static func run(_ election: PBElection, options: PBTallyOptions) throws(PBTallyError) -> PBTallyResult {
        let scaled = try PBScaledElection(election)
        let threshold = try election.metaValue("min_project_score_threshold").map { text throws(PBTallyError) in
            guard let value = PBDecimal(parsing: text) else {
                throw PBTallyError("META min_project_score_threshold \"\(text)\" is not a number")
            }
            return value
        }
        if options.rule == .greedy {
            let (selected, steps) = GreedyRule.run(scaled, tieBreak: options.tieBreak, threshold: threshold)
            return result(scaled, options, utility: nil, selected: selected,
                          rounds: options.log ? steps.map(PBRound.greedy) : [], completion: nil, comparison: nil)
        }
        let utility = options.utility ?? PBUtility.defaultUtility(for: election.voteType)
        let profile = try scaled.profile(for: utility)
        let engine = EqualSharesEngine(profile: profile, costs: scaled.costs, tieRank: options.tieBreak.ranks(of: scaled))
        var completion: PBCompletion?
        var selected: [Int]
        var engineRounds: [EqualSharesEngine.Round] = []
        if options.rule == .mesAdd1 {
            let step = try budgetStep(options.budgetStep, scaled)
            let outcome = try BudgetIncrease.run(engine: engine, election: scaled, step: step,
                                                 exhaustiveStop: options.exhaustiveStop)
            selected = outcome.selected
            let total = BigUInt(scaled.budget) + BigUInt(step) * UInt64(max(outcome.increments, 0))
            completion = PBCompletion(
                budgetStep: scaled.money(step), increments: outcome.increments, runs: outcome.runs,
                perVoterBudget: PBFraction(total, BigUInt(UInt64(max(profile.voterCount, 1))) * BigUInt.powerOfTen(scaled.moneyScale)),
                stoppedBecause: outcome.stoppedBecause)
            if options.log && outcome.increments >= 0 {
                let logged = engine.run(totalBudget: total, log: true)
                precondition(logged.selected == selected, "MES: the logged run differs from the tally")
                engineRounds = logged.rounds
            }
        } else {
            (selected, engineRounds) = engine.run(totalBudget: BigUInt(scaled.budget), log: options.log)
        }
        var rounds = EqualSharesLog.rounds(engineRounds, election: scaled, utility: utility).map(PBRound.equalShares)
        if options.completeWithGreedy {
            let (more, steps) = GreedyRule.run(scaled, tieBreak: options.tieBreak, threshold: nil, initial: selected)
            selected += more
            if options.log { rounds += steps.map(PBRound.greedy) }
        }
        var comparison: PBComparison?
        if options.comparisonStep {
            let (greedy, steps) = GreedyRule.run(scaled, tieBreak: options.tieBreak, threshold: threshold)
            let count = compare(selected, greedy, profile)
            comparison = count
            if count.switchedToGreedy {
                selected = greedy
                rounds = options.log ? steps.map(PBRound.greedy) : []
            }
        }
        return result(scaled, options, utility: utility, selected: selected, rounds: rounds,
                      completion: completion, comparison: comparison)
    }

    /// equalshares.net's comparison step: voters by which outcome gives them more utility.
    static func compare(_ equalShares: [Int], _ greedy: [Int], _ profile: UtilityProfile) -> PBComparison {
        let mine = profile.utilities(of: Set(equalShares))
        let theirs = profile.utilities(of: Set(greedy))
        var preferMES = 0
        var preferGreedy = 0
        for (group, (a, b)) in zip(profile.groups, zip(mine, theirs)) {
            if a > b { preferMES += group.multiplicity }
            if b > a { preferGreedy += group.multiplicity }
        }
        return PBComparison(preferEqualShares: preferMES, preferGreedy: preferGreedy,
                            switchedToGreedy: preferGreedy > preferMES)
    }

    /// The Add1 step in scaled money: the given one, or one unit of money per voter.
    static func budgetStep(_ step: PBDecimal?, _ election: PBScaledElection) throws(PBTallyError) -> Int64 {
        guard let step else {
            let unit = PBDecimal(mantissa: 1, scale: 0).scaled(to: election.moneyScale) ?? 1
            let (value, overflow) = unit.multipliedReportingOverflow(by: Int64(election.election.ballots.count))
            if overflow { throw PBTallyError("the budget step is too large for exact arithmetic") }
            return max(value, 1)
        }
        guard step.mantissa > 0 else { throw PBTallyError("the budget step must be positive") }
        guard step.scale <= election.moneyScale, let value = step.scaled(to: election.moneyScale) else {
            throw PBTallyError("the budget step \(step) has more decimals than the costs and the budget")
        }
        return value
    }

    static func result(_ election: PBScaledElection, _ options: PBTallyOptions, utility: PBUtility?,
                       selected: [Int], rounds: [PBRound], completion: PBCompletion?,
                       comparison: PBComparison?) -> PBTallyResult {
        PBTallyResult(
            rule: options.rule, utility: utility, tieBreak: options.tieBreak, budget: election.election.budget,
            voters: election.election.ballots.count,
            selected: selected.map { election.election.projects[$0].id },
            totalCost: election.money(election.cost(of: selected)),
            rounds: rounds, completion: completion, comparison: comparison)
    }
}
