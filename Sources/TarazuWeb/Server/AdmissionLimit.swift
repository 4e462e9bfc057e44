import NIOConcurrencyHelpers

/// At most `capacity` holders at once, counted atomically: ``enter()`` takes a place or says no at once.
struct AdmissionLimit: Sendable {
    let capacity: Int
    private let holders = NIOLockedValueBox(0)

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Takes a place; false when all `capacity` are taken.
    func enter() -> Bool {
        holders.withLockedValue { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
    }

    /// Gives back a place taken by ``enter()``.
    func leave() {
        holders.withLockedValue { $0 -= 1 }
    }

    /// Runs `body` holding a place, or throws `refusal` at once when none is free.
    func admitted<T>(or refusal: @autoclosure () -> BilingualError, _ body: () async throws -> T) async throws -> T {
        guard enter() else { throw refusal() }
        defer { leave() }
        return try await body()
    }
}
