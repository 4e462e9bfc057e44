/// Exact integer apportionment: how the generator turns envelopes into line amounts without
/// floating point.
enum Allocation {
    /// Splits `total` into parts proportional to `weights`, each a multiple of `quantum`, that add
    /// up to `total` exactly (largest-remainder method, ties to the earlier index).
    /// `total` must be a multiple of `quantum`; weights must be non-negative and not all zero.
    static func split(_ total: Int64, weights: [Int64], quantum: Int64) -> [Int64] {
        precondition(total % quantum == 0, "total must be a multiple of the quantum")
        let units = total / quantum
        let weightSum = weights.reduce(0, +)
        precondition(weightSum > 0, "weights must not all be zero")
        var parts = [Int64](repeating: 0, count: weights.count)
        var remainders = [(remainder: Int64, index: Int)]()
        remainders.reserveCapacity(weights.count)
        var given: Int64 = 0
        for (index, weight) in weights.enumerated() {
            let (quotient, remainder) = weightSum.dividingFullWidth(units.multipliedFullWidth(by: weight))
            parts[index] = quotient
            given += quotient
            remainders.append((remainder, index))
        }
        let left = Int(units - given)
        if left > 0 {
            remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
            for entry in remainders.prefix(left) { parts[entry.index] += 1 }
        }
        return parts.map { $0 * quantum }
    }

    /// `amount` scaled by `permille` / 1000, rounded down to a multiple of `quantum`.
    static func scale(_ amount: Int64, permille: Int64, quantum: Int64) -> Int64 {
        let (quotient, _) = Int64(1000).dividingFullWidth((amount / quantum).multipliedFullWidth(by: permille))
        return quotient * quantum
    }
}
