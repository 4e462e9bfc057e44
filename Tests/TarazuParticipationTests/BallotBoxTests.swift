import Foundation
import Testing
@testable import TarazuParticipation

@Suite struct BallotBoxTests {
    let process = PBFixture.process()
    let t = PBFixture.duringVoting

    func ballot(_ key: String, _ ids: [String], _ district: PBDistrict = .region("1")) -> CitizenBallot {
        CitizenBallot(voterKey: key, district: district, choices: .approvals(ids))
    }

    @Test func oneBallotPerPersonAcrossChannels() throws {
        var box = BallotBox(process: process, allowChanges: false)
        #expect(try box.cast(ballot("a", ["12"]), channel: .web, at: t) == .recorded)
        #expect(throws: BallotBoxError.alreadyVoted(channel: .web)) {
            try box.cast(ballot("a", ["15"]), channel: .sms, at: t)
        }
        #expect(throws: BallotBoxError.alreadyVoted(channel: .web)) {
            try box.cast(ballot("a", ["70"], .citywide), channel: .kiosk, at: t)
        }
        #expect(box.entry(for: "a")?.ballot.choices == .approvals(["12"]))
        #expect(BallotBoxError.alreadyVoted(channel: .web).smsReply == .alreadyVoted)
    }

    @Test func changesReplaceWhenAllowed() throws {
        var box = BallotBox(process: process, allowChanges: true)
        try box.cast(ballot("a", ["12"]), channel: .web, at: t)
        try box.cast(ballot("b", ["31"]), channel: .paper, at: t)
        #expect(try box.cast(ballot("a", ["15", "31"]), channel: .sms, at: t.addingTimeInterval(60))
                == .replaced(previousChannel: .web))
        #expect(box.ballots.count == 2)
        #expect(box.ballots.map(\.ballot.voterKey) == ["a", "b"])
        #expect(box.entry(for: "a")?.channel == .sms)
        #expect(box.entry(for: "a")?.ballot.choices == .approvals(["15", "31"]))
    }

    @Test func refusesOutsideVotingAndInvalidBallots() {
        var box = BallotBox(process: process, allowChanges: true)
        #expect(throws: BallotBoxError.notOpenYet) { try box.cast(ballot("a", ["12"]), channel: .web, at: PBFixture.beforeVoting) }
        #expect(throws: BallotBoxError.closed) { try box.cast(ballot("a", ["12"]), channel: .web, at: PBFixture.afterClose) }
        #expect(throws: BallotBoxError.closed) {
            try box.cast(ballot("a", ["12"]), channel: .web, at: PBFixture.day("2025-06-15"))
        }
        #expect(throws: BallotBoxError.invalid([.unknownProject("99")])) {
            try box.cast(ballot("a", ["99"]), channel: .sms, at: t)
        }
        #expect(throws: BallotBoxError.noVoterKey) { try box.cast(ballot("", ["12"]), channel: .sms, at: t) }
        #expect(BallotBoxError.noVoterKey.smsReply == .codeRequired)
        #expect(BallotBoxError.closed.smsReply == .votingClosed)
        #expect(BallotBoxError.invalid([.unknownProject("99")]).smsReply == .invalid(BallotProblem.unknownProject("99").message))
        #expect(box.ballots.isEmpty)
    }

    @Test func participationFigures() throws {
        var box = BallotBox(process: process, allowChanges: false)
        try box.cast(ballot("a", ["12"]), channel: .web, at: t)
        try box.cast(ballot("b", ["15"]), channel: .sms, at: t)
        try box.cast(ballot("c", ["31"]), channel: .paper, at: t)
        try box.cast(ballot("d", ["50"], .region("2")), channel: .kiosk, at: t)
        try box.cast(ballot("e", ["70"], .citywide), channel: .web, at: t)
        let figures = box.participation(populations: ["1": 2_000, "2": 3_000], capitalBudget: 10_000)
        #expect(figures.ballots == 5)
        #expect(figures.byChannel == [.web: 2, .sms: 1, .paper: 1, .kiosk: 1])
        #expect(figures.byDistrict == [.region("1"): 3, .region("2"): 1, .citywide: 1])
        #expect(figures.perResidentByRegion["1"]?.decimal(scale: 1_000, places: 1) == "1.5")
        #expect(figures.perResidentByRegion["2"]?.decimal(scale: 1_000, places: 2) == "0.33")
        #expect(figures.perResidentCity?.decimal(scale: 1_000, places: 1) == "1.0")
        // (1000 + 800 + 500) / 10000 = 23 %.
        #expect(figures.shareOfCapitalBudget?.decimal(scale: 100, places: 0) == "23")
        #expect(PBRatio(2, 3)?.decimal(places: 3) == "0.667")
        #expect(PBRatio(1, 0) == nil)
    }
}

@Suite struct PaperBallotImportTests {
    @Test func readsBallots() throws {
        let csv = "\u{FEFF}voter_id,district,choices\r\nP-001,1,12 15 31\r\n۰۰۲,۱,\"۱۲،۱۵\"\r\nP-003,0,70\r\n"
        let ballots = try PaperBallotImport.parse(csv, process: PBFixture.process())
        #expect(ballots == [
            CitizenBallot(voterKey: "paper:P-001", district: .region("1"), choices: .approvals(["12", "15", "31"])),
            CitizenBallot(voterKey: "paper:002", district: .region("1"), choices: .approvals(["12", "15"])),
            CitizenBallot(voterKey: "paper:P-003", district: .citywide, choices: .approvals(["70"])),
        ])
    }

    @Test func semicolonsPointsAndRanks() throws {
        let points = try PaperBallotImport.parse("voter_id;district;choices\n1;1;12:3 15:2\n")
        #expect(points.first?.choices == .points([PBPoints("12", 3), PBPoints("15", 2)]))
        let ranking = try PaperBallotImport.parse("district\tchoices\tvoter_id\n1\t31 12\t9\n",
                                                  process: PBFixture.process(rules: .ranking(maxRanks: 3)))
        #expect(ranking.first?.choices == .ranking([PBRank("31", 1), PBRank("12", 2)]))
    }

    @Test func badRowsRefuseTheWholeFile() {
        let csv = """
        voter_id,district,choices
        P-1,1,12 15
        P-1,1,12
        ,1,12
        P-4,9,12
        P-5,1,12 abc
        P-6,1,12 99
        P-7,1,12 15 31 12

        """
        do {
            _ = try PaperBallotImport.parse(csv, process: PBFixture.process())
            Issue.record("a bad file was accepted")
        } catch {
            let found = error.issues.map { "\($0.line):\($0.column)" }
            #expect(found.contains("3:voter_id"))   // repeated serial
            #expect(found.contains("4:voter_id"))   // empty serial
            #expect(found.contains("5:district"))   // region without a ballot
            #expect(found.contains("6:choices"))    // not a number
            #expect(found.contains("7:choices"))    // unknown project
            #expect(found.contains("8:choices"))    // duplicate and too many
            #expect(!found.contains { $0.hasPrefix("2:") })
            #expect(error.issues.allSatisfy { !$0.message.fa.isEmpty && !$0.message.en.isEmpty })
        }
    }

    @Test func missingColumns() {
        #expect(throws: PaperImportError.self) { try PaperBallotImport.parse("voter_id,choices\n1,12\n") }
        #expect(throws: PaperImportError.self) { try PaperBallotImport.parse("") }
    }
}
