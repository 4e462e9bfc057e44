import Foundation
import TarazuCore

/// An indicator value as every surface prints it, by its unit: a ratio as a percentage with one
/// decimal, rials as billion rials with one decimal, rials per person as million rials with one
/// decimal (whole rials under a million), an index with three decimals, a ratio of two amounts as
/// «۱۱٫۳ برابر» / "11.3 times", a count whole (with the noun counted when the unit names
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
    public static let countingUnits: Set<String> = ["count", "regions", "functions", "lines", "rows", "entries", "systems", "years"]

    /// The noun a counting unit counts, singular and plural (Persian keeps the singular after a number).
    private func countedNoun(_ unit: String) -> (one: String, many: String)? {
        switch unit {
        case "regions": (language.pick("منطقه", "region"), language.pick("منطقه", "regions"))
        case "functions": (language.pick("مأموریت", "function"), language.pick("مأموریت", "functions"))
        case "lines": (language.pick("ردیف", "line"), language.pick("ردیف", "lines"))
        case "rows": (language.pick("ردیف", "row"), language.pick("ردیف", "rows"))
        case "entries": (language.pick("مورد", "entry"), language.pick("مورد", "entries"))
        case "systems": (language.pick("سامانه", "system"), language.pick("سامانه", "systems"))
        case "years": (language.pick("سال", "year"), language.pick("سال", "years"))
        default: nil
        }
    }

    /// What a unit reads as beside a figure (`ratio` is «درصد» / percent).
    public func unitName(_ unit: String) -> String {
        switch unit {
        case "ratio", "limit_ratio": language.pick("درصد", "percent")
        case "rials": language.pick("میلیارد ریال", "billion rials")
        case "rials_per_person": rialsPerPersonWords
        case "score": language.pick("امتیاز", "score")
        case "count": language.pick("تعداد", "count")
        case "index": language.pick("شاخص", "index")
        case "times": language.pick("برابر", "times")
        case "flag": language.pick("بله/خیر", "yes/no")
        case "year": language.pick("سال", "year")
        case "regions", "functions", "lines", "rows", "entries", "systems", "years": countedNoun(unit).map(\.many) ?? unit
        case "number": language.pick("عدد", "number")
        case "record": language.pick("به تفکیک", "by item")
        case "named_rials": language.pick("میلیارد ریال به تفکیک", "billion rials by item")
        case "named_rials_per_person": language.pick("میلیون ریال به ازای هر نفر به تفکیک", "million rials per person by item")
        case "change": language.pick("درصد تغییر", "percent change")
        case "named_changes": language.pick("درصد تغییر به تفکیک", "percent change by item")
        default: unit
        }
    }

    /// An indicator's value as every surface prints it: a declared fact nobody declared is «اظهار نشده» /
    /// "not declared", not «در دسترس نیست»; otherwise ``scalar(_:unit:)``.
    public func value(of indicator: Indicator) -> String? {
        if indicator.basis == .declared, case .unavailable = indicator.value { return notDeclared }
        return scalar(indicator.value, unit: indicator.unit)
    }

    /// A share of all sources quoted without borrowing too, as its findings quote it: «بدون استقراض: ۴۳٫۶٪»;
    /// nil for any other indicator.
    public func withoutBorrowing(of indicator: Indicator) -> String? {
        guard indicator.unit == "ratio", let without = indicator.breakdown["realized_without_borrowing"],
              let shown = scalar(without, unit: "ratio") else { return nil }
        return language.pick("بدون استقراض: ", "borrowing left out: ") + shown
    }

    /// A declared fact without a declaration.
    public var notDeclared: String { language.pick("اظهار نشده", "not declared") }

    /// `value` by `unit`; a record or a list gives nil (its entries need names: the surface says them),
    /// except a list in the unit `named_rials` (``namedRials(_:)``). The unit `limit_ratio` is a ratio
    /// someone set (a threshold), printed with the decimals it has: «۲۵٪».
    public func scalar(_ value: IndicatorValue, unit: String) -> String? {
        if unit == "named_rials", case .list(let items) = value { return namedRials(items) }
        if unit == "named_rials_total", case .list(let items) = value { return namedRialsWithTotal(items) }
        if unit == "named_rials_per_person", case .list(let items) = value { return named(items, unit: "rials_per_person") }
        if unit == "named_changes", case .list(let items) = value { return namedChanges(items) }
        if unit == "low_population_regions", case .list(let items) = value { return lowPopulationRegions(items) }
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
        case "limit_ratio": return numerals.exactPercent(number)
        case "change": return change(number)
        case "times": return numerals.fixed(number, places: 1) + " " + language.pick("برابر", "times")
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
        case "regions", "functions", "lines", "rows", "entries", "systems", "years":
            guard let noun = countedNoun(unit) else { return numerals.fixed(number, places: 0) }
            return numerals.fixed(number, places: 0) + " " + (number == 1 ? noun.one : noun.many)
        case "index": return numerals.fixed(number, places: 3)
        default:
            if case .count = value { return numerals.fixed(number, places: 0) }
            if case .rials(let rials) = value { return numerals.billionRials(rials) }
            return numerals.fixed(number, places: 3)
        }
    }

    /// A figure someone set rather than measured (a rubric threshold, a target), with the decimals it
    /// has and no more: «۲۵٪», «۰٫۲», «۱۰ برابر»; other units as ``scalar(_:unit:)``.
    public func stated(_ value: IndicatorValue, unit: String) -> String? {
        guard let number = Self.number(value) else { return scalar(value, unit: unit) }
        switch unit {
        case "ratio": return numerals.exactPercent(number)
        case "index", "number": return numerals.exact(number)
        case "times": return numerals.exact(number) + " " + language.pick("برابر", "times")
        default: return scalar(value, unit: unit)
        }
    }

    /// A list of named amounts (records with `name_fa`, `name_en` and one amount in rials, e.g. the
    /// regions selling assets beyond their authorization with the excess) as one phrase:
    /// «منطقه ۴ با ۱٬۲۰۳٫۴ میلیارد ریال، منطقه ۱ با ۴۵۶٫۷ میلیارد ریال و منطقه ۱۰ با ۸۷٫۵ میلیارد ریال»; none: «هیچ».
    public func namedRials(_ items: [IndicatorValue]) -> String { named(items, unit: "rials") }

    /// ``namedRials(_:)`` followed, when there are several, by their sum: «منطقه ۶ با ۱٬۹۰۱٫۰ میلیارد ریال و
    /// منطقه ۳ با ۶۴۴٫۷ میلیارد ریال؛ در مجموع ۲٬۵۴۵٫۷ میلیارد ریال»; one alone has no total that repeats it.
    public func namedRialsWithTotal(_ items: [IndicatorValue]) -> String {
        let listed = namedRials(items)
        guard items.count > 1 else { return listed }
        var total: Int64 = 0
        for item in items {
            guard case .record(let fields) = item else { continue }
            for value in fields.values {
                guard case .rials(let rials) = value else { continue }
                let (sum, overflow) = total.addingReportingOverflow(rials)
                guard !overflow else { return listed }
                total = sum
            }
        }
        return listed + listSeparator + language.pick("در مجموع ", "in all ") + numerals.billionRials(total)
    }

    /// A list of records with `name_fa`, `name_en` and one amount (whole rials, or a decimal in `unit`)
    /// as one phrase, each amount formatted in `unit` (``namedRials(_:)``).
    public func named(_ items: [IndicatorValue], unit: String) -> String {
        let phrases: [String] = items.map { item in
            guard case .record(let fields) = item else { return scalar(item, unit: unit) ?? notAvailable }
            var name = ""
            if case .text(let text)? = fields[language.pick("name_fa", "name_en")] { name = text }
            let amount = fields.keys.sorted().compactMap { key -> IndicatorValue? in
                switch fields[key] { case .rials?, .decimal?: fields[key] default: nil }
            }.first
            let figure = amount.flatMap { scalar($0, unit: unit) } ?? notAvailable
            if name.isEmpty { return figure }
            if language == .fa { return "\(name) با \(figure)" }
            return name.hasSuffix(")") ? "\(name): \(figure)" : "\(name) (\(figure))"
        }
        return joined(phrases)
    }

    /// The regions an equity figure leaves out for their small population (records with `name_fa` and
    /// `name_en`), each named with its mark: «منطقه ۱۰ (کم‌جمعیت)», «منطقه ۳ (صنعتی، کم‌جمعیت) و منطقه ۹
    /// (کم‌جمعیت)»; none: «مناطق کم‌جمعیت، که این کتاب ندارد».
    public func lowPopulationRegions(_ items: [IndicatorValue]) -> String {
        let names: [String] = items.compactMap { item in
            guard case .record(let fields) = item, case .text(let name)? = fields[language.pick("name_fa", "name_en")] else { return nil }
            return BreakdownText.regionName(name, lowPopulation: true, language: language)
        }
        guard !names.isEmpty else { return language.pick("مناطق کم‌جمعیت، که این کتاب ندارد", "low-population regions, of which the book has none") }
        return joined(names)
    }

    /// Phrases joined as a list is said: «الف، ب و ج»; none: «هیچ».
    private func joined(_ phrases: [String]) -> String {
        guard let last = phrases.last else { return language.pick("هیچ", "none") }
        if phrases.count == 1 { return last }
        return phrases.dropLast().joined(separator: language.pick("، ", ", ")) + language.pick(" و ", " and ") + last
    }

    /// A signed change in words, so no minus sign sits inside right-to-left prose: «۲۸٫۰٪ کاهش»,
    /// «۴٫۵٪ افزایش», «بدون تغییر».
    public func change(_ ratio: Decimal) -> String {
        if ratio == 0 { return language.pick("بدون تغییر", "no change") }
        let size = numerals.percent(ratio < 0 ? -ratio : ratio)
        return ratio < 0 ? language.pick("\(size) کاهش", "\(size) down") : language.pick("\(size) افزایش", "\(size) up")
    }

    /// A signed figure for a table, where a change is read as a number: the sign before the digits
    /// (none on zero), and in Persian the whole in a left-to-right isolate (U+2066 … U+2069) with the
    /// minus sign U+2212, so the sign stays before its number in right-to-left text: «⁦−۵٫۰٪⁩».
    /// `magnitude` is the figure without its sign, as it is printed.
    public func signed(_ magnitude: String, negative: Bool) -> String {
        let zero = magnitude.allSatisfy { !$0.isNumber || $0 == "0" || $0 == "۰" }
        guard !zero else { return magnitude }
        guard language == .fa else { return (negative ? "-" : "+") + magnitude }
        return "\u{2066}" + (negative ? "\u{2212}" : "+") + magnitude + "\u{2069}"
    }

    /// A signed percentage with one decimal (``signed(_:negative:)``): «⁦+۱۳۳٫۴٪⁩», "+133.4 %".
    public func signedPercent(_ ratio: Decimal) -> String {
        signed(numerals.percent(ratio < 0 ? -ratio : ratio), negative: ratio < 0)
    }

    /// Signed rials as billions with one decimal and the unit words after the isolated number
    /// (``signed(_:negative:)``): «⁦−۵۲۵٫۲⁩ میلیارد ریال».
    public func signedBillionRials(_ rials: Int64) -> String {
        signed(numerals.fixed(Decimal(rials).magnitude / 1_000_000_000, places: 1), negative: rials < 0) + " " + billionRialsWords
    }

    /// A list of named changes (records with `name_fa`, `name_en`, `change` and `year`, the year it is
    /// measured from, and optionally `since_first` from `first_year`) as one phrase: «خدمات شهری و محیط
    /// زیست (۲۸٫۰٪ کاهش نسبت به ۱۴۰۲؛ ۴۴٫۰٪ کاهش نسبت به ۱۳۹۹)»; none: «هیچ».
    public func namedChanges(_ items: [IndicatorValue]) -> String {
        let phrases: [String] = items.compactMap { item in
            guard case .record(let fields) = item else { return nil }
            var name = ""
            if case .text(let text)? = fields[language.pick("name_fa", "name_en")] { name = text }
            var parts: [String] = []
            for (changeKey, yearKey) in [("change", "year"), ("since_first", "first_year")] {
                guard let change = fields[changeKey].flatMap(Self.number), let year = fields[yearKey].flatMap(Self.number) else { continue }
                parts.append(self.change(change) + language.pick(" نسبت به ", " on ") + numerals.digits("\(year)"))
            }
            return parts.isEmpty ? name : "\(name) (\(parts.joined(separator: listSeparator)))"
        }
        return joined(phrases)
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
