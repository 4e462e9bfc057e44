import Foundation
import TarazuCore

/// The five statuses of a governance criterion, best first.
public enum Status: String, CaseIterable, Codable, Comparable, Sendable {
    case strong, adequate, partial, weak, absent

    /// 4 for strong down to 0 for absent.
    public var score: Int { 4 - Self.allCases.firstIndex(of: self)! }

    /// The status of a score from 0 (absent) to 4 (strong), clamped.
    public init(score: Int) {
        self = Self.allCases[4 - min(4, max(0, score))]
    }

    /// `lhs < rhs` when `lhs` is the better status.
    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.score > rhs.score }

    /// Weak or absent: the criterion or check needs a recommendation.
    public var isFailing: Bool { self == .weak || self == .absent }
}

/// Where a figure comes from: the budget data, or a fact the book's governance.yaml declares.
public enum Basis: String, Codable, Sendable {
    case data, declared
}

/// A figure quoted by a finding: a value and its unit (`ratio`, `rials`, `count`, `score`, `flag`,
/// `index`, `year`, `rials_per_person`).
public struct Figure: Hashable, Codable, Sendable {
    /// The value.
    public var value: IndicatorValue
    /// How to read the value.
    public var unit: String

    /// A value with its unit.
    public init(value: IndicatorValue, unit: String) {
        self.value = value
        self.unit = unit
    }
}

/// The outcome of one rubric check: an indicator figure judged against the rubric's thresholds.
public struct CheckResult: Hashable, Codable, Sendable {
    /// The check's id in the rubric, e.g. `volatile_lines`.
    public var id: String
    /// What the check looks at.
    public var name: Bilingual
    /// The indicator it reads, e.g. `projects.volatility`.
    public var indicator: String
    /// Data, or declared in governance.yaml.
    public var basis: Basis
    /// The status the figure earns; nil when the figure is not available (the check is then left out).
    public var status: Status?
    /// The figures the finding quotes, by placeholder name; `value` is the judged figure.
    public var figures: [String: Figure]
    /// The rule applied, in words, e.g. "lower is better: strong ≤ 5.0 %, adequate ≤ 10.0 %, ...".
    public var rule: Bilingual
    /// The sentence for the report with `{placeholder}` figures: the positive text when the status is
    /// strong or adequate, the challenge text otherwise (nil when the rubric gives none).
    public var finding: Bilingual?
    /// For declared facts: the note of governance.yaml.
    public var note: Bilingual?
    /// True when the finding is a positive point (status strong or adequate).
    public var isPositive: Bool { status.map { $0 <= .adequate } ?? false }

    /// A check outcome.
    public init(id: String, name: Bilingual, indicator: String, basis: Basis, status: Status?, figures: [String: Figure],
                rule: Bilingual, finding: Bilingual?, note: Bilingual? = nil) {
        self.id = id
        self.name = name
        self.indicator = indicator
        self.basis = basis
        self.status = status
        self.figures = figures
        self.rule = rule
        self.finding = finding
        self.note = note
    }
}

/// The judgement of one of the five criteria of the source report's status table.
public struct CriterionResult: Hashable, Codable, Sendable {
    /// The criterion id, e.g. `institutional_coherence`.
    public var id: String
    /// The lens it belongs to, e.g. `integrated_urban_management`.
    public var lens: String
    /// The criterion's name.
    public var name: Bilingual
    /// The status; nil when no check could be assessed ("not assessed").
    public var status: Status?
    /// The rubric's wording of that status for this criterion (the status-table cell).
    public var verdict: Bilingual?
    /// How the status was reached, in words: the mean score, the checks left out, any cap.
    public var reasoning: Bilingual
    /// The checks, in rubric order.
    public var checks: [CheckResult]

    /// A criterion outcome.
    public init(id: String, lens: String, name: Bilingual, status: Status?, verdict: Bilingual?, reasoning: Bilingual, checks: [CheckResult]) {
        self.id = id
        self.lens = lens
        self.name = name
        self.status = status
        self.verdict = verdict
        self.reasoning = reasoning
        self.checks = checks
    }
}

/// How a target's figure compares with its value.
public enum TargetComparison: String, Codable, CaseIterable, Sendable {
    case below
    case atMost = "at_most"
    case atLeast = "at_least"
    case above
    case equals

    /// True when the figure should come down to meet the target.
    public var lowers: Bool { self == .below || self == .atMost }
}

