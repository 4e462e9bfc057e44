import Foundation
import Testing
import TarazuCore
import TarazuSample
@testable import TarazuAnalysis

/// Measured participation (from the store's PB processes) replaces governance.yaml's declarations.
@Suite struct ParticipationIndicatorTests {
    let book = SampleCity.tabriz()

    func indicator(_ indicators: [Indicator], _ id: String) -> Indicator? { indicators.first { $0.id == id } }

    @Test func withoutAProcessTheDeclaredFactsStand() throws {
        let indicators = try IndicatorEngine.compute(book: book, year: 1403)
        #expect(indicator(indicators, "participation.citizen_budgeting")?.basis == .declared)
        #expect(indicator(indicators, "participation.participants_per_1000") == nil)
    }

    @Test func aProcessOfTheYearIsMeasured() throws {
        let budget = Money(rials: 500_000_000_000)
        let records = [
            MeasuredParticipation(year: 1403, process: "tabriz-1403", budget: budget, ballots: 4_000,
                                  byChannel: ["web": 2_500, "sms": 1_200, "paper": 300], byRegion: ["1": 3_000, "0": 1_000]),
            // Another year's process does not count for 1403.
            MeasuredParticipation(year: 1402, process: "tabriz-1402", budget: budget, ballots: 99),
        ]
        let indicators = try IndicatorEngine.compute(book: book, year: 1403, participation: records)
        let flag = try #require(indicator(indicators, "participation.citizen_budgeting"))
        #expect(flag.value == .flag(true))
        #expect(flag.basis == .data)

        let capital = book.budgetLines.filter { $0.year == 1403 && $0.economicClass == .capital }.reduce(Int64(0)) { $0 + $1.approved.rials }
        let share = try #require(indicator(indicators, "participation.pb_share"))
        let expected = (Decimal(budget.rials) / Decimal(capital))
        guard case .decimal(let value) = share.value else { Issue.record("pb_share is \(share.value)"); return }
        #expect(abs(value - expected) < Decimal(string: "0.000001")!)
        #expect(share.breakdown["capital_approved"] == .rials(capital))

        let population = book.regions.reduce(Int64(0)) { $0 + $1.population }
        let perThousand = try #require(indicator(indicators, "participation.participants_per_1000"))
        guard case .decimal(let rate) = perThousand.value else { Issue.record("per 1000 is \(perThousand.value)"); return }
        #expect(abs(rate - Decimal(4_000) * 1000 / Decimal(population)) < Decimal(string: "0.01")!)
        #expect(indicator(indicators, "participation.channels")?.value == .record(["web": .count(2_500), "sms": .count(1_200), "paper": .count(300)]))
        // The measured indicators sit where the declared ones were; the others keep their place.
        let ids = indicators.map(\.id)
        #expect(ids.firstIndex(of: "participation.citizen_budgeting")! < ids.firstIndex(of: "transparency.official_reporting")!)
        #expect(ids.filter { $0 == "participation.pb_share" }.count == 1)
    }

    @Test func theRubricReadsTheMeasuredShare() throws {
        let records = [MeasuredParticipation(year: 1403, process: "p", budget: Money(rials: 1), ballots: 10)]
        let indicators = try IndicatorEngine.compute(book: book, year: 1403, participation: records)
        let assessment = RubricEngine.assess(indicators: indicators, year: 1403, rubric: try Rubric.standard())
        let criterion = try #require(assessment.criteria.first { $0.id == "citizen_participation" })
        // Participation exists, but a share of ~0 % of the capital budget is not a meaningful one.
        #expect(criterion.checks.first { $0.id == "citizen_budgeting" }?.status == .adequate)
        #expect(criterion.status != .strong)
    }
}
