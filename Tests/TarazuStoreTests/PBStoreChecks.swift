import Foundation
import TarazuCore
import Testing
import TarazuParticipation
@testable import TarazuStore

/// Participatory budgeting in the store, run on each backend.
enum PBStoreChecks {
    /// A process whose voting phase is open at `now` (citywide and region 1, approval 1..2).
    static func definition(slug: String = "test-pb", now: Date = Date(), allowChanges: Bool = false,
                           votingOpen: Bool = true) throws -> PBProcessDefinition {
        let day: TimeInterval = 86_400
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let votingStart = votingOpen ? now.addingTimeInterval(-day) : now.addingTimeInterval(-2 * day)
        let votingEnd = votingOpen ? now.addingTimeInterval(day) : now.addingTimeInterval(-day)
        let times = [votingStart - 40 * day, votingStart - 30 * day, votingStart - 20 * day, votingStart,
                     votingEnd, votingEnd + 10 * day, votingEnd + 100 * day]
        let kinds = PBPhaseKind.allCases
        let phases = kinds.indices.map { PBPhase(kinds[$0], start: times[$0], end: times[$0 + 1]) }
        let process = try PBProcess(
            id: slug, year: 1405, title: Bilingual(fa: "آزمون", en: "Test"), phases: phases,
            citywideBudget: 100, regionBudgets: ["1": 50], rules: .approval(minProjects: 1, maxProjects: 2),
            proposals: [
                PBProposal(id: "1", district: .citywide, title: "پارک <b>بزرگ</b>", cost: 60, status: .feasible),
                PBProposal(id: "2", district: .citywide, title: "کتابخانه", cost: 50, status: .feasible),
                PBProposal(id: "3", district: .citywide, title: "دوچرخه", cost: 40, status: .feasible),
                PBProposal(id: "11", district: .region("1"), title: "روشنایی", cost: 30, status: .feasible),
                PBProposal(id: "12", district: .region("1"), title: "آسفالت", cost: 30, status: .feasible),
            ])
        return PBProcessDefinition(process: process, settings: PBProcessSettings(allowChanges: allowChanges, rule: .greedy))
    }

