import Foundation
import TarazuCore
import Testing
@testable import TarazuParticipation

/// Generated elections, deterministic by seed: approval or cumulative ballots of random lengths
/// (popular projects more often), costs varied over two orders of magnitude.
enum GeneratedElection {
    /// Pabulib text of an election with `projects` projects and `voters` voters; the budget is
    /// `budgetShare` of the total cost; costs are multiples of `unit`.
    static func text(seed: UInt64, projects: Int, voters: Int, maxLength: Int, cumulative: Bool = false,
                     unit: Int = 1_000, budgetShare: Double = 0.3) -> String {
        var random = SplitMix64(seed: seed)
        let costs = (0..<projects).map { _ in (5 + random.below(495)) * unit }
        // Popularity: project p is drawn with weight proportional to (p % 7 + 1) * (1 + random).
        let weights = (0..<projects).map { p in (p % 7 + 1) * (1 + random.below(9)) }
        let totalWeight = weights.reduce(0, +)
        var lines = ["META", "key;value", "description;generated \(seed)", "num_projects;\(projects)",
                     "num_votes;\(voters)", "budget;\(Int(Double(costs.reduce(0, +)) * budgetShare) / unit * unit)",
                     "vote_type;\(cumulative ? "cumulative" : "approval")"]
        if cumulative { lines += ["max_sum_points;10"] }
        lines += ["PROJECTS", "project_id;cost"]
        for (p, cost) in costs.enumerated() { lines.append("\(p + 1);\(cost)") }
        lines.append("VOTES")
        lines.append(cumulative ? "voter_id;vote;points" : "voter_id;vote")
        for voter in 1...voters {
            let length = 1 + random.below(maxLength)
            var chosen: [Int] = []
            while chosen.count < min(length, projects) {
                var x = random.below(totalWeight)
                var p = 0
                while x >= weights[p] { x -= weights[p]; p += 1 }
                if !chosen.contains(p) { chosen.append(p) }
            }
            let ids = chosen.map { String($0 + 1) }.joined(separator: ",")
            if cumulative {
                let points = chosen.map { _ in String(1 + random.below(3)) }.joined(separator: ",")
                lines.append("\(voter);\(ids);\(points)")
            } else {
                lines.append("\(voter);\(ids)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Add1 with certified skipping gives what running every step gives.
@Suite struct BudgetIncreaseTests {
    /// The plain loop, step by step, as pabutools runs it (the reference for the fast path).
    static func plainAdd1(_ engine: EqualSharesEngine, _ election: PBScaledElection, step: Int64,
                          exhaustiveStop: Bool) -> (selected: [Int], increments: Int, runs: Int, stoppedBecause: String) {
        let budget = BigUInt(election.budget)
        let bound = budget * UInt64(engine.voterCount + 1)
        var total = budget
        var previous: [Int] = []
        var increments = 0
        while !(bound < total) {
            let outcome = engine.run(totalBudget: total, log: false).selected
            if election.cost(of: outcome) > election.budget {
                return (previous, increments - 1, increments + 1, "over-budget")
            }
            if exhaustiveStop && BudgetIncrease.isExhaustive(outcome, election) {
                return (outcome, increments, increments + 1, "exhaustive")
            }
            previous = outcome
            increments += 1
            total += BigUInt(step)
        }
        return (previous, increments - 1, increments, "bound")
    }

    static func check(_ election: PBElection, _ utility: PBUtility, step: Int64? = nil,
                      exhaustiveStop: Bool) throws -> (plainRuns: Int, fastRuns: Int) {
        let scaled = try PBScaledElection(election)
        let engine = EqualSharesEngine(profile: try scaled.profile(for: utility), costs: scaled.costs,
                                       tieRank: PBTieBreak.lexicographic.ranks(of: scaled))
        let stepValue = try step ?? PBTally.budgetStep(nil, scaled)
        let plain = plainAdd1(engine, scaled, step: stepValue, exhaustiveStop: exhaustiveStop)
        let fast = try BudgetIncrease.run(engine: engine, election: scaled, step: stepValue, exhaustiveStop: exhaustiveStop)
        let label = "\(election.projects.count)x\(election.ballots.count) \(utility) step \(stepValue)\(exhaustiveStop ? " exhaustive" : "")"
        #expect(fast.selected == plain.selected, "\(label)")
        #expect(fast.increments == plain.increments, "\(label)")
        #expect(fast.stoppedBecause == plain.stoppedBecause, "\(label)")
        #expect(fast.runs <= plain.runs, "\(label)")
        // Speculative parallel runs change nothing, not even the run count (one at a time, and
        // more at once than this machine's processors).
        for parallelism in [1, 2, 3, 8] {
            let other = try BudgetIncrease.run(engine: engine, election: scaled, step: stepValue,
                                               exhaustiveStop: exhaustiveStop, parallelism: parallelism)
            #expect(other.selected == fast.selected, "\(label) parallelism \(parallelism)")
            #expect(other.increments == fast.increments, "\(label) parallelism \(parallelism)")
            #expect(other.runs == fast.runs, "\(label) parallelism \(parallelism)")
            #expect(other.stoppedBecause == fast.stoppedBecause, "\(label) parallelism \(parallelism)")
            #expect(other.runsMade >= other.runs, "\(label) parallelism \(parallelism)")
            if parallelism == 1 { #expect(other.runsMade == other.runs, "\(label)") }
        }
        if ProcessInfo.processInfo.environment["PB_ADD1_STATS"] != nil {
            print("add1 \(label): \(plain.runs) runs step by step, \(fast.runs) certified")
        }
        return (plain.runs, fast.runs)
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, false), (5, true)])
    func generatedApprovalElections(seed: UInt64, exhaustiveStop: Bool) throws {
        let election = try TestData.parse(GeneratedElection.text(seed: seed, projects: 14 + Int(seed) * 2,
                                                                  voters: 60 + Int(seed) * 10, maxLength: 5,
                                                                  unit: 10))
        var plainRuns = 0
        var fastRuns = 0
        for utility in [PBUtility.cost, .cardinality] {
            let (plain, fast) = try Self.check(election, utility, exhaustiveStop: exhaustiveStop)
            plainRuns += plain
            fastRuns += fast
        }
        // The elections are built to need many steps, and the certificates to skip most of them.
        #expect(plainRuns > 100)
        #expect(fastRuns * 2 < plainRuns)
    }

    @Test(arguments: [UInt64(11), 12])
    func generatedCumulativeElections(seed: UInt64) throws {
        let election = try TestData.parse(GeneratedElection.text(seed: seed, projects: 12, voters: 50, maxLength: 4,
                                                                  cumulative: true, unit: 10))
        for utility in [PBUtility.cost, .cardinality, .points] {
            for stop in [false, true] { _ = try Self.check(election, utility, exhaustiveStop: stop) }
        }
    }

    @Test func smallStepsAndTies() throws {
        // Few distinct costs and short ballots: many exact ties between projects.
        let election = try TestData.parse(GeneratedElection.text(seed: 21, projects: 12, voters: 40, maxLength: 3,
                                                                  unit: 10, budgetShare: 0.5))
        for utility in [PBUtility.cost, .cardinality] {
            _ = try Self.check(election, utility, step: 97, exhaustiveStop: false)
            _ = try Self.check(election, utility, exhaustiveStop: true)
        }
    }

    @Test func realElectionsMatchTheStepByStepLoop() throws {
        // Small real files (the pabutools fixtures check the larger ones against pabutools itself).
        for name in ["toy.pb"] {
            let election = try TestData.election(name)
            let utilities: [PBUtility] = election.voteType == .approval ? [.cost, .cardinality] : [.cost, .cardinality, .points]
            for utility in utilities {
                _ = try Self.check(election, utility, exhaustiveStop: false)
            }
        }
    }

    @Test func pathologicalElectionsAreRefusedWithAReason() throws {
        let election = try TestData.parse(GeneratedElection.text(seed: 1, projects: 16, voters: 70, maxLength: 5, unit: 10))
        let scaled = try PBScaledElection(election)
        let engine = EqualSharesEngine(profile: try scaled.profile(for: .cost), costs: scaled.costs,
                                       tieRank: PBTieBreak.lexicographic.ranks(of: scaled))
        #expect {
            _ = try BudgetIncrease.run(engine: engine, election: scaled, step: 1, exhaustiveStop: false, maximumRuns: 2)
        } throws: { error in
            (error as? PBTallyError)?.reason.contains("larger budget step") == true
        }
        // The same bound with runs made several at a time: refused after the same runs.
        for parallelism in [1, 4] {
            var message = ""
            do {
                _ = try BudgetIncrease.run(engine: engine, election: scaled, step: 1, exhaustiveStop: false,
                                           maximumRuns: 2, parallelism: parallelism)
            } catch {
                message = error.reason
            }
            #expect(message.contains("after 2 MES runs"), "\(parallelism): \(message)")
        }
    }
}

extension SplitMix64 {
    /// A uniform integer in 0..<bound (modulo bias negligible for the bounds used here).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
