import Foundation
import TarazuCore

/// Where a project or a ballot belongs: the whole city or one region (by region code).
public enum PBDistrict: Sendable, Hashable, CustomStringConvertible {
    /// The citywide ballot and budget (region code "0" in the budget book).
    case citywide
    /// One region, by its region code (ASCII digits after normalization).
    case region(String)

    /// Reads "0", "citywide", "شهری" or empty as citywide; anything else as a region code
    /// (Persian and Arabic-Indic digits become ASCII).
    public init(code: String) {
        let text = PBText.normalizedIdentifier(code).lowercased()
        if text.isEmpty || text == "0" || text == "citywide" || text == "شهری" {
            self = .citywide
        } else {
            self = .region(text)
        }
    }

    /// "0" for citywide, else the region code.
    public var code: String {
        switch self {
        case .citywide: "0"
        case .region(let code): code
        }
    }

    /// The code, as `code`.
    public var description: String { code }
}

/// The phases of a participatory budgeting cycle, in their only allowed order.
public enum PBPhaseKind: Int, Sendable, CaseIterable, Comparable {
    /// The municipality drafts the process and its rules.
    case drafting
    /// Citizens submit proposals.
    case proposals
    /// Experts mark proposals feasible or infeasible.
    case feasibilityReview
    /// Citizens vote.
    case voting
    /// Ballots are counted by the rule.
    case tally
    /// Results are published.
    case published

    /// Order of the cycle.
    public static func < (lhs: PBPhaseKind, rhs: PBPhaseKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One phase: the half-open interval `[start, end)`.
public struct PBPhase: Sendable, Equatable {
    /// Which phase.
    public let kind: PBPhaseKind
    /// First instant of the phase.
    public let start: Date
    /// First instant after the phase.
    public let end: Date

    /// A phase from two instants.
    public init(_ kind: PBPhaseKind, start: Date, end: Date) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// Calendar days as instants at midnight, Tehran time (Asia/Tehran).
public enum PBCalendarDay {
    /// Midnight Tehran time at the start of the Jalali (Solar Hijri) day, e.g. (1403, 1, 1) =
    /// 2024-03-20; nil for an invalid day.
    public static func jalali(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        make(.persian, year, month, day)
    }

    /// Midnight Tehran time at the start of an ISO (Gregorian) day "2025-04-21"; nil otherwise.
    public static func iso(_ text: String) -> Date? {
        let parts = PBText.normalizedIdentifier(text).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return make(.gregorian, parts[0], parts[1], parts[2])
    }

    private static func make(_ identifier: Calendar.Identifier, _ year: Int, _ month: Int, _ day: Int) -> Date? {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600)!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }
}

/// How citizens fill in a ballot. Locked once voting opens.
public enum BallotRules: Sendable, Equatable {
    /// Approve between `minProjects` and `maxProjects` projects.
    case approval(minProjects: Int, maxProjects: Int)
    /// Approve projects whose total cost is at most the budget of the ballot's district
    /// (a knapsack ballot); `maxProjects` optionally caps the count.
    case costLimitedApproval(maxProjects: Int?)
    /// Spread at most `totalPoints` points, at most `maxPerProject` on one project.
    case cumulative(totalPoints: Int, maxPerProject: Int)
    /// Rank up to `maxRanks` projects, ranks 1...n with no gaps.
    case ranking(maxRanks: Int)
}

/// Why a process or a change to it is refused.
public struct PBProcessError: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// Phases out of order, repeated, missing, empty or overlapping.
        case invalidPhases
        /// Rules, budgets or projects changed after voting opened.
        case lockedAfterVotingOpened
        /// A negative budget, cost or rule limit.
        case invalidValue
        /// No proposal with that id.
        case unknownProposal
        /// A proposal id used twice.
        case duplicateProposal
    }
    /// The kind.
    public let kind: Kind
    /// The bilingual explanation.
    public let message: Bilingual
}

