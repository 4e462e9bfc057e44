import Foundation
import TarazuStore
import Vapor

/// Whole public responses (portal pages, the report, open data, API answers) kept by URL for as long
/// as the store holds the same books, and at most `maxAge` (what changes with time alone, such as a
/// participatory vote closing, shows within it): a repeated request costs one small query instead of
/// an analysis and a rendering. Only successful GETs without a session cookie are kept; the signed-in
/// areas are never cached. Least recently stored entries go first beyond `capacity` bytes (bodies and
/// URLs) or `maxEntries` entries; URLs longer than ``maxKeyLength`` are not kept.
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
    /// Bytes of bodies and keys kept at most.
    let capacity: Int
    /// Entries kept at most (keys are URLs, which a client chooses).
    let maxEntries: Int
    let maxAge: TimeInterval
    /// URLs longer than this are never kept.
    static let maxKeyLength = 2048

    init(capacity: Int = 64 << 20, maxEntries: Int = 4096, maxAge: TimeInterval = 60) {
        self.capacity = capacity
        self.maxEntries = maxEntries
        self.maxAge = maxAge
    }

    var count: Int { entries.count }

    func entry(for key: String, stamp: String, now: Date = Date()) -> Entry? {
        guard let entry = entries[key] else { return nil }
        return entry.stamp == stamp && now.timeIntervalSince(entry.storedAt) < maxAge ? entry : nil
    }

    func store(_ entry: Entry, for key: String) {
        let size = entry.body.readableBytes + key.utf8.count
        guard size <= capacity / 8, key.utf8.count <= Self.maxKeyLength else { return }
        if let old = entries.removeValue(forKey: key) {
            bytes -= old.body.readableBytes + key.utf8.count
            order.removeAll { $0 == key }
        }
        entries[key] = entry
        order.append(key)
        bytes += size
        while bytes > capacity || entries.count > maxEntries, let oldest = order.first {
            order.removeFirst()
            if let removed = entries.removeValue(forKey: oldest) { bytes -= removed.body.readableBytes + oldest.utf8.count }
        }
    }
}

/// Serves public GETs from ``ResponseCache`` and fills it. Sits inside the ETag middleware, so cached
/// answers still get their ETag, Cache-Control and 304.
struct ResponseCacheMiddleware: AsyncMiddleware {
    let cache: ResponseCache
    /// Whose content stamp the kept responses are valid for.
    let books: any BookImportRepository
    /// Path prefixes that are never cached (signed-in areas and forms).
    let privatePrefixes: [String]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard request.method == .GET, request.cookies["tarazu_session"] == nil,
              !privatePrefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") })
        else { return try await next.respond(to: request) }
        let key = request.url.string
        let stamp = try await books.contentStamp()
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
