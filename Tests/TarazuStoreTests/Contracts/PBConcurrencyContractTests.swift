import Foundation
import Testing
import TarazuParticipation
@testable import TarazuStore

/// ``PBRepository`` under simultaneous casts (the SQL store's group commit): the same answers in memory and in SQL.
@Suite("PBRepository contract: simultaneous casts")
struct PBConcurrencyContractTests {
    enum Outcome: Sendable { case cast, alreadyVoted, invalid, unknownProcess, other(String) }

    static func outcome(_ cast: @Sendable () async throws -> Void) async -> Outcome {
        do {
            try await cast()
            return .cast
        } catch BallotBoxError.alreadyVoted {
            return .alreadyVoted
        } catch BallotBoxError.invalid {
            return .invalid
        } catch StoreError.notFound {
            return .unknownProcess
        } catch {
            return .other("\(error)")
        }
    }

    /// Hundreds of casts at once: each is judged on its own, every acknowledged one is stored, a voter
    /// casting twice at the same moment gets one ballot, and casts into an unknown process fail without
    /// taking the others down.
    @Test(arguments: Implementation.available)
    func simultaneousCastsAreJudgedOneByOne(_ implementation: Implementation) async throws {
        try await implementation.withTestProcess { pb, now in
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for index in 0..<300 {
                    group.addTask {
                        let voter = index < 250 ? "v1:\(index)" : index < 275 ? "v1:twice-\(index % 25)" : "v1:bad-\(index)"
                        let projects = index >= 275 ? ["1", "2", "3"] : ["1"]
                        let slug = index % 50 == 7 ? "no-such-process" : "test-pb"
                        return await Self.outcome { try await pb.castPBBallot(process: slug, PBTestProcess.ballot(voter, projects), channel: .sms, at: now) }
                    }
                }
                // The 25 voters who cast twice: their second casts run alongside the rest.
                for index in 0..<25 {
                    group.addTask {
                        await Self.outcome { try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("v1:twice-\(index)", ["2"]), channel: .web, at: now) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let cast = outcomes.filter { if case .cast = $0 { true } else { false } }.count
            let twice = outcomes.filter { if case .alreadyVoted = $0 { true } else { false } }.count
            let invalid = outcomes.filter { if case .invalid = $0 { true } else { false } }.count
            let missing = outcomes.filter { if case .unknownProcess = $0 { true } else { false } }.count
            let others = outcomes.compactMap { if case .other(let text) = $0 { text } else { nil } }
            #expect(others.isEmpty, "\(others.prefix(3))")
            #expect(missing == (0..<300).filter { $0 % 50 == 7 }.count)
            #expect(twice == 25 - (250..<275).filter { $0 % 50 == 7 }.count)
            #expect(invalid == (275..<300).filter { $0 % 50 != 7 }.count)
            let stored = try await pb.pbBallots(process: "test-pb")
            #expect(stored.count == cast)
            #expect(Set(stored.map(\.voterHash)).count == stored.count)
            #expect(cast == 250 - (0..<250).filter { $0 % 50 == 7 }.count + 25)
        }
    }
}
