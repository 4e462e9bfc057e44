import Foundation
import Testing
@testable import TarazuStore

/// ``SettingsRepository``: the same answers in memory and in SQL.
@Suite("SettingsRepository contract")
struct SettingsContractTests {
    @Test(arguments: Implementation.available)
    func aValueOnceStoredStays(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let settings = repositories.settings
            #expect(try await settings.setting("a") == nil)
            #expect(try await settings.setting("a", insertingIfAbsent: "1") == "1")
            #expect(try await settings.setting("a") == "1")
            #expect(try await settings.setting("a", insertingIfAbsent: "2") == "1")
            #expect(try await settings.setting("a") == "1")
            // Keys are compared byte for byte.
            #expect(try await settings.setting("é", insertingIfAbsent: "precomposed") == "precomposed")
            #expect(try await settings.setting("e\u{301}", insertingIfAbsent: "decomposed") == "decomposed")
            #expect(try await settings.setting("A") == nil)
        }
    }

    @Test(arguments: Implementation.available)
    func simultaneousInsertsAgreeOnOneValue(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let settings = repositories.settings
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask { try await settings.setting("k", insertingIfAbsent: "v\(index)") }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(answers.count == 1)
            #expect(try await settings.setting("k") == answers.first)
        }
    }

    @Test(arguments: Implementation.available)
    func theVoterKeyIsStoredOnceAndHashesArePrivate(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            let settings = repositories.settings
            let first = try await settings.pbVoterHasher(environmentKey: "")
            let again = try await settings.pbVoterHasher(environmentKey: nil)
            let key = first.voterKey(phone: "+989121234567")
            #expect(key == again.voterKey(phone: "+989121234567"))
            #expect(key.hasPrefix("v1:") && !key.contains("9121234567"))
            #expect(try await settings.setting("pb.voter_key").flatMap(PBVoterHasher.key(fromBase64:))?.count == 32)
            let fromEnvironment = try await settings.pbVoterHasher(environmentKey: Data(repeating: 7, count: 32).base64EncodedString())
            #expect(fromEnvironment.voterKey(phone: "+989121234567") != key)
            await #expect(throws: StoreError.self) { _ = try await settings.pbVoterHasher(environmentKey: "c2hvcnQ=") }
        }
    }

    @Test(arguments: Implementation.available)
    func anUnreadableVoterKeyIsAnError(_ implementation: Implementation) async throws {
        try await implementation.withRepositories { (repositories) async throws in
            _ = try await repositories.settings.setting("pb.voter_key", insertingIfAbsent: "not base64")
            await #expect {
                _ = try await repositories.settings.pbVoterHasher(environmentKey: "")
            } throws: { error in
                guard case StoreError.unreadable(let table, _, let value) = error else { return false }
                return table == "settings" && value == "pb.voter_key"
            }
        }
    }
}
