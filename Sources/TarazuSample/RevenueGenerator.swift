import TarazuCore

/// Builds the revenue lines (sources) and the council's authorizations for capital asset sales.
///
/// Approved and revised sources equal approved and revised uses each year. Each region's
/// approved asset sales equal the ceiling the council authorized; realized sales exceed it in
/// the regions the profile names for that year and fall short elsewhere.
struct RevenueGenerator {
    private let profile: CityProfile
    private var rng: SplitMix64
    private(set) var revenues = [RevenueLine]()
    private(set) var authorizations = [Authorization]()
    private let quantum = Scenario.quantum

    init(profile: CityProfile, rng: SplitMix64) {
        self.profile = profile
        self.rng = rng
    }

    /// Revenue classes, their weight per-mille of the total, whether regions collect them, and
    /// their realization range per-mille.
    private static let classes: [(RevenueClass, Int64, Bool, ClosedRange<Int64>)] = [
        (.generalFees, 330, true, 650...900),
        (.specificFees, 60, true, 850...1_000),
        (.serviceCharges, 80, true, 850...1_020),
        (.propertyIncome, 40, false, 600...900),
        (.grants, 50, false, 400...800),
        (.donations, 10, false, 300...900),
        (.capitalAssetSales, 250, true, 350...850),
        (.financialAssetSales, 130, false, 600...900),
        (.other, 50, false, 800...1_000),
    ]
    /// Realization of capital asset sales in regions that exceed their authorization.
    private static let overRealization: ClosedRange<Int64> = 1_150...1_450

    /// Adds the year's revenue lines: approved sums to `approvedTotal`, revised to `revisedTotal`.
    mutating func addYear(_ year: Int, approvedTotal: Int64, revisedTotal: Int64) {
        let classAmounts = Allocation.split(approvedTotal, weights: Self.classes.map(\.1), quantum: quantum)
        var drafts = [(RevenueClass, String, Int64, ClosedRange<Int64>)]()
        let feeSum = profile.feeWeights.reduce(0, +)
        for ((revenueClass, _, regional, realization), amount) in zip(Self.classes, classAmounts) {
            guard regional else {
                drafts.append((revenueClass, Region.centralCode, amount, realization))
                continue
            }
            let codes: [String], weights: [Int64]
            if revenueClass == .capitalAssetSales {
                codes = profile.regions.map(\.code)
                weights = profile.saleWeights.map { $0 * rng.int(Int64(800)...Int64(1_200)) }
            } else {
                codes = [Region.centralCode] + profile.regions.map(\.code)
                let central = revenueClass == .serviceCharges ? feeSum * 2 / 3 : feeSum * profile.centralFeePermille / 1000
                weights = ([central] + profile.feeWeights).map { $0 * rng.int(Int64(800)...Int64(1_200)) }
            }
            let over = profile.overAuthorization[year] ?? []
            for (code, share) in zip(codes, Allocation.split(amount, weights: weights, quantum: quantum)) {
                let range = revenueClass == .capitalAssetSales && over.contains(code) ? Self.overRealization : realization
                drafts.append((revenueClass, code, share, range))
            }
        }
        let revisedWeights = drafts.map { max($0.2 / quantum, 1) * rng.int(Int64(950)...Int64(1_100)) }
        let revised = Allocation.split(revisedTotal, weights: revisedWeights, quantum: quantum)
        for (index, (revenueClass, code, approved, realization)) in drafts.enumerated() {
            let realized = Allocation.scale(approved, permille: rng.int(realization), quantum: quantum)
            let digits = String(index + 1)
            revenues.append(RevenueLine(
                year: year, lineId: "\(year)-R" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits,
                revenueClass: revenueClass, regionCode: code, approved: Money(rials: approved),
                revised: Money(rials: revised[index]), realized: Money(rials: realized)))
            if revenueClass == .capitalAssetSales {
                authorizations.append(Authorization(
                    year: year, regionCode: code, kind: RevenueClass.capitalAssetSales.code,
                    authorizedAmount: Money(rials: approved),
                    resolutionRef: "\(year - 1)/\(400 + authorizations.count % 100)",
                    resolutionDate: "\(year - 1)/12/\(10 + rng.int(0...15))"))
            }
        }
    }

    /// Leaves `year` with its approved amounts only: a budget not yet executed.
    mutating func approvedOnly(year: Int) {
        for index in revenues.indices where revenues[index].year == year {
            revenues[index].revised = nil
            revenues[index].realized = nil
        }
    }

    /// Raises the realized revenue of `year` to `permille` of its approved total, sharing the shortfall among
    /// lines in proportion to their room up to the larger of their approved and revised amounts (a line
    /// already above both keeps its figure).
    mutating func calibrateRealization(year: Int, permille: Int64) {
        let positions = revenues.indices.filter { revenues[$0].year == year }
        let approved = positions.reduce(Int64(0)) { $0 + revenues[$1].approved.rials }
        let realized = positions.reduce(Int64(0)) { $0 + (revenues[$1].realized?.rials ?? 0) }
        let target = Allocation.scale(approved, permille: permille, quantum: quantum)
        let room = positions.map { max(0, max(revenues[$0].approved.rials, revenues[$0].revised?.rials ?? 0) - (revenues[$0].realized?.rials ?? 0)) }
        guard target > realized, room.contains(where: { $0 > 0 }) else { return }
        let raise = Allocation.split(min(target - realized, room.reduce(0, +)), weights: room.map { $0 / quantum }, quantum: quantum)
        for (position, extra) in zip(positions, raise) where extra > 0 {
            revenues[position].realized = Money(rials: (revenues[position].realized?.rials ?? 0) + extra)
        }
    }
}
