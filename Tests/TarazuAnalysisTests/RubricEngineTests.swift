import Foundation
import Testing
import TarazuAnalysis
import TarazuCore

/// The rubric's rules on hand-made indicators: bands, grades, flags, rounding, caps, validation.
@Suite struct RubricEngineTests {
    static func rubric(checks: String, extra: String = "") throws -> Rubric {
        try Rubric(yaml: """
            rubric: test
            version: "0.1"
            title: {fa: "آزمون", en: "Test"}
            statuses:
              strong: {fa: "قوی", en: "Strong"}
              adequate: {fa: "مناسب", en: "Adequate"}
              partial: {fa: "ناقص", en: "Partial"}
              weak: {fa: "ضعیف", en: "Weak"}
              absent: {fa: "وجود ندارد", en: "Absent"}
            lenses:
              - id: lens
                name: {fa: "ن", en: "L"}
                concept: {fa: "م", en: "C"}
                aspects: []
            criteria:
              - id: c
                lens: lens
                name: {fa: "م", en: "C"}
                verdicts: {weak: {fa: "ضعیف", en: "Weak!"}}
                checks:
            \(checks)
            \(extra)
            """)
    }

    static let ratioCheck = """
              - id: low
                indicator: x.ratio
                name: {fa: "ن", en: "n"}
                better: lower
                bands: {strong: 0.05, adequate: 0.10, partial: 0.20}
                beyond: weak
                challenge: {fa: "{value}", en: "{value} in {year}"}
                recommendation:
                  id: r1
                  text: {fa: "{target}", en: "{target}"}
                  target: {subject: {fa: "سهم ن", en: "the share of n"}, comparison: below, value: "0.10", unit: ratio, years: 2}
    """

    func indicator(_ id: String, _ value: IndicatorValue, unit: String = "ratio", basis: Basis = .data) -> Indicator {
        Indicator(id: id, nameFa: id, nameEn: id, formula: Bilingual(fa: "", en: ""), unit: unit, value: value, basis: basis)
    }

