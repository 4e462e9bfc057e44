import TarazuCore

/// Points given to one project on a cumulative ballot.
public struct PBPoints: Sendable, Equatable {
    /// Project number.
    public let project: String
    /// Points given.
    public let points: Int

    /// Points for a project (id normalized to ASCII digits).
    public init(_ project: String, _ points: Int) {
        self.project = PBText.normalizedIdentifier(project)
        self.points = points
    }
}

/// The rank given to one project on a ranking ballot (1 = first choice).
public struct PBRank: Sendable, Equatable {
    /// Project number.
    public let project: String
    /// Rank, 1-based.
    public let rank: Int

    /// A rank for a project (id normalized to ASCII digits).
    public init(_ project: String, _ rank: Int) {
        self.project = PBText.normalizedIdentifier(project)
        self.rank = rank
    }
}

/// What a voter chose.
public enum PBChoices: Sendable, Equatable {
    /// Approved project numbers (approval and cost-limited approval).
    case approvals([String])
    /// Points per project (cumulative).
    case points([PBPoints])
    /// Ranks per project (ranking).
    case ranking([PBRank])

    /// The project numbers in ballot order (ranking: by rank).
    public var projects: [String] {
        switch self {
        case .approvals(let ids): ids
        case .points(let items): items.map(\.project)
        case .ranking(let items): items.sorted { $0.rank < $1.rank }.map(\.project)
        }
    }
}

/// A ballot cast by one person in a Tarazu process (not a pabulib row: see `PBBallot`).
public struct CitizenBallot: Sendable, Equatable {
    /// Opaque voter key: the web layer's keyed hash (HMAC) of the normalized phone number or
    /// national id, or "paper:<serial>" for paper ballots. Never the number itself.
    public let voterKey: String
    /// The ballot the voter filled in: citywide or one region.
    public let district: PBDistrict
    /// The choices.
    public let choices: PBChoices

    /// A ballot from its parts.
    public init(voterKey: String, district: PBDistrict, choices: PBChoices) {
        self.voterKey = voterKey
        self.district = district
        self.choices = choices
    }
}

/// One thing wrong with a ballot, with a bilingual message for the voter.
public enum BallotProblem: Sendable, Equatable {
    /// The choices are of another kind than the rules (points on an approval ballot, ...).
    case wrongKind
    /// The district has no ballot (region without a budget).
    case unknownDistrict(String)
    /// No such project on any ballot.
    case unknownProject(String)
    /// The project exists but is not on the ballot (not feasible, withdrawn).
    case notOnBallot(String)
    /// The project belongs to another region's (or the citywide) ballot.
    case otherRegion(project: String, district: PBDistrict)
    /// The project appears twice.
    case duplicate(String)
    /// Fewer projects than the minimum.
    case tooFew(count: Int, minimum: Int)
    /// More projects than the maximum.
    case tooMany(count: Int, maximum: Int)
    /// Total cost above the ballot district's budget (rials).
    case overCostLimit(total: Int64, limit: Int64)
    /// Total points above the allowed total.
    case pointsOverTotal(total: Int, limit: Int)
    /// Points on one project above the per-project maximum.
    case pointsOverPerProject(project: String, points: Int, limit: Int)
    /// Zero or negative points.
    case pointsNotPositive(project: String, points: Int)
    /// Ranks are not exactly 1, 2, ..., n.
    case ranksNotConsecutive([Int])

