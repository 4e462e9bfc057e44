import TarazuCore

/// Draws for the sample city from ``TarazuCore/SplitMix64``: every draw is an integer; fractions are
/// expressed in per-mille. The sample city must be the same bytes on every machine and every run, so it
/// never uses the system generator.
extension SplitMix64 {
    /// A uniform integer in `range` (the modulo bias is below 2^-40 for the ranges used here).
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next() % span)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int(int(Int64(range.lowerBound)...Int64(range.upperBound)))
    }

    /// True with probability `permille` / 1000.
    mutating func chance(permille: Int64) -> Bool { int(0...999) < permille }

    /// An index drawn with probability proportional to `weights` (which must not all be zero).
    mutating func pick(weights: [Int64]) -> Int {
        let total = weights.reduce(0, +)
        var draw = int(0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// A generator for a sub-stream, so that adding draws in one part does not shift another.
    mutating func fork() -> SplitMix64 { SplitMix64(seed: next()) }
}
