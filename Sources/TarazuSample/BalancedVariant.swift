import Foundation
import TarazuCore

extension SampleCity {
    /// A counterfactual of `book` in which the situations of the source report do not occur: every
    /// line is revised to its approved amount and 98 % realized, no function loses budget in real
    /// terms, half of the central organisation's lines are devolved to the regions, regional
    /// populations follow capital spending, asset sales stay within a council authorization, approved
    /// sources equal uses without borrowing (revenue pays for what is spent), and governance.yaml declares connected systems, dashboards, published
    /// contracts and participatory budgeting. The rubric must not find the source report's
    /// weaknesses in it; tests use it as the control.
    public static func balancedVariant(of book: BudgetBook) -> BudgetBook {
        var variant = book
        variant.metadata.name = book.metadata.name + "-balanced"
        variant.metadata.title = book.metadata.title + " (balanced counterfactual)"
        variant.budgetLines = devolved(withoutRealCuts(book.budgetLines, deflator: book.deflator), regions: book.regions, entities: book.entities)
        variant.budgetLines = variant.budgetLines.map { line in
            var line = line
            line.revised = line.approved
            line.realized = Money(rials: line.approved.rials / 100 * 98)
            return line
        }
        let revenue = book.revenues.filter { $0.revenueClass != .financialAssetSales }
        variant.revenues = balancedRevenues(mostlySustainable(revenue), uses: variant.budgetLines)
        variant.projects = estimatesCoveringSpending(book.projects, lines: variant.budgetLines)
        variant.regions = populationsFollowingCapital(book.regions, lines: variant.budgetLines)
        variant.authorizations = authorizationsCoveringSales(book.authorizations, revenues: variant.revenues)
        variant.governanceYAML = balancedGovernance
        return variant
    }

    /// Scales up every function-year whose approved total falls in real terms, to 2 % real growth.
    private static func withoutRealCuts(_ lines: [BudgetLine], deflator: [DeflatorPoint]) -> [BudgetLine] {
        let index = Dictionary(deflator.map { ($0.year, $0.index) }, uniquingKeysWith: { first, _ in first })
        var result = lines
        let years = Set(lines.map(\.year)).sorted()
        for function in Set(lines.map(\.function)).sorted() {
            for (previousYear, year) in zip(years, years.dropFirst()) {
                guard let before = index[previousYear], let now = index[year] else { continue }
                let previousTotal = Decimal(result.filter { $0.year == previousYear && $0.function == function }.reduce(0) { $0 + $1.approved.rials })
                let total = Decimal(result.filter { $0.year == year && $0.function == function }.reduce(0) { $0 + $1.approved.rials })
                guard total > 0, total * before < previousTotal * now else { continue }
                let factor = previousTotal * now / (total * before) * Decimal(string: "1.02")!
                for position in result.indices where result[position].year == year && result[position].function == function {
                    result[position].approved = Money(rials: wholeMillions(Decimal(result[position].approved.rials) * factor))
                }
            }
        }
        return result
    }

    /// Moves every second current or capital line of the central organisation to a region, in turn.
    private static func devolved(_ lines: [BudgetLine], regions: [Region], entities: [Entity]) -> [BudgetLine] {
        let codes = regions.map(\.code).filter { $0 != Region.centralCode }.sorted()
        guard !codes.isEmpty else { return lines }
        var result = lines
        let central = result.indices
            .filter { result[$0].regionCode == Region.centralCode && !result[$0].isContingency
                && (result[$0].economicClass == .current || result[$0].economicClass == .capital) }
            .sorted { result[$0].lineId < result[$1].lineId }
        for (turn, position) in central.enumerated() where turn % 2 == 0 {
            let region = codes[(turn / 2) % codes.count]
            result[position].regionCode = region
            // In a book with entities the region's municipality takes the line over.
            if result[position].entityCode != nil { result[position].entityCode = BudgetBook.defaultEntity(regionCode: region, in: entities) }
        }
        return result
    }

    /// Revenues 98 % realized, with the largest line of each year adjusted so approved sources equal uses.
    private static func balancedRevenues(_ revenues: [RevenueLine], uses: [BudgetLine]) -> [RevenueLine] {
        var result = revenues
        for year in Set(revenues.map(\.year)) {
            let positions = result.indices.filter { result[$0].year == year }
            let sources = positions.reduce(Int64(0)) { $0 + result[$1].approved.rials }
            let spending = uses.filter { $0.year == year }.reduce(Int64(0)) { $0 + $1.approved.rials }
            if let largest = positions.max(by: { result[$0].approved < result[$1].approved }) {
                result[largest].approved = Money(rials: result[largest].approved.rials + spending - sources)
            }
        }
        return result.map { line in
            var line = line
            line.revised = line.approved
            line.realized = Money(rials: line.approved.rials / 100 * 98)
            return line
        }
    }

