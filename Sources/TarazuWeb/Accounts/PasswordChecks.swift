import NIOPosix
import Vapor

/// Runs bcrypt hashing and verification on threads of its own, never on the pool the database drivers
/// use, with a bounded number of checks admitted at once: ``run(_:)`` beyond ``capacity`` throws a 503
/// with Retry-After instead of queueing without end. The admission count is taken atomically before
/// any work starts.
final class PasswordChecks: Sendable {
    private let pool: NIOThreadPool
    private let limit: AdmissionLimit
    /// Checks running or waiting at most.
    var capacity: Int { limit.capacity }

    /// - Parameter threads: checks that run at the same time (bcrypt is CPU work: one per core at most).
    /// - Parameter capacity: checks running or waiting; more are refused.
    init(threads: Int, capacity: Int) {
        limit = AdmissionLimit(capacity: capacity)
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    /// Runs `body` as one admitted check (its database reads included), or throws a 503 when
    /// ``capacity`` checks are already admitted. `body` does its bcrypt work with ``compute(_:)``.
    func admitted<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await limit.admitted(or: BilingualError(.serviceUnavailable,
                                                    fa: "کارساز اکنون سرگرم بررسی گذرواژه‌های بسیاری است؛ چند ثانیهٔ دیگر دوباره بکوشید.",
                                                    en: "The server is busy checking many passwords; try again in a few seconds.",
                                                    headers: ["Retry-After": "5"]), body)
    }

    /// Runs `work` (bcrypt) on the password threads.
    func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }

    /// ``compute(_:)`` as one admitted check.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await admitted { try await compute(work) }
    }

    /// Stops the threads (when the application shuts down).
    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
