import Foundation
import Testing
@testable import TarazuParticipation

extension Q {
    init(_ fraction: PBFraction) { self.init(fraction.numerator, fraction.denominator) }
    init(_ decimal: PBDecimal) { self.init(BigUInt(decimal.mantissa), BigUInt.powerOfTen(decimal.scale)) }
}

/// The round-by-round log must add up: what supporters pay covers each project exactly.
@Suite struct TallyLogTests {
    @Test(arguments: [
        ("toy.pb", PBUtility.cost), ("poland_wieliczka_2023.pb", .cost), ("poland_wieliczka_2023.pb", .cardinality),
        ("poland_gdansk_2020_zaspa-mlyniec.pb", .points), ("poland_krakow_2018_debniki.pb", .points),
        ("poland_warszawa_2019_praga-poludnie.pb", .cost),
    ])
    func paymentsCoverEachSelectedProject(name: String, utility: PBUtility) throws {
        let election = try TestData.election(name)
        let result = try TestData.tally(election, .mes, utility: utility, log: true)
        var spent = Q(0)
        var logged: [String] = []
        for round in result.rounds {
            guard case .equalShares(let r) = round else { Issue.record("not a MES round"); continue }
            logged.append(r.projectID)
            var paid = Q(0)
            var voters = 0
            for group in r.payments {
                voters += group.voters
                paid = paid + Q(group.paidTotal)
                if let each = group.paidEach {
                    #expect(Q(each) == Q(r.rho) * Q(group.utility), "\(r.projectID): share is not rho x utility")
                    #expect(Q(group.paidTotal) == Q(each) * Q(Int64(group.voters)))
                }
            }
            #expect(paid == Q(r.cost), "\(name) \(r.projectID): supporters paid \(paid.num)/\(paid.den)")
            #expect(voters == r.payingSupporters)
            if utility == .cost, let effective = r.effectiveVotes {
                #expect(Q(effective) * Q(r.rho) == Q(1))
            }
            spent = spent + paid
        }
        #expect(logged == result.selected)
        #expect(!(Q(result.budget) < spent))
    }

    @Test func greedyLogWalksTheBudgetDown() throws {
        let election = try TestData.election("poland_warszawa_2019_praga-poludnie.pb")
        let result = try TestData.tally(election, .greedy, log: true)
        var remaining = Q(election.budget)
        var previousScore: Q?
        for round in result.rounds {
            guard case .greedy(let step) = round else { Issue.record("not a greedy round"); continue }
            #expect(Q(step.remainingBefore) == remaining)
            if let previousScore { #expect(!(previousScore < Q(step.score))) }
            previousScore = Q(step.score)
            let fits = !(remaining < Q(step.cost))
            #expect(step.decision == (fits ? .selected : .overBudget))
            if fits { remaining = remaining - Q(step.cost) }
        }
        #expect(result.rounds.count == election.projects.count)
    }

    @Test func thresholdSkipsLowScores() throws {
        let text = """
            META
            budget;100
            vote_type;approval
            min_project_score_threshold;2
            PROJECTS
            project_id;cost
            a;10
            b;10
            VOTES
            voter_id;vote
            1;a,b
            2;a
            """
        let result = try TestData.tally(TestData.parse(text), .greedy, log: true)
        #expect(result.selected == ["a"])
        #expect(result.rounds.last == .greedy(PBGreedyStep(
            projectID: "b", cost: PBDecimal(mantissa: 10, scale: 0), score: PBDecimal(mantissa: 1, scale: 0),
            decision: .belowThreshold, remainingBefore: PBDecimal(mantissa: 90, scale: 0))))
    }

    @Test func jsonReportHasTheContractKeys() throws {
        let election = try TestData.election("toy.pb")
        let result = try PBTally.run(election, options: PBTallyOptions(rule: .mesAdd1))
        let text = PBTallyReport.json(result, file: "toy.pb")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["selected"] as? [String] == ["4", "1"])
        #expect(object["total_cost"] as? Int == 2000)
        #expect(object["utility"] as? String == "cost")
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        #expect(rounds.count == 2)
        #expect(rounds[0]["rho"] as? String == "1/6")
        #expect(rounds[0]["effective_votes"] as? String == "6")
        let completion = try #require(object["completion"] as? [String: Any])
        #expect(completion["stopped_because"] as? String == "over-budget")
        #expect(PBTallyReport.text(result, file: "toy.pb").contains("Selected 2 projects, total cost 2000: 4, 1"))
    }

    @Test func comparisonStepCountsVoters() throws {
        // Toy: MES (cost) picks {4}; greedy picks {4, 5}: voters of 5 prefer greedy, nobody prefers MES.
        let election = try TestData.election("toy.pb")
        let result = try PBTally.run(election, options: PBTallyOptions(rule: .mes, utility: .cost, comparisonStep: true))
        #expect(result.comparison == PBComparison(preferEqualShares: 0, preferGreedy: 5, switchedToGreedy: true))
        #expect(Set(result.selected) == ["4", "5"])
    }
}
