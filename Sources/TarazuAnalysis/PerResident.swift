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

    /// `value` rounded half away from zero to whole rials, as every surface prints it.
    public static func wholeRials(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: Arithmetic.round(value, 0)).int64Value
    }
}
