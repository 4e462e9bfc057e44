import Foundation
import Testing
@testable import TarazuParticipation

@Suite struct PabulibParserTests {
    @Test func readsTheToyElection() throws {
        let election = try TestData.election("toy.pb")
        #expect(election.voteType == .approval)
        #expect(election.budget == PBDecimal(mantissa: 2500, scale: 0))
        #expect(election.projects.map(\.id) == ["1", "2", "4", "5", "7"])
        #expect(election.projects[0].fields["category"] == "culture,education")
        #expect(election.ballots.count == 10)
        #expect(election.ballots[0].voterID == "1")
        #expect(election.ballots[0].projects.map { election.projects[$0].id } == ["1", "2", "4"])
        #expect(election.ballots[0].fields["sex"] == "f")
        #expect(election.rule == "greedy")
    }

    @Test func keepsVotesScoreAndSelectedColumns() throws {
        let election = try TestData.election("poland_warszawa_2019_praga-poludnie.pb")
        let first = try #require(election.projects.first)
        #expect(first.id == "1797")
        #expect(first.votes == 3390)
        #expect(first.selected == 1)
        #expect(first.score == PBDecimal(mantissa: 12744, scale: 0))
        // This file's META has no "key;value" header and a budget with decimals.
        #expect(election.budget == PBDecimal(mantissa: 92101206, scale: 2))
        #expect(election.metaValue("description") == "District PB in Warsaw, Praga-Południe")
    }

    @Test func readsCumulativeAndOrdinalPoints() throws {
        let gdansk = try TestData.election("poland_gdansk_2020_vii-dwor.pb")
        #expect(gdansk.voteType == .cumulative)
        #expect(gdansk.ballots.allSatisfy { $0.points?.count == $0.projects.count })
        let krakow = try TestData.election("poland_krakow_2018_czyzyny.pb")
        #expect(krakow.voteType == .ordinal)
        // No points column: Borda with max_length 3 gives 3, 2, 1.
        #expect(krakow.points(of: krakow.ballots[0]).map(\.mantissa) == [3, 2, 1])
    }

    @Test func handlesQuotingPersianDigitsAndSeparators() throws {
        let text = """
            META
            key;value
            budget;۱۰۰۰٫۵
            vote_type;cumulative
            PROJECTS
            project_id;cost;name
            ١;٥٠٠;"Park; ""north"" side
            second line"
            2;600;كتابخانه علي
            VOTES
            voter_id;vote;points
            a;۱,2;2,3
            b;;
            """
        let election = try TestData.parse(text)
        #expect(election.budget == PBDecimal(mantissa: 10005, scale: 1))
        #expect(election.projects.map(\.id) == ["1", "2"])
        #expect(election.projects[0].name == "Park; \"north\" side\nsecond line")
        #expect(election.projects[1].name == "کتابخانه علی")
        #expect(election.ballots[0].projects == [0, 1])
        #expect(election.ballots[0].points?.map(\.mantissa) == [2, 3])
        #expect(election.ballots[1].projects.isEmpty)
    }

    @Test(arguments: [
        ("hello\nMETA\n", 1, "expected a section title (META, PROJECTS or VOTES)"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n", 6, "the file has no VOTES section"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;x5\nVOTES\nvoter_id;vote\n", 6,
         "project 1: cost \"x5\" is not a non-negative number"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n1;6\nVOTES\nvoter_id;vote\n", 7,
         "project_id 1 repeats (first on line 6)"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv1;1,9\n", 9,
         "voter v1: project 9 is not in PROJECTS"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv1;1,1\n", 9,
         "voter v1: project 1 is on the ballot twice"),
        ("META\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote;points\nv1;1;2,3\n", 9,
         "voter v1: 2 points for 1 projects"),
        ("META\nbudget;ten\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n", 1,
         "META budget \"ten\" is not a non-negative number"),
        ("META\nbudget;10\nvote_type;ranked\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n", 1,
         "META vote_type \"ranked\" is not approval, ordinal, cumulative or scoring"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;price\nVOTES\nvoter_id;vote\n", 5,
         "PROJECTS header has no cost column"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5;extra\nVOTES\nvoter_id;vote\n", 6,
         "3 fields but the PROJECTS header has 2"),
        ("META\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;5;\"open\nVOTES\n", 6,
         "a quoted field is never closed"),
    ])
    func reportsBadInputWithTheLine(text: String, line: Int, reason: String) {
        #expect(throws: PabulibError(file: "bad.pb", line: line, reason: reason)) {
            try TestData.parse(text, file: "bad.pb")
        }
    }

    @Test func errorDescriptionIsFileLineReason() {
        let error = PabulibError(file: "x.pb", line: 7, reason: "cost \"a\" is not a number")
        #expect(error.description == "x.pb:7: cost \"a\" is not a number")
    }

    @Test(arguments: TestData.electionNames)
    func readsEverySharedElection(name: String) throws {
        let election = try TestData.election(name)
        #expect(election.projects.count == Int(election.metaValue("num_projects") ?? ""))
        #expect(election.ballots.count == Int(election.metaValue("num_votes") ?? ""))
        // Where the file states each project's votes, they match the ballots.
        for (index, project) in election.projects.enumerated() {
            if let votes = project.votes {
                #expect(votes == election.ballots.filter { $0.projects.contains(index) }.count, "\(name) \(project.id)")
            }
        }
    }
}

@Suite struct PBDecimalTests {
    @Test(arguments: [
        ("1000000", 1000000, 0), ("1000000.0", 1000000, 0), ("921012.06", 92101206, 2),
        ("-2", -2, 0), ("۱۲۳٬۴۵۶", 123456, 0), ("١٫٥", 15, 1), ("0,5", 5, 1), (" 7 ", 7, 0),
    ])
    func parsesExactly(text: String, mantissa: Int64, scale: Int) throws {
        let value = try #require(PBDecimal(parsing: text))
        #expect(value.mantissa == mantissa)
        #expect(value.scale == scale)
    }

    @Test(arguments: ["", "1e6", "1.2.3", "12a", "--1", "99999999999999999999"])
    func rejects(text: String) {
        #expect(PBDecimal(parsing: text) == nil)
    }

    @Test func formatsAndCompares() {
        #expect(PBDecimal(mantissa: 92101206, scale: 2).description == "921012.06")
        #expect(PBDecimal(mantissa: -5, scale: 3).description == "-0.005")
        #expect(PBDecimal.compare(PBDecimal(mantissa: 15, scale: 1), PBDecimal(mantissa: 2, scale: 0)) < 0)
        #expect(PBDecimal.compare(PBDecimal(mantissa: 20, scale: 1), PBDecimal(mantissa: 2, scale: 0)) == 0)
    }
}
