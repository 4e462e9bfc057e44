/// Comparisons of secrets (tokens, code hashes) that take the same time wherever the texts differ.
public enum ConstantTime {
    /// Whether `left` and `right` are equal, looking at every byte (only the lengths are compared early).
    public static func equal(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
