import Foundation
import TarazuStore
import Vapor

/// Whole public responses (portal pages, the report, open data, API answers) kept by URL for as long
/// as the store holds the same books, and at most `maxAge` (what changes with time alone, such as a
/// participatory vote closing, shows within it): a repeated request costs one small query instead of
/// an analysis and a rendering. Only successful GETs without a session cookie are kept; the signed-in
/// areas are never cached. Least recently stored entries go first beyond `capacity` bytes.
actor ResponseCache {
    struct Entry {
        var stamp: String
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: ByteBuffer
        var storedAt = Date()
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var bytes = 0
    let capacity: Int
    let maxAge: TimeInterval

    init(capacity: Int = 64 << 20, maxAge: TimeInterval = 60) {
        self.capacity = capacity
        self.maxAge = maxAge
    }

    func entry(for key: String, stamp: String, now: Date = Date()) -> Entry? {
        guard let entry = entries[key] else { return nil }
        return entry.stamp == stamp && now.timeIntervalSince(entry.storedAt) < maxAge ? entry : nil
    }

    func store(_ entry: Entry, for key: String) {
        guard entry.body.readableBytes <= capacity / 8 else { return }
        if let old = entries.removeValue(forKey: key) {
            bytes -= old.body.readableBytes
            order.removeAll { $0 == key }
        }
        entries[key] = entry
        order.append(key)
        bytes += entry.body.readableBytes
        while bytes > capacity, let oldest = order.first {
            order.removeFirst()
            if let removed = entries.removeValue(forKey: oldest) { bytes -= removed.body.readableBytes }
        }
    }
}

/// Serves public GETs from ``ResponseCache`` and fills it. Sits inside the ETag middleware, so cached
/// answers still get their ETag, Cache-Control and 304.
struct ResponseCacheMiddleware: AsyncMiddleware {
    let cache: ResponseCache
    let store: BudgetStore
    /// Path prefixes that are never cached (signed-in areas and forms).
    let privatePrefixes: [String]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard request.method == .GET, request.cookies["tarazu_session"] == nil,
              !privatePrefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") })
        else { return try await next.respond(to: request) }
        let key = request.url.string
        let stamp = try await store.contentStamp()
        if let entry = await cache.entry(for: key, stamp: stamp) {
            return Response(status: entry.status, headers: entry.headers, body: .init(buffer: entry.body))
        }
        let response = try await next.respond(to: request)
        if response.status == .ok, let body = response.body.buffer, !response.headers.contains(name: .setCookie) {
            await cache.store(ResponseCache.Entry(stamp: stamp, status: response.status, headers: response.headers, body: body), for: key)
        }
        return response
    }
}
