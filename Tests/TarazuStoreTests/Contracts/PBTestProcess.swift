import Foundation
import TarazuCore
import TarazuParticipation
@testable import TarazuStore

/// The process the PB contracts vote in.
enum PBTestProcess {
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

    /// A citywide ballot of `voter` for `projects`.
    static func ballot(_ voter: String, _ projects: [String] = ["1"]) -> CitizenBallot {
        CitizenBallot(voterKey: voter, district: .citywide, choices: .approvals(projects))
    }
}

extension Implementation {
    /// Runs `body` with the PB repository of fresh repositories holding the test process ("test-pb"), and now.
    func withTestProcess(allowChanges: Bool = false, _ body: (any PBRepository, Date) async throws -> Void) async throws {
        try await withRepositories { (repositories) async throws in
            _ = try await repositories.pb.addPBProcess(try PBTestProcess.definition(allowChanges: allowChanges), audit: nil)
            try await body(repositories.pb, Date())
        }
    }
}
