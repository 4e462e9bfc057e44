import Foundation
import TarazuCore
import TarazuParticipation

/// What the SQL and the in-memory PB repositories decide alike: the checks of a cast, receipts, batch
/// refusals, the rules of one-time codes over stored values (times in milliseconds), participation counts,
/// stored definitions.
enum PBRules {
    /// Why `ballot` cast at `date` is refused before its voter's earlier ballot is looked at, or nil.
    static func refusal(of ballot: CitizenBallot, at date: Date, in process: PBProcess) -> BallotBoxError? {
        if ballot.voterKey.isEmpty { return .noVoterKey }
        let voting = process.phase(.voting)
        if date < voting.start { return .notOpenYet }
        if date >= voting.end { return .closed }
        let problems = BallotValidator.validate(ballot, process)
        return problems.isEmpty ? nil : .invalid(problems)
    }

    /// The receipts of a batch whose ballots were all accepted, else ``PBBatchRefusal`` listing every refused one.
    static func receipts(_ outcomes: [Result<PBCastReceipt, BallotBoxError>]) throws(PBBatchRefusal) -> [PBCastReceipt] {
        var receipts: [PBCastReceipt] = []
        var refusals: [PBRefusedBallot] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let receipt): receipts.append(receipt)
            case .failure(let error): refusals.append(PBRefusedBallot(index: index, error: error))
            }
        }
        if !refusals.isEmpty { throw PBBatchRefusal(refusals: refusals) }
        return receipts
    }

    /// 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    static func receiptNumber() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The definition kept as `text` (``PBProcessFile/json(_:)``), read back.
    static func definition(stored text: String) throws -> PBProcessDefinition {
        do {
            return try PBDefinitionCache.shared.definition(text)
        } catch {
            throw StoreError.unreadable(table: "pb_processes", column: "definition", value: error.description)
        }
    }

    /// A one-time code as stored.
    struct Code: Sendable {
        var codeHash: String
        var issuedAt: Int64
        var expiresAt: Int64
        var attempts: Int
        var used: Bool
    }

    /// A new code issued at `now`, unless `previous` is younger than the policy's resend cooldown.
    static func issue(_ codeHash: String, at now: Int64, previous: Code?, policy: OneTimeCodePolicy) throws(OneTimeCodeIssueError) -> Code {
        if let previous {
            let elapsed = Double(now - previous.issuedAt) / 1000
            if elapsed < policy.resendCooldown {
                throw .cooldown(secondsLeft: Int((policy.resendCooldown - elapsed).rounded(.up)))
            }
        }
        return Code(codeHash: codeHash, issuedAt: now, expiresAt: now + Int64(policy.lifetime * 1000), attempts: 0, used: false)
    }

    /// The answer to `codeHash` for `code` (nil: none issued) at `now`, and the code after the try (nil: unchanged).
    static func verify(_ code: Code?, codeHash: String, at now: Int64, policy: OneTimeCodePolicy) -> (OneTimeCodeVerification, Code?) {
        guard var code else { return (.expired, nil) }
        if code.used { return (.alreadyUsed, nil) }
        if code.attempts >= policy.maxAttempts { return (.locked, nil) }
        if now >= code.expiresAt { return (.expired, nil) }
        if ConstantTime.equal(code.codeHash, codeHash) {
            code.used = true
            return (.ok, code)
        }
        code.attempts += 1
        let left = policy.maxAttempts - code.attempts
        return (left > 0 ? .wrong(attemptsLeft: left) : .locked, code)
    }

    /// Whether `stored` is measured for book `name` at `date`: linked to it, and its voting closed.
    static func isMeasured(_ stored: PBStoredProcess, book name: String, at date: Date) -> Bool {
        stored.definition.settings.book == name && stored.definition.process.phase(.voting).end <= date
    }

    /// What `stored` measured for book `name`, from its ballots counted by channel and district code.
    static func measured(_ stored: PBStoredProcess, book name: String,
                         counts: [(channel: String, district: String, ballots: Int)]) throws(StoreError) -> MeasuredParticipation {
        var byChannel: [String: Int] = [:]
        var byRegion: [String: Int] = [:]
        for count in counts {
            byChannel[count.channel, default: 0] += count.ballots
            byRegion[count.district, default: 0] += count.ballots
        }
        let process = stored.definition.process
        let budget: Money
        do {
            budget = try Money.sum([Money(rials: process.citywideBudget)] + process.regionBudgets.values.map { Money(rials: $0) })
        } catch {
            throw .failed(operation: "counting the ballots of book '\(name)'", reason: DatabaseErrorText.describe(error), underlying: error)
        }
        return MeasuredParticipation(year: process.year, process: stored.slug, budget: budget, ballots: counts.reduce(0) { $0 + $1.ballots },
                                     byChannel: byChannel, byRegion: byRegion)
    }
}
