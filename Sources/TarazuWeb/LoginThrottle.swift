import Foundation

/// Counts failed sign-ins per key (a username, a client address) in a sliding window, in memory.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until another attempt is allowed, when any of `keys` has `limit` failures in the window.
    func retryAfter(_ keys: [String], now: Date = Date()) -> Int? {
        var wait: TimeInterval?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= limit, let oldest = recent.min() {
                wait = max(wait ?? 0, window - now.timeIntervalSince(oldest))
            }
        }
        return wait.map { max(1, Int($0.rounded(.up))) }
    }

    func recordFailure(_ keys: [String], now: Date = Date()) {
        if failures.count > 10_000 { prune(now) }
        for key in keys {
            failures[key, default: []].append(now)
            failures[key] = failures[key]!.filter { now.timeIntervalSince($0) < window }
        }
    }

    func reset(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }

    private func prune(_ now: Date) {
        failures = failures.compactMapValues { dates in
            let recent = dates.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }
}
