import Foundation
import TarazuCore

/// Amounts per resident, by the rule of `equity.per_capita.by_region`: the amount divided by the
/// population, rounded half away from zero to `perCapitaScale` decimals; whole rials when printed.
public enum PerResident {
    /// `amount / population`, or nil without a population.
    public static func amount(_ amount: Money, population: Int64, scale: Int = IndicatorOptions().perCapitaScale) -> Decimal? {
        guard population > 0 else { return nil }
        return Arithmetic.ratio(amount.decimal, Decimal(population), scale: scale)
    }

    /// The codes of `book`'s low-population regions: those whose population is under `share` of the
    /// city's (the regions with a population, the central administration apart). The inequality
    /// measures leave them out, and every surface marks them «کم‌جمعیت».
    public static func lowPopulationRegions(of book: BudgetBook,
                                            share: Decimal = IndicatorOptions().outlierPopulationShare) -> Set<String> {
        lowPopulationRegions(populations: Dictionary(book.regions.map { ($0.code, $0.population) }, uniquingKeysWith: { first, _ in first }),
                             share: share)
    }

    /// The same rule over populations by region code (a participatory budgeting process's own): the
    /// regions with a population under `share` of the regions' total; the central code and regions
    /// without a population are never low-population.
    public static func lowPopulationRegions(populations: [String: Int64],
                                            share: Decimal = IndicatorOptions().outlierPopulationShare) -> Set<String> {
        let regions = populations.filter { $0.key != Region.centralCode && $0.value > 0 }
        var total: Int64 = 0
        for population in regions.values {
            let (sum, overflow) = total.addingReportingOverflow(population)
            guard !overflow else { return [] }
            total = sum
        }
        let threshold = Decimal(total) * share
        return Set(regions.filter { Decimal($0.value) < threshold }.map(\.key))
    }

    /// `value` rounded half away from zero to whole rials, as every surface prints it.
    public static func wholeRials(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: Arithmetic.round(value, 0)).int64Value
    }
}