    static func processesRoundTrip(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let definition = try definition()
            _ = try await store.addPBProcess(definition)
            await #expect(throws: StoreError.self) { _ = try await store.addPBProcess(definition) }
            let read = try #require(try await store.pbProcess("test-pb"))
            #expect(read.definition == definition)
            #expect(try await store.pbProcesses().map(\.slug) == ["test-pb"])
            #expect(try await store.pbProcess("nope") == nil)
        }
    }

    static func oneBallotPerVoter(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.addPBProcess(try definition())
            let ballot = CitizenBallot(voterKey: "v1:aa", district: .citywide, choices: .approvals(["1", "2"]))
            let receipt = try await store.castPBBallot(process: "test-pb", ballot, channel: .web)
            #expect(receipt.replaced == nil && receipt.receipt.count == 10)
            await #expect(throws: BallotBoxError.alreadyVoted(channel: .web)) {
                try await store.castPBBallot(process: "test-pb", CitizenBallot(voterKey: "v1:aa", district: .region("1"),
                                                                              choices: .approvals(["11"])), channel: .sms)
            }
            await #expect(throws: BallotBoxError.self) {
                try await store.castPBBallot(process: "test-pb", CitizenBallot(voterKey: "v1:bb", district: .citywide,
                                                                              choices: .approvals(["1", "2", "3"])), channel: .web)
            }
            let stored = try await store.pbBallots(process: "test-pb")
            #expect(stored.count == 1 && stored[0].ballot == ballot && stored[0].channel == .web)
        }
    }

    static func changesReplaceWhenAllowed(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.addPBProcess(try definition(allowChanges: true))
            try await store.castPBBallot(process: "test-pb", CitizenBallot(voterKey: "k", district: .citywide, choices: .approvals(["1"])), channel: .web)
            let second = try await store.castPBBallot(process: "test-pb",
                                                      CitizenBallot(voterKey: "k", district: .region("1"), choices: .approvals(["11"])), channel: .sms)
            #expect(second.replaced == .web)
            let stored = try await store.pbBallots(process: "test-pb")
            #expect(stored.count == 1 && stored[0].channel == .sms && stored[0].ballot.district == .region("1"))
        }
    }

    /// Hundreds of casts at once (group commit): each is judged on its own, every acknowledged one is
    /// stored, a voter casting twice at the same moment gets one ballot, and casts into an unknown
    /// process fail without taking the others down.
    static func concurrentCastsAreJudgedOneByOne(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.addPBProcess(try definition())
            enum Outcome: Sendable { case cast, alreadyVoted, invalid, unknownProcess, other(String) }
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for index in 0..<300 {
                    group.addTask {
                        let voter = index < 250 ? "v1:\(index)" : index < 275 ? "v1:twice-\(index % 25)" : "v1:bad-\(index)"
                        let choices: PBChoices = index >= 275 ? .approvals(["1", "2", "3"]) : .approvals(["1"])
                        let slug = index % 50 == 7 ? "no-such-process" : "test-pb"
                        do {
                            try await store.castPBBallot(process: slug, CitizenBallot(voterKey: voter, district: .citywide, choices: choices), channel: .sms)
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
                }
                // The 25 voters who cast twice: their second casts run alongside the rest.
                for index in 0..<25 {
                    group.addTask {
                        do {
                            try await store.castPBBallot(process: "test-pb", CitizenBallot(voterKey: "v1:twice-\(index)", district: .citywide,
                                                                                         choices: .approvals(["2"])), channel: .web)
                            return .cast
                        } catch BallotBoxError.alreadyVoted {
                            return .alreadyVoted
                        } catch {
                            return .other("\(error)")
                        }
                    }
                }
                var all: [Outcome] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let unknown = (0..<300).filter { $0 % 50 == 7 }.count
            let cast = outcomes.filter { if case .cast = $0 { true } else { false } }.count
            let twice = outcomes.filter { if case .alreadyVoted = $0 { true } else { false } }.count
            let invalid = outcomes.filter { if case .invalid = $0 { true } else { false } }.count
            let missing = outcomes.filter { if case .unknownProcess = $0 { true } else { false } }.count
            let others = outcomes.compactMap { if case .other(let text) = $0 { text } else { nil } }
            #expect(others.isEmpty, "\(others.prefix(3))")
            #expect(missing == unknown)
            #expect(twice == 25 - (250..<275).filter { $0 % 50 == 7 }.count)
            #expect(invalid == (275..<300).filter { $0 % 50 != 7 }.count)
            let stored = try await store.pbBallots(process: "test-pb")
            #expect(stored.count == cast)
            #expect(Set(stored.map(\.voterHash)).count == stored.count)
            #expect(cast == 250 - (0..<250).filter { $0 % 50 == 7 }.count + 25)
        }
    }

    /// A process linked to a book (settings.book) reports its budgets and ballots once voting closed.
    static func closedProcessesMeasureParticipation(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            var linked = try definition(slug: "linked")
            linked.settings.book = "tabriz"
            _ = try await store.addPBProcess(linked)
            _ = try await store.addPBProcess(try definition(slug: "unlinked"))
            let now = Date()
            for (index, (district, channel)) in [(PBDistrict.citywide, BallotChannel.web), (.citywide, .sms), (.region("1"), .sms)].enumerated() {
                let choices: PBChoices = district == .citywide ? .approvals(["1"]) : .approvals(["11"])
                try await store.castPBBallot(process: "linked", CitizenBallot(voterKey: "v1:\(index)", district: district, choices: choices),
                                             channel: channel, at: now)
            }
            try await store.castPBBallot(process: "unlinked", CitizenBallot(voterKey: "v1:x", district: .citywide, choices: .approvals(["1"])),
                                         channel: .web, at: now)
            // While voting is open, nothing is measured.
            #expect(try await store.measuredParticipation(book: "tabriz", at: now).isEmpty)
            let afterClose = linked.process.phase(.voting).end.addingTimeInterval(1)
            let records = try await store.measuredParticipation(book: "tabriz", at: afterClose)
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.process == "linked")
            #expect(record.year == 1405)
            #expect(record.ballots == 3)
            #expect(record.byChannel == ["web": 1, "sms": 2])
            #expect(record.byRegion == ["0": 2, "1": 1])
            #expect(record.budget.rials == 150)
            #expect(try await store.measuredParticipation(book: "other", at: afterClose).isEmpty)
        }
    }

    static func closedVotingAndBatchesAreAllOrNothing(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.addPBProcess(try definition(slug: "closed", votingOpen: false))
            await #expect(throws: BallotBoxError.closed) {
                try await store.castPBBallot(process: "closed", CitizenBallot(voterKey: "k", district: .citywide, choices: .approvals(["1"])), channel: .web)
            }
            _ = try await store.addPBProcess(try definition())
            let good = CitizenBallot(voterKey: "paper:1", district: .citywide, choices: .approvals(["1"]))
            let bad = CitizenBallot(voterKey: "paper:2", district: .citywide, choices: .approvals(["99"]))
            do {
                _ = try await store.castPBBallots(process: "test-pb", [good, bad], channel: .paper)
                Issue.record("the batch was accepted")
            } catch let refusal as PBBatchRefusal {
                #expect(refusal.refusals.map(\.index) == [1])
            }
            #expect(try await store.pbBallots(process: "test-pb").isEmpty)
            let receipts = try await store.castPBBallots(process: "test-pb", [good], channel: .paper)
            #expect(receipts.count == 1)
            let (_, box) = try await store.pbBox(process: "test-pb")
            #expect(box.ballots.count == 1)
        }
    }

    static func codesExpireAndLock(_ backend: Backend) async throws {
        try await backend.withStore { store, _ in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            try await store.issuePBCode(process: "p", phoneHash: "h", codeHash: "right", at: start)
            await #expect(throws: OneTimeCodeIssueError.self) {
                try await store.issuePBCode(process: "p", phoneHash: "h", codeHash: "again", at: start.addingTimeInterval(10))
            }
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "h", codeHash: "wrong", at: start) == .wrong(attemptsLeft: 4))
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "h", codeHash: "right", at: start.addingTimeInterval(1)) == .ok)
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "h", codeHash: "right", at: start.addingTimeInterval(2)) == .alreadyUsed)
            try await store.issuePBCode(process: "p", phoneHash: "h", codeHash: "new", at: start.addingTimeInterval(61))
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "h", codeHash: "new", at: start.addingTimeInterval(61 + 300)) == .expired)
            try await store.issuePBCode(process: "p", phoneHash: "x", codeHash: "c", at: start)
            for left in [4, 3, 2, 1] {
                #expect(try await store.verifyPBCode(process: "p", phoneHash: "x", codeHash: "no", at: start) == .wrong(attemptsLeft: left))
            }
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "x", codeHash: "no", at: start) == .locked)
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "x", codeHash: "c", at: start) == .locked)
            #expect(try await store.verifyPBCode(process: "p", phoneHash: "none", codeHash: "c", at: start) == .expired)
        }
    }

    static func voterKeyIsStoredOnceAndHashesArePrivate(_ backend: Backend) async throws {
        try await backend.withStore { store, location in
            let first = try await store.pbVoterHasher(environmentKey: "")
            let again = try await store.pbVoterHasher(environmentKey: "")
            let key = first.voterKey(phone: "+989121234567")
            #expect(key == again.voterKey(phone: "+989121234567"))
            #expect(key.hasPrefix("v1:") && !key.contains("9121234567"))
            let fromEnvironment = try await store.pbVoterHasher(environmentKey: Data(repeating: 7, count: 32).base64EncodedString())
            #expect(fromEnvironment.voterKey(phone: "+989121234567") != key)
            await #expect(throws: StoreError.self) { _ = try await store.pbVoterHasher(environmentKey: "c2hvcnQ=") }
            let reopened = try await BudgetStore.open(location)
            #expect(try await reopened.pbVoterHasher(environmentKey: "").voterKey(phone: "+989121234567") == key)
            await reopened.shutdown()
        }
    }
}

