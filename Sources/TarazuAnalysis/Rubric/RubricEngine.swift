import Foundation
import TarazuCore

/// Applies a rubric to computed indicators: the status of each check and criterion, with the figures
/// behind them, and the recommendations for criteria at partial or worse and for the observations
/// that are challenges. Pure and deterministic.
public enum RubricEngine {
    /// The assessment of `indicators` (computed for `year`) under `rubric`, made in the Jalali year
    /// `madeIn` (nil: the year after `year`, the earliest a year's execution can be judged). Targets are
    /// due counting from the later of the two, so a deadline never lies in the past.
    public static func assess(indicators: [Indicator], year: Int, rubric: Rubric, madeIn: Int? = nil) -> Assessment {
        let from = max(year + 1, madeIn ?? year + 1)
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let resolver = FigureResolver(indicators: byId, year: year)
        var criteria: [CriterionResult] = []
        var recommendations: [Recommendation] = []
        var recommended = Set<String>()
        var labels: [Status: Bilingual] = [:]
        for status in Status.allCases { labels[status] = rubric.statuses[status.rawValue] }
        let wording = RubricWording(labels: labels)
        /// The recommendation of a check at partial or worse, once per recommendation id, answering `owner`
        /// (a criterion, or the lens of an observation).
        func recommend(_ spec: Rubric.Check, _ result: CheckResult, answering owner: String) {
            guard let checkStatus = result.status, checkStatus >= .partial, let recommendation = spec.recommendation,
                  recommended.insert(recommendation.id).inserted else { return }
            recommendations.append(Recommendation(
                id: recommendation.id, criterion: owner, check: spec.id, text: recommendation.text,
                target: target(recommendation.target, check: spec, from: from)))
        }
        for criterion in rubric.criteria {
            let checks = criterion.checks.map { judge($0, resolver: resolver, wording: wording) }
            let (status, reasoning, setBy) = combine(criterion.checks, checks, wording: wording)
            // A criterion resting on dated declarations only speaks of their year, in the past tense.
            let assessed = checks.filter { $0.status != nil }
            let dated = !assessed.isEmpty && assessed.allSatisfy { check in
                check.basis == .declared && resolver.indicators[check.indicator]?.evidence.first?.sums["as_of"] != nil
            }
            let wordings = dated ? criterion.pastVerdicts ?? criterion.verdicts : criterion.verdicts
            let verdict = setBy?.unmeasured ?? status.flatMap { wordings[$0.rawValue] }
            criteria.append(CriterionResult(
                id: criterion.id, lens: criterion.lens, name: criterion.name, status: status,
                verdict: verdict, reasoning: reasoning, checks: checks))
            guard let status, status >= .partial else { continue }
            for (spec, result) in zip(criterion.checks, checks) { recommend(spec, result, answering: criterion.id) }
        }
        let observations = (rubric.observations ?? []).map { group in
            LensObservations(lens: group.lens, checks: group.checks.map { judge($0, resolver: resolver, wording: wording) })
        }
        // A challenge the report states outside the status table gets its recommendation too (answering its lens).
        for (group, judged) in zip(rubric.observations ?? [], observations) {
            for (spec, result) in zip(group.checks, judged.checks) { recommend(spec, result, answering: group.lens) }
        }
        // In the order of the lenses: an observation's recommendation follows its lens's criteria.
        let lensOfCriterion = Dictionary(rubric.criteria.map { ($0.id, $0.lens) }, uniquingKeysWith: { first, _ in first })
        let lensOrder = Dictionary(rubric.lenses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func lensRank(_ recommendation: Recommendation) -> Int {
            lensOrder[lensOfCriterion[recommendation.criterion] ?? recommendation.criterion] ?? Int.max
        }
        recommendations = recommendations.enumerated()
            .sorted { (lensRank($0.element), $0.offset) < (lensRank($1.element), $1.offset) }.map(\.element)
        return Assessment(rubric: rubric.rubric, rubricVersion: rubric.version, year: year, lenses: rubric.lenses,
                          statusLabels: labels, criteria: criteria, recommendations: recommendations, observations: observations)
    }

    static func judge(_ check: Rubric.Check, resolver: FigureResolver, wording: RubricWording) -> CheckResult {
        let indicator = resolver.indicators[check.indicator]
        let judgedPath = check.judge ?? "value"
        let judged = resolver.figure(check.indicator, judgedPath, unit: check.unit)
        var figures: [String: Figure] = ["value": judged ?? Figure(value: .unavailable, unit: indicator?.unit ?? "")]
        for (name, reference) in check.figures ?? [:] {
            let pieces = reference.path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (id, path) = pieces.count == 2 ? (pieces[0], pieces[1]) : (check.indicator, reference.path)
            figures[name] = resolver.figure(id, path, unit: reference.unit) ?? Figure(value: .unavailable, unit: reference.unit ?? "")
        }
        figures["year"] = Figure(value: .count(resolver.year), unit: "year")
        let earned: Status? = judged.flatMap { Self.status(of: $0.value, check) }
        var finding: Bilingual?
        // A dated declaration speaks of its own year: in the past tense when the rubric gives one.
        let dated = indicator?.basis == .declared && indicator?.evidence.first?.sums["as_of"] != nil
        let positive = dated ? check.past?.positive ?? check.positive : check.positive
        let challenge = dated ? check.past?.challenge ?? check.challenge : check.challenge
        if let earned { finding = earned <= .adequate ? positive : challenge }
        // A finding whose figure is not available is not stated: no «not available» where a number belongs.
        if let template = finding {
            var missing = false
            for text in [template.fa, template.en] {
                _ = RubricTemplate.fill(text) { name in
                    if figures[name]?.value == .unavailable { missing = true }
                    return ""
                }
            }
            if missing { finding = nil }
        }
        var note: Bilingual?
        if case .text(let en)? = indicator?.evidence.first?.sums["note"] {
            if case .text(let fa)? = indicator?.evidence.first?.sums["note_fa"] { note = Bilingual(fa: fa, en: en) } else { note = Bilingual(fa: en, en: en) }
        }
        return CheckResult(id: check.id, name: check.name, indicator: check.indicator, basis: indicator?.basis ?? .data,
                           status: earned, figures: figures,
                           rule: wording.rule(check, unit: check.unit ?? judged?.unit ?? indicator?.unit ?? ""), finding: finding, note: note)
    }

    /// The status a figure earns, or nil when it is not of the kind the check reads.
    static func status(of value: IndicatorValue, _ check: Rubric.Check) -> Status? {
        if let grades = check.grades {
            guard case .grade(let letter) = value, let first = letter.first else { return nil }
            return grades[String(first).uppercased()].flatMap(Status.init(rawValue:))
        }
        if let flags = check.flags {
            guard case .flag(let flag) = value else { return nil }
            return flags[flag ? "true" : "false"].flatMap(Status.init(rawValue:))
        }
        guard let bands = check.bands, let number = value.number else { return nil }
        let lowerIsBetter = check.better == "lower"
        for status in Status.allCases {
            guard let text = bands[status.rawValue], let threshold = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            if lowerIsBetter ? number <= threshold : number >= threshold { return status }
        }
        return check.beyond.flatMap(Status.init(rawValue:))
    }

    /// The mean of the assessed checks' scores, rounded to the nearest status (a tie goes to the worse),
    /// then lowered by any cap of a failing check or of a capping check without a figure; with the reasoning in words,
    /// and the capping check without a figure that set the status, if one did.
    static func combine(_ specs: [Rubric.Check], _ checks: [CheckResult], wording: RubricWording) -> (Status?, Bilingual, Rubric.Check?) {
        let scores = checks.compactMap(\.status).map(\.score)
        guard !scores.isEmpty else {
            let undeclared = !checks.isEmpty && checks.allSatisfy { $0.basis == .declared }
            return (nil, undeclared ? wording.nothingDeclared : wording.notAssessed, nil)
        }
        let total = scores.reduce(0, +)
        let doubled = 2 * total - scores.count
        let rounded = doubled <= 0 ? 0 : (doubled + 2 * scores.count - 1) / (2 * scores.count)
        var status = Status(score: rounded)
        let mean = Decimal(total) / Decimal(scores.count)
        var reasoning = wording.mean(of: scores.count, Arithmetic.round(mean, 2), gives: status)
        let skipped = checks.filter { $0.status == nil }.map(\.name)
        if !skipped.isEmpty { reasoning = wording.joined(reasoning, wording.skipped(skipped)) }
        // A capping check without a figure caps too: what cannot be shown cannot lift the criterion.
        var setBy: Rubric.Check?
        for (spec, check) in zip(specs, checks) {
            guard let cap = spec.caps.flatMap(Status.init(rawValue:)), status < cap else { continue }
            if let checkStatus = check.status {
                guard checkStatus.isFailing else { continue }
                reasoning = wording.joined(reasoning, wording.capped(at: cap, by: check.name, being: checkStatus))
                setBy = nil
            } else {
                reasoning = wording.joined(reasoning, wording.capped(at: cap, unmeasured: check.name))
                setBy = spec
            }
            status = cap
        }
        return (status, reasoning, setBy)
    }

    static func target(_ spec: Rubric.TargetSpec, check: Rubric.Check, from: Int) -> Target {
        let byYear = from + spec.years
        let figure = (spec.figure ?? check.judge ?? "value").replacingOccurrences(of: "$year", with: String(byYear))
        let value: IndicatorValue
        switch spec.unit {
        case "score": value = .grade(spec.value)
        case "flag": value = .flag(spec.value == "true")
        case let unit where FigureText.countingUnits.contains(unit): value = Int(spec.value).map(IndicatorValue.count) ?? .text(spec.value)
        default: value = Decimal(string: spec.value, locale: Locale(identifier: "en_US_POSIX")).map(IndicatorValue.decimal) ?? .text(spec.value)
        }
        return Target(indicator: check.indicator, figure: figure, subject: spec.subject ?? check.name,
                      comparison: TargetComparison(rawValue: spec.comparison) ?? .equals, value: value, unit: spec.unit, byYear: byYear)
    }
}

/// Finds a figure of an indicator by path: `value`, `breakdown.KEY`, `breakdown.KEY.FIELD`; `$year` is the analysis year.
struct FigureResolver {
    let indicators: [String: Indicator]
    let year: Int

