import Foundation
import Testing
@testable import TarazuParticipation

/// pabutools' answers, computed once by scripts/pabutools/make_fixtures.py.
struct PabutoolsFixture: Decodable {
    struct Run: Decodable {
        let selected: [String]?
        let timeout_seconds: Double?
    }

    /// An Add1 end point checked by pabutools where its whole Add1 took too long.
    struct Endpoint: Decodable {
        let increments: Int
        let selected: [String]
        let stopped_because: String
        let next_selected: [String]?
        let exhaustive: Bool?
    }

    let file: String
    let vote_type: String
    let voters: Int
    let greedy: Run
    let mes: [String: Run]
    let mes_add1: [String: Run]?
    let mes_add1_exhaustive_stop: [String: Run]?
    let mes_add1_endpoint: [String: Endpoint]?
    let mes_add1_exhaustive_stop_endpoint: [String: Endpoint]?

    static var names: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestData.fixturesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> PabutoolsFixture {
        let data = try Data(contentsOf: TestData.fixturesFolder.appendingPathComponent(name))
        return try JSONDecoder().decode(PabutoolsFixture.self, from: data)
    }
}

@Suite struct PabutoolsFixtureTests {
    @Test func everySharedElectionHasAFixture() {
        let elections = TestData.electionNames.map { $0.replacingOccurrences(of: ".pb", with: ".json") }
        #expect(!elections.isEmpty)
        #expect(elections == PabutoolsFixture.names)
    }

    @Test(arguments: PabutoolsFixture.names)
    func greedyAndMESMatchPabutools(name: String) throws {
        let fixture = try PabutoolsFixture.load(name)
        let election = try TestData.election(fixture.file)
        #expect(election.ballots.count == fixture.voters)
        let greedy = try #require(fixture.greedy.selected, "pabutools' greedy is missing")
        #expect(Set(try TestData.tally(election, .greedy).selected) == Set(greedy))
        let utilities = election.voteType == .approval ? ["cost", "cardinality"] : ["cost", "cardinality", "points"]
        #expect(fixture.mes.keys.sorted() == utilities.sorted())
        for (utility, run) in fixture.mes {
            let expected = try #require(run.selected, "\(utility): pabutools' MES is missing")
            let ours = try TestData.tally(election, .mes, utility: PBUtility(rawValue: utility))
            #expect(ours.selected == expected, "MES \(utility)")
        }
    }

    @Test(arguments: PabutoolsFixture.names)
    func add1MatchesPabutools(name: String) throws {
        let fixture = try PabutoolsFixture.load(name)
        let election = try TestData.election(fixture.file)
        for (exhaustiveStop, runs, endpoints) in [
            (false, fixture.mes_add1, fixture.mes_add1_endpoint),
            (true, fixture.mes_add1_exhaustive_stop, fixture.mes_add1_exhaustive_stop_endpoint),
        ] {
            for (utility, run) in runs ?? [:] {
                let label = "Add1 \(utility)\(exhaustiveStop ? " exhaustive stop" : "")"
                if let expected = run.selected {
                    let ours = try TestData.tally(election, .mesAdd1, utility: PBUtility(rawValue: utility),
                                                  exhaustiveStop: exhaustiveStop)
                    #expect(ours.selected == expected, "\(label)")
                } else {
                    let endpoint = try #require(endpoints?[utility], "\(label): neither an outcome nor an end point")
                    try checkEndpoint(endpoint, election, PBUtility(rawValue: utility)!, exhaustiveStop, label)
                }
            }
        }
    }

    /// pabutools' MES at Tarazu's last Add1 step is Tarazu's outcome, and pabutools confirms
    /// the stop: its next step costs more than the budget, or its outcome is exhaustive, or the
    /// step is the last one under pabutools' bound on the budget.
    func checkEndpoint(_ endpoint: PabutoolsFixture.Endpoint, _ election: PBElection, _ utility: PBUtility,
                       _ exhaustiveStop: Bool, _ label: String) throws {
        let scaled = try PBScaledElection(election)
        let engine = EqualSharesEngine(profile: try scaled.profile(for: utility), costs: scaled.costs,
                                       tieRank: PBTieBreak.lexicographic.ranks(of: scaled))
        let step = try PBTally.budgetStep(nil, scaled)
        func ids(atStep k: Int) -> [Int] {
            engine.run(totalBudget: BigUInt(scaled.budget) + BigUInt(step) * UInt64(k), log: false).selected
        }
        let atK = ids(atStep: endpoint.increments)
        #expect(atK.map { election.projects[$0].id } == endpoint.selected, "\(label) at step \(endpoint.increments)")
        #expect(scaled.cost(of: atK) <= scaled.budget, "\(label)")
        switch endpoint.stopped_because {
        case "over-budget":
            let next = try #require(endpoint.next_selected, "\(label): pabutools' next step is missing")
            let afterK = ids(atStep: endpoint.increments + 1)
            #expect(afterK.map { election.projects[$0].id } == next, "\(label) at step \(endpoint.increments + 1)")
            #expect(scaled.cost(of: afterK) > scaled.budget, "\(label): pabutools' next step fits the budget")
        case "exhaustive":
            #expect(exhaustiveStop && endpoint.exhaustive == true, "\(label): pabutools says not exhaustive")
            #expect(BudgetIncrease.isExhaustive(atK, scaled))
        default:
            // pabutools' bound: the total budget may grow to B * (n + 1) and no further.
            let bound = BigUInt(scaled.budget) * UInt64(election.ballots.count + 1)
            func total(_ k: Int) -> BigUInt { BigUInt(scaled.budget) + BigUInt(step) * UInt64(k) }
            #expect(endpoint.stopped_because == "bound")
            #expect(!(bound < total(endpoint.increments)) && bound < total(endpoint.increments + 1), "\(label)")
        }
    }
}
