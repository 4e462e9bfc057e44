import Foundation
import Testing
import TarazuCore
import TarazuParticipation
@testable import TarazuStore

/// ``PBRepository``'s ballots: one per voter, refusals in order, batches all or nothing; the same answers in
/// memory and in SQL.
@Suite("PBRepository contract: ballots")
struct PBBallotContractTests {
    @Test(arguments: Implementation.available)
    func oneBallotPerVoterAndRefusalsInOrder(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            let definition = try PBTestProcess.definition()
            _ = try await pb.addPBProcess(definition, audit: nil)
            let second = Date().timeIntervalSince1970.rounded(.down)
            let now = Date(timeIntervalSince1970: second + 0.0007)
            let ballot = PBTestProcess.ballot("v1:aa", ["1", "2"])
            let receipt = try await pb.castPBBallot(process: "test-pb", ballot, channel: .web, at: now)
            #expect(receipt.replaced == nil && receipt.receipt.count == 10)
            #expect(receipt.receipt.allSatisfy { "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains($0) })
            let refusals: [(CitizenBallot, Date, BallotBoxError)] = [
                (CitizenBallot(voterKey: "v1:aa", district: .region("1"), choices: .approvals(["11"])), now, .alreadyVoted(channel: .web)),
                // The rules are checked before the earlier ballot: an invalid ballot of a voter who voted is invalid.
                (PBTestProcess.ballot("v1:aa", ["1", "2", "3"]), now,
                 .invalid(BallotValidator.validate(PBTestProcess.ballot("v1:aa", ["1", "2", "3"]), definition.process))),
                (PBTestProcess.ballot("v1:aa"), definition.process.phase(.voting).end, .closed),
                (PBTestProcess.ballot("v1:bb"), definition.process.phase(.voting).start.addingTimeInterval(-0.001), .notOpenYet),
                (PBTestProcess.ballot(""), now, .noVoterKey),
            ]
            for (refused, date, error) in refusals {
                await #expect(throws: error) { try await pb.castPBBallot(process: "test-pb", refused, channel: .sms, at: date) }
            }
            await #expect {
                try await pb.castPBBallot(process: "nope", ballot, channel: .web, at: now)
            } throws: { error in
                guard case StoreError.notFound(let text) = error else { return false }
                return text == "no PB process 'nope'"
            }
            let stored = try await pb.pbBallots(process: "test-pb")
            #expect(stored == [PBStoredBallot(voterHash: "v1:aa", channel: .web, ballot: ballot,
                                              castAt: Date(timeIntervalSince1970: second), receipt: receipt.receipt)])
            await #expect(throws: StoreError.self) { _ = try await pb.pbBallots(process: "nope") }
            let (read, box) = try await pb.pbBox(process: "test-pb")
            #expect(read == definition && box.ballots.map(\.ballot) == [ballot])
        }
    }

    @Test(arguments: Implementation.available)
    func changesReplaceTheBallotInItsPlace(_ implementation: Implementation) async throws {
        try await implementation.withTestProcess(allowChanges: true) { pb, now in
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("k"), channel: .web, at: now)
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("m"), channel: .kiosk, at: now)
            let changed = CitizenBallot(voterKey: "k", district: .region("1"), choices: .approvals(["11"]))
            let second = try await pb.castPBBallot(process: "test-pb", changed, channel: .sms, at: now.addingTimeInterval(5))
            #expect(second.replaced == .web)
            let stored = try await pb.pbBallots(process: "test-pb")
            #expect(stored.map(\.voterHash) == ["k", "m"])
            #expect(stored[0].channel == .sms && stored[0].ballot == changed && stored[0].receipt == second.receipt)
            // An invalid change keeps the earlier ballot.
            await #expect(throws: BallotBoxError.self) {
                try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("k", ["1", "2", "3"]), channel: .web, at: now)
            }
            #expect(try await pb.pbBallots(process: "test-pb") == stored)
        }
    }

    @Test(arguments: Implementation.available)
    func batchesAreAllOrNothing(_ implementation: Implementation) async throws {
        try await implementation.withTestProcess { pb, now in
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("web-voter"), channel: .web, at: now)
            let good = PBTestProcess.ballot("paper:1")
            let invalid = PBTestProcess.ballot("paper:2", ["99"])
            let batch = [good, invalid, good, PBTestProcess.ballot("web-voter"), PBTestProcess.ballot("web-voter")]
            do {
                _ = try await pb.castPBBallots(process: "test-pb", batch, channel: .paper, at: now)
                Issue.record("the batch was accepted")
            } catch let refusal as PBBatchRefusal {
                #expect(refusal.refusals.map(\.index) == [1, 2, 3, 4])
                // A voter twice in the batch is refused with the batch's channel, one who voted before with that ballot's.
                #expect(Array(refusal.refusals.map(\.error).dropFirst()) == [.alreadyVoted(channel: .paper), .alreadyVoted(channel: .web),
                                                                      .alreadyVoted(channel: .paper)])
            }
            #expect(try await pb.pbBallots(process: "test-pb").map(\.voterHash) == ["web-voter"])
            let receipts = try await pb.castPBBallots(process: "test-pb", [good, PBTestProcess.ballot("paper:3")], channel: .paper, at: now)
            #expect(receipts.count == 2 && receipts.allSatisfy { $0.replaced == nil })
            #expect(try await pb.pbBallots(process: "test-pb").map(\.voterHash) == ["web-voter", "paper:1", "paper:3"])
            // An empty batch is accepted as it is; a batch for an unknown process is not.
            #expect(try await pb.castPBBallots(process: "nope", [], channel: .paper, at: now).isEmpty)
            await #expect(throws: StoreError.self) { _ = try await pb.castPBBallots(process: "nope", [good], channel: .paper, at: now) }
        }
    }

    @Test(arguments: Implementation.available)
    func batchesReplaceWhenChangesAreAllowed(_ implementation: Implementation) async throws {
        try await implementation.withTestProcess(allowChanges: true) { pb, now in
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("x"), channel: .web, at: now)
            let batch = [PBTestProcess.ballot("y", ["2"]), PBTestProcess.ballot("x", ["3"]), PBTestProcess.ballot("y", ["3"])]
            let receipts = try await pb.castPBBallots(process: "test-pb", batch, channel: .paper, at: now)
            #expect(receipts.map(\.replaced) == [nil, .web, .paper])
            let stored = try await pb.pbBallots(process: "test-pb")
            #expect(stored.map(\.voterHash) == ["x", "y"] && stored.map(\.ballot.choices) == [.approvals(["3"]), .approvals(["3"])])
        }
    }

    @Test(arguments: Implementation.available)
    func theStampFollowsEveryCastAndReplacement(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            _ = try await pb.addPBProcess(try PBTestProcess.definition(allowChanges: true), audit: nil)
            _ = try await pb.addPBProcess(try PBTestProcess.definition(slug: "other"), audit: nil)
            let now = Date()
            var stamps = [try await pb.pbBallotStamp(process: "test-pb")]
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("a"), channel: .web, at: now)
            stamps.append(try await pb.pbBallotStamp(process: "test-pb"))
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("b"), channel: .web, at: now.addingTimeInterval(10))
            stamps.append(try await pb.pbBallotStamp(process: "test-pb"))
            #expect(try await pb.pbBallotStamp(process: "test-pb") == stamps.last)
            // A ballot of another process does not change it; a replacement does, of the newest ballot or of an older one.
            try await pb.castPBBallot(process: "other", PBTestProcess.ballot("a"), channel: .web, at: now.addingTimeInterval(20))
            #expect(try await pb.pbBallotStamp(process: "test-pb") == stamps.last)
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("b", ["2"]), channel: .sms, at: now.addingTimeInterval(30))
            stamps.append(try await pb.pbBallotStamp(process: "test-pb"))
            try await pb.castPBBallot(process: "test-pb", PBTestProcess.ballot("a", ["2"]), channel: .sms, at: now.addingTimeInterval(25))
            stamps.append(try await pb.pbBallotStamp(process: "test-pb"))
            #expect(Set(stamps).count == stamps.count)
            await #expect(throws: StoreError.self) { _ = try await pb.pbBallotStamp(process: "nope") }
        }
    }
}
