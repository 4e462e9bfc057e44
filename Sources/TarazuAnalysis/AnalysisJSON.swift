import Foundation

/// One indicator as the JSON outputs write it (`tarazu analyze --format json`, /api/v1): the
/// indicators are keyed by id, so the entry holds everything else.
public struct IndicatorEntry: Encodable, Sendable {
    /// The indicator; its id is the key the entry is written under.
    public var indicator: Indicator

    /// The entry of `indicator`.
    public init(_ indicator: Indicator) {
        self.indicator = indicator
    }

    /// The entries of `indicators` keyed by id (the first of any repeated id).
    public static func keyed(_ indicators: [Indicator]) -> [String: IndicatorEntry] {
        Dictionary(indicators.map { ($0.id, IndicatorEntry($0)) }, uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey {
        case unit, value, breakdown, evidence, basis
        case computedOn = "computed_on"
        case nameFa = "name_fa"
        case nameEn = "name_en"
        case formulaFa = "formula_fa"
        case formulaEn = "formula_en"
    }

    /// Names and formula in both languages (`name_fa`, `name_en`, `formula_fa`, `formula_en`, as
    /// ``ComputedOnEntry`` writes its label), unit, value, breakdown, evidence, basis and (when known)
    /// what it is computed on.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator.nameFa, forKey: .nameFa)
        try container.encode(indicator.nameEn, forKey: .nameEn)
        try container.encode(indicator.formula.fa, forKey: .formulaFa)
        try container.encode(indicator.formula.en, forKey: .formulaEn)
        try container.encode(indicator.unit, forKey: .unit)
        try container.encode(indicator.value, forKey: .value)
        try container.encode(indicator.breakdown, forKey: .breakdown)
        try container.encode(indicator.evidence, forKey: .evidence)
        try container.encode(indicator.basis, forKey: .basis)
        try container.encodeIfPresent(indicator.computedOn.map(ComputedOnEntry.init), forKey: .computedOn)
    }
}

/// An indicator's basis as the JSON outputs write it: the fields, and the label every surface prints.
public struct ComputedOnEntry: Encodable, Sendable {
    public var amounts: ComputedOn.Amounts
    public var lines: ComputedOn.Lines
    public var regions: ComputedOn.Regions
    public var years: ComputedOn.Years
    public var prices: ComputedOn.Prices
    public var consolidation: ComputedOn.Consolidation
    public var labelFa: String
    public var labelEn: String

    /// The entry of `basis`.
    public init(_ basis: ComputedOn) {
        amounts = basis.amounts
        lines = basis.lines
        regions = basis.regions
        years = basis.years
        prices = basis.prices
        consolidation = basis.consolidation
        labelFa = basis.label.fa
        labelEn = basis.label.en
    }

    private enum CodingKeys: String, CodingKey {
        case amounts, lines, regions, years, prices, consolidation
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
