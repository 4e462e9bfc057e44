import Foundation
import Testing
import TarazuCore
@testable import TarazuStore

/// ``AuditRepository``: the same answers in memory and in SQL.
@Suite("AuditRepository contract")
struct AuditContractTests {
    @Test(arguments: Implementation.available)
    func theLogIsNewestFirstAndPaged(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let audit = repositories.audit
            #expect(try await audit.auditCount() == 0)
            var written: [AuditEntry] = []
            for index in 0..<7 {
                written.append(try await audit.appendAudit(AuditEntry(id: 99, at: Date(timeIntervalSince1970: 1_700_000_000.0019 + Double(index)),
                                                                      actor: "a\(index)", action: "login.failure", target: "t",
                                                                      detail: "d\(index)", client: "127.0.0.1")))
            }
            #expect(written.map(\.id) == written.map(\.id).sorted() && Set(written.map(\.id)).count == 7)
            #expect(written[0].at == Date(timeIntervalSince1970: 1_700_000_000.001))
            #expect(try await audit.auditCount() == 7)
            #expect(try await audit.auditLog(limit: 3).map(\.actor) == ["a6", "a5", "a4"])
            #expect(try await audit.auditLog(limit: 3, offset: 3).map(\.actor) == ["a3", "a2", "a1"])
            #expect(try await audit.auditLog(limit: 3, offset: 6).map(\.actor) == ["a0"])
            #expect(try await audit.auditLog(limit: 3, offset: 7).isEmpty)
            #expect(try await audit.auditLog(limit: 0).isEmpty)
            #expect(try await audit.auditLog(limit: -1).isEmpty)
            #expect(try await audit.auditLog(limit: 2, offset: -5).map(\.actor) == ["a6", "a5"])
            #expect(try await audit.auditLog(limit: 100) == Array(written.reversed()))
        }
    }

    /// Texts are made printable when an entry is made, and again when it is read back: a detail cut at its
    /// length limit is cut once more (its escapes count as one character each when made).
    @Test(arguments: Implementation.available)
    func entriesAreReadBackAsTheyAreMadeFromTheStoredTexts(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let entry = AuditEntry(actor: "ali\u{1B}[31m", action: "upload.reject", target: "a\u{202E}b",
                                   detail: String(repeating: "\u{1}", count: 1100), client: "::1")
            let written = try await repositories.audit.appendAudit(entry)
            #expect(written.actor == "ali\\u{1B}[31m" && written.target == "a\\u{202E}b")
            let read = try #require(try await repositories.audit.auditLog(limit: 1).first)
            #expect(read.actor == written.actor && read.target == written.target)
            #expect(read.detail != written.detail)
            #expect(read.detail == PrintableText.escaped(written.detail, maxLength: 1024))
        }
    }
}
