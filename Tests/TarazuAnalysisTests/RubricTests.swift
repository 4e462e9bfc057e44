import Foundation
import Testing
import TarazuAnalysis
import TarazuCore
import TarazuSample

/// The shipped rubric on the sample city (which must reach the source report's status table), on its
/// balanced counterfactual (which must not), and under scaling and permutation.
@Suite struct RubricTests {
    static let rubric = try! Rubric.standard()
    static let tabriz = SampleCity.tabriz()

    func assess(_ book: BudgetBook, year: Int? = nil) throws -> Assessment {
        let indicators = try IndicatorEngine.compute(book: book, year: year)
        return RubricEngine.assess(indicators: indicators, year: year ?? IndicatorEngine.latestRealizedYear(in: book)!, rubric: Self.rubric)
    }

    func statuses(_ assessment: Assessment) -> [String: Status?] {
        Dictionary(uniqueKeysWithValues: assessment.criteria.map { ($0.id, $0.status) })
    }

    @Test func shippedRubricHasTheFiveCriteriaUnderTwoLenses() {
        #expect(Self.rubric.criteria.map(\.id) == ["institutional_coherence", "project_prioritization", "data_infrastructure",
                                                   "citizen_participation", "decision_transparency"])
        #expect(Self.rubric.lenses.map(\.id) == ["integrated_urban_management", "data_driven_governance"])
        #expect(Self.rubric.version == "1.8.0")
        for criterion in Self.rubric.criteria {
            #expect(Set(criterion.verdicts.keys) == Set(Status.allCases.map(\.rawValue)), "\(criterion.id)")
            for check in criterion.checks {
                #expect(check.positive != nil && check.challenge != nil, "\(check.id)")
                #expect(check.recommendation != nil, "\(check.id)")
            }
        }
    }

    @Test func sampleCityReachesTheSourceReportsStatusTable() throws {
        let assessment = try assess(Self.tabriz)
        #expect(assessment.year == 1403)
        #expect(statuses(assessment) == [
            "institutional_coherence": .weak, "project_prioritization": .partial, "data_infrastructure": .partial,
            "citizen_participation": .absent, "decision_transparency": .weak,
        ])
        let coherence = assessment.criteria[0]
        #expect(coherence.verdict?.en == "Execution departs widely from what the council approved")
        let compliance = try #require(coherence.checks.first { $0.id == "authorization_compliance" })
        #expect(compliance.status == .weak)
        #expect(compliance.figures["value"]?.value == .count(3))
        // Declared facts are marked and carry their note.
        let participation = assessment.criteria[3].checks[0]
        #expect(participation.basis == .declared)
        #expect(participation.note == Bilingual(fa: "سازوکاری برای گردآوری نظر شهروندان دربارهٔ بودجه نبود.", en: "There was no means of gathering citizens' views on the budget."))
        // Dated by the sample's `as_of`, its finding is in the past tense.
        #expect(participation.finding?.fa == "شهروندان در انتخاب اولویت‌های بودجه مشارکتی نداشتند.")
        // The data infrastructure criterion: 1404's execution is not in the book (a lag of a year) and no system is connected.
        #expect(assessment.criteria[2].reasoning.en == "the mean score of 6 assessed checks is 2.33 of 4 (Strong 4, Adequate 3, Partial 2, Weak 1, Absent 0): Partial")
        let ids = assessment.recommendations.map(\.id)
        for expected in ["connect_systems", "install_dashboards", "create_pb", "analytical_tools", "transparency_institution", "authorization_control"] {
            #expect(ids.contains(expected), "\(expected)")
        }
        #expect(!ids.contains("publish_reports"))
        #expect(Set(ids).count == ids.count)
        let composition = try #require(assessment.recommendations.first { $0.id == "stable_projects" })
        #expect(composition.target.byYear == 1406, "two years after 1404, the first year a 1403 execution can be judged")
        #expect(composition.target.value == .decimal(Decimal(string: "0.10")!))
    }

    @Test func balancedVariantDoesNotReachThoseFindings() throws {
        let balanced = SampleCity.balancedVariant(of: Self.tabriz)
        let assessment = try assess(balanced)
        for criterion in assessment.criteria {
            let status = try #require(criterion.status, "\(criterion.id)")
            #expect(status <= .adequate, "\(criterion.id): \(status) \(criterion.reasoning)")
        }
        #expect(assessment.recommendations.isEmpty)
        let indicators = try IndicatorEngine.compute(book: balanced)
        #expect(indicators[id: "pefa.pi1"].value == .grade("A"))
        #expect(indicators[id: "expenditure.change.by_function"].value == .count(0))
        #expect(indicators[id: "compliance.asset_sales_over_authorization"].breakdown["regions_over"] == .count(0))
        #expect(indicators[id: "data_quality.consistency"].value == .decimal(1))
    }

    @Test func withoutGovernanceFactsDeclaredCriteriaAreNotAssessed() throws {
        var book = SampleCity.balancedVariant(of: Self.tabriz)
        book.governanceYAML = nil
        let assessment = try assess(book)
        let byId = statuses(assessment)
        #expect(byId["citizen_participation"] == .some(nil))
        #expect(byId["decision_transparency"] == .some(nil))
        #expect(byId["institutional_coherence"] == .some(.strong))
        let infrastructure = assessment.criteria[2]
        #expect(infrastructure.reasoning.en.contains("left out for want of a figure: Connected source systems, Analytical dashboards for the council"))
    }

    @Test func statusesSurviveScalingAndPermutation() throws {
        let book = Self.tabriz
        var changed = book
        let k: Int64 = 3
        func times(_ money: Money) -> Money { Money(rials: money.rials * k) }
        changed.budgetLines = book.budgetLines.reversed().map {
            var line = $0
            line.approved = times(line.approved)
            line.revised = line.revised.map(times)
            line.realized = line.realized.map(times)
            return line
        }
        changed.revenues = book.revenues.reversed().map {
            var line = $0
            line.approved = times(line.approved)
            line.revised = line.revised.map(times)
            line.realized = line.realized.map(times)
            return line
        }
        changed.authorizations = book.authorizations.reversed().map {
            var authorization = $0
            authorization.authorizedAmount = times(authorization.authorizedAmount)
            return authorization
        }
        changed.regions.reverse()
        changed.projects.reverse()
        let original = try assess(book)
        let result = try assess(changed)
        #expect(statuses(original) == statuses(result))
        #expect(original.criteria.flatMap(\.checks).map(\.status) == result.criteria.flatMap(\.checks).map(\.status))
        #expect(original.recommendations == result.recommendations)
        // Permutation alone changes nothing at all.
        var shuffled = book
        shuffled.budgetLines.reverse()
        shuffled.revenues.reverse()
        #expect(try assess(shuffled) == original)
    }
}

/// A capping check without a figure caps its criterion: what the book cannot show cannot lift it.
@Suite struct RubricCapWithoutFigureTests {
    @Test func aBookWithoutGovernanceFactsHasDataInfrastructureAtMostPartial() throws {
        let book = try #require(SampleCity.cities(1, lines: 2_000, seed: 7).first).book()
        let year = try #require(IndicatorEngine.latestRealizedYear(in: book))
        let indicators = try IndicatorEngine.compute(book: book, year: year)
        #expect(indicators.first { $0.id == "data_quality.integration" }?.value == .unavailable)
        let assessment = RubricEngine.assess(indicators: indicators, year: year, rubric: try Rubric.standard())
        let criterion = try #require(assessment.criteria.first { $0.id == "data_infrastructure" })
        let status = try #require(criterion.status)
        #expect(status >= .partial)
        #expect(criterion.reasoning.fa.contains("در دسترس نیست و بدون آن نمی‌توان بیش از این داوری کرد"))
    }
}
