import Foundation
import TarazuCore
import Yams

/// A governance rubric: the lenses, the five criteria and, for each, the checks that map indicator
/// figures to statuses, with findings and recommendations in Persian and English.
/// The shipped rubric is `Rubric.standard` (Resources/rubric.yaml); `Rubric(yaml:)` reads another.
public struct Rubric: Hashable, Sendable, Decodable {
    /// The rubric's id, e.g. `tarazu-governance`.
    public var rubric: String
    /// Its version; reports print it so a judgement can be reproduced.
    public var version: String
    /// The rubric's title.
    public var title: Bilingual
    /// The label of each status.
    public var statuses: [String: Bilingual]
    /// The two lenses, in report order.
    public var lenses: [Lens]
    /// The criteria, in status-table order.
    public var criteria: [Criterion]
    /// Findings of each lens that the report states with their figures but that no criterion counts
    /// (the capital share, the composition of revenue, ...); none when the rubric gives none.
    public var observations: [Observations]?

    /// A lens's observations: checks judged as any other, stated among the lens's positives or
    /// challenges, left out of the status table and of the recommendations.
    public struct Observations: Hashable, Sendable, Decodable {
        public var lens: String
        public var checks: [Check]
    }

    /// One criterion of the status table.
    public struct Criterion: Hashable, Sendable, Decodable {
        public var id: String
        public var lens: String
        public var name: Bilingual
        /// The wording of each status for this criterion.
        public var verdicts: [String: Bilingual]
        /// For a criterion of declared facts only: the wording in the past tense, used when the facts are
        /// dated (governance.yaml's `as_of`).
        public var pastVerdicts: [String: Bilingual]?
        public var checks: [Check]

        enum CodingKeys: String, CodingKey {
            case id, lens, name, verdicts, checks
            case pastVerdicts = "past_verdicts"
        }
    }

    /// One figure of an indicator judged against thresholds.
    public struct Check: Hashable, Sendable, Decodable {
        public var id: String
        public var indicator: String
        public var name: Bilingual
        /// The judged figure's path (`value`, `breakdown.KEY`, `breakdown.$year.KEY`); default `value`.
        public var judge: String?
        /// The unit of the judged figure when it differs from the indicator's (e.g. `ratio` for a share in a breakdown).
        public var unit: String?
        /// `lower` or `higher`, with `bands`.
        public var better: String?
        /// Status -> threshold, for numeric figures.
        public var bands: [String: String]?
        /// The status beyond the last band.
        public var beyond: String?
        /// Letter -> status, for PEFA scores.
        public var grades: [String: String]?
        /// "true"/"false" -> status, for declared yes/no facts.
        public var flags: [String: String]?
        /// When this check is weak or absent the criterion is at most this status.
        public var caps: String?
        /// With `caps`: the criterion's verdict when this check has no figure and its cap sets the status,
        /// instead of the status's verdict (which may claim what was not measured).
        public var unmeasured: Bilingual?
        /// Further figures quoted by the findings.
        public var figures: [String: FigureReference]?
        public var positive: Bilingual?
        public var challenge: Bilingual?
        /// For a check of a declared fact: the findings in the past tense, used when the facts are dated
        /// (governance.yaml's `as_of`), so a declaration of an earlier year does not read as today's state.
        public var past: PastFindings?
        public var recommendation: RecommendationSpec?
    }

    /// A declared check's findings in the past tense.
    public struct PastFindings: Hashable, Sendable, Decodable {
        public var positive: Bilingual?
        public var challenge: Bilingual?
    }

    /// A figure path with an optional unit (`path` alone, or `{path: ..., unit: ...}`).
    public struct FigureReference: Hashable, Sendable, Decodable {
        public var path: String
        public var unit: String?

        public init(from decoder: any Decoder) throws {
            if let path = try? decoder.singleValueContainer().decode(String.self) {
                self.path = path
                unit = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            unit = try container.decodeIfPresent(String.self, forKey: .unit)
        }

        private enum CodingKeys: String, CodingKey { case path, unit }
    }

    /// A recommendation and its target.
    public struct RecommendationSpec: Hashable, Sendable, Decodable {
        public var id: String
        public var text: Bilingual
        public var target: TargetSpec
    }

    /// A measurable target: `figure` (default: the check's judged figure) compared with `value`,
    /// due `years` after the year the assessment is made.
    public struct TargetSpec: Hashable, Sendable, Decodable {
        /// What is measured, as a noun phrase ("the share of ..."); for a yes/no fact, the action that
        /// makes it true ("set up ..."). Required: the recommendation's sentence is built around it.
        public var subject: Bilingual?
        public var figure: String?
        public var comparison: String
        public var value: String
        public var unit: String
        public var years: Int
    }

