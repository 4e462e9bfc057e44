import Foundation
import SQLKit
import TarazuParticipation

/// Ballots: cast one at a time (web, SMS, kiosk) or as an all-or-nothing batch (paper).
///
/// Casting is one transaction that reads the process, checks that voting is open, validates the
/// ballot (`BallotValidator`), and enforces one ballot per voter hash and process (a later one
/// replaces the earlier only when the process allows changes); the unique index on
/// (process_id, voter_hash) holds even against concurrent casts. The transaction has committed
/// when the call returns; SQLite stores run WAL with synchronous=FULL (SQLiteNIO's build default,
/// checked by a test), so the ballot survives a power cut after that point.
extension BudgetStore {
    /// Casts `ballot` in process `slug` at `date`. Throws `BallotBoxError` when refused
    /// (closed, not open yet, already voted, invalid) and ``StoreError/notFound(_:)`` for an unknown process.
    ///
    /// Ballots cast at the same time share one transaction (group commit, ``PBCastQueue``): each is
    /// checked on its own and refused on its own, and every call returns only after the transaction
    /// holding its ballot has committed.
    @discardableResult
    public func castPBBallot(process slug: String, _ ballot: CitizenBallot, channel: BallotChannel,
                             at date: Date) async throws -> PBCastReceipt {
        try await castQueue.cast(PBCastQueue.Request(slug: slug, ballot: ballot, channel: channel, date: date), store: self)
    }

    /// Casts all `ballots` in one transaction, or none: throws ``PBBatchRefusal`` listing every refused
    /// ballot (a voter twice in the batch is refused too, unless the process allows changes).
    ///
    /// Two casts of the same voter at the same instant meet the unique index: the loser's transaction
    /// rolls back and is run once more, where it sees the winner's ballot (replace or "already voted").
    public func castPBBallots(process slug: String, _ ballots: [CitizenBallot], channel: BallotChannel,
                              at date: Date) async throws -> [PBCastReceipt] {
        let requests = ballots.map { PBCastQueue.Request(slug: slug, ballot: $0, channel: channel, date: date) }
        return try PBRules.receipts(try await castRetryingOnce(requests, allOrNothing: true))
    }

    /// Writes `requests` in one transaction, each checked on its own; with `allOrNothing`, any refusal
    /// rolls the whole transaction back (the outcomes still say which ballots were refused and why).
    /// A failed transaction is run once more (a concurrent cast by the same voter), then reported.
    func castRetryingOnce(_ requests: [PBCastQueue.Request], allOrNothing: Bool) async throws -> [Result<PBCastReceipt, BallotBoxError>] {
        do {
            return try await castTogether(requests, allOrNothing: allOrNothing)
        } catch StoreError.failed {
            return try await castTogether(requests, allOrNothing: allOrNothing)
        }
    }

    private struct RolledBack: Error {
        var outcomes: [Result<PBCastReceipt, BallotBoxError>]
    }

