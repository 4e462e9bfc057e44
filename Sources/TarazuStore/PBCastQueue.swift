import Foundation
import TarazuParticipation

/// Group commit for ballots cast one at a time (web, SMS, kiosk): casts that arrive while a
/// transaction is being written wait, then go together in the next one. Each ballot is checked and
/// refused on its own; each caller resumes only after the transaction holding its ballot committed,
/// so an acknowledged ballot is durable. One transaction at a time: SQLite has one writer anyway, and
/// a batch of hundreds costs about one commit.
actor PBCastQueue {
    struct Request: Sendable {
        var slug: String
        var ballot: CitizenBallot
        var channel: BallotChannel
        var date: Date
    }

    private struct Waiting {
        var request: Request
        var continuation: CheckedContinuation<PBCastReceipt, any Error>
    }

    /// At most this many ballots per transaction.
    static let batchLimit = 500

    private var waiting: [Waiting] = []
    private var writing = false

    func cast(_ request: Request, store: BudgetStore) async throws -> PBCastReceipt {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(request: request, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain(store) }
            }
        }
    }

    private func drain(_ store: BudgetStore) async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.batchLimit))
            waiting.removeFirst(batch.count)
            // One transaction per process, so that an unknown process fails only its own casts.
            for slug in Set(batch.map(\.request.slug)).sorted() {
                let group = batch.filter { $0.request.slug == slug }
                do {
                    let outcomes = try await store.castRetryingOnce(group.map(\.request), allOrNothing: false)
                    for (item, outcome) in zip(group, outcomes) {
                        switch outcome {
                        case .success(let receipt): item.continuation.resume(returning: receipt)
                        case .failure(let refusal): item.continuation.resume(throwing: refusal)
                        }
                    }
                } catch {
                    for item in group { item.continuation.resume(throwing: error) }
                }
            }
        }
        writing = false
    }
}
