import Foundation
import TarazuParticipation

/// Tallies of PB processes kept until their ballots change (``TarazuStore/PBRepository/pbBallotStamp(process:)``) and at
/// most `maxAge`: a tally of tens of thousands of ballots takes a noticeable fraction of a second, and
/// the public results page must not redo it for every visitor. Simultaneous requests for the same tally
/// share one computation, which runs off the event loops.
actor PBResultsCache {
    struct Tally: Sendable {
        var results: [PBBudgetResult]
        var ballots: Int
    }

    private struct Entry {
        var stamp: String
        var storedAt: Date
        var task: Task<Tally, any Error>
    }

    private var entries: [String: Entry] = [:]
    let capacity: Int
    let maxAge: TimeInterval

    init(capacity: Int = 64, maxAge: TimeInterval = 60) {
        self.capacity = capacity
        self.maxAge = maxAge
    }

    /// The tally for `key` at `stamp`: the kept one, or `compute`'s (started once however many ask).
    func tally(_ key: String, stamp: String, now: Date = Date(),
               compute: @escaping @Sendable () async throws -> Tally) async throws -> Tally {
        if let entry = entries[key], entry.stamp == stamp, now.timeIntervalSince(entry.storedAt) < maxAge {
            return try await entry.task.value
        }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.storedAt < $1.value.storedAt })?.key {
            entries[oldest] = nil
        }
        let task = Task { try await compute() }
        entries[key] = Entry(stamp: stamp, storedAt: now, task: task)
        do {
            return try await task.value
        } catch {
            if entries[key]?.stamp == stamp { entries[key] = nil }
            throw error
        }
    }
}