    private func castTogether(_ requests: [PBCastQueue.Request], allOrNothing: Bool) async throws -> [Result<PBCastReceipt, BallotBoxError>] {
        let slugs = Set(requests.map(\.slug)).sorted().joined(separator: ", ")
        do {
            return try await transaction { sql in
                var processes: [String: (id: Int64, definition: PBProcessDefinition)] = [:]
                for slug in Set(requests.map(\.slug)) { processes[slug] = try await Self.pbProcessRow(slug, on: sql) }
                var outcomes: [Result<PBCastReceipt, BallotBoxError>]
                if processes.count == 1, let (processID, definition) = processes.values.first, !definition.settings.allowChanges {
                    outcomes = try await Self.castNew(requests, processID: processID, definition: definition, on: sql)
                } else {
                    var seen: [String: BallotChannel] = [:]
                    outcomes = []
                    for request in requests {
                        let (processID, definition) = processes[request.slug]!
                        outcomes.append(try await Self.castOne(request, processID: processID, definition: definition, seen: &seen, on: sql))
                    }
                }
                if allOrNothing, outcomes.contains(where: { if case .failure = $0 { true } else { false } }) {
                    throw RolledBack(outcomes: outcomes)
                }
                return outcomes
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.outcomes
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(operation: "casting ballots in '\(slugs)'", reason: DatabaseErrorText.describe(error), underlying: error)
        }
    }

    /// Ballots of one process that allows no changes, in two statements whatever their number: one
    /// multi-row insert that skips voters who already have a ballot (the unique index decides), then
    /// one query for the channels of those voters' earlier ballots.
    private static func castNew(_ requests: [PBCastQueue.Request], processID: Int64, definition: PBProcessDefinition,
                                on sql: any SQLDatabase) async throws -> [Result<PBCastReceipt, BallotBoxError>] {
        let process = definition.process
        var outcomes: [Result<PBCastReceipt, BallotBoxError>?] = Array(repeating: nil, count: requests.count)
        var first: [String: Int] = [:]
        var rows: [[any SQLExpression]] = []
        var receipts: [Int: String] = [:]
        for (index, request) in requests.enumerated() {
            let ballot = request.ballot
            if let refusal = PBRules.refusal(of: ballot, at: request.date, in: process) { outcomes[index] = .failure(refusal); continue }
            if let earlier = first[ballot.voterKey] {
                outcomes[index] = .failure(.alreadyVoted(channel: requests[earlier].channel))
                continue
            }
            first[ballot.voterKey] = index
            let receipt = PBRules.receiptNumber()
            receipts[index] = receipt
            rows.append([Value.of(processID), Value.of(ballot.voterKey), Value.of(request.channel.rawValue),
                         Value.of(ballot.district.code), Value.of(PBChoicesCodec.encode(ballot.choices)),
                         Value.of(StoreTime.milliseconds(request.date)), Value.of(receipt)])
        }
        guard !rows.isEmpty else { return outcomes.map { $0! } }
        let insert = sql.insert(into: "pb_ballots")
            .columns("process_id", "voter_hash", "channel", "district", "choices", "cast_at_ms", "receipt")
        for row in rows { _ = insert.values(row) }
        let inserted = Set(try await insert.ignoringConflicts(with: ["process_id", "voter_hash"]).returning("voter_hash").all()
            .map { try $0.decode(column: "voter_hash", as: String.self) })
        let skipped = first.keys.filter { !inserted.contains($0) }
        var earlierChannels: [String: BallotChannel] = [:]
        if !skipped.isEmpty {
            for row in try await sql.select().columns("voter_hash", "channel").from("pb_ballots")
                .where("process_id", .equal, processID).where("voter_hash", .in, skipped).all() {
                earlierChannels[try row.decode(column: "voter_hash", as: String.self)] =
                    BallotChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .web
            }
        }
        for (voter, index) in first {
            outcomes[index] = inserted.contains(voter)
                ? .success(PBCastReceipt(receipt: receipts[index]!, replaced: nil))
                : .failure(.alreadyVoted(channel: earlierChannels[voter] ?? .web))
        }
        return outcomes.map { $0! }
    }

    /// One ballot inside a cast transaction: phase, rules, the voter's earlier ballot; written or refused.
    private static func castOne(_ request: PBCastQueue.Request, processID: Int64, definition: PBProcessDefinition,
                                seen: inout [String: BallotChannel], on sql: any SQLDatabase) async throws -> Result<PBCastReceipt, BallotBoxError> {
        let ballot = request.ballot, channel = request.channel
        if let refusal = PBRules.refusal(of: ballot, at: request.date, in: definition.process) { return .failure(refusal) }
        let seenKey = "\(processID)|\(ballot.voterKey)"
        if let earlier = seen[seenKey], !definition.settings.allowChanges { return .failure(.alreadyVoted(channel: earlier)) }
        let now = StoreTime.milliseconds(request.date)
        let existing = try await sql.select().columns("id", "channel").from("pb_ballots")
            .where("process_id", .equal, processID).where("voter_hash", .equal, ballot.voterKey).first()
        let receipt = PBRules.receiptNumber()
        var replaced: BallotChannel?
        if let existing {
            let previous = BallotChannel(rawValue: try existing.decode(column: "channel", as: String.self)) ?? .web
            guard definition.settings.allowChanges else { return .failure(.alreadyVoted(channel: previous)) }
            replaced = previous
            try await sql.update("pb_ballots").where("id", .equal, try existing.decode(column: "id", as: Int64.self))
                .set("channel", to: Value.of(channel.rawValue)).set("district", to: Value.of(ballot.district.code))
                .set("choices", to: Value.of(PBChoicesCodec.encode(ballot.choices))).set("cast_at_ms", to: Value.of(now))
                .set("receipt", to: Value.of(receipt)).run()
        } else {
            try await sql.insert(into: "pb_ballots")
                .columns("process_id", "voter_hash", "channel", "district", "choices", "cast_at_ms", "receipt")
                .values([Value.of(processID), Value.of(ballot.voterKey), Value.of(channel.rawValue),
                         Value.of(ballot.district.code), Value.of(PBChoicesCodec.encode(ballot.choices)),
                         Value.of(now), Value.of(receipt)]).run()
        }
        seen[seenKey] = channel
        return .success(PBCastReceipt(receipt: receipt, replaced: replaced))
    }

    /// Every ballot of process `slug`, in first-cast order (by row id).
    public func pbBallots(process slug: String) async throws -> [PBStoredBallot] {
        try await DatabaseErrorText.during("reading the ballots of '\(slug)'") {
            let db = try sql()
            let (processID, _) = try await Self.pbProcessRow(slug, on: db)
            return try await db.select().columns("voter_hash", "channel", "district", "choices", "cast_at_ms", "receipt")
                .from("pb_ballots").where("process_id", .equal, processID).orderBy("id").all().map { row in
                    let reader = ColumnReader(row: row, table: "pb_ballots")
                    let key = try reader.text("voter_hash")
                    let channelText = try reader.text("channel")
                    guard let channel = BallotChannel(rawValue: channelText) else {
                        throw StoreError.unreadable(table: "pb_ballots", column: "channel", value: channelText)
                    }
                    let ballot = CitizenBallot(voterKey: key, district: PBDistrict(code: try reader.text("district")),
                                               choices: try PBChoicesCodec.decode(try reader.text("choices")))
                    return PBStoredBallot(voterHash: key, channel: channel, ballot: ballot,
                                          castAt: StoreTime.date(try reader.int64("cast_at_ms")), receipt: try reader.text("receipt"))
                }
        }
    }

    /// A short text that changes whenever a ballot of process `slug` is cast or replaced, read with one query:
    /// the count, the newest row, the newest cast time and the sum of the cast times (from the opening of the
    /// vote, so that it stays far from overflowing), which a replacement changes even when it is not the newest.
    public func pbBallotStamp(process slug: String) async throws -> String {
        try await DatabaseErrorText.during("reading the ballots of '\(slug)'") {
            let db = try sql()
            let (processID, definition) = try await Self.pbProcessRow(slug, on: db)
            let opening = StoreTime.milliseconds(definition.process.phase(.voting).start)
            guard let row = try await db.raw("""
                SELECT COUNT(*) AS n, MAX(id) AS last_id, MAX(cast_at_ms) AS last_at,
                       CAST(COALESCE(SUM(cast_at_ms - \(bind: opening)), 0) AS BIGINT) AS cast_times
                FROM pb_ballots WHERE process_id = \(bind: processID)
                """).first() else { return "\(processID):0" }
            let count = try row.decode(column: "n", as: Int64.self)
            let lastID = try row.decode(column: "last_id", as: Int64?.self) ?? 0
            let lastAt = try row.decode(column: "last_at", as: Int64?.self) ?? 0
            let castTimes = try row.decode(column: "cast_times", as: Int64.self)
            return "\(processID):\(count):\(lastID):\(lastAt):\(castTimes)"
        }
    }
}
