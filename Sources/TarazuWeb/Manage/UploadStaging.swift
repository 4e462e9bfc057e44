import Foundation
import TarazuCore

/// Uploaded books waiting for their import to be confirmed: kept in memory under a random token, tied to
/// the session that uploaded them, for ``AuthSettings/stagingLifetime``. The uploaded files themselves
/// are removed as soon as the book is read. A session has at most one upload waiting (a new upload
/// replaces it), and at most `capacity` wait across all sessions, so memory stays bounded.
actor UploadStaging {
    struct Staged: Sendable {
        var book: BudgetBook
        var fileName: String
        var sessionHash: String
        var expires: Date
    }

    let lifetime: TimeInterval
    let capacity: Int
    private var entries: [String: Staged] = [:]

    init(lifetime: TimeInterval, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    /// How many uploads wait (expired ones are dropped first).
    func count(now: Date = Date()) -> Int {
        entries = entries.filter { $0.value.expires > now }
        return entries.count
    }

    /// Stages `book` for the session `sessionHash`, replacing the session's earlier upload; returns the
    /// token for the confirm form, or nil when `capacity` other sessions' uploads are waiting.
    func stage(_ book: BudgetBook, fileName: String, sessionHash: String, now: Date = Date()) -> String? {
        entries = entries.filter { $0.value.expires > now && $0.value.sessionHash != sessionHash }
        guard entries.count < capacity else { return nil }
        let token = SessionTokens.random()
        entries[token] = Staged(book: book, fileName: fileName, sessionHash: sessionHash, expires: now.addingTimeInterval(lifetime))
        return token
    }

    /// Removes and returns the staged upload `token` if it belongs to `sessionHash` and has not expired.
    func take(_ token: String, sessionHash: String, now: Date = Date()) -> Staged? {
        guard let staged = entries[token], staged.sessionHash == sessionHash else { return nil }
        entries[token] = nil
        return staged.expires > now ? staged : nil
    }
}