    @Test(arguments: [("0.05", Status.strong), ("0.050001", .adequate), ("0.1", .adequate), ("0.2", .partial), ("0.21", .weak)])
    func bandsAreInclusiveThresholds(value: String, expected: Status) throws {
        let rubric = try Self.rubric(checks: Self.ratioCheck)
        let assessment = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: value)!))], year: 1403, rubric: rubric)
        #expect(assessment.criteria[0].checks[0].status == expected)
        #expect(assessment.criteria[0].status == expected)
    }

    @Test func partialOrWorseGivesTheRecommendationWithItsTargetYear() throws {
        let rubric = try Self.rubric(checks: Self.ratioCheck)
        let assessment = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: "0.3")!))], year: 1403, rubric: rubric)
        #expect(assessment.criteria[0].verdict?.en == "Weak!")
        #expect(assessment.criteria[0].checks[0].finding?.en == "{value} in {year}")
        #expect(assessment.recommendations.count == 1)
        // Due two years after the earliest year a 1403 execution can be judged (1404).
        #expect(assessment.recommendations[0].target == Target(indicator: "x.ratio", figure: "value", subject: Bilingual(fa: "سهم ن", en: "the share of n"),
                                                               comparison: .below, value: .decimal(Decimal(string: "0.10")!), unit: "ratio", byYear: 1406))
        let good = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(0))], year: 1403, rubric: rubric)
        #expect(good.recommendations.isEmpty)
    }

    @Test func unavailableFiguresAreLeftOutNotCountedAsBad() throws {
        let rubric = try Self.rubric(checks: Self.ratioCheck)
        let missing = RubricEngine.assess(indicators: [indicator("x.ratio", .unavailable)], year: 1403, rubric: rubric)
        #expect(missing.criteria[0].status == nil)
        let absentIndicator = RubricEngine.assess(indicators: [], year: 1403, rubric: rubric)
        #expect(absentIndicator.criteria[0].status == nil)
        #expect(absentIndicator.criteria[0].reasoning.en.contains("not assessed"))
        #expect(absentIndicator.criteria[0].reasoning.fa == "هیچ آزمونی رقم نداشت؛ سنجیده نشده")
        // Facts nobody declared: said as such.
        let undeclared = RubricEngine.assess(indicators: [indicator("x.ratio", .unavailable, basis: .declared)], year: 1403, rubric: rubric)
        #expect(undeclared.criteria[0].status == nil)
        #expect(undeclared.criteria[0].reasoning.fa == "هیچ‌یک از واقعیت‌های این معیار اظهار نشده است؛ سنجیده نشده")
    }

    @Test func deadlinesCountFromTheYearTheAssessmentIsMadeAndAreNeverPast() throws {
        let rubric = try Self.rubric(checks: Self.ratioCheck)
        let failing = [indicator("x.ratio", .decimal(Decimal(string: "0.3")!))]
        // Made in 1405 about 1403: due 1407, not 1405 (which is already running).
        #expect(RubricEngine.assess(indicators: failing, year: 1403, rubric: rubric, madeIn: 1405).recommendations[0].target.byYear == 1407)
        // A budget judged before its year (made in 1400 about 1403) counts from the year after 1403.
        #expect(RubricEngine.assess(indicators: failing, year: 1403, rubric: rubric, madeIn: 1400).recommendations[0].target.byYear == 1406)
    }

    @Test func rulesAndReasoningAreWordedInBothLanguages() throws {
        let rubric = try Self.rubric(checks: Self.ratioCheck)
        let result = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: "0.3")!))], year: 1403, rubric: rubric)
        let check = result.criteria[0].checks[0]
        #expect(check.rule.fa == "کمتر بهتر است: قوی تا ۵٪، مناسب تا ۱۰٪، ناقص تا ۲۰٪؛ در غیر این صورت ضعیف")
        #expect(check.rule.en == "lower is better: Strong ≤ 5 %, Adequate ≤ 10 %, Partial ≤ 20 %; otherwise Weak")
        #expect(result.criteria[0].reasoning.fa == "میانگین امتیاز ۱ آزمون سنجیده‌شده ۱٫۰۰ از ۴ است (قوی ۴، مناسب ۳، ناقص ۲، ضعیف ۱، وجود ندارد ۰)؛ نتیجهٔ میانگین: ضعیف")
        #expect(!result.criteria[0].reasoning.fa.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII })
    }

    @Test func observationsAreStatedButCountInNoCriterion() throws {
        let observation = Self.ratioCheck.replacingOccurrences(of: "id: low", with: "id: seen")
            .components(separatedBy: "\n").prefix { !$0.contains("recommendation:") }.joined(separator: "\n")
        let rubric = try Self.rubric(checks: Self.ratioCheck, extra: "observations:\n  - lens: lens\n    checks:\n" + observation)
        let result = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: "0.3")!))], year: 1403, rubric: rubric)
        #expect(result.observations.map(\.lens) == ["lens"])
        #expect(result.observations.first?.checks.map(\.status) == [.weak])
        #expect(result.criteria[0].checks.map(\.id) == ["low"])
        #expect(result.recommendations.map(\.id) == ["r1"])
        #expect(result.statements(of: "lens").map(\.id) == ["low", "seen"])
        do {
            _ = try Self.rubric(checks: Self.ratioCheck, extra: "observations:\n  - lens: lens\n    checks:\n"
                                + observation + "\n            caps: partial")
            Issue.record("an observation with a cap was accepted")
        } catch {
            #expect("\(error)".contains("observation seen: an observation counts in no criterion, so it has no `caps`"))
        }
    }

    @Test func anObservationThatIsAChallengeGivesItsRecommendationAnsweringItsLens() throws {
        let observation = Self.ratioCheck.replacingOccurrences(of: "id: low", with: "id: seen").replacingOccurrences(of: "id: r1", with: "id: r2")
        let rubric = try Self.rubric(checks: Self.ratioCheck, extra: "observations:\n  - lens: lens\n    checks:\n" + observation)
        let weak = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: "0.3")!))], year: 1403, rubric: rubric)
        #expect(weak.recommendations.map(\.id) == ["r1", "r2"])
        #expect(weak.recommendations.last?.criterion == "lens")
        #expect(weak.recommendations.last?.check == "seen")
        let strong = RubricEngine.assess(indicators: [indicator("x.ratio", .decimal(Decimal(string: "0.01")!))], year: 1403, rubric: rubric)
        #expect(strong.recommendations.isEmpty)
    }

    @Test func aTargetWithoutSubjectOrWithAnUnknownComparisonIsRefused() {
        do {
            _ = try Self.rubric(checks: Self.ratioCheck.replacingOccurrences(of: "subject: {fa: \"سهم ن\", en: \"the share of n\"}, ", with: ""))
            Issue.record("a target without a subject was accepted")
        } catch {
            #expect("\(error)".contains("criterion c, check low: the recommendation's target needs a `subject`"))
        }
        do {
            _ = try Self.rubric(checks: Self.ratioCheck.replacingOccurrences(of: "comparison: below", with: "comparison: under"))
            Issue.record("an unknown comparison was accepted")
        } catch {
            #expect("\(error)".contains("unknown target comparison `under` (one of below, at_most, at_least, above, equals)"))
        }
    }

    static let mixedChecks = """
              - id: grade
                indicator: x.grade
                name: {fa: "ن", en: "n"}
                grades: {A: strong, B: adequate, C: partial, D: weak}
              - id: flag
                indicator: x.flag
                name: {fa: "ن", en: "n"}
                flags: {"true": strong, "false": absent}
                caps: partial
    """

    @Test func gradesReadTheFirstLetterAndTiesGoToTheWorseStatus() throws {
        let rubric = try Self.rubric(checks: Self.mixedChecks)
        // C+ -> partial (2), true -> strong (4): mean 3 -> adequate.
        var result = RubricEngine.assess(indicators: [indicator("x.grade", .grade("C+")), indicator("x.flag", .flag(true), basis: .declared)],
                                         year: 1403, rubric: rubric)
        #expect(result.criteria[0].checks.map(\.status) == [.partial, .strong])
        #expect(result.criteria[0].status == .adequate)
        #expect(result.criteria[0].checks[1].basis == .declared)
        // B (3) and true (4): mean 3.5, a tie -> adequate, not strong.
        result = RubricEngine.assess(indicators: [indicator("x.grade", .grade("B")), indicator("x.flag", .flag(true))], year: 1403, rubric: rubric)
        #expect(result.criteria[0].status == .adequate)
        // A (4) and false (0): mean 2 -> partial; the failing flag caps at partial (no change).
        result = RubricEngine.assess(indicators: [indicator("x.grade", .grade("A")), indicator("x.flag", .flag(false))], year: 1403, rubric: rubric)
        #expect(result.criteria[0].status == .partial)
    }

    @Test func aFailingCappedCheckLimitsTheCriterion() throws {
        let rubric = try Self.rubric(checks: Self.mixedChecks + "\n" + Self.mixedChecks
            .replacingOccurrences(of: "id: grade", with: "id: grade2").replacingOccurrences(of: "id: flag", with: "id: flag2")
            .replacingOccurrences(of: "caps: partial", with: ""))
        // A, false(capped), A, true: mean (4 + 0 + 4 + 4) / 4 = 3 -> adequate, capped to partial.
        let result = RubricEngine.assess(indicators: [indicator("x.grade", .grade("A")), indicator("x.flag", .flag(false))], year: 1403, rubric: rubric)
        #expect(result.criteria[0].checks.map(\.status) == [.strong, .absent, .strong, .absent])
        let single = try Self.rubric(checks: Self.mixedChecks.replacingOccurrences(of: "caps: partial", with: "caps: weak"))
        let capped = RubricEngine.assess(indicators: [indicator("x.grade", .grade("A")), indicator("x.flag", .flag(false))], year: 1403, rubric: single)
        #expect(capped.criteria[0].status == .weak)
        #expect(capped.criteria[0].reasoning.en.contains("capped at Weak because n is Absent"))
        #expect(capped.criteria[0].reasoning.fa.contains("ولی وضعیت نهایی معیار حداکثر «ضعیف» است، چون وضعیت «ن» «وجود ندارد» است"))
        _ = result
    }

    @Test func aCapWithoutItsFigureGivesTheUnmeasuredVerdictNotTheStatusVerdict() throws {
        let checks = Self.mixedChecks.replacingOccurrences(of: "caps: partial", with: "caps: weak\n            unmeasured: {fa: \"سنجیده نشده\", en: \"Not measured\"}")
        let rubric = try Self.rubric(checks: checks)
        // The flag is missing: A alone would be strong; the cap sets weak, and the verdict says why.
        let unmeasured = RubricEngine.assess(indicators: [indicator("x.grade", .grade("A"))], year: 1403, rubric: rubric)
        #expect(unmeasured.criteria[0].status == .weak)
        #expect(unmeasured.criteria[0].verdict == Bilingual(fa: "سنجیده نشده", en: "Not measured"))
        // The flag is there and false: the same status, now the status's own verdict.
        let failing = RubricEngine.assess(indicators: [indicator("x.grade", .grade("A")), indicator("x.flag", .flag(false))], year: 1403, rubric: rubric)
        #expect(failing.criteria[0].status == .weak)
        #expect(failing.criteria[0].verdict?.en == "Weak!")
        // Only a capping check may carry it, and no observation.
        do {
            _ = try Self.rubric(checks: checks.replacingOccurrences(of: "caps: weak", with: ""))
            Issue.record("`unmeasured` without `caps` was accepted")
        } catch {
            #expect("\(error)".contains("criterion c, check flag: `unmeasured` is the verdict a cap gives, so it needs `caps`"))
        }
        do {
            _ = try Self.rubric(checks: checks, extra: """
                observations:
                  - lens: lens
                    checks:
                      - id: seen
                        indicator: x.flag
                        name: {fa: "ن", en: "n"}
                        flags: {"true": strong, "false": absent}
                        unmeasured: {fa: "ن", en: "n"}
                """)
            Issue.record("an observation with `unmeasured` was accepted")
        } catch {
            #expect("\(error)".contains("observation seen: an observation counts in no criterion, so it has no `caps` or `unmeasured`"))
        }
    }

    @Test func invalidRubricsAreRejectedWithThePlace() {
        #expect(throws: RubricError.self) {
            try Self.rubric(checks: Self.ratioCheck.replacingOccurrences(of: "beyond: weak", with: "beyond: terrible"))
        }
        do {
            _ = try Self.rubric(checks: Self.ratioCheck.replacingOccurrences(of: "beyond: weak", with: ""))
            Issue.record("a rubric without `beyond` was accepted")
        } catch {
            #expect("\(error)".contains("criterion c, check low: `beyond` is required"))
        }
        do {
            _ = try Self.rubric(checks: Self.ratioCheck.replacingOccurrences(of: "better: lower", with: "better: lower\n            flags: {\"true\": strong}"))
            Issue.record("a check with two kinds was accepted")
        } catch {
            #expect("\(error)".contains("exactly one of"))
        }
        #expect(throws: RubricError.self) { try Rubric(yaml: "rubric: [unclosed") }
    }

    @Test func governanceFactsAreReadExactlyWithNotesAndPersianDigits() throws {
        let facts = try GovernanceFacts(yaml: """
            source: "مركز پژوهش"
            facts:
              connected_source_systems: {value: ۲, note: "سيما"}
              participatory_budget_share: 0.035
              council_dashboards: false
              label: "true"
            """)
        #expect(facts.source == "مرکز پژوهش")
        #expect(facts.facts["connected_source_systems"] == .init(value: .decimal(2), note: Bilingual(fa: "سیما", en: "سیما")))
        #expect(facts.facts["participatory_budget_share"]?.value == .decimal(Decimal(string: "0.035")!))
        #expect(facts.facts["council_dashboards"]?.value == .flag(false))
        #expect(facts.facts["label"]?.value == .text("true"))
        let bilingual = try GovernanceFacts(yaml: "facts:\n  a: {value: true, note: {fa: \"گزارش رسمي\", en: \"Official report\"}}\n")
        #expect(bilingual.facts["a"]?.note == Bilingual(fa: "گزارش رسمی", en: "Official report"))
        do {
            _ = try GovernanceFacts(yaml: "facts:\n  a: {value: true, note: [x]}\n")
            Issue.record("a list as a note was accepted")
        } catch {
            #expect(error.description.contains("the note of fact `a` must be a text or {fa: ..., en: ...}"))
        }
        do {
            _ = try GovernanceFacts(yaml: "facts:\n  a: {note: x}\n")
            Issue.record("a fact without value was accepted")
        } catch {
            #expect(error.description == "governance.yaml:2:6: fact `a` has no `value:`")
        }
        #expect(throws: GovernanceFactsError.self) { try GovernanceFacts(yaml: "colour: blue") }
    }
}
