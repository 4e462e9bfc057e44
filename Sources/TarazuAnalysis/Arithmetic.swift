import Foundation
import TarazuCore

/// Exact helpers shared by the indicator builders.
enum Arithmetic {
    /// `value` rounded half away from zero to `scale` decimal places.
    static func round(_ value: Decimal, _ scale: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }

    /// `numerator / denominator` rounded to `scale` places, or `nil` when the denominator is zero.
    static func ratio(_ numerator: Decimal, _ denominator: Decimal, scale: Int) -> Decimal? {
        denominator == 0 ? nil : round(numerator / denominator, scale)
    }

    /// The ratio as an indicator value (`unavailable` over a zero denominator).
    static func ratioValue(_ numerator: Money, _ denominator: Money, scale: Int) -> IndicatorValue {
        ratio(numerator.decimal, denominator.decimal, scale: scale).map(IndicatorValue.decimal) ?? .unavailable
    }

    /// A statistical index computed in `Double`, rounded to `scale` places and carried as a `Decimal`
    /// (non-finite results are `unavailable`).
    static func indexValue(_ value: Double?, scale: Int) -> IndicatorValue {
        guard let value, value.isFinite else { return .unavailable }
        let text = String(format: "%.\(scale)f", value)
        return Decimal(string: text).map { .decimal($0 == 0 ? 0 : $0) } ?? .unavailable
    }

    /// The `limit` smallest of `ids`, sorted; linear in `ids.count` for a small limit.
    static func smallest(_ ids: [String], limit: Int) -> [String] {
        guard ids.count > limit else { return ids.sorted() }
        guard limit > 0 else { return [] }
        var kept = ids.prefix(limit).sorted()
        for id in ids.dropFirst(limit) where id < kept[limit - 1] {
            kept.removeLast()
            let position = kept.partitioningIndex { $0 > id }
            kept.insert(id, at: position)
        }
        return kept
    }

    /// The overflow-checked sum of `amount` over `items`.
    static func sum<T>(_ items: [T], _ amount: (T) -> Money) throws -> Money {
        var total = Money.zero
        for item in items { total = try total.adding(amount(item)) }
        return total
    }
}

extension Array where Element == String {
    /// The first index whose element satisfies `predicate`, for an array partitioned by it.
    func partitioningIndex(where predicate: (String) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
