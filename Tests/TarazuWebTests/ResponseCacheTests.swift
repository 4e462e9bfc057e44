import Foundation
import NIOCore
import TarazuCore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Public responses are cached by URL until the store's contents change.
@Suite struct ResponseCacheTests {
    @Test func aReimportedBookIsServedFreshAtOnce() async throws {
        try await WebHarness.withApp { app, store in
            let name = WebHarness.smallBook.metadata.name
            let path = "/api/v1/books/\(name)/indicators"
            let first = try WebHarness.object(try await WebHarness.get(app, path))
            let again = try await WebHarness.get(app, path)
            #expect(try WebHarness.object(again)["content_hash"] as? String == first["content_hash"] as? String)

            var changed = WebHarness.smallBook
            changed.budgetLines[0].approved = Money(rials: changed.budgetLines[0].approved.rials + 1_000_000)
            _ = try await store.importBook(changed, source: "test")
            let fresh = try WebHarness.object(try await WebHarness.get(app, path))
            #expect(fresh["content_hash"] as? String == changed.contentHash)
            #expect(fresh["content_hash"] as? String != first["content_hash"] as? String)
            let page = try await WebHarness.get(app, "/books/\(name)?lang=en")
            #expect(page.status == .ok)
        }
    }

    @Test func entriesBeyondTheCapacityGoOldestFirst() async {
        let cache = ResponseCache(capacity: 800)
        func entry(_ size: Int) -> ResponseCache.Entry {
            ResponseCache.Entry(stamp: "s", status: .ok, headers: [:], body: ByteBuffer(repeating: 0, count: size))
        }
        await cache.store(entry(100), for: "a")
        await cache.store(entry(100), for: "b")
        #expect(await cache.entry(for: "a", stamp: "s") != nil)
        #expect(await cache.entry(for: "a", stamp: "other") == nil)
        // An entry older than maxAge (60 s) is not served.
        #expect(await cache.entry(for: "a", stamp: "s", now: Date().addingTimeInterval(61)) == nil)
        for key in ["c", "d", "e", "f", "g", "h", "i"] { await cache.store(entry(100), for: key) }
        #expect(await cache.entry(for: "a", stamp: "s") == nil)
        #expect(await cache.entry(for: "b", stamp: "s") != nil)
        #expect(await cache.entry(for: "i", stamp: "s") != nil)
        // A body over an eighth of the capacity is not kept at all.
        await cache.store(entry(200), for: "big")
        #expect(await cache.entry(for: "big", stamp: "s") == nil)
    }
}
