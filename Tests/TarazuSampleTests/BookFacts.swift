import Foundation
import TarazuCore

/// Sums computed straight from a book's rows, for the tests' own checks.
extension BudgetBook {
    func lines(_ year: Int) -> [BudgetLine] { budgetLines.filter { $0.year == year } }

    func approved(_ year: Int, where include: (BudgetLine) -> Bool = { _ in true }) -> Int64 {
        lines(year).filter(include).reduce(0) { $0 + $1.approved.rials }
    }

    func realized(_ year: Int, where include: (BudgetLine) -> Bool = { _ in true }) -> Int64 {
        lines(year).filter(include).reduce(0) { $0 + ($1.realized?.rials ?? 0) }
    }

    func deflatorIndex(_ year: Int) -> Decimal? { deflator.first { $0.year == year }?.index }

    /// Regions whose realized capital asset sales exceed the council's authorization in `year`.
    func regionsOverAuthorization(_ year: Int) -> [String] {
        regions.map(\.code).filter { code in
            let sold = revenues.filter { $0.year == year && $0.regionCode == code && $0.revenueClass == .capitalAssetSales }
                .reduce(0) { $0 + ($1.realized?.rials ?? 0) }
            let ceiling = authorizations.filter { $0.year == year && $0.regionCode == code && $0.kind == "capital_asset_sales" }
                .reduce(0) { $0 + $1.authorizedAmount.rials }
            return sold > ceiling
        }
    }

    /// Approved expenditure per resident by region in `year`, in rials (exact ratio).
    func perCapita(_ year: Int) -> [String: Decimal] {
        var result = [String: Decimal]()
        for region in regions {
            result[region.code] = Decimal(approved(year) { $0.regionCode == region.code }) / Decimal(region.population)
        }
        return result
    }
}

/// `part / whole` as an exact decimal.
func ratio(_ part: Int64, _ whole: Int64) -> Decimal { Decimal(part) / Decimal(whole) }
