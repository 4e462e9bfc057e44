import Foundation
import TarazuAnalysis
import TarazuCore

/// Small helpers to build books by hand and read indicators back.
enum TestBooks {
    static func line(_ id: String, year: Int = 1403, region: String = "0", function: String = "social_cultural",
                     economic: EconomicClass = .current, contingency: Bool = false, project: String? = nil,
                     approved: Int64, revised: Int64? = nil, realized: Int64?) -> BudgetLine {
        BudgetLine(year: year, lineId: id, department: "d", regionCode: region, function: function, projectId: project,
                   economicClass: economic, isContingency: contingency, approved: Money(rials: approved),
                   revised: revised.map { Money(rials: $0) }, realized: realized.map { Money(rials: $0) })
    }

    static func revenue(_ id: String, year: Int = 1403, _ revenueClass: RevenueClass, region: String? = nil,
                        sustainable: Bool? = nil, approved: Int64, realized: Int64) -> RevenueLine {
        RevenueLine(year: year, lineId: id, revenueClass: revenueClass, regionCode: region, sustainable: sustainable,
                    approved: Money(rials: approved), realized: Money(rials: realized))
    }

    static func book(regions: [Region] = [], lines: [BudgetLine], revenues: [RevenueLine] = [],
                     authorizations: [Authorization] = [], deflator: [DeflatorPoint] = []) -> BudgetBook {
        BudgetBook(metadata: BookMetadata(name: "test", title: "test"), regions: regions, budgetLines: lines,
                   revenues: revenues, authorizations: authorizations, deflator: deflator)
    }
}

extension Array where Element == Indicator {
    /// The indicator with `id`; fails the test when missing.
    subscript(id id: String) -> Indicator {
        guard let found = first(where: { $0.id == id }) else { fatalError("no indicator \(id)") }
        return found
    }
}

extension IndicatorValue {
    /// Shorthand for an exact decimal written as text.
    static func d(_ text: String) -> IndicatorValue { .decimal(Decimal(string: text)!) }

    subscript(_ key: String) -> IndicatorValue? {
        if case .record(let fields) = self { return fields[key] }
        return nil
    }
}
