import Foundation
import TarazuCore
import TarazuParticipation

/// Participatory budgeting: processes, ballots and the one-time codes of voters' phone numbers.
/// ``BudgetStore`` is the SQL implementation, ``InMemoryPB`` the in-memory one.
///
/// Contract:
/// - Processes are unique by slug (their id), compared exactly; adding a taken slug throws
///   ``StoreError/conflict(_:)`` and writes nothing (nor its `audit` entry, which is written in the same
///   transaction as the process). Listings are by slug in byte order (on PostgreSQL, the order of the
///   database's collation).
/// - A ballot for an unknown process throws ``StoreError/notFound(_:)``. A refused ballot throws
///   `BallotBoxError`, judged in this order: no voter key, voting not open yet, voting closed, invalid for the
///   process's rules (`BallotValidator`), already voted.
/// - One ballot per voter key and process. When the process allows changes, a later ballot replaces the
///   earlier (in its place in the listing: ballots are listed in first-cast order) and its receipt says from
///   which channel; otherwise it is refused as already voted, with the earlier ballot's channel. This holds
///   for simultaneous casts too.
/// - A batch (``castPBBallots(process:_:channel:at:)``) is written whole or not at all: one refused ballot
///   throws ``PBBatchRefusal`` listing every refused ballot of the batch by its position, and nothing is
///   written. Within a batch of a process without changes, a voter's second ballot is refused as already
///   voted with the batch's channel; with changes, it replaces the first. An empty batch is accepted as it
///   is, whatever the process.
/// - When a cast returns, its ballot is stored (durably, for the SQL store).
/// - A one-time code is kept per process and phone hash; a new one replaces it, except within the policy's
///   resend cooldown (``OneTimeCodeIssueError/cooldown(secondsLeft:)``). Checking a code counts the try in
///   the same transaction: a used code answers `.alreadyUsed`, one tried `maxAttempts` times wrongly
///   `.locked`, one past its lifetime (or none) `.expired`, in that order.
/// - Times are kept to the millisecond (cut, not rounded).
/// - Failures of the database throw ``StoreError``; nothing is written then.
public protocol PBRepository: Sendable {
    /// Adds a process at `date`, with `audit`; throws ``StoreError/conflict(_:)`` when its slug is taken.
    func addPBProcess(_ definition: PBProcessDefinition, at date: Date, audit: AuditEntry?) async throws -> PBStoredProcess
    /// Every process, by slug.
    func pbProcesses() async throws -> [PBStoredProcess]
    /// The process `slug`, or nil.
    func pbProcess(_ slug: String) async throws -> PBStoredProcess?

    /// Casts `ballot` in process `slug` at `date`.
    @discardableResult
    func castPBBallot(process slug: String, _ ballot: CitizenBallot, channel: BallotChannel, at date: Date) async throws -> PBCastReceipt
    /// Casts all `ballots` in one transaction, or none (``PBBatchRefusal``).
    func castPBBallots(process slug: String, _ ballots: [CitizenBallot], channel: BallotChannel, at date: Date) async throws -> [PBCastReceipt]
    /// Every ballot of process `slug`, in first-cast order.
    func pbBallots(process slug: String) async throws -> [PBStoredBallot]
    /// A short text that changes whenever a ballot of process `slug` is cast or replaced, and stays the same
    /// while none is: what a cache of tallies is keyed on. (The SQL store's misses only a replacement cast at
    /// the very millisecond of the ballot it replaces.)
    func pbBallotStamp(process slug: String) async throws -> String

    /// Records a new code for `phoneHash` in `process` (replacing the previous one), or throws
    /// ``OneTimeCodeIssueError/cooldown(secondsLeft:)`` while the previous one is younger than the policy's cooldown.
    func issuePBCode(process: String, phoneHash: String, codeHash: String, at date: Date, policy: OneTimeCodePolicy) async throws
    /// Checks the code whose hash is `codeHash` for `phoneHash` and records the try.
    func verifyPBCode(process: String, phoneHash: String, codeHash: String, at date: Date,
                      policy: OneTimeCodePolicy) async throws -> OneTimeCodeVerification

    /// What the processes linked to book `name` (their `settings.book`) measured, once their voting closed
    /// by `date`, by slug: the budgets put to the vote and the ballots by channel and district. Open votes are
    /// left out, so the figures do not move while people vote.
    func measuredParticipation(book name: String, at date: Date) async throws -> [MeasuredParticipation]
}

extension PBRepository {
    /// Adds a process now (and writes `audit` with it).
    public func addPBProcess(_ definition: PBProcessDefinition, audit: AuditEntry? = nil) async throws -> PBStoredProcess {
        try await addPBProcess(definition, at: Date(), audit: audit)
    }

    /// Casts all `ballots` now, in one transaction, or none.
    public func castPBBallots(process slug: String, _ ballots: [CitizenBallot], channel: BallotChannel) async throws -> [PBCastReceipt] {
        try await castPBBallots(process: slug, ballots, channel: channel, at: Date())
    }

    /// The process `slug` and its ballot box rebuilt from the stored ballots (for tallies,
    /// participation figures and the pabulib export).
    public func pbBox(process slug: String) async throws -> (PBProcessDefinition, BallotBox) {
        guard let stored = try await pbProcess(slug) else { throw StoreError.notFound("no PB process '\(slug)'") }
        var box = BallotBox(process: stored.definition.process, allowChanges: false)
        for entry in try await pbBallots(process: slug) {
            do {
                try box.cast(entry.ballot, channel: entry.channel, at: entry.castAt)
            } catch {
                throw StoreError.unreadable(table: "pb_ballots", column: "choices", value: "\(entry.receipt): \(error.message.en)")
            }
        }
        return (stored.definition, box)
    }
}

extension BudgetStore: PBRepository {}
