import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

/// Invariances that must hold on any book: scaling every amount and permuting rows.
@Suite struct PropertyTests {

    /// A three-year book with 8 regions in 2 zones (one tiny), every function and class, revenues,
    /// authorizations and a deflator.
    static func randomBook(seed: UInt64) -> BudgetBook {
        var random = SplitMix64(seed: seed)
        let populations: [Int64] = [218_647, 196_507, 229_474, 315_183, 143_138, 2_250, 161_873, 29_384]
        let regions = [Region(code: "0", nameFa: "مرکزی", population: 0)] + populations.enumerated().map {
            Region(code: String($0.offset + 1), nameFa: "منطقه", population: $0.element, zone: $0.offset % 2 == 0 ? "a" : "b")
        }
        var lines: [BudgetLine] = []
        var revenues: [RevenueLine] = []
        var authorizations: [Authorization] = []
        for year in 1401...1403 {
            for index in 0..<60 {
                let approved = Int64.random(in: 1_000...1_000_000, using: &random)
                let realized = approved * Int64.random(in: 50...130, using: &random) / 100
                let revised = Bool.random(using: &random) ? approved * Int64.random(in: 60...150, using: &random) / 100 : nil
                lines.append(BudgetLine(
                    year: year, lineId: "L\(year)-\(index)", department: "d", regionCode: String(index % 9),
                    function: BudgetFunction.defaults[index % 6].code, projectId: index % 4 == 0 ? "P\(index % 12)" : nil, economicClass: EconomicClass.allCases[index % 3],
                    isContingency: index % 17 == 0, approved: Money(rials: approved),
                    revised: revised.map { Money(rials: $0) }, realized: Money(rials: realized)))
            }
            for (index, revenueClass) in RevenueClass.allCases.enumerated() {
                let approved = Int64.random(in: 10_000...900_000, using: &random)
                revenues.append(RevenueLine(year: year, lineId: "R\(year)-\(index)", revenueClass: revenueClass,
                                            regionCode: String(index % 4 + 1), approved: Money(rials: approved),
                                            realized: Money(rials: approved * Int64.random(in: 70...140, using: &random) / 100)))
            }
            for region in 1...4 {
                authorizations.append(Authorization(year: year, regionCode: String(region), kind: "capital_asset_sales",
                                                    authorizedAmount: Money(rials: Int64.random(in: 0...400_000, using: &random))))
            }
        }
        let deflator = [DeflatorPoint(year: 1401, index: 100), DeflatorPoint(year: 1402, index: 137), DeflatorPoint(year: 1403, index: 181)]
        return TestBooks.book(regions: regions, lines: lines, revenues: revenues, authorizations: authorizations, deflator: deflator)
    }

    /// Drops everything that legitimately scales with the amounts: money and per-capita figures.
    func scaleFree(_ value: IndicatorValue) -> IndicatorValue {
        switch value {
        case .rials: .unavailable
        // An amount per person scales with money too.
        case .record(let fields): .record(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.key == "per_person" ? .unavailable : scaleFree($0.value)) }))
        case .list(let items): .list(items.map(scaleFree))
        default: value
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func scalingAllAmountsLeavesRatiosUnchanged(seed: UInt64) throws {
        let book = Self.randomBook(seed: seed)
        var scaled = book
        let k: Int64 = 7_919
        func times(_ money: Money) -> Money { Money(rials: money.rials * k) }
        scaled.budgetLines = book.budgetLines.map {
            var line = $0
            line.approved = times(line.approved)
            line.revised = line.revised.map(times)
            line.realized = line.realized.map(times)
            return line
        }
        scaled.revenues = book.revenues.map {
            var line = $0
            line.approved = times(line.approved)
            line.realized = line.realized.map(times)
            return line
        }
        scaled.authorizations = book.authorizations.map {
            var authorization = $0
            authorization.authorizedAmount = times(authorization.authorizedAmount)
            return authorization
        }
        let original = try IndicatorEngine.compute(book: book)
        let result = try IndicatorEngine.compute(book: scaled)
        #expect(original.count == result.count)
        var compared = 0
        for (before, after) in zip(original, result) where before.unit != "rials_per_person" {
            #expect(before.id == after.id)
            #expect(scaleFree(before.value) == scaleFree(after.value), "\(before.id)")
            if before.id != "compliance.asset_sales_over_authorization" {
                #expect(before.breakdown.mapValues(scaleFree) == after.breakdown.mapValues(scaleFree), "\(before.id)")
            }
            compared += 1
        }
        #expect(compared > 20)
        // Money scales exactly.
        let excess = original[id: "compliance.asset_sales_over_authorization"]
        let scaledExcess = result[id: "compliance.asset_sales_over_authorization"]
        if case .rials(let amount) = excess.value { #expect(scaledExcess.value == .rials(amount * k)) }
        #expect(excess.breakdown["regions_over"] == scaledExcess.breakdown["regions_over"])
    }

    @Test(arguments: [UInt64(4), 5])
    func permutingRowsChangesNothing(seed: UInt64) throws {
        let book = Self.randomBook(seed: seed)
        var random = SplitMix64(seed: seed &* 31)
        var shuffled = book
        shuffled.budgetLines.shuffle(using: &random)
        shuffled.revenues.shuffle(using: &random)
        shuffled.regions.shuffle(using: &random)
        shuffled.authorizations.shuffle(using: &random)
        shuffled.deflator.shuffle(using: &random)
        #expect(shuffled.budgetLines != book.budgetLines)
        #expect(try IndicatorEngine.compute(book: shuffled) == IndicatorEngine.compute(book: book))
    }

    @Test func randomBookIsNotDegenerate() throws {
        let indicators = try IndicatorEngine.compute(book: Self.randomBook(seed: 1))
        // Region 6 (2,250 people) is under 1 % of the city and flagged.
        #expect(indicators[id: "equity.per_capita.by_region"].breakdown["6"]?["outlier"] == .flag(true))
        for id in ["pefa.pi1", "pefa.pi2", "pefa.pi3", "equity.gini", "equity.theil_t", "revenue.fees_share"] {
            #expect(indicators[id: id].value != .unavailable, "\(id)")
        }
    }
}
