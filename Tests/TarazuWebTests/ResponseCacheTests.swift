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
        try await WebHarness.withApp { app, stores in
            let name = WebHarness.smallBook.metadata.name
            let path = "/api/v1/books/\(name)/indicators"
            let first = try WebHarness.object(try await WebHarness.get(app, path))
            let again = try await WebHarness.get(app, path)
            #expect(try WebHarness.object(again)["content_hash"] as? String == first["content_hash"] as? String)

            var changed = WebHarness.smallBook
            changed.budgetLines[0].approved = Money(rials: changed.budgetLines[0].approved.rials + 1_000_000)
            _ = try await stores.books.importBook(changed, source: "test")
            let fresh = try WebHarness.object(try await WebHarness.get(app, path))
            #expect(fresh["content_hash"] as? String == changed.contentHash)
            #expect(fresh["content_hash"] as? String != first["content_hash"] as? String)
            let page = try await WebHarness.get(app, "/books/\(name)?lang=en")
            #expect(page.status == .ok)
        }
    }

    @Test func entriesBeyondTheCapacityGoOldestFirst() async {
        // Bodies of 100 bytes and one-byte keys: 101 bytes an entry.
        let cache = ResponseCache(capacity: 810)
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

    @Test func urlsChosenByClientsCannotGrowTheCacheWithoutBound() async {
        // Review (red team): keys were not counted, and 20,000 long query strings took 1.5 GB.
        let cache = ResponseCache(capacity: 1 << 20, maxEntries: 100)
        let entry = ResponseCache.Entry(stamp: "s", status: .ok, headers: [:], body: ByteBuffer(repeating: 0, count: 10))
        for index in 0..<1000 { await cache.store(entry, for: "/api/v1/cities?k=\(index)") }
        #expect(await cache.count == 100)
        #expect(await cache.entry(for: "/api/v1/cities?k=999", stamp: "s") != nil)
        #expect(await cache.entry(for: "/api/v1/cities?k=0", stamp: "s") == nil)
        let long = "/api/v1/cities?x=" + String(repeating: "a", count: ResponseCache.maxKeyLength)
        await cache.store(entry, for: long)
        #expect(await cache.entry(for: long, stamp: "s") == nil)
        let keys = ResponseCache(capacity: 8 * 1000, maxEntries: 1000)
        for index in 0..<100 { await keys.store(entry, for: String(repeating: "k", count: 900) + "\(index)") }
        #expect(await keys.count < 10)
    }
}