    func figure(_ id: String, _ path: String, unit: String?) -> Figure? {
        guard let indicator = indicators[id] else { return nil }
        let parts = path.replacingOccurrences(of: "$year", with: String(year)).split(separator: ".").map(String.init)
        guard let head = parts.first else { return nil }
        var value: IndicatorValue
        var rest = parts.dropFirst()
        switch head {
        case "value": value = indicator.value
        case "breakdown":
            guard let key = rest.first, let entry = indicator.breakdown[key] else { return nil }
            value = entry
            rest = rest.dropFirst()
        default: return nil
        }
        for key in rest {
            guard case .record(let fields) = value, let field = fields[key] else { return nil }
            value = field
        }
        return Figure(value: value, unit: unit ?? value.impliedUnit(indicatorUnit: indicator.unit))
    }
}

extension IndicatorValue {
    /// The value as a number, for thresholds.
    var number: Decimal? {
        switch self {
        case .decimal(let value): value
        case .count(let value): Decimal(value)
        case .rials(let value): Decimal(value)
        default: nil
        }
    }

    /// The unit a figure carries: fixed by its kind, or the indicator's unit for decimals.
    func impliedUnit(indicatorUnit: String) -> String {
        switch self {
        case .count: FigureText.countingUnits.contains(indicatorUnit) ? indicatorUnit : "count"
        case .rials: "rials"
        case .grade: "score"
        case .flag: "flag"
        case .text: "text"
        case .decimal, .record, .list, .unavailable: indicatorUnit
        }
    }
}
