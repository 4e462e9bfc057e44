import Foundation

/// Independent work spread over every core, results kept in order.
public enum ConcurrentMap {
    /// `transform` of every index in 0..<count, computed on all cores; the results in index order.
    /// `transform` must be safe to call from several threads at once.
    public static func indices<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 16)
            withoutActuallyEscaping(transform) { transform in
                // Each index is written by exactly one chunk, and all chunks end before this returns.
                let shared = UncheckedShare(base: buffer.baseAddress!, transform: transform)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let low = count * chunk / chunks, high = count * (chunk + 1) / chunks
                    for i in low..<high { (shared.base + i).initialize(to: shared.transform(i)) }
                }
            }
            initialized = count
        }
    }

    /// The output buffer and the work of ``indices(_:_:)``, handed to the worker threads.
    private final class UncheckedShare<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
        let transform: (Int) -> T
        init(base: UnsafeMutablePointer<T>, transform: @escaping (Int) -> T) {
            self.base = base
            self.transform = transform
        }
    }
}
