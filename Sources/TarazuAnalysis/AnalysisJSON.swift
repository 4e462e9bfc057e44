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
    }

    /// The entries of `indicators` keyed by id (the first of any repeated id).
    public static func keyed(_ indicators: [Indicator]) -> [String: IndicatorEntry] {
        Dictionary(indicators.map { ($0.id, IndicatorEntry($0)) }, uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey {
        case formula, unit, value, breakdown, evidence, basis
        case nameFa = "name_fa"
        case nameEn = "name_en"
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
