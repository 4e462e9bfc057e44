import TarazuCore

/// Deterministic generator of illustrative budget books: the Tabriz sample (`samples/tabriz`)
/// and larger made-up cities for tests and benchmarks.
///
/// Every figure comes from a seeded SplitMix64 stream and exact integer arithmetic (amounts are
/// whole million rials), so the same parameters give the same book, byte for byte, everywhere.
/// Each book covers the Jalali years 1399-1403 and contains the situations of the source report:
/// a high capital share, a real (and nominal) cut to urban services and environment in 1403,
/// strong per-capita imbalance between regions with one tiny industrial region as an outlier,
/// projects whose revised and realized amounts rise far above or fall far below the approved
/// ones, and capital asset sales above the council's authorization in some regions.
public struct SampleCity: Sendable {
    /// About how many budget lines the book has (over the five years).
    public var lines: Int
    /// The city's number, from 1; it names the city and varies its regions and weights.
    public var number: Int
    /// The seed of the pseudo-random stream; with `lines` and `number` it fixes the book.
    public var seed: UInt64

    /// The seed of the committed Tabriz sample.
    public static let tabrizSeed: UInt64 = 1403

    /// A generated city; nothing is computed until `book()`.
    public init(lines: Int, number: Int = 1, seed: UInt64 = 1) {
        self.lines = lines
        self.number = number
        self.seed = seed
    }

    /// The illustrative Tabriz book committed as `samples/tabriz`.
    public static func tabriz() -> BudgetBook {
        build(CityProfile.tabriz, rng: SplitMix64(seed: tabrizSeed))
    }

    /// `count` generated cities of about `lines` budget lines each, numbered from 1. Each book
    /// is built only when `book()` is called, so a caller can write one city at a time.
    public static func cities(_ count: Int, lines: Int, seed: UInt64 = 1) -> [SampleCity] {
        (1...max(count, 1)).map { SampleCity(lines: lines, number: $0, seed: seed) }
    }

    /// The generated book of this city.
    public func book() -> BudgetBook {
        var rng = SplitMix64(seed: seed ^ (UInt64(number) &* 0x2545_F491_4F6C_DD1D))
        let profile = CityProfile.generated(lines: lines, number: number, rng: &rng)
        return Self.build(profile, rng: rng.fork())
    }

    private static func build(_ profile: CityProfile, rng: SplitMix64) -> BudgetBook {
        var rng = rng
        let drafts = ProjectDraft.draw(for: profile, rng: &rng)
        var expenditure = ExpenditureGenerator(profile: profile, rng: rng.fork(), projects: drafts)
        expenditure.generate()
        for (year, permille) in profile.realizationPermille.sorted(by: { $0.key < $1.key }) {
            expenditure.calibrateRealization(year: year, permille: permille)
        }
        if let next = profile.approvedOnlyYear { expenditure.approvedOnly(year: next.year, total: next.total) }
        let lines = expenditure.lines
        var revenue = RevenueGenerator(profile: profile, rng: rng.fork())
        var approved = [Int: Int64](), revised = [Int: Int64]()
        for line in lines {
            approved[line.year, default: 0] += line.approved.rials
            revised[line.year, default: 0] += line.revised?.rials ?? 0
        }
        for year in Scenario.years {
            revenue.addYear(year, approvedTotal: approved[year] ?? 0, revisedTotal: revised[year] ?? 0)
        }
        for (year, permille) in profile.realizationPermille.sorted(by: { $0.key < $1.key }) {
            revenue.calibrateRealization(year: year, permille: permille)
        }
        if let next = profile.approvedOnlyYear {
            revenue.addYear(next.year, approvedTotal: approved[next.year] ?? 0, revisedTotal: approved[next.year] ?? 0)
            revenue.approvedOnly(year: next.year)
        }
        var projectRNG = rng.fork()
        let projects = ProjectDraft.table(expenditure.projects, rng: &projectRNG)
        let deflator = zip(Scenario.years, Scenario.deflator).map { DeflatorPoint(year: $0, index: $1) }
            + (profile.approvedOnlyYear.map { [DeflatorPoint(year: $0.year, index: $0.deflator)] } ?? [])
        var book = BudgetBook(
            metadata: profile.metadata, functions: BudgetFunction.defaults, regions: profile.regions,
            budgetLines: lines, revenues: revenue.revenues, projects: projects,
            authorizations: revenue.authorizations, deflator: deflator, governanceYAML: profile.governanceYAML,
            regionsGeoJSON: profile.regionsGeoJSON)
        profile.group?.apply(to: &book)
        return book
    }
}
