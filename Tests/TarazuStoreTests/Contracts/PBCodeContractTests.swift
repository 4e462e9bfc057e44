import Foundation
import Testing
import TarazuParticipation
@testable import TarazuStore

/// ``PBRepository``'s one-time codes: cooldown, lifetime and attempt limits; the same answers in memory and in SQL.
@Suite("PBRepository contract: one-time codes")
struct PBCodeContractTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test(arguments: Implementation.available)
    func codesAreUsedOnceAndExpire(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            let policy = OneTimeCodePolicy.standard
            try await pb.issuePBCode(process: "p", phoneHash: "h", codeHash: "right", at: Self.at(0), policy: policy)
            await #expect(throws: OneTimeCodeIssueError.cooldown(secondsLeft: 50)) {
                try await pb.issuePBCode(process: "p", phoneHash: "h", codeHash: "again", at: Self.at(10.0004), policy: policy)
            }
            await #expect(throws: OneTimeCodeIssueError.cooldown(secondsLeft: 1)) {
                try await pb.issuePBCode(process: "p", phoneHash: "h", codeHash: "again", at: Self.at(59.999), policy: policy)
            }
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "h", codeHash: "wrong", at: Self.at(0), policy: policy) == .wrong(attemptsLeft: 4))
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "h", codeHash: "right", at: Self.at(1), policy: policy) == .ok)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "h", codeHash: "right", at: Self.at(2), policy: policy) == .alreadyUsed)
            // The cooldown is over at 60 s: a new code replaces the used one, and lives 300 s.
            try await pb.issuePBCode(process: "p", phoneHash: "h", codeHash: "new", at: Self.at(60), policy: policy)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "h", codeHash: "new", at: Self.at(360), policy: policy) == .expired)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "h", codeHash: "new", at: Self.at(359.999), policy: policy) == .ok)
            // Codes are kept per process and phone hash; none issued reads as expired.
            #expect(try await pb.verifyPBCode(process: "q", phoneHash: "h", codeHash: "new", at: Self.at(61), policy: policy) == .expired)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "H", codeHash: "new", at: Self.at(61), policy: policy) == .expired)
            try await pb.issuePBCode(process: "q", phoneHash: "h", codeHash: "other", at: Self.at(61), policy: policy)
            #expect(try await pb.verifyPBCode(process: "q", phoneHash: "h", codeHash: "other", at: Self.at(62), policy: policy) == .ok)
        }
    }

    @Test(arguments: Implementation.available)
    func wrongTriesLockTheCodeUntilANewOne(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            let policy = OneTimeCodePolicy(digits: 6, lifetime: 300, maxAttempts: 3, resendCooldown: 30)
            try await pb.issuePBCode(process: "p", phoneHash: "x", codeHash: "c", at: Self.at(0), policy: policy)
            for left in [2, 1] {
                #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "no", at: Self.at(1), policy: policy) == .wrong(attemptsLeft: left))
            }
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "no", at: Self.at(1), policy: policy) == .locked)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "c", at: Self.at(1), policy: policy) == .locked)
            // Locked comes before expired.
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "c", at: Self.at(400), policy: policy) == .locked)
            try await pb.issuePBCode(process: "p", phoneHash: "x", codeHash: "d", at: Self.at(30), policy: policy)
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "no", at: Self.at(31), policy: policy) == .wrong(attemptsLeft: 2))
            #expect(try await pb.verifyPBCode(process: "p", phoneHash: "x", codeHash: "d", at: Self.at(31), policy: policy) == .ok)
        }
    }
}
