import Foundation
import Testing
import TarazuCore
import TarazuParticipation
@testable import TarazuStore

/// ``PBRepository``'s processes and participation figures: the same answers in memory and in SQL.
@Suite("PBRepository contract: processes")
struct PBProcessContractTests {
    @Test(arguments: Implementation.available)
    func processesAreUniqueBySlugAndReadBack(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            let definition = try PBTestProcess.definition(slug: "b-pb")
            let added = try await pb.addPBProcess(definition, at: Date(timeIntervalSince1970: 1_700_000_000.0425),
                                                  audit: AuditEntry(actor: "cli", action: "pb.add", target: "b-pb", client: "cli"))
            #expect(added.slug == "b-pb" && added.definition == definition)
            #expect(added.createdAt == Date(timeIntervalSince1970: 1_700_000_000.042) && added.updatedAt == added.createdAt)
            await #expect {
                _ = try await pb.addPBProcess(definition, at: Date(),
                                              audit: AuditEntry(actor: "cli", action: "pb.add", target: "again", client: "cli"))
            } throws: { error in
                guard case StoreError.conflict(let text) = error else { return false }
                return text == "a PB process 'b-pb' already exists"
            }
            _ = try await pb.addPBProcess(try PBTestProcess.definition(slug: "a-pb"), audit: nil)
            #expect(try await pb.pbProcess("b-pb") == added)
            #expect(try await pb.pbProcesses().map(\.slug) == ["a-pb", "b-pb"])
            #expect(try await pb.pbProcess("B-PB") == nil)
            #expect(try await repositories.audit.auditLog(limit: 5).map(\.target) == ["b-pb"])
        }
    }

    /// A process linked to a book (settings.book) reports its budgets and ballots once voting closed, to the
    /// PB repository and to the books'.
    @Test(arguments: Implementation.available)
    func closedProcessesMeasureParticipation(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let pb = repositories.pb
            var linked = try PBTestProcess.definition(slug: "linked")
            linked.settings.book = "tabriz"
            _ = try await pb.addPBProcess(linked, audit: nil)
            _ = try await pb.addPBProcess(try PBTestProcess.definition(slug: "unlinked"), audit: nil)
            let now = Date()
            for (index, (district, channel)) in [(PBDistrict.citywide, BallotChannel.web), (.citywide, .sms), (.region("1"), .sms)].enumerated() {
                let choices: PBChoices = district == .citywide ? .approvals(["1"]) : .approvals(["11"])
                try await pb.castPBBallot(process: "linked", CitizenBallot(voterKey: "v1:\(index)", district: district, choices: choices),
                                          channel: channel, at: now)
            }
            try await pb.castPBBallot(process: "unlinked", PBTestProcess.ballot("v1:x"), channel: .web, at: now)
            // While voting is open, nothing is measured.
            #expect(try await pb.measuredParticipation(book: "tabriz", at: now).isEmpty)
            let closing = linked.process.phase(.voting).end
            let records = try await pb.measuredParticipation(book: "tabriz", at: closing)
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.process == "linked" && record.year == 1405 && record.ballots == 3)
            #expect(record.byChannel == ["web": 1, "sms": 2])
            #expect(record.byRegion == ["0": 2, "1": 1])
            #expect(record.budget.rials == 150)
            #expect(try await repositories.books.measuredParticipation(book: "tabriz", at: closing) == records)
            #expect(try await pb.measuredParticipation(book: "other", at: closing).isEmpty)
        }
    }
}