/// One participatory budgeting cycle of a city: phases, budgets, rules and proposals.
///
/// Budgets are integer rials. Once the voting phase has started (`isLocked(at:)`), rules,
/// budgets and proposals can no longer change (`applying(_:at:)` refuses).
public struct PBProcess: Sendable, Equatable {
    /// Stable identifier, e.g. "tabriz-1404".
    public let id: String
    /// Jalali year of the cycle (1404).
    public let year: Int
    /// Title in Persian and English.
    public private(set) var title: Bilingual
    /// The six phases, in order, non-overlapping.
    public private(set) var phases: [PBPhase]
    /// Budget of the citywide ballot, rials.
    public private(set) var citywideBudget: Int64
    /// Budget of each region's ballot, by region code (ASCII digits), rials.
    public private(set) var regionBudgets: [String: Int64]
    /// Ballot rules.
    public private(set) var rules: BallotRules
    /// Proposals in submission order.
    public private(set) var proposals: [PBProposal]

    /// A validated process; throws when phases, budgets, rules or proposal ids are invalid.
    public init(id: String, year: Int, title: Bilingual, phases: [PBPhase], citywideBudget: Int64,
                regionBudgets: [String: Int64], rules: BallotRules, proposals: [PBProposal] = []) throws(PBProcessError) {
        self.id = id
        self.year = year
        self.title = title.normalized
        self.phases = phases
        self.citywideBudget = citywideBudget
        self.regionBudgets = Dictionary(regionBudgets.map { (PBText.normalizedIdentifier($0.key), $0.value) },
                                        uniquingKeysWith: { first, _ in first })
        self.rules = rules
        self.proposals = proposals
        try Self.validate(phases: phases)
        try Self.validate(rules: rules)
        try Self.validate(budget: citywideBudget)
        for budget in regionBudgets.values { try Self.validate(budget: budget) }
        var seen: Set<String> = []
        for proposal in proposals {
            try Self.validate(cost: proposal.cost)
            if !seen.insert(proposal.id).inserted { throw Self.duplicate(proposal.id) }
        }
    }

    /// The phase in force at `date`; nil before the first phase, between phases or after the last.
    public func phase(at date: Date) -> PBPhaseKind? {
        phases.first { $0.start <= date && date < $0.end }?.kind
    }

    /// The phase of `kind`.
    public func phase(_ kind: PBPhaseKind) -> PBPhase {
        phases.first { $0.kind == kind }!
    }

    /// Whether voting has started at `date` (rules, budgets and proposals are then frozen).
    public func isLocked(at date: Date) -> Bool { date >= phase(.voting).start }

    /// Whether ballots are accepted at `date`.
    public func isVotingOpen(at date: Date) -> Bool { phase(at: date) == .voting }

    /// The budget of a ballot's district; nil for a region without a budget.
    public func budget(for district: PBDistrict) -> Int64? {
        switch district {
        case .citywide: citywideBudget
        case .region(let code): regionBudgets[code]
        }
    }