/// A measurable target: `indicator`'s `figure` compared with `value` by the end of `byYear`.
public struct Target: Hashable, Codable, Sendable {
    /// The indicator id.
    public var indicator: String
    /// The figure of the indicator: `value` or `breakdown.KEY`.
    public var figure: String
    /// What is measured (a noun phrase), or for a yes/no fact the action that makes it true.
    public var subject: Bilingual
    /// How the figure should compare with `value`.
    public var comparison: TargetComparison
    /// The target value.
    public var value: IndicatorValue
    /// The unit of the target value.
    public var unit: String
    /// The Jalali year by which it should hold.
    public var byYear: Int

    private enum CodingKeys: String, CodingKey {
        case indicator, figure, subject, comparison, value, unit
        case byYear = "by_year"
    }

    /// A target.
    public init(indicator: String, figure: String, subject: Bilingual, comparison: TargetComparison, value: IndicatorValue,
                unit: String, byYear: Int) {
        self.indicator = indicator
        self.figure = figure
        self.subject = subject
        self.comparison = comparison
        self.value = value
        self.unit = unit
        self.byYear = byYear
    }
}

/// A strategic recommendation generated from a criterion at partial or worse.
public struct Recommendation: Hashable, Codable, Sendable {
    /// The recommendation's id in the rubric.
    public var id: String
    /// The criterion it answers, or the lens of the observation it answers.
    public var criterion: String
    /// The check whose failure triggered it.
    public var check: String
    /// The recommendation, with `{target}` and `{year}` placeholders for the report to fill.
    public var text: Bilingual
    /// The measurable target.
    public var target: Target

    /// A recommendation.
    public init(id: String, criterion: String, check: String, text: Bilingual, target: Target) {
        self.id = id
        self.criterion = criterion
        self.check = check
        self.text = text
        self.target = target
    }
}

/// A lens of the source report (Integrated Urban Management, Data-Driven Governance).
public struct Lens: Hashable, Codable, Sendable {
    /// The lens id.
    public var id: String
    /// Its name.
    public var name: Bilingual
    /// What it means (the "concept" paragraph of the report).
    public var concept: Bilingual
    /// The aspects it looks for (coordination, fair distribution, ...).
    public var aspects: [Bilingual]

    /// A lens.
    public init(id: String, name: Bilingual, concept: Bilingual, aspects: [Bilingual]) {
        self.id = id
        self.name = name
        self.concept = concept
        self.aspects = aspects
    }
}

/// The rubric's judgement of a budget book for one year: the status table and its recommendations.
public struct Assessment: Hashable, Codable, Sendable {
    /// The rubric's id.
    public var rubric: String
    /// The rubric's version.
    public var rubricVersion: String
    /// The analysis year.
    public var year: Int
    /// The two lenses, in report order.
    public var lenses: [Lens]
    /// The status labels, by status.
    public var statusLabels: [Status: Bilingual]
    /// The five criteria, in status-table order.
    public var criteria: [CriterionResult]
    /// Recommendations, in criterion order.
    public var recommendations: [Recommendation]
    /// Each lens's observations: judged checks that the report states but no criterion counts.
    public var observations: [LensObservations]

    private enum CodingKeys: String, CodingKey {
        case rubric, year, lenses, criteria, recommendations, observations
        case rubricVersion = "rubric_version"
        case statusLabels = "status_labels"
    }

    /// An assessment.
    public init(rubric: String, rubricVersion: String, year: Int, lenses: [Lens], statusLabels: [Status: Bilingual],
                criteria: [CriterionResult], recommendations: [Recommendation], observations: [LensObservations] = []) {
        self.rubric = rubric
        self.rubricVersion = rubricVersion
        self.year = year
        self.lenses = lenses
        self.statusLabels = statusLabels
        self.criteria = criteria
        self.recommendations = recommendations
        self.observations = observations
    }

    /// What the report states about `lens`: its criteria's checks, then its observations.
    public func statements(of lens: String) -> [CheckResult] {
        criteria.filter { $0.lens == lens }.flatMap(\.checks) + observations.filter { $0.lens == lens }.flatMap(\.checks)
    }
}

/// The observations of one lens, judged.
public struct LensObservations: Hashable, Codable, Sendable {
    /// The lens id.
    public var lens: String
    /// The judged checks, in rubric order.
    public var checks: [CheckResult]

    /// A lens's judged observations.
    public init(lens: String, checks: [CheckResult]) {
        self.lens = lens
        self.checks = checks
    }
}