    /// Reads and checks a rubric. Throws `RubricError` naming the criterion and check at fault.
    public init(yaml: String) throws(RubricError) {
        do {
            self = try YAMLDecoder().decode(Rubric.self, from: yaml)
        } catch {
            throw RubricError(message: "cannot read the rubric: \(error)")
        }
        try validate()
    }

    /// The rubric shipped with Tarazu.
    public static func standard() throws(RubricError) -> Rubric {
        guard let url = Bundle.module.url(forResource: "rubric", withExtension: "yaml", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "rubric", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw RubricError(message: "the shipped rubric (Resources/rubric.yaml) is missing from the installation")
        }
        return try Rubric(yaml: text)
    }

    private func validate() throws(RubricError) {
        let statusNames = Set(Status.allCases.map(\.rawValue))
        func status(_ name: String?, _ place: String) throws(RubricError) {
            guard let name else { return }
            guard statusNames.contains(name) else { throw RubricError(message: "\(place): unknown status `\(name)`") }
        }
        guard Set(statuses.keys) == statusNames else {
            throw RubricError(message: "`statuses` must label exactly: \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let lensIds = Set(lenses.map(\.id))
        var seenChecks = Set<String>()
        for observations in observations ?? [] {
            guard lensIds.contains(observations.lens) else {
                throw RubricError(message: "observations: unknown lens `\(observations.lens)`")
            }
            for check in observations.checks where check.caps != nil || check.unmeasured != nil {
                throw RubricError(message: "observation \(check.id): an observation counts in no criterion, so it has no `caps` or `unmeasured`")
            }
        }
        let observed = (observations ?? []).map { ("observations of \($0.lens)", $0.checks) }
        for criterion in criteria {
            guard lensIds.contains(criterion.lens) else {
                throw RubricError(message: "criterion \(criterion.id): unknown lens `\(criterion.lens)`")
            }
            for key in criterion.verdicts.keys { try status(key, "criterion \(criterion.id) verdicts") }
        }
        for (owner, checks) in criteria.map({ ("criterion \($0.id)", $0.checks) }) + observed {
            for check in checks {
                let place = "\(owner), check \(check.id)"
                guard seenChecks.insert(check.id).inserted else { throw RubricError(message: "\(place): the check id is used twice") }
                let kinds = [check.bands != nil, check.grades != nil, check.flags != nil].filter { $0 }.count
                guard kinds == 1 else { throw RubricError(message: "\(place): give exactly one of `bands`, `grades`, `flags`") }
                guard check.unmeasured == nil || check.caps != nil else {
                    throw RubricError(message: "\(place): `unmeasured` is the verdict a cap gives, so it needs `caps`")
                }
                if let bands = check.bands {
                    guard check.better == "lower" || check.better == "higher" else {
                        throw RubricError(message: "\(place): `better` must be `lower` or `higher` with `bands`")
                    }
                    for (name, threshold) in bands {
                        try status(name, place)
                        guard Decimal(string: threshold, locale: Locale(identifier: "en_US_POSIX")) != nil else {
                            throw RubricError(message: "\(place): band `\(name)` has a threshold that is not a number: \(threshold)")
                        }
                    }
                    guard check.beyond != nil else { throw RubricError(message: "\(place): `beyond` is required with `bands`") }
                }
                for name in (check.grades?.values).map(Array.init) ?? [] { try status(name, place) }
                for name in (check.flags?.values).map(Array.init) ?? [] { try status(name, place) }
                try status(check.beyond, place)
                try status(check.caps, place)
                if let target = check.recommendation?.target {
                    guard TargetComparison(rawValue: target.comparison) != nil else {
                        throw RubricError(message: "\(place): unknown target comparison `\(target.comparison)` (one of "
                                          + TargetComparison.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                    }
                    guard let subject = target.subject, !subject.fa.isEmpty, !subject.en.isEmpty else {
                        throw RubricError(message: "\(place): the recommendation's target needs a `subject` in fa and en (what it measures)")
                    }
                    guard target.years >= 0 else { throw RubricError(message: "\(place): the target's `years` cannot be negative") }
                }
            }
        }
    }
}

/// A rubric that cannot be read or is inconsistent.
public struct RubricError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and where.
    public var message: String
    public var description: String { "rubric: \(message)" }
}