    /// Citywide plus all regional budgets, rials (nil on overflow).
    public var totalBudget: Int64? {
        var total = citywideBudget
        for value in regionBudgets.values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// The proposals that go on the ballot of `district`: feasible ones of that district.
    public func ballotProjects(for district: PBDistrict) -> [PBProposal] {
        proposals.filter { $0.status == .feasible && $0.district == district }
    }

    /// The proposal with `id`.
    public func proposal(_ id: String) -> PBProposal? { proposals.first { $0.id == id } }

    /// A change to the process.
    public enum Change: Sendable, Equatable {
        /// New title (allowed at any time).
        case setTitle(Bilingual)
        /// New phases; phases that already started at the time of the change must stay as they are.
        case setPhases([PBPhase])
        /// New ballot rules (before voting only).
        case setRules(BallotRules)
        /// New citywide budget (before voting only).
        case setCitywideBudget(Int64)
        /// New budget of one region, nil removes it (before voting only).
        case setRegionBudget(region: String, amount: Int64?)
        /// A new proposal (before voting only).
        case submit(PBProposal)
        /// A new status of a proposal: feasibility review or withdrawal (before voting only).
        case setStatus(proposal: String, status: PBProposalStatus)
        /// Replaces a proposal with the same id (edits, cost re-estimates; before voting only).
        case update(PBProposal)
    }

    /// The process after `change` made at `date`; refuses changes to rules, budgets and
    /// proposals once voting has started, and invalid phases at any time.
    public func applying(_ change: Change, at date: Date) throws(PBProcessError) -> PBProcess {
        var next = self
        switch change {
        case .setTitle(let title):
            next.title = title.normalized
            return next
        case .setPhases(let phases):
            try Self.validate(phases: phases)
            for old in self.phases where old.start <= date {
                guard phases.first(where: { $0.kind == old.kind }) == old else {
                    throw PBProcessError(kind: .invalidPhases, message: Bilingual(
                        fa: "مرحله‌ای که آغاز شده است را نمی‌توان تغییر داد.",
                        en: "A phase that has already started cannot be changed."))
                }
            }
            for new in phases where new.start <= date && self.phase(new.kind) != new {
                throw PBProcessError(kind: .invalidPhases, message: Bilingual(
                    fa: "مرحله را نمی‌توان به گذشته برد.", en: "A phase cannot be moved into the past."))
            }
            next.phases = phases
            return next
        default:
            break
        }
        guard !isLocked(at: date) else {
            throw PBProcessError(kind: .lockedAfterVotingOpened, message: Bilingual(
                fa: "رأی‌گیری آغاز شده است؛ قواعد، بودجه‌ها و طرح‌ها دیگر تغییر نمی‌کنند.",
                en: "Voting has opened: rules, budgets and projects can no longer change."))
        }
        switch change {
        case .setTitle, .setPhases:
            break
        case .setRules(let rules):
            try Self.validate(rules: rules)
            next.rules = rules
        case .setCitywideBudget(let amount):
            try Self.validate(budget: amount)
            next.citywideBudget = amount
        case .setRegionBudget(let region, let amount):
            if let amount { try Self.validate(budget: amount) }
            next.regionBudgets[PBText.normalizedIdentifier(region)] = amount
        case .submit(let proposal):
            try Self.validate(cost: proposal.cost)
            if self.proposal(proposal.id) != nil { throw Self.duplicate(proposal.id) }
            next.proposals.append(proposal)
        case .setStatus(let id, let status):
            guard let index = proposals.firstIndex(where: { $0.id == id }) else { throw Self.unknown(id) }
            next.proposals[index].status = status.normalized
        case .update(let proposal):
            try Self.validate(cost: proposal.cost)
            guard let index = proposals.firstIndex(where: { $0.id == proposal.id }) else { throw Self.unknown(proposal.id) }
            next.proposals[index] = proposal
        }
        return next
    }

    // MARK: Validation

    static func validate(phases: [PBPhase]) throws(PBProcessError) {
        guard phases.map(\.kind) == PBPhaseKind.allCases else {
            throw PBProcessError(kind: .invalidPhases, message: Bilingual(
                fa: "مراحل باید هر شش مرحله و به ترتیب باشند: تدوین، ثبت پیشنهاد، بررسی امکان‌پذیری، رأی‌گیری، شمارش، انتشار نتایج.",
                en: "Phases must be all six, in order: drafting, proposals, feasibility review, voting, tally, published."))
        }
        for phase in phases where !(phase.start < phase.end) {
            throw PBProcessError(kind: .invalidPhases, message: Bilingual(
                fa: "هر مرحله باید پیش از پایانش آغاز شود.", en: "Each phase must start before it ends (\(phase.kind))."))
        }
        for (a, b) in zip(phases, phases.dropFirst()) where b.start < a.end {
            throw PBProcessError(kind: .invalidPhases, message: Bilingual(
                fa: "مراحل نباید هم‌پوشانی داشته باشند.", en: "Phases must not overlap (\(a.kind) and \(b.kind))."))
        }
    }

    static func validate(rules: BallotRules) throws(PBProcessError) {
        let ok: Bool
        switch rules {
        case .approval(let min, let max): ok = min >= 0 && max >= 1 && min <= max
        case .costLimitedApproval(let max): ok = max.map { $0 >= 1 } ?? true
        case .cumulative(let total, let per): ok = total >= 1 && per >= 1 && per <= total
        case .ranking(let max): ok = max >= 1
        }
        if !ok {
            throw PBProcessError(kind: .invalidValue, message: Bilingual(
                fa: "حدود قواعد رأی‌گیری نامعتبر است.", en: "The ballot rule limits are invalid."))
        }
    }

    static func validate(budget: Int64) throws(PBProcessError) {
        if budget < 0 {
            throw PBProcessError(kind: .invalidValue, message: Bilingual(
                fa: "بودجه نمی‌تواند منفی باشد.", en: "A budget cannot be negative."))
        }
    }

    static func validate(cost: Int64) throws(PBProcessError) {
        if cost <= 0 {
            throw PBProcessError(kind: .invalidValue, message: Bilingual(
                fa: "هزینهٔ طرح باید مثبت باشد.", en: "A project cost must be positive."))
        }
    }

    static func duplicate(_ id: String) -> PBProcessError {
        PBProcessError(kind: .duplicateProposal, message: Bilingual(
            fa: "طرح \(PersianText.persianDigits(id)) پیش‌تر ثبت شده است.", en: "Proposal \(id) already exists."))
    }

    static func unknown(_ id: String) -> PBProcessError {
        PBProcessError(kind: .unknownProposal, message: Bilingual(
            fa: "طرح \(PersianText.persianDigits(id)) وجود ندارد.", en: "There is no proposal \(id)."))
    }
}

/// The review state of a proposal.
public enum PBProposalStatus: Sendable, Equatable {
    /// Submitted, not reviewed yet.
    case submitted
    /// Reviewed and feasible: goes on the ballot.
    case feasible
    /// Reviewed and infeasible, with the reason published to the proposer.
    case infeasible(reason: Bilingual)
    /// Withdrawn by the proposer.
    case withdrawn

