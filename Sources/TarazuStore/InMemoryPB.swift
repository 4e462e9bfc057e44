import Foundation
import TarazuCore
import TarazuParticipation

/// Participatory budgeting in memory, with the answers of ``BudgetStore``'s (see ``PBRepository``): processes
/// and ballots are kept as the SQL store keeps them (definitions as their JSON text, choices and districts
/// encoded), so they read back the same. Audit entries go to `audit`, right after the process they record.
public actor InMemoryPB: PBRepository {
    private struct Process {
        var id: Int64
        var slug: String
        var definition: String
        var createdAt: Int64
        var ballots: [PBStoredBallot] = []
        /// The position of each voter's ballot in `ballots`.
        var positions: [ExactText: Int] = [:]
        /// Ballots cast or replaced so far.
        var writes = 0
    }

    private struct CodeKey: Hashable {
        var process: ExactText
        var phoneHash: ExactText
    }

    private let audit: InMemoryAudit
    private var processes: [ExactText: Process] = [:]
    private var lastProcessID: Int64 = 0
    private var codes: [CodeKey: PBRules.Code] = [:]

    /// No processes; audit entries are appended to `audit`.
    public init(audit: InMemoryAudit) {
        self.audit = audit
    }

    public func addPBProcess(_ definition: PBProcessDefinition, at date: Date, audit entry: AuditEntry?) async throws -> PBStoredProcess {
        let slug = definition.process.id
        guard processes[ExactText(slug)] == nil else { throw StoreError.conflict("a PB process '\(slug)' already exists") }
        let now = StoreTime.milliseconds(date)
        lastProcessID += 1
        processes[ExactText(slug)] = Process(id: lastProcessID, slug: slug, definition: PBProcessFile.json(definition), createdAt: now)
        if let entry { await audit.appendAudit(entry) }
        return PBStoredProcess(slug: slug, definition: definition, createdAt: StoreTime.date(now), updatedAt: StoreTime.date(now))
    }

    public func pbProcesses() throws -> [PBStoredProcess] {
        try processes.sorted { $0.key < $1.key }.map { try Self.stored($0.value) }
    }

    public func pbProcess(_ slug: String) throws -> PBStoredProcess? {
        try processes[ExactText(slug)].map(Self.stored)
    }

    @discardableResult
    public func castPBBallot(process slug: String, _ ballot: CitizenBallot, channel: BallotChannel, at date: Date) throws -> PBCastReceipt {
        let outcomes = try cast([ballot], process: slug, channel: channel, at: date, allOrNothing: false)
        return try outcomes[0].get()
    }

    public func castPBBallots(process slug: String, _ ballots: [CitizenBallot], channel: BallotChannel, at date: Date) throws -> [PBCastReceipt] {
        try PBRules.receipts(try cast(ballots, process: slug, channel: channel, at: date, allOrNothing: true))
    }

    public func pbBallots(process slug: String) throws -> [PBStoredBallot] {
        try existing(slug).ballots
    }

    public func pbBallotStamp(process slug: String) throws -> String {
        let process = try existing(slug)
        return "\(process.id):\(process.ballots.count):\(process.writes)"
    }

    public func issuePBCode(process: String, phoneHash: String, codeHash: String, at date: Date, policy: OneTimeCodePolicy) throws {
        let key = CodeKey(process: ExactText(process), phoneHash: ExactText(phoneHash))
        codes[key] = try PBRules.issue(codeHash, at: StoreTime.milliseconds(date), previous: codes[key], policy: policy)
    }

    public func verifyPBCode(process: String, phoneHash: String, codeHash: String, at date: Date,
                             policy: OneTimeCodePolicy) -> OneTimeCodeVerification {
        let key = CodeKey(process: ExactText(process), phoneHash: ExactText(phoneHash))
        let (answer, changed) = PBRules.verify(codes[key], codeHash: codeHash, at: StoreTime.milliseconds(date), policy: policy)
        if let changed { codes[key] = changed }
        return answer
    }

    public func measuredParticipation(book name: String, at date: Date) throws -> [MeasuredParticipation] {
        try pbProcesses().filter { PBRules.isMeasured($0, book: name, at: date) }.map { stored in
            let counts = Dictionary(grouping: try existing(stored.slug).ballots) { [$0.channel.rawValue, $0.ballot.district.code] }
            return try PBRules.measured(stored, book: name, counts: counts.map { (channel: $0.key[0], district: $0.key[1], ballots: $0.value.count) })
        }
    }

    // MARK: Casting

    /// Judges `ballots` one by one as the SQL store does, and keeps them unless `allOrNothing` and one was refused.
    private func cast(_ ballots: [CitizenBallot], process slug: String, channel: BallotChannel, at date: Date,
                      allOrNothing: Bool) throws -> [Result<PBCastReceipt, BallotBoxError>] {
        guard !ballots.isEmpty else { return [] }
        var process = try existing(slug)
        let definition = try PBRules.definition(stored: process.definition)
        let outcomes = definition.settings.allowChanges
            ? Self.castReplacing(ballots, into: &process, definition: definition, channel: channel, at: date)
            : Self.castOnce(ballots, into: &process, definition: definition, channel: channel, at: date)
        if allOrNothing, outcomes.contains(where: { if case .failure = $0 { true } else { false } }) { return outcomes }
        processes[ExactText(slug)] = process
        return outcomes
    }

    /// A process without changes: a voter's second ballot, in the batch or stored before, is refused.
    private static func castOnce(_ ballots: [CitizenBallot], into process: inout Process, definition: PBProcessDefinition,
                                 channel: BallotChannel, at date: Date) -> [Result<PBCastReceipt, BallotBoxError>] {
        var inBatch: Set<ExactText> = []
        return ballots.map { ballot in
            if let refusal = PBRules.refusal(of: ballot, at: date, in: definition.process) { return .failure(refusal) }
            let voter = ExactText(ballot.voterKey)
            guard inBatch.insert(voter).inserted else { return .failure(.alreadyVoted(channel: channel)) }
            if let position = process.positions[voter] { return .failure(.alreadyVoted(channel: process.ballots[position].channel)) }
            return .success(write(ballot, into: &process, channel: channel, at: date))
        }
    }

    /// A process with changes: a voter's later ballot replaces the earlier.
    private static func castReplacing(_ ballots: [CitizenBallot], into process: inout Process, definition: PBProcessDefinition,
                                      channel: BallotChannel, at date: Date) -> [Result<PBCastReceipt, BallotBoxError>] {
        ballots.map { ballot in
            if let refusal = PBRules.refusal(of: ballot, at: date, in: definition.process) { return .failure(refusal) }
            return .success(write(ballot, into: &process, channel: channel, at: date))
        }
    }

    /// Stores `ballot` as the SQL store does, replacing its voter's earlier one in place.
    private static func write(_ ballot: CitizenBallot, into process: inout Process, channel: BallotChannel, at date: Date) -> PBCastReceipt {
        let receipt = PBRules.receiptNumber()
        let kept = CitizenBallot(voterKey: ballot.voterKey, district: PBDistrict(code: ballot.district.code), choices: ballot.choices)
        let stored = PBStoredBallot(voterHash: ballot.voterKey, channel: channel, ballot: kept,
                                    castAt: StoreTime.date(StoreTime.milliseconds(date)), receipt: receipt)
        process.writes += 1
        let voter = ExactText(ballot.voterKey)
        if let position = process.positions[voter] {
            let replaced = process.ballots[position].channel
            process.ballots[position] = stored
            return PBCastReceipt(receipt: receipt, replaced: replaced)
        }
        process.positions[voter] = process.ballots.count
        process.ballots.append(stored)
        return PBCastReceipt(receipt: receipt, replaced: nil)
    }

    private func existing(_ slug: String) throws -> Process {
        guard let process = processes[ExactText(slug)] else { throw StoreError.notFound("no PB process '\(slug)'") }
        return process
    }

    private static func stored(_ process: Process) throws -> PBStoredProcess {
        PBStoredProcess(slug: process.slug, definition: try PBRules.definition(stored: process.definition),
                        createdAt: StoreTime.date(process.createdAt), updatedAt: StoreTime.date(process.createdAt))
    }
}
