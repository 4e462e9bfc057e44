import Foundation
import Testing
@testable import TarazuParticipation

@Suite struct BallotValidatorTests {
    func ballot(_ choices: PBChoices, _ district: PBDistrict = .region("1")) -> CitizenBallot {
        CitizenBallot(voterKey: "k", district: district, choices: choices)
    }

    @Test func validApprovalBallot() {
        #expect(BallotValidator.validate(ballot(.approvals(["12", "15"])), PBFixture.process()).isEmpty)
        #expect(BallotValidator.validate(ballot(.approvals(["70"]), .citywide), PBFixture.process()).isEmpty)
    }

    @Test func projectProblems() {
        let problems = BallotValidator.validate(ballot(.approvals(["12", "99", "50", "40", "12", "70"])), PBFixture.process())
        #expect(problems.contains(.unknownProject("99")))
        #expect(problems.contains(.otherRegion(project: "50", district: .region("2"))))
        #expect(problems.contains(.otherRegion(project: "70", district: .citywide)))
        #expect(problems.contains(.notOnBallot("40")))
        #expect(problems.contains(.duplicate("12")))
        #expect(problems.contains(.tooMany(count: 6, maximum: 3)))
        #expect(BallotValidator.validate(ballot(.approvals(["41"])), PBFixture.process()) == [.notOnBallot("41")])
    }

    @Test func countsAndDistrict() {
        let process = PBFixture.process(rules: .approval(minProjects: 2, maxProjects: 2))
        #expect(BallotValidator.validate(ballot(.approvals(["12"])), process) == [.tooFew(count: 1, minimum: 2)])
        #expect(BallotValidator.validate(ballot(.approvals(["12"]), .region("9")), process) == [.unknownDistrict("9")])
        #expect(BallotValidator.validate(ballot(.points([PBPoints("12", 1)])), process) == [.wrongKind])
    }

    @Test func costLimit() {
        let process = PBFixture.process(rules: .costLimitedApproval(maxProjects: nil))
        #expect(BallotValidator.validate(ballot(.approvals(["12", "15"])), process).isEmpty)  // 700 <= 800
        #expect(BallotValidator.validate(ballot(.approvals(["12", "15", "31"])), process)
                == [.overCostLimit(total: 1_200, limit: 800)])
        #expect(BallotValidator.validate(ballot(.approvals(["70"]), .citywide), process).isEmpty)  // 900 <= 1000
        let capped = PBFixture.process(rules: .costLimitedApproval(maxProjects: 1))
        #expect(BallotValidator.validate(ballot(.approvals(["12", "15"])), capped) == [.tooMany(count: 2, maximum: 1)])
    }

    @Test func points() {
        let process = PBFixture.process(rules: .cumulative(totalPoints: 5, maxPerProject: 3))
        #expect(BallotValidator.validate(ballot(.points([PBPoints("12", 3), PBPoints("15", 2)])), process).isEmpty)
        #expect(BallotValidator.validate(ballot(.points([PBPoints("12", 3), PBPoints("15", 3)])), process)
                == [.pointsOverTotal(total: 6, limit: 5)])
        #expect(BallotValidator.validate(ballot(.points([PBPoints("12", 4)])), process)
                == [.pointsOverPerProject(project: "12", points: 4, limit: 3)])
        #expect(BallotValidator.validate(ballot(.points([PBPoints("12", 0)])), process)
                == [.pointsNotPositive(project: "12", points: 0)])
        #expect(BallotValidator.validate(ballot(.approvals(["12"])), process) == [.wrongKind])
    }

    @Test func ranks() {
        let process = PBFixture.process(rules: .ranking(maxRanks: 2))
        #expect(BallotValidator.validate(ballot(.ranking([PBRank("15", 2), PBRank("12", 1)])), process).isEmpty)
        #expect(BallotValidator.validate(ballot(.ranking([PBRank("12", 1), PBRank("15", 3)])), process)
                == [.ranksNotConsecutive([1, 3])])
        #expect(BallotValidator.validate(ballot(.ranking([PBRank("12", 1), PBRank("15", 1)])), process)
                == [.ranksNotConsecutive([1, 1])])
        #expect(BallotValidator.validate(ballot(.ranking([PBRank("12", 1), PBRank("15", 2), PBRank("31", 3)])), process)
                == [.tooMany(count: 3, maximum: 2)])
    }

    @Test func messagesAreBilingual() {
        let problems: [BallotProblem] = [
            .wrongKind, .unknownDistrict("9"), .unknownProject("99"), .notOnBallot("40"),
            .otherRegion(project: "50", district: .region("2")), .duplicate("12"), .tooFew(count: 0, minimum: 1),
            .tooMany(count: 4, maximum: 3), .overCostLimit(total: 1_200, limit: 800),
            .pointsOverTotal(total: 6, limit: 5), .pointsOverPerProject(project: "12", points: 4, limit: 3),
            .pointsNotPositive(project: "12", points: 0), .ranksNotConsecutive([1, 3]),
        ]
        for problem in problems {
            #expect(!problem.message.fa.isEmpty && !problem.message.en.isEmpty)
        }
        #expect(BallotProblem.unknownProject("99").message.fa.contains("۹۹"))
        #expect(BallotProblem.unknownProject("99").message.en.contains("99"))
        #expect(BallotProblem.overCostLimit(total: 1_200, limit: 800).message.en.contains("800"))
    }
}