    /// The status with an infeasibility reason normalized (`Bilingual.normalized`).
    var normalized: PBProposalStatus {
        if case .infeasible(let reason) = self { return .infeasible(reason: reason.normalized) }
        return self
    }
}

/// A citizen's or a department's project proposal.
public struct PBProposal: Sendable, Equatable {
    /// Project number as citizens type it on SMS and paper ("12"), ASCII digits.
    public let id: String
    /// The region it serves, or citywide.
    public var district: PBDistrict
    /// Title (normalized by `PBText.normalized`, also when set).
    public var title: String { didSet { title = PBText.normalized(title) } }
    /// Description (normalized by `PBText.normalized`, also when set).
    public var description: String { didSet { description = PBText.normalized(description) } }
    /// Estimated cost, rials.
    public var cost: Int64
    /// Review state; only `.feasible` goes on the ballot (an infeasibility reason is normalized).
    public var status: PBProposalStatus { didSet { status = status.normalized } }

    /// A proposal; the id is normalized (Persian and Arabic-Indic digits become ASCII), the texts
    /// as every text shown to citizens (`PBText.normalized`: Persian letters, no bidi controls).
    public init(id: String, district: PBDistrict, title: String, description: String = "", cost: Int64,
                status: PBProposalStatus = .submitted) {
        self.id = PBText.normalizedIdentifier(id)
        self.district = district
        self.title = PBText.normalized(title)
        self.description = PBText.normalized(description)
        self.cost = cost
        self.status = status.normalized
    }

    /// Whether it goes on the ballot.
    public var isOnBallot: Bool { status == .feasible }
}

