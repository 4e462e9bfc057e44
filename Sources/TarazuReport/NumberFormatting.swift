import Foundation
import TarazuAnalysis
import TarazuCore

extension Decimal {
    /// The value rounded to a whole number.
    var rounded0: Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, 0, .plain)
        return result
    }
}

/// The exact number inside a value, if it is one.
func decimalValue(_ value: IndicatorValue) -> Decimal? { FigureText.number(value) }

/// Formats indicator values and rubric figures by their unit; breakdowns through ``BreakdownText``.
struct ValueFormatter: Sendable {
    let numerals: Numerals
    let text: ReportText
    let breakdown: BreakdownText

    /// A figure by its unit (``FigureText``); a record as `key: value` pairs, a list joined.
    func format(_ value: IndicatorValue, unit: String) -> String {
        switch value {
        case .record(let record): return formatRecord(record, unit: unit)
        case .list(let items):
            if let named = FigureText(language: numerals.language).scalar(value, unit: unit) { return named }
            return items.map { format($0, unit: unit) }.joined(separator: text.listSeparator)
        default: return FigureText(language: numerals.language).scalar(value, unit: unit) ?? text.notAvailable
        }
    }

    /// An indicator's own value (``FigureText/value(of:)``), else as ``format(_:unit:)``.
    func format(_ indicator: Indicator) -> String {
        FigureText(language: numerals.language).value(of: indicator) ?? format(indicator.value, unit: indicator.unit)
    }

    /// A value found under `key` inside a breakdown: the key says what it is when the unit cannot.
    func format(_ value: IndicatorValue, key: String, indicatorUnit: String) -> String {
        breakdown.value(value, key: key, indicatorUnit: indicatorUnit)
    }

    /// `key: value` pairs of a record, sorted by key.
    func formatRecord(_ record: [String: IndicatorValue], unit: String) -> String {
        breakdown.record(record, indicatorUnit: unit)
    }
}
