import Foundation

/// Counts failed sign-ins per key (a username, a client address) in a sliding window, in memory.
///
/// An attempt is counted before its password is checked: ``reserve(_:now:)`` takes the place atomically
/// (the actor runs one call at a time), so simultaneous attempts cannot all pass the limit while their
/// checks are still running. A successful attempt gives its place back with ``release(_:reservedAt:)``.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    /// The result of asking for an attempt.
    enum Admission: Equatable {
        /// The attempt is counted as a failure until it is reported to have succeeded.
        case admitted(reservedAt: Date)
        /// Refused: seconds until another attempt is allowed.
        case refused(retryAfter: Int)
    }

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one attempt for every key, unless one of them already has `limit` attempts in the window.
    func reserve(_ keys: [String], now: Date = Date()) -> Admission {
        if failures.count > 10_000 { prune(now) }
        var wait: TimeInterval?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.min() {
                wait = max(wait ?? 0, window - now.timeIntervalSince(oldest))
            }
        }
        if let wait { return .refused(retryAfter: max(1, Int(wait.rounded(.up)))) }
        for key in keys { failures[key, default: []].append(now) }
        return .admitted(reservedAt: now)
    }

    /// Clears the counts of `keys` (a username after its successful sign-in).
    func clear(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }

    /// Gives back the place a reserved attempt took under `keys`: the attempt succeeded (an address is
    /// not charged for one's own sign-in, nor are its failures reset) or was never checked (the server
    /// was too busy).
    func release(_ keys: [String], reservedAt: Date) {
        for key in keys {
            guard var dates = failures[key], let index = dates.lastIndex(of: reservedAt) else { continue }
            dates.remove(at: index)
            failures[key] = dates.isEmpty ? nil : dates
        }
    }

    private func prune(_ now: Date) {
        failures = failures.compactMapValues { dates in
            let recent = dates.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }
}
