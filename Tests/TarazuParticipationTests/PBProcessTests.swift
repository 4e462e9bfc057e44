import Foundation
import TarazuCore
import Testing
@testable import TarazuParticipation

/// A small Tabriz-like process shared by the participation tests.
enum PBFixture {
    static func day(_ iso: String) -> Date { PBCalendarDay.iso(iso)! }

    static let phases: [PBPhase] = [
        PBPhase(.drafting, start: day("2025-03-21"), end: day("2025-04-01")),
        PBPhase(.proposals, start: day("2025-04-01"), end: day("2025-05-01")),
        PBPhase(.feasibilityReview, start: day("2025-05-01"), end: day("2025-06-01")),
        PBPhase(.voting, start: day("2025-06-01"), end: day("2025-06-15")),
        PBPhase(.tally, start: day("2025-06-15"), end: day("2025-06-20")),
        PBPhase(.published, start: day("2025-06-20"), end: day("2026-03-21")),
    ]

    /// Before voting, during voting, after the close.
    static let beforeVoting = day("2025-05-10")
    static let duringVoting = day("2025-06-05")
    static let afterClose = day("2025-06-16")

    static let proposals: [PBProposal] = [
        PBProposal(id: "12", district: .region("1"), title: "پارک محله", cost: 400, status: .feasible),
        PBProposal(id: "15", district: .region("1"), title: "پیاده‌رو", cost: 300, status: .feasible),
        PBProposal(id: "31", district: .region("1"), title: "کتابخانه", cost: 500, status: .feasible),
        PBProposal(id: "40", district: .region("1"), title: "نیمکت", cost: 100,
                   status: .infeasible(reason: Bilingual(fa: "زمین نیست", en: "no land"))),
        PBProposal(id: "41", district: .region("1"), title: "آبنما", cost: 100, status: .withdrawn),
        PBProposal(id: "50", district: .region("2"), title: "زمین بازی", cost: 200, status: .feasible),
        PBProposal(id: "70", district: .citywide, title: "دوچرخه شهری", cost: 900, status: .feasible),
    ]

    static func process(rules: BallotRules = .approval(minProjects: 1, maxProjects: 3)) -> PBProcess {
        try! PBProcess(id: "tabriz-1404", year: 1404, title: Bilingual(fa: "بودجه‌ریزی مشارکتی تبریز", en: "Tabriz PB"),
                       phases: phases, citywideBudget: 1_000, regionBudgets: ["1": 800, "2": 500],
                       rules: rules, proposals: proposals)
    }
}

@Suite struct PBProcessTests {
    @Test func phaseAtDates() {
        let process = PBFixture.process()
        #expect(process.phase(at: PBFixture.day("2025-03-20")) == nil)
        #expect(process.phase(at: PBFixture.day("2025-03-21")) == .drafting)
        #expect(process.phase(at: PBFixture.beforeVoting) == .feasibilityReview)
        #expect(process.phase(at: PBFixture.day("2025-06-01")) == .voting)
        #expect(process.phase(at: PBFixture.day("2025-06-15")) == .tally)
        #expect(process.phase(at: PBFixture.day("2026-03-21")) == nil)
        #expect(process.isVotingOpen(at: PBFixture.duringVoting))
        #expect(!process.isLocked(at: PBFixture.beforeVoting))
        #expect(process.isLocked(at: PBFixture.afterClose))
    }

    @Test func jalaliDays() {
        #expect(PBCalendarDay.jalali(1403, 1, 1) == PBCalendarDay.iso("2024-03-20"))
        #expect(PBCalendarDay.jalali(1404, 1, 1) == PBCalendarDay.iso("2025-03-21"))
        #expect(PBCalendarDay.jalali(1404, 13, 1) == nil)
        #expect(PBCalendarDay.iso("۲۰۲۵-۰۶-۰۱") == PBFixture.day("2025-06-01"))
        #expect(PBCalendarDay.iso("2025-02-30") == nil)
    }

