import Foundation

/// One indicator as the JSON outputs write it (`tarazu analyze --format json`, /api/v1): the
/// indicators are keyed by id, so the entry holds everything else.
public struct IndicatorEntry: Encodable, Sendable {
    /// The indicator's Persian name.
    public var nameFa: String
    /// The indicator's English name.
    public var nameEn: String
    /// Its formula in words and symbols.
    public var formula: String
    /// How to read the value.
    public var unit: String
    /// The headline value.
    public var value: IndicatorValue
    /// The value split by a key.
    public var breakdown: [String: IndicatorValue]
    /// The rows used and their sums.
    public var evidence: [Evidence]
    /// Data or declared.
    public var basis: Basis
    /// What the figure is computed on, with the same in words.
    public var computedOn: ComputedOnEntry?

    /// The entry of `indicator`.
    public init(_ indicator: Indicator) {
        nameFa = indicator.nameFa
        nameEn = indicator.nameEn
        formula = indicator.formula
        unit = indicator.unit
        value = indicator.value
        breakdown = indicator.breakdown
        evidence = indicator.evidence
        basis = indicator.basis
        computedOn = indicator.computedOn.map(ComputedOnEntry.init)
    }

    /// The entries of `indicators` keyed by id (the first of any repeated id).
    public static func keyed(_ indicators: [Indicator]) -> [String: IndicatorEntry] {
        Dictionary(indicators.map { ($0.id, IndicatorEntry($0)) }, uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey {
        case formula, unit, value, breakdown, evidence, basis
        case computedOn = "computed_on"
        case nameFa = "name_fa"
        case nameEn = "name_en"
    }
}

/// An indicator's basis as the JSON outputs write it: the fields, and the label every surface prints.
public struct ComputedOnEntry: Encodable, Sendable {
    public var amounts: ComputedOn.Amounts
    public var lines: ComputedOn.Lines
    public var regions: ComputedOn.Regions
    public var years: ComputedOn.Years
    public var prices: ComputedOn.Prices
    public var labelFa: String
    public var labelEn: String

    /// The entry of `basis`.
    public init(_ basis: ComputedOn) {
        amounts = basis.amounts
        lines = basis.lines
        regions = basis.regions
        years = basis.years
        prices = basis.prices
        labelFa = basis.label.fa
        labelEn = basis.label.en
    }

    private enum CodingKeys: String, CodingKey {
        case amounts, lines, regions, years, prices
        case labelFa = "label_fa"
        case labelEn = "label_en"
    }
}

/// The rubric an assessment used, as the JSON outputs name it.
public struct RubricReference: Encodable, Sendable {
    /// The rubric's id.
    public var id: String
    /// The rubric's version.
    public var version: String

    /// The rubric of `assessment`.
    public init(_ assessment: Assessment) {
        id = assessment.rubric
        version = assessment.rubricVersion
    }
}
