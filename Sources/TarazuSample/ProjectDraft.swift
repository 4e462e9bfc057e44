import TarazuCore

/// How a project line's revised and realized amounts depart from the approved one.
enum Volatility {
    case normal
    /// Revised 1.5 to 2.4 times approved, mostly spent.
    case increase
    /// Revised to a quarter to a half of approved.
    case cut
}

/// A project as drawn, before the yearly envelopes give it amounts.
struct ProjectDraft {
    var kind: Vocabulary.ProjectKind
    var function: String
    var regionCode: String
    var start: Int
    var plannedEnd: Int
    /// The last year of works (after any delay).
    var actualEnd: Int
    var yearlyWeight: Int64
    /// The project's behaviour in the last year of the book.
    var lastYearVolatility: Volatility
    var id = ""
    var approvedSum: Int64 = 0
    var realizedSum: Int64 = 0
    var lineCount = 0

    /// The years of the book in which the project has a budget line.
    var activeYears: ClosedRange<Int> {
        max(start, Scenario.years.first!)...min(actualEnd, Scenario.years.last!)
    }

    static let startYears = Array(1396...1403)
    static let startWeights: [Int64] = [6, 8, 10, 14, 14, 14, 14, 12]
    static let durationWeights: [Int64] = [5, 20, 30, 25, 12, 8]  // 1 to 6 years
    static let delayWeights: [Int64] = [55, 25, 15, 5]  // 0 to 3 years

    /// Draws the projects of `profile`: a fixed count, or until their lines reach the target.
    static func draw(for profile: CityProfile, rng: inout SplitMix64) -> [ProjectDraft] {
        var drafts = [ProjectDraft]()
        var lines = 0
        while profile.projectCount.map({ drafts.count < $0 }) ?? (lines < profile.projectLineTarget) {
            let draft = drawOne(profile, &rng)
            lines += draft.activeYears.count
            drafts.append(draft)
        }
        let width = max(4, String(drafts.count).count)
        for index in drafts.indices {
            let digits = String(index + 1)
            drafts[index].id = "P" + String(repeating: "0", count: width - digits.count) + digits
        }
        return drafts
    }

    private static func drawOne(_ profile: CityProfile, _ rng: inout SplitMix64) -> ProjectDraft {
        let functions = BudgetFunction.defaults.map(\.code)
        let function = functions[rng.pick(weights: Vocabulary.projectFunctionWeights)]
        let kinds = Vocabulary.projectKinds(function)
        let kind = kinds[rng.pick(weights: kinds.map(\.weight))]
        let region = rng.chance(permille: CityProfile.citywideProjectPermille)
            ? Region.centralCode : profile.regions[rng.pick(weights: profile.spendWeights)].code
        var start = 0, plannedEnd = 0, actualEnd = 0
        repeat {
            start = startYears[rng.pick(weights: startWeights)]
            plannedEnd = start + rng.pick(weights: durationWeights)
            actualEnd = plannedEnd + rng.pick(weights: delayWeights)
        } while actualEnd < Scenario.years.first!
        let draw = rng.int(Int64(0)...Int64(999))
        let volatility: Volatility = draw < 130 ? .increase : draw < 250 ? .cut : .normal
        return ProjectDraft(kind: kind, function: function, regionCode: region, start: start, plannedEnd: plannedEnd,
                            actualEnd: actualEnd, yearlyWeight: kind.yearlyCost * rng.int(Int64(600)...Int64(1_400)),
                            lastYearVolatility: volatility)
    }
}
