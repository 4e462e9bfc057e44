import Foundation
import TarazuAnalysis
import TarazuCore

/// Formats numbers for one report language: Persian digits and separators (٫ ٬ ٪) in Persian,
/// ASCII digits in English. Money is formatted from whole rials (`Int64`) through `Decimal`, never `Double`.
struct Numerals: Sendable {
    let language: ReportLanguage

    private var isPersian: Bool { language == .fa }
    private var decimalSeparator: String { isPersian ? "٫" : "." }
    private var groupSeparator: String { isPersian ? "٬" : "," }

    /// Replaces ASCII digits by Persian digits in Persian; English text is left alone.
    func digits(_ text: String) -> String { isPersian ? PersianText.persianDigits(text) : text }

    /// `value` rounded half away from zero to `places` decimals, with thousands grouping.
    func fixed(_ value: Decimal, places: Int, grouping: Bool = true) -> String {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, places, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let parts = "\(magnitude)".split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts.first ?? "0")
        if whole.isEmpty { whole = "0" }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < places { fraction += String(repeating: "0", count: places - fraction.count) }
        if fraction.count > places { fraction = String(fraction.prefix(places)) }
        if grouping { whole = group(whole) }
        var text = (negative ? "-" : "") + whole
        if places > 0 { text += decimalSeparator + fraction }
        return digits(text)
    }

    private func group(_ whole: String) -> String {
        var result = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { result += groupSeparator }
            result.append(character)
        }
        return result
    }

    /// A whole number with grouping.
    func integer(_ value: Int64) -> String { fixed(Decimal(value), places: 0) }

    /// A Jalali year as written (no grouping).
    func year(_ value: Int) -> String { digits(String(value)) }

    /// A fraction as a percentage with one decimal: `93.0 %` / `۹۳٫۰٪`.
    func percent(_ fraction: Decimal) -> String {
        let number = fixed(fraction * 100, places: 1)
        return isPersian ? number + "٪" : number + " %"
    }

    /// Rials as billions of rials with one decimal and grouping, without the unit words.
    func billions(_ rials: Int64) -> String { fixed(Decimal(rials) / 1_000_000_000, places: 1) }

    /// Rials as billions of rials with the unit words.
    func billionRials(_ rials: Int64) -> String {
        billions(rials) + (isPersian ? " میلیارد ریال" : " billion rials")
    }

    /// The Jalali calendar date of `date` in Tehran time, `yyyy/mm/dd`.
    func jalaliDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .persian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d/%02d/%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return digits(text)
    }
}

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
func decimalValue(_ value: IndicatorValue) -> Decimal? {
    switch value {
    case .decimal(let number): number
    case .rials(let rials): Decimal(rials)
    case .count(let count): Decimal(count)
    default: nil
    }
}

/// Formats indicator values and rubric figures by their unit.
struct ValueFormatter: Sendable {
    let numerals: Numerals
    let text: ReportText

    /// A figure by its unit: ratio as percent, rials as billion rials, count, score letter, flag as
    /// yes/no, year, index with three decimals, rials per person as whole rials.
    func format(_ value: IndicatorValue, unit: String) -> String {
        switch value {
        case .unavailable: return text.notAvailable
        case .grade(let grade): return grade
        case .flag(let flag): return flag ? text.yes : text.no
        case .text(let label): return label
        case .record(let record): return formatRecord(record, unit: unit)
        case .list(let items): return items.map { format($0, unit: unit) }.joined(separator: text.listSeparator)
        case .decimal, .rials, .count: break
        }
        let number = decimalValue(value) ?? 0
        switch unit {
        case "ratio": return numerals.percent(number)
        case "rials":
            if case .rials(let rials) = value { return numerals.billionRials(rials) }
            return numerals.fixed(number / 1_000_000_000, places: 1) + " " + text.billionRialsWords
        case "rials_per_person": return numerals.fixed(number, places: 0) + " " + text.rialsPerPersonWords
        case "count":
            // A fraction labelled as a count (a breakdown share judged without a unit) keeps its decimals.
            if case .decimal = value, number != number.rounded0 { return numerals.fixed(number, places: 3) }
            return numerals.fixed(number, places: 0)
        case "year": return numerals.digits("\(number)")
        case "index": return numerals.fixed(number, places: 3)
        default:
            if case .count = value { return numerals.fixed(number, places: 0) }
            if case .rials(let rials) = value { return numerals.billionRials(rials) }
            return numerals.fixed(number, places: 3)
        }
    }

    /// A value found under `key` inside a breakdown: the key says what it is when the unit cannot.
    func format(_ value: IndicatorValue, key: String, indicatorUnit: String) -> String {
        switch value {
        case .record(let record): return formatRecord(record, unit: indicatorUnit)
        case .count: return format(value, unit: "count")
        case .rials: return format(value, unit: "rials")
        case .decimal:
            if Self.ratioKeys.contains(where: { key.contains($0) }) { return format(value, unit: "ratio") }
            if ["ratio", "index", "rials_per_person"].contains(indicatorUnit) { return format(value, unit: indicatorUnit) }
            if Self.moneyKeys.contains(key) { return format(value, unit: "rials") }
            return format(value, unit: "index")
        default: return format(value, unit: indicatorUnit)
        }
    }

    /// `key: value` pairs of a record, sorted by key.
    func formatRecord(_ record: [String: IndicatorValue], unit: String) -> String {
        record.keys.sorted().map { key in
            text.keyLabel(key) + ": " + format(record[key]!, key: key, indicatorUnit: unit)
        }.joined(separator: text.listSeparator)
    }

    static let ratioKeys = ["share", "outturn", "variance", "rate", "ratio", "average"]
    static let moneyKeys: Set<String> = ["capital", "total", "approved", "realized", "actual", "budget"]
}