    /// Shifts each year's approved revenue (borrowing aside) from unsustainable to sustainable lines until
    /// unsustainable lines hold 40 % of it, the year's total kept.
    private static func mostlySustainable(_ revenues: [RevenueLine]) -> [RevenueLine] {
        let limit = Decimal(string: "0.4")!
        var result = revenues
        for year in Set(revenues.map(\.year)) {
            let positions = result.indices.filter { result[$0].year == year && result[$0].revenueClass != .financialAssetSales }
            let unsustainable = Decimal(positions.filter { !result[$0].sustainable }.reduce(Int64(0)) { $0 + result[$1].approved.rials })
            let sustainable = Decimal(positions.filter { result[$0].sustainable }.reduce(Int64(0)) { $0 + result[$1].approved.rials })
            let total = unsustainable + sustainable
            guard sustainable > 0, unsustainable > limit * total else { continue }
            let down = limit * total / unsustainable, up = (total - limit * total) / sustainable
            for position in positions {
                let factor = result[position].sustainable ? up : down
                result[position].approved = Money(rials: wholeMillions(Decimal(result[position].approved.rials) * factor))
            }
        }
        return result
    }

    /// Raises each project's current cost estimate to at least what its lines realized.
    private static func estimatesCoveringSpending(_ projects: [Project], lines: [BudgetLine]) -> [Project] {
        var spent: [String: Int64] = [:]
        for line in lines { if let id = line.projectId { spent[id, default: 0] += line.realized?.rials ?? 0 } }
        return projects.map { project in
            var project = project
            let estimate = project.currentCostEstimate ?? project.plannedCost
            project.currentCostEstimate = Money(rials: max(estimate.rials, spent[project.projectId] ?? 0))
            return project
        }
    }

    /// Keeps the city's population but spreads it over the regions as the latest year's capital spending.
    private static func populationsFollowingCapital(_ regions: [Region], lines: [BudgetLine]) -> [Region] {
        guard let latest = lines.map(\.year).max() else { return regions }
        var capital: [String: Int64] = [:]
        for line in lines where line.year == latest && line.economicClass == .capital {
            capital[line.regionCode, default: 0] += line.approved.rials / 1_000_000
        }
        let real = regions.filter { $0.code != Region.centralCode }
        let population = real.reduce(Int64(0)) { $0 + $1.population }
        let spending = real.reduce(Int64(0)) { $0 + (capital[$1.code] ?? 0) }
        guard spending > 0 else { return regions }
        return regions.map { region in
            guard region.code != Region.centralCode else { return region }
            var region = region
            let share = Decimal(capital[region.code] ?? 0) / Decimal(spending)
            region.population = max(1, NSDecimalNumber(decimal: share * Decimal(population)).int64Value)
            return region
        }
    }

    /// Raises each authorization of capital asset sales to at least the realized sales of its region and year.
    private static func authorizationsCoveringSales(_ authorizations: [Authorization], revenues: [RevenueLine]) -> [Authorization] {
        var sales: [String: Int64] = [:]
        for line in revenues where line.revenueClass == .capitalAssetSales {
            sales["\(line.year)/\(line.regionCode ?? Region.centralCode)", default: 0] += line.realized?.rials ?? 0
        }
        var result = authorizations
        var covered = Set<String>()
        for position in result.indices where result[position].kind == RevenueClass.capitalAssetSales.rawValue {
            let key = "\(result[position].year)/\(result[position].regionCode)"
            covered.insert(key)
            result[position].authorizedAmount = Money(rials: max(result[position].authorizedAmount.rials, sales[key] ?? 0))
        }
        for (key, amount) in sales.sorted(by: { $0.key < $1.key }) where !covered.contains(key) && amount > 0 {
            let parts = key.split(separator: "/")
            result.append(Authorization(year: Int(parts[0])!, regionCode: String(parts[1]), kind: RevenueClass.capitalAssetSales.rawValue,
                                        authorizedAmount: Money(rials: amount)))
        }
        return result
    }

    private static func wholeMillions(_ rials: Decimal) -> Int64 {
        var value = rials / 1_000_000
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .up)
        return NSDecimalNumber(decimal: rounded).int64Value * 1_000_000
    }

    static let balancedGovernance = """
        source: "Balanced counterfactual of the sample (not a real declaration)"
        facts:
          regular_official_reporting: {value: true}
          budget_report_has_policy_analysis: {value: true}
          council_dashboards: {value: true}
          connected_source_systems: {value: 4}
          citizen_participation_in_budgeting: {value: true}
          participatory_budget_share: {value: 0.06}
          contracts_published: {value: true}

        """
}
