import Foundation
import TarazuCore

/// An indicator value as every surface prints it, by its unit: a ratio as a percentage with one
/// decimal, rials as billion rials with one decimal, rials per person as million rials with one
/// decimal (whole rials under a million), an index with three decimals, a count whole (with the noun counted when the unit names
/// one: regions, functions, lines, systems, years), a score letter, a flag as yes or no, a year
/// without grouping.
public struct FigureText: Sendable {
    public let numerals: Numerals

    /// The formatter of `language`.
    public init(language: TextLanguage) {
        numerals = Numerals(language: language)
    }

    private var language: TextLanguage { numerals.language }
    /// What an unavailable value reads as.
    public var notAvailable: String { language.pick("در دسترس نیست", "not available") }
    public var yes: String { language.pick("بله", "yes") }
    public var no: String { language.pick("خیر", "no") }
    public var listSeparator: String { language.pick("؛ ", "; ") }
    public var billionRialsWords: String { language.pick("میلیارد ریال", "billion rials") }
    public var rialsPerPersonWords: String { language.pick("میلیون ریال به ازای هر نفر", "million rials per person") }

    /// Units whose values are whole counts: `count` and the units that name what they count.
    public static let countingUnits: Set<String> = ["count", "regions", "functions", "lines", "systems", "years"]

    /// The noun a counting unit counts, singular and plural (Persian keeps the singular after a number).
    private func countedNoun(_ unit: String) -> (one: String, many: String)? {
        switch unit {
        case "regions": (language.pick("منطقه", "region"), language.pick("منطقه", "regions"))
        case "functions": (language.pick("مأموریت", "function"), language.pick("مأموریت", "functions"))
        case "lines": (language.pick("ردیف", "line"), language.pick("ردیف", "lines"))
        case "systems": (language.pick("سامانه", "system"), language.pick("سامانه", "systems"))
        case "years": (language.pick("سال", "year"), language.pick("سال", "years"))
        default: nil
        }
    }

    /// What a unit reads as beside a figure (`ratio` is «درصد» / percent).
    public func unitName(_ unit: String) -> String {
        switch unit {
        case "ratio": language.pick("درصد", "percent")
        case "rials": language.pick("میلیارد ریال", "billion rials")
        case "rials_per_person": rialsPerPersonWords
        case "score": language.pick("امتیاز", "score")
        case "count": language.pick("تعداد", "count")
        case "index": language.pick("شاخص", "index")
        case "flag": language.pick("بله/خیر", "yes/no")
        case "year": language.pick("سال", "year")
        case "regions", "functions", "lines", "systems", "years": countedNoun(unit).map(\.many) ?? unit
        case "number": language.pick("عدد", "number")
        case "record": language.pick("به تفکیک", "by item")
        case "named_rials": language.pick("میلیارد ریال به تفکیک", "billion rials by item")
        default: unit
        }
    }

    /// `value` by `unit`; a record or a list gives nil (its entries need names: the surface says them),
    /// except a list in the unit `named_rials` (``namedRials(_:)``).
    public func scalar(_ value: IndicatorValue, unit: String) -> String? {
        if unit == "named_rials", case .list(let items) = value { return namedRials(items) }
        switch value {
        case .unavailable: return notAvailable
        case .grade(let grade): return grade
        case .flag(let flag): return flag ? yes : no
        case .text(let label): return label
        case .record, .list: return nil
        case .decimal, .rials, .count: break
        }
        let number = Self.number(value) ?? 0
        switch unit {
        case "ratio": return numerals.percent(number)
        case "rials":
            if case .rials(let rials) = value { return numerals.billionRials(rials) }
            return numerals.fixed(number / 1_000_000_000, places: 1) + " " + billionRialsWords
        case "rials_per_person":
            // Million rials with one decimal; a figure under a million rials whole, so it never reads 0.0.
            guard abs(number) < 1_000_000 else { return numerals.fixed(number / 1_000_000, places: 1) + " " + rialsPerPersonWords }
            return numerals.fixed(number, places: 0) + " " + language.pick("ریال به ازای هر نفر", "rials per person")
        case "count":
            // A fraction labelled as a count (a breakdown share judged without a unit) keeps its decimals.
            if case .decimal = value, number != Arithmetic.round(number, 0) { return numerals.fixed(number, places: 3) }
            return numerals.fixed(number, places: 0)
        case "year": return numerals.digits("\(number)")
        case "regions", "functions", "lines", "systems", "years":
            guard let noun = countedNoun(unit) else { return numerals.fixed(number, places: 0) }
            return numerals.fixed(number, places: 0) + " " + (number == 1 ? noun.one : noun.many)
        case "index": return numerals.fixed(number, places: 3)
        default:
            if case .count = value { return numerals.fixed(number, places: 0) }
            if case .rials(let rials) = value { return numerals.billionRials(rials) }
            return numerals.fixed(number, places: 3)
        }
    }

    /// A list of named amounts (records with `name_fa`, `name_en` and one amount in rials, e.g. the
    /// regions selling assets beyond their authorization with the excess) as one phrase:
    /// «منطقه ۴ (۱٬۲۰۳٫۴ میلیارد ریال)، منطقه ۱ (۴۵۶٫۷ میلیارد ریال) و منطقه ۱۰ (۸۷٫۵ میلیارد ریال)»; none: «هیچ».
    public func namedRials(_ items: [IndicatorValue]) -> String {
        let phrases: [String] = items.map { item in
            guard case .record(let fields) = item else { return scalar(item, unit: "rials") ?? notAvailable }
            var name = ""
            if case .text(let text)? = fields[language.pick("name_fa", "name_en")] { name = text }
            let amount = fields.values.compactMap { value -> Int64? in if case .rials(let rials) = value { rials } else { nil } }.first
            let money = amount.map(numerals.billionRials) ?? notAvailable
            return name.isEmpty ? money : "\(name) (\(money))"
        }
        guard let last = phrases.last else { return language.pick("هیچ", "none") }
        if phrases.count == 1 { return last }
        return phrases.dropLast().joined(separator: language.pick("، ", ", ")) + language.pick(" و ", " and ") + last
    }

    /// The exact number inside a value, if it is one.
    public static func number(_ value: IndicatorValue) -> Decimal? {
        switch value {
        case .decimal(let number): number
        case .rials(let rials): Decimal(rials)
        case .count(let count): Decimal(count)
        default: nil
        }
    }
}
