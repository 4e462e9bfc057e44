import Foundation
import TarazuCore

extension BreakdownText {
    /// An indicator's value as one phrase, the same in the report's indicator table and the terminal: a
    /// share of all sources with its figure without borrowing («۳۹٫۰٪؛ بدون استقراض: ۴۳٫۶٪»), a total
    /// broken down by a dimension with its lowest and highest entries («۷۹٫۴٪ در کل؛ از ... تا ...»);
    /// nil for a value that is a record or a list.
    public func summary(of indicator: Indicator) -> String? {
        guard let value = figures.value(of: indicator) else { return nil }
        let language = figures.numerals.language
        if let without = figures.withoutBorrowing(of: indicator) { return value + figures.listSeparator + without }
        guard let spread = IndicatorSpread(indicator) else { return value }
        return value + " " + language.pick("در کل", "in all") + figures.listSeparator + spread.text(unit: indicator.unit, names: self)
    }
}

/// The lowest and the highest entry of an indicator broken down by a dimension (`….by_function`,
/// `….by_region`, ...), whose value is the total: a table that shows only the total would show the
/// same figure for every breakdown of it, so the surfaces show the spread beside it.
public struct IndicatorSpread: Hashable, Sendable {
    /// One entry: the breakdown key (a function, region, class or project code) and its figure.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: Decimal
    }

    public var lowest: Entry
    public var highest: Entry

    /// The spread of `indicator`'s breakdown by dimension: a number per key, or a record's `total`;
    /// nil when the indicator is not broken down by a dimension or has fewer than two entries.
    public init?(_ indicator: Indicator) {
        guard indicator.id.contains(".by_") else { return nil }
        let entries = indicator.breakdown.compactMap { key, value -> Entry? in
            if let number = FigureText.number(value) { return Entry(key: key, value: number) }
            if case .record(let fields) = value, let total = fields["total"].flatMap(FigureText.number) { return Entry(key: key, value: total) }
            return nil
        }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        guard entries.count >= 2, let lowest = entries.first, let highest = entries.last else { return nil }
        self.lowest = lowest
        self.highest = highest
    }

    /// «از ۶۸٫۷٪ در تملک دارایی‌های سرمایه‌ای تا ۹۲٫۱٪ در هزینه‌ای», each key named by `names`.
    public func text(unit: String, names: BreakdownText) -> String {
        let figures = names.figures
        let language = figures.numerals.language
        func entry(_ entry: Entry) -> String {
            let figure = figures.scalar(.decimal(entry.value), unit: unit) ?? figures.notAvailable
            return language.pick(figure + " در " + names.label(entry.key), figure + " (" + names.label(entry.key) + ")")
        }
        return language.pick("از \(entry(lowest)) تا \(entry(highest))", "from \(entry(lowest)) to \(entry(highest))")
    }
}
