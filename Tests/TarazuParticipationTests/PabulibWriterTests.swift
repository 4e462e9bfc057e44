import Foundation
import Testing
@testable import TarazuParticipation

@Suite struct PabulibWriterTests {
    /// The shared pabulib folder: beside the repository (CI) or /work/shared.
    static var folder: URL {
        let fallback = URL(fileURLWithPath: "/work/shared/data/pabulib")
        return FileManager.default.fileExists(atPath: TestData.pabulibFolder.path) ? TestData.pabulibFolder : fallback
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pb") }.sorted()
    }

    /// A ballot as a comparable line: project ids, points and the kept columns (not the voter id).
    static func canonical(_ ballot: PBBallot, _ election: PBElection, columns: [String]) -> String {
        let ids = ballot.projects.map { election.projects[$0].id }.joined(separator: ",")
        let points = ballot.points?.map(\.description).joined(separator: ",") ?? "-"
        let extra = columns.map { ballot.fields[$0] ?? "" }.joined(separator: "|")
        return ids + ";" + points + ";" + extra
    }

    static func checkRoundTrip(_ original: PBElection, keeping: [String] = [], file: String) throws {
        let text = PabulibWriter.write(election: original, keepingVoteColumns: keeping)
        let again = try PabulibParser.parse(bytes: Array(text.utf8), file: file)
        #expect(again.meta.map(\.key) == original.meta.map(\.key), "\(file)")
        #expect(again.meta.map(\.value) == original.meta.map(\.value), "\(file)")
        #expect(again.voteType == original.voteType && again.budget == original.budget, "\(file)")
        #expect(again.projects.count == original.projects.count, "\(file)")
        for (a, b) in zip(again.projects, original.projects) {
            #expect(a.id == b.id && a.cost == b.cost && a.name == b.name && a.votes == b.votes
                    && a.score == b.score && a.selected == b.selected, "\(file) project \(b.id)")
            let defined = b.fields.filter { PabulibWriter.projectColumns.contains($0.key) }
            #expect(a.fields == defined, "\(file) project \(b.id)")
        }
        let columns = PabulibWriter.voteColumns + keeping
        let before = original.ballots.map { canonical($0, original, columns: columns) }.sorted()
        let after = again.ballots.map { canonical($0, again, columns: columns) }.sorted()
        #expect(before == after, "\(file) votes")
        #expect(again.ballots.map(\.voterID) == (0..<again.ballots.count).map { String($0 + 1) }, "\(file) voter ids")
        let allowed = Set(["voter_id", "vote", "points"] + PabulibWriter.voteColumns + keeping)
        #expect(again.ballots.allSatisfy { Set($0.fields.keys).isSubset(of: allowed) }, "\(file) columns")
    }

    @Test func sharedDataFolderIsPresent() {
        #expect(Self.names.count >= 30)
    }

    @Test func roundTripEveryFile() throws {
        for name in Self.names {
            let original = try PabulibParser.parse(contentsOf: Self.folder.appendingPathComponent(name))
            try Self.checkRoundTrip(original, file: name)
        }
    }

    @Test func personalColumnsDroppedUnlessAsked() throws {
        let original = try PabulibParser.parse(contentsOf: Self.folder.appendingPathComponent("poland_warszawa_2017_piaski.pb"))
        #expect(original.ballots.contains { $0.fields["age"] != nil })
        let text = PabulibWriter.write(election: original)
        let header = text.split(separator: "\n").first { $0.hasPrefix("voter_id;") }
        #expect(header == "voter_id;vote;voting_method")
        try Self.checkRoundTrip(original, keeping: ["age", "sex"], file: "piaski with age and sex")
        #expect(PabulibWriter.write(election: original, keepingVoteColumns: ["age", "sex"]).contains("voter_id;vote;voting_method;age;sex"))
    }

    @Test func voterIdsDoNotFollowInputOrderOrKeys() throws {
        let text = """
        META
        key;value
        description;t
        num_projects;2
        num_votes;3
        budget;10
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;name
        1;5;"a;b"
        2;6;"say ""hi"" now"
        VOTES
        voter_id;vote;age;phone
        zz;2;40;+989123456789
        aa;1,2;30;+989000000000
        mm;1;20;+989111111111
        """
        let election = try TestData.parse(text)
        let written = PabulibWriter.write(election: election)
        #expect(!written.contains("zz") && !written.contains("+98") && !written.contains("phone"))
        #expect(written.hasSuffix("VOTES\nvoter_id;vote\n1;1\n2;1,2\n3;2\n"))
        try Self.checkRoundTrip(election, file: "inline")
        // Shuffling the input ballots writes the same text.
        let shuffled = PBElection(meta: election.meta, voteType: election.voteType, budget: election.budget,
                                  projects: election.projects, ballots: election.ballots.reversed())
        #expect(PabulibWriter.write(election: shuffled) == written)
    }

    @Test(arguments: ["cumulative", "scoring", "ordinal"])
    func otherVoteTypes(voteType: String) throws {
        let points = voteType == "ordinal" ? "" : ";points"
        let rows = voteType == "ordinal" ? ["1;3,1,2", "2;2,1"] : ["1;3,1;2,1.5", "2;2;-1"]
        let text = """
        META
        key;value
        description;t
        budget;10
        vote_type;\(voteType)
        rule;greedy
        max_sum_points;5
        PROJECTS
        project_id;cost
        1;5
        2;6
        3;4
        VOTES
        voter_id;vote\(points)
        \(rows.joined(separator: "\n"))
        """
        let patched = voteType == "cumulative" ? text.replacingOccurrences(of: ";-1", with: ";1") : text
        let election = try TestData.parse(patched)
        try Self.checkRoundTrip(election, file: voteType)
        if voteType == "ordinal" {
            let again = try TestData.parse(PabulibWriter.write(election: election))
            #expect(again.ballots.map { $0.projects.map { again.projects[$0].id } }.sorted { $0.count < $1.count }
                    == [["2", "1"], ["3", "1", "2"]])
        }
    }

    @Test func electionFromProcessTalliesAndExports() throws {
        let process = PBFixture.process(rules: .costLimitedApproval(maxProjects: nil))
        var box = BallotBox(process: process, allowChanges: false)
        let t = PBFixture.duringVoting
        let votes: [(String, [String], BallotChannel)] = [
            ("a", ["12", "15"], .web), ("b", ["12"], .sms), ("c", ["31"], .paper), ("d", ["12"], .kiosk),
            ("e", ["15"], .web),
        ]
        for (key, ids, channel) in votes {
            try box.cast(CitizenBallot(voterKey: key, district: .region("1"), choices: .approvals(ids)), channel: channel, at: t)
        }
        try box.cast(CitizenBallot(voterKey: "f", district: .citywide, choices: .approvals(["70"])), channel: .web, at: t)
        let election = PBElection(process: process, box: box, district: .region("1"))
        #expect(election.projects.map(\.id) == ["12", "15", "31"])
        #expect(election.ballots.count == 5)
        #expect(election.ballots.map(\.voterID) == ["1", "2", "3", "4", "5"])
        #expect(election.ballots.map { $0.fields["voting_method"] } == ["internet", "internet", "paper", "internet", "internet"])
        #expect(election.metaValue("budget") == "800" && election.metaValue("district") == "1")
        #expect(election.metaValue("date_begin") == "01.06.2025" && election.metaValue("date_end") == "15.06.2025")
        // Greedy: 12 (3 votes, 400), 15 (2 votes, 300) fit 800; 31 (1 vote, 500) does not.
        let result = try TestData.tally(election, .greedy)
        #expect(result.selected == ["12", "15"])
        let text = PabulibWriter.write(election: election)
        #expect(!text.contains("voterKey") && !text.contains(";a;"))
        let again = try TestData.parse(text)
        #expect(try TestData.tally(again, .greedy).selected == ["12", "15"])
        #expect(try TestData.tally(again, .mes).selected.count >= 1)
        let city = PBElection(process: process, box: box, district: .citywide)
        #expect(city.ballots.count == 1 && city.metaValue("district") == nil && city.metaValue("budget") == "1000")
    }

    @Test func cumulativeAndRankingProcesses() throws {
        let t = PBFixture.duringVoting
        let cumulative = PBFixture.process(rules: .cumulative(totalPoints: 5, maxPerProject: 3))
        var box = BallotBox(process: cumulative, allowChanges: false)
        try box.cast(CitizenBallot(voterKey: "a", district: .region("1"), choices: try SMSBallotParser.parse("رای ۱۲:۳ ۱۵:۲")),
                     channel: .sms, at: t)
        let election = PBElection(process: cumulative, box: box, district: .region("1"))
        #expect(election.voteType == .cumulative && election.metaValue("max_sum_points") == "5")
        #expect(election.ballots.first?.points == [PBDecimal(mantissa: 3, scale: 0), PBDecimal(mantissa: 2, scale: 0)])
        try Self.checkRoundTrip(election, file: "cumulative process")

        let ranking = PBFixture.process(rules: .ranking(maxRanks: 3))
        var rankBox = BallotBox(process: ranking, allowChanges: false)
        try rankBox.cast(CitizenBallot(voterKey: "a", district: .region("1"),
                                       choices: .ranking([PBRank("31", 2), PBRank("15", 1)])), channel: .web, at: t)
        let ordinal = PBElection(process: ranking, box: rankBox, district: .region("1"))
        #expect(ordinal.voteType == .ordinal)
        #expect(ordinal.ballots.first.map { $0.projects.map { ordinal.projects[$0].id } } == ["15", "31"])
        try Self.checkRoundTrip(ordinal, file: "ranking process")
    }
}