    /// The explanation in Persian and English.
    public var message: Bilingual {
        let p: (String) -> String = PersianText.persianDigits
        switch self {
        case .wrongKind:
            return Bilingual(fa: "نوع رأی با قواعد این رأی‌گیری نمی‌خواند.", en: "This kind of vote does not match the ballot rules.")
        case .unknownDistrict(let code):
            return Bilingual(fa: "منطقه \(p(code)) برگهٔ رأی ندارد.", en: "Region \(code) has no ballot.")
        case .unknownProject(let id):
            return Bilingual(fa: "طرحی با شمارهٔ \(p(id)) در این رأی‌گیری نیست.", en: "There is no project \(id) in this vote.")
        case .notOnBallot(let id):
            return Bilingual(fa: "طرح \(p(id)) در امکان‌سنجی پذیرفته نشد و در برگهٔ رأی نیست.", en: "Project \(id) was not accepted in the feasibility review and is not on the ballot.")
        case .otherRegion(let id, let district):
            let faPlace = district == .citywide ? "سطح شهر" : "منطقه \(p(district.code))"
            let enPlace = district == .citywide ? "the citywide ballot" : "the ballot of region \(district.code)"
            // A ballot is the citywide one or one region's: said without guessing which one the voter meant.
            return Bilingual(fa: "طرح \(p(id)) از برگهٔ \(faPlace) است؛ همه باید از یک برگه باشند.",
                             en: "Project \(id) is on \(enPlace); all projects must come from one ballot.")
        case .duplicate(let id):
            return Bilingual(fa: "شمارهٔ \(p(id)) دو بار آمده است.", en: "Project \(id) appears twice.")
        case .tooFew(let count, let minimum):
            return Bilingual(fa: "دست‌کم \(PBCount.words(minimum)) طرح را انتخاب کنید" + (count == 0 ? "." : "؛ \(PBCount.words(count)) طرح انتخاب شد."),
                             en: "Choose at least \(minimum) projects (\(count) chosen).")
        case .tooMany(let count, let maximum):
            return Bilingual(fa: "حداکثر \(PBCount.words(maximum)) طرح را انتخاب کنید؛ \(PBCount.words(count)) طرح انتخاب شد.",
                             en: "Choose at most \(maximum) projects (\(count) chosen).")
        case .overCostLimit(let total, let limit):
            // The budget is on the page beside the ballot; an SMS reply has room for one sum.
            return Bilingual(fa: "هزینهٔ طرح‌ها (\(Numerals(language: .fa).scaledRials(total))) از بودجه بیشتر است.",
                             en: "The projects cost \(Numerals(language: .en).scaledRials(total)), more than the budget of \(Numerals(language: .en).scaledRials(limit)).")
        case .pointsOverTotal(let total, let limit):
            return Bilingual(fa: "جمع امتیازها \(p(String(total))) است و نباید از \(p(String(limit))) امتیاز بیشتر شود.",
                             en: "Points total \(total), more than the allowed \(limit).")
        case .pointsOverPerProject(let id, let points, let limit):
            return Bilingual(fa: "به طرح \(p(id)) حداکثر \(p(String(limit))) امتیاز می‌توان داد، نه \(p(String(points))).",
                             en: "Project \(id) can get at most \(limit) points, not \(points).")
        case .pointsNotPositive(let id, let points):
            return Bilingual(fa: "امتیاز طرح \(p(id)) باید بیشتر از صفر باشد.",
                             en: "Points for project \(id) must be positive (\(points)).")
        case .ranksNotConsecutive(let ranks):
            let list = ranks.map(String.init)
            return Bilingual(fa: "رتبه‌ها باید از ۱ پشت سر هم و بی‌تکرار باشند (\(p(list.joined(separator: "، ")))).",
                             en: "Ranks must be 1, 2, 3... without gaps or repeats (\(list.joined(separator: ", "))).")
        }
    }
}

/// Checks a ballot against a process: district, projects, counts, cost limit, points, ranks.
public enum BallotValidator {
    /// Every problem of `ballot` under `process`'s rules; empty means valid.
    public static func validate(_ ballot: CitizenBallot, _ process: PBProcess) -> [BallotProblem] {
        var problems: [BallotProblem] = []
        guard let budget = process.budget(for: ballot.district) else {
            return [.unknownDistrict(ballot.district.code)]
        }
        let ids = ballot.choices.projects
        var seen: Set<String> = []
        var total: Int64 = 0
        var overflow = false
        for id in ids {
            if !seen.insert(id).inserted {
                if !problems.contains(.duplicate(id)) { problems.append(.duplicate(id)) }
                continue
            }
            guard let proposal = process.proposal(id) else {
                problems.append(.unknownProject(id))
                continue
            }
            if proposal.district != ballot.district {
                problems.append(.otherRegion(project: id, district: proposal.district))
            } else if !proposal.isOnBallot {
                problems.append(.notOnBallot(id))
            } else {
                let (sum, o) = total.addingReportingOverflow(proposal.cost)
                total = sum
                overflow = overflow || o
            }
        }
        let count = ids.count
        switch (process.rules, ballot.choices) {
        case (.approval(let min, let max), .approvals):
            if count < min { problems.append(.tooFew(count: count, minimum: min)) }
            if count > max { problems.append(.tooMany(count: count, maximum: max)) }
        case (.costLimitedApproval(let max), .approvals):
            if count < 1 { problems.append(.tooFew(count: count, minimum: 1)) }
            if let max, count > max { problems.append(.tooMany(count: count, maximum: max)) }
            if overflow || total > budget { problems.append(.overCostLimit(total: overflow ? .max : total, limit: budget)) }
        case (.cumulative(let limit, let perProject), .points(let items)):
            if count < 1 { problems.append(.tooFew(count: count, minimum: 1)) }
            var sum = 0
            for item in items {
                if item.points <= 0 { problems.append(.pointsNotPositive(project: item.project, points: item.points)) }
                if item.points > perProject {
                    problems.append(.pointsOverPerProject(project: item.project, points: item.points, limit: perProject))
                }
                sum = sum.addingReportingOverflow(max(0, item.points)).partialValue
            }
            if sum > limit { problems.append(.pointsOverTotal(total: sum, limit: limit)) }
        case (.ranking(let maxRanks), .ranking(let items)):
            if count < 1 { problems.append(.tooFew(count: count, minimum: 1)) }
            if count > maxRanks { problems.append(.tooMany(count: count, maximum: maxRanks)) }
            let ranks = items.map(\.rank).sorted()
            if ranks != Array(1...max(1, ranks.count)) && !ranks.isEmpty {
                problems.append(.ranksNotConsecutive(items.map(\.rank)))
            }
        default:
            return [.wrongKind]
        }
        return problems
    }
}
