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
        let regions = book.regions.filter { $0.code != Region.centralCode && $0.population > 0 }
        let threshold = Decimal(regions.reduce(Int64(0)) { $0 + $1.population }) * share
        return Set(regions.filter { Decimal($0.population) < threshold }.map(\.code))
    }

    /// `value` rounded half away from zero to whole rials, as every surface prints it.
    public static func wholeRials(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: Arithmetic.round(value, 0)).int64Value
    }
}
