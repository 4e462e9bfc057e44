import Foundation
import TarazuCore

/// The value of an indicator or of one entry of its breakdown.
///
/// Ratios are fractions (0.93, not 93) held as exact `Decimal`s, money is whole rials, PEFA scores
/// are letters ("B+"). It encodes to plain JSON (a number, a string, an object, an array or null);
/// encode with `JSONEncoder.OutputFormatting.sortedKeys` for a deterministic key order.
public enum IndicatorValue: Hashable, Sendable {
    /// A fraction or other non-money number (per-capita rials, indices), exact to the stated scale.
    case decimal(Decimal)
    /// An amount of money in whole rials.
    case rials(Int64)
    /// A count of rows, regions, functions ...
    case count(Int)
    /// A letter score such as "B+".
    case grade(String)
    /// A flag such as "this function was cut".
    case flag(Bool)
    /// A label, such as a region code.
    case text(String)
    /// Named values, e.g. the figures of one year.
    case record([String: IndicatorValue])
    /// An ordered list, e.g. the flagged lines.
    case list([IndicatorValue])
    /// Not computable from the data (e.g. a ratio over a zero budget).
    case unavailable
}

extension IndicatorValue: Codable {
    /// Reads a bare JSON value back: null, a boolean, an integer (as rials), a decimal, a string
    /// (as text), an array or an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .unavailable; return }
        if let flag = try? container.decode(Bool.self) { self = .flag(flag); return }
        if let whole = try? container.decode(Int64.self) { self = .rials(whole); return }
        if let number = try? container.decode(Decimal.self) { self = .decimal(number); return }
        if let text = try? container.decode(String.self) { self = .text(text); return }
        if let list = try? container.decode([IndicatorValue].self) { self = .list(list); return }
        self = .record(try container.decode([String: IndicatorValue].self))
    }

    /// Encodes as the bare JSON value. Decoding is lossy about the case (a count reads back as
    /// rials, a grade as text): the unit of the indicator says what a number means.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .decimal(let value): try container.encode(value)
        case .rials(let value): try container.encode(value)
        case .count(let value): try container.encode(value)
        case .grade(let value), .text(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .record(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .unavailable: try container.encodeNil()
        }
    }
}

/// The rows an indicator used and the sums it computed from them.
public struct Evidence: Hashable, Codable, Sendable {
    /// The table the rows come from: `budget_lines`, `revenues`, `regions`, `authorizations`, `deflator`.
    public var table: String
    /// What this piece of evidence is about, e.g. a function code or a year ("" for all rows).
    public var key: String
    /// Ids of the rows used (line ids, region codes), sorted; at most `IndicatorOptions.evidenceRowLimit`.
    public var rows: [String]
    /// How many rows were used in all (may exceed `rows.count`).
    public var rowCount: Int
    /// The sums the indicator was computed from, e.g. `approved` and `realized` in rials.
    public var sums: [String: IndicatorValue]

    /// Evidence of `rows` of `table`; `rowCount` defaults to the number of rows listed.
    public init(table: String, key: String = "", rows: [String], rowCount: Int? = nil, sums: [String: IndicatorValue]) {
        self.table = table
        self.key = key
        self.rows = rows
        self.rowCount = rowCount ?? rows.count
        self.sums = sums
    }
}

/// One governance indicator computed from a budget book, with the evidence behind it.
public struct Indicator: Hashable, Codable, Sendable {
    /// The normative id of DESIGN.md section 4, e.g. `execution.rate.by_function`.
    public var id: String
    /// The name in Persian.
    public var nameFa: String
    /// The name in English.
    public var nameEn: String
    /// How the figure is computed, in Persian and English: words for what is summed and divided,
    /// symbols (y_i, w_i, μ, σ, ln) only where the mathematics helps, parameters (thresholds, bands)
    /// written from the same values in both. The Persian text has Persian digits and puts every
    /// symbol and symbolic expression (the only Latin in it besides PEFA's grade letters) in a
    /// left-to-right Unicode isolate (U+2066 … U+2069), so it reads right inside right-to-left prose
    /// on every surface, the JSON outputs included, and a report can set it in code style.
    public var formula: Bilingual
    /// `ratio`, `rials`, `rials_per_person`, `score`, `index`, `times` (a ratio of two amounts), `flag`,
    /// `years` (a lag), `count` or a count of what it names: `regions`, `functions`, `lines`, `systems` (``FigureText/countingUnits``).
    public var unit: String
    /// The headline value.
    public var value: IndicatorValue
    /// The value split by a key (function code, region code, year, ...).
    public var breakdown: [String: IndicatorValue]
    /// The rows used and their sums.
    public var evidence: [Evidence]
    /// `data` when computed from the budget data, `declared` when taken from the book's governance.yaml.
    public var basis: Basis
    /// What the figure is computed on (amounts, lines, regions, years, prices); set by ``IndicatorEngine``.
    public var computedOn: ComputedOn?

    /// An indicator with its headline value, breakdown and evidence.
    public init(id: String, nameFa: String, nameEn: String, formula: Bilingual, unit: String, value: IndicatorValue,
                breakdown: [String: IndicatorValue] = [:], evidence: [Evidence] = [], basis: Basis = .data,
                computedOn: ComputedOn? = nil) {
        self.id = id
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.formula = formula
        self.unit = unit
        self.value = value
        self.breakdown = breakdown
        self.evidence = evidence
        self.basis = basis
        self.computedOn = computedOn
    }
}