@Suite("PB store on SQLite")
struct PBSQLiteStoreTests {
    @Test func processesRoundTrip() async throws { try await PBStoreChecks.processesRoundTrip(.sqlite) }
    @Test func oneBallotPerVoter() async throws { try await PBStoreChecks.oneBallotPerVoter(.sqlite) }
    @Test func concurrentCastsAreJudgedOneByOne() async throws { try await PBStoreChecks.concurrentCastsAreJudgedOneByOne(.sqlite) }
    @Test func closedProcessesMeasureParticipation() async throws { try await PBStoreChecks.closedProcessesMeasureParticipation(.sqlite) }
    @Test func changesReplaceWhenAllowed() async throws { try await PBStoreChecks.changesReplaceWhenAllowed(.sqlite) }
    @Test func closedVotingAndBatchesAreAllOrNothing() async throws { try await PBStoreChecks.closedVotingAndBatchesAreAllOrNothing(.sqlite) }
    @Test func codesExpireAndLock() async throws { try await PBStoreChecks.codesExpireAndLock(.sqlite) }
    @Test func voterKeyIsStoredOnceAndHashesArePrivate() async throws { try await PBStoreChecks.voterKeyIsStoredOnceAndHashesArePrivate(.sqlite) }

    /// Ballots are durable when the cast returns: WAL with synchronous=FULL (2) on the connections.
    @Test func sqliteIsSynchronousFull() async throws {
        try await Backend.sqlite.withStore { store, _ in
            let synchronous = try await store.sqlitePragma("synchronous")
            #expect(synchronous == "2")
        }
    }
}

@Suite("PB store on PostgreSQL (TARAZU_TEST_POSTGRES_URL)",
       .enabled(if: Backend.postgresURL != nil, "TARAZU_TEST_POSTGRES_URL is not set"))
struct PBPostgresStoreTests {
    @Test func processesRoundTrip() async throws { try await PBStoreChecks.processesRoundTrip(.postgres) }
    @Test func oneBallotPerVoter() async throws { try await PBStoreChecks.oneBallotPerVoter(.postgres) }
    @Test func concurrentCastsAreJudgedOneByOne() async throws { try await PBStoreChecks.concurrentCastsAreJudgedOneByOne(.postgres) }
    @Test func closedProcessesMeasureParticipation() async throws { try await PBStoreChecks.closedProcessesMeasureParticipation(.postgres) }
    @Test func changesReplaceWhenAllowed() async throws { try await PBStoreChecks.changesReplaceWhenAllowed(.postgres) }
    @Test func closedVotingAndBatchesAreAllOrNothing() async throws { try await PBStoreChecks.closedVotingAndBatchesAreAllOrNothing(.postgres) }
    @Test func codesExpireAndLock() async throws { try await PBStoreChecks.codesExpireAndLock(.postgres) }
    @Test func voterKeyIsStoredOnceAndHashesArePrivate() async throws { try await PBStoreChecks.voterKeyIsStoredOnceAndHashesArePrivate(.postgres) }
}