    @Test func phasesMustBeOrderedAndNotOverlap() {
        var swapped = PBFixture.phases
        swapped.swapAt(1, 2)
        var overlapping = PBFixture.phases
        overlapping[3] = PBPhase(.voting, start: PBFixture.day("2025-05-20"), end: PBFixture.day("2025-06-15"))
        var empty = PBFixture.phases
        empty[4] = PBPhase(.tally, start: PBFixture.day("2025-06-15"), end: PBFixture.day("2025-06-15"))
        let missing = Array(PBFixture.phases.dropLast())
        for phases in [swapped, overlapping, empty, missing] {
            #expect(throws: PBProcessError.self) {
                try PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: phases,
                              citywideBudget: 1, regionBudgets: [:], rules: .ranking(maxRanks: 3))
            }
        }
        // Gaps between phases are allowed.
        var gap = PBFixture.phases
        gap[4] = PBPhase(.tally, start: PBFixture.day("2025-06-16"), end: PBFixture.day("2025-06-20"))
        #expect((try? PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: gap,
                                citywideBudget: 1, regionBudgets: [:], rules: .ranking(maxRanks: 3))) != nil)
    }

    @Test func invalidValuesAreRefused() {
        #expect(throws: PBProcessError.self) {
            try PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: PBFixture.phases,
                          citywideBudget: -1, regionBudgets: [:], rules: .ranking(maxRanks: 3))
        }
        #expect(throws: PBProcessError.self) {
            try PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: PBFixture.phases,
                          citywideBudget: 1, regionBudgets: [:], rules: .approval(minProjects: 3, maxProjects: 2))
        }
        #expect(throws: PBProcessError.self) {
            try PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: PBFixture.phases,
                          citywideBudget: 1, regionBudgets: [:], rules: .cumulative(totalPoints: 5, maxPerProject: 6))
        }
    }

    @Test func changesBeforeVotingApply() throws {
        var process = PBFixture.process()
        let at = PBFixture.beforeVoting
        process = try process.applying(.setRules(.cumulative(totalPoints: 10, maxPerProject: 5)), at: at)
        process = try process.applying(.setCitywideBudget(2_000), at: at)
        process = try process.applying(.setRegionBudget(region: "۳", amount: 700), at: at)
        process = try process.applying(.submit(PBProposal(id: "۸۰", district: .region("3"), title: "x", cost: 50)), at: at)
        process = try process.applying(.setStatus(proposal: "80", status: .feasible), at: at)
        #expect(process.rules == .cumulative(totalPoints: 10, maxPerProject: 5))
        #expect(process.citywideBudget == 2_000)
        #expect(process.regionBudgets["3"] == 700)
        #expect(process.ballotProjects(for: .region("3")).map(\.id) == ["80"])
        #expect(process.totalBudget == Int64(4_000))
    }

    @Test func onlyFeasibleProposalsGoOnTheBallot() {
        let process = PBFixture.process()
        #expect(process.ballotProjects(for: .region("1")).map(\.id) == ["12", "15", "31"])
        #expect(process.ballotProjects(for: .citywide).map(\.id) == ["70"])
        #expect(PBDistrict(code: "۰") == .citywide && PBDistrict(code: " ٣ ") == .region("3"))
        let persianKeys = try? PBProcess(id: "x", year: 1404, title: Bilingual(fa: "", en: ""), phases: PBFixture.phases,
                                         citywideBudget: 1, regionBudgets: ["۱": 5], rules: .ranking(maxRanks: 3))
        #expect(persianKeys?.budget(for: .region("1")) == 5)
    }

    @Test func proposalErrors() {
        let process = PBFixture.process()
        let at = PBFixture.beforeVoting
        #expect(throws: PBProcessError.self) {
            try process.applying(.submit(PBProposal(id: "12", district: .citywide, title: "dup", cost: 5)), at: at)
        }
        #expect(throws: PBProcessError.self) {
            try process.applying(.setStatus(proposal: "99", status: .feasible), at: at)
        }
        #expect(throws: PBProcessError.self) {
            try process.applying(.submit(PBProposal(id: "99", district: .citywide, title: "free", cost: 0)), at: at)
        }
    }

    @Test func rulesBudgetsAndProjectsLockWhenVotingOpens() {
        let process = PBFixture.process()
        let changes: [PBProcess.Change] = [
            .setRules(.ranking(maxRanks: 3)), .setCitywideBudget(5), .setRegionBudget(region: "1", amount: 1),
            .submit(PBProposal(id: "90", district: .citywide, title: "late", cost: 5)),
            .setStatus(proposal: "40", status: .feasible), .setStatus(proposal: "12", status: .withdrawn),
            .update(PBProposal(id: "12", district: .region("1"), title: "x", cost: 1, status: .feasible)),
        ]
        for at in [PBFixture.day("2025-06-01"), PBFixture.duringVoting, PBFixture.afterClose] {
            for change in changes {
                do {
                    _ = try process.applying(change, at: at)
                    Issue.record("\(change) was accepted after voting opened")
                } catch {
                    #expect(error.kind == .lockedAfterVotingOpened)
                    #expect(error.message.en.contains("Voting has opened"))
                    #expect(!error.message.fa.isEmpty)
                }
            }
        }
        #expect((try? process.applying(.setTitle(Bilingual(fa: "ت", en: "T")), at: PBFixture.duringVoting)) != nil)
    }

    @Test func startedPhasesCannotMove() throws {
        let process = PBFixture.process()
        var later = PBFixture.phases
        later[5] = PBPhase(.published, start: PBFixture.day("2025-06-25"), end: PBFixture.day("2026-03-21"))
        // Extending a future phase during voting is fine.
        #expect((try? process.applying(.setPhases(later), at: PBFixture.duringVoting)) != nil)
        var moved = PBFixture.phases
        moved[3] = PBPhase(.voting, start: PBFixture.day("2025-06-01"), end: PBFixture.day("2025-06-10"))
        moved[4] = PBPhase(.tally, start: PBFixture.day("2025-06-10"), end: PBFixture.day("2025-06-20"))
        #expect(throws: PBProcessError.self) { try process.applying(.setPhases(moved), at: PBFixture.duringVoting) }
        #expect((try? process.applying(.setPhases(moved), at: PBFixture.beforeVoting)) != nil)
    }
}
