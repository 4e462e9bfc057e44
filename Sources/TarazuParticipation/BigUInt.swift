/// An arbitrary-precision natural number: the exact arithmetic under the Method of Equal Shares.
///
/// Limbs are 64-bit, least significant first, with no trailing zero limb (zero has no limbs).
/// Subtraction below zero is a programming error and traps; nothing wraps silently.
struct BigUInt: Hashable, Comparable, Sendable, CustomStringConvertible {
    private(set) var limbs: [UInt64]

    init() { limbs = [] }

    init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    init(_ value: UInt128) {
        limbs = [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
        normalize()
    }

    /// a * b, in one allocation.
    init(_ a: UInt128, times b: UInt64) {
        let product = Self.productLimbs(a, b)
        limbs = [product.0, product.1, product.2]
        normalize()
    }

    /// The three limbs of a * b, least significant first.
    private static func productLimbs(_ a: UInt128, _ b: UInt64) -> (UInt64, UInt64, UInt64) {
        let (h0, l0) = UInt64(truncatingIfNeeded: a).multipliedFullWidth(by: b)
        let (h1, l1) = UInt64(truncatingIfNeeded: a >> 64).multipliedFullWidth(by: b)
        let (middle, carry) = l1.addingReportingOverflow(h0)
        return (l0, middle, h1 &+ (carry ? 1 : 0))
    }

    /// A non-negative Int64; traps on a negative value.
    init(_ value: Int64) {
        precondition(value >= 0, "BigUInt from negative value \(value)")
        self.init(UInt64(value))
    }

    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value if it fits in 128 bits.
    var uint128: UInt128? {
        switch limbs.count {
        case 0: return 0
        case 1: return UInt128(limbs[0])
        case 2: return UInt128(limbs[1]) << 64 | UInt128(limbs[0])
        default: return nil
        }
    }

    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    // MARK: Comparison

    static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func < (lhs: BigUInt, rhs: BigUInt) -> Bool { compare(lhs.limbs, rhs.limbs) < 0 }

    // MARK: Addition and subtraction

    static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        var result = lhs
        result += rhs
        return result
    }

    static func += (lhs: inout BigUInt, rhs: BigUInt) {
        if rhs.limbs.count > lhs.limbs.count {
            lhs.limbs.append(contentsOf: repeatElement(0, count: rhs.limbs.count - lhs.limbs.count))
        }
        var carry = false
        for i in 0..<lhs.limbs.count {
            if i >= rhs.limbs.count && !carry { break }
            let r = i < rhs.limbs.count ? rhs.limbs[i] : 0
            let (s1, o1) = lhs.limbs[i].addingReportingOverflow(r)
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            lhs.limbs[i] = s2
            carry = o1 || o2
        }
        if carry { lhs.limbs.append(1) }
    }

    static func - (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        var result = lhs
        result -= rhs
        return result
    }

    static func -= (lhs: inout BigUInt, rhs: BigUInt) {
        precondition(compare(lhs.limbs, rhs.limbs) >= 0, "BigUInt subtraction below zero")
        var borrow = false
        for i in 0..<lhs.limbs.count {
            if i >= rhs.limbs.count && !borrow { break }
            let r = i < rhs.limbs.count ? rhs.limbs[i] : 0
            let (d1, o1) = lhs.limbs[i].subtractingReportingOverflow(r)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            lhs.limbs[i] = d2
            borrow = o1 || o2
        }
        lhs.normalize()
    }

    // MARK: Multiplication

    static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let (a, b) = (lhs.limbs, rhs.limbs)
        if a.isEmpty || b.isEmpty { return BigUInt() }
        if b.count == 1 { return lhs * b[0] }
        if a.count == 1 { return rhs * a[0] }
        let n = a.count + b.count
        return BigUInt(limbs: [UInt64](unsafeUninitializedCapacity: n) { out, count in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in count = product(a, b, into: out) }
            }
        })
    }

    static func * (lhs: BigUInt, rhs: UInt64) -> BigUInt {
        let a = lhs.limbs
        if a.isEmpty || rhs == 0 { return BigUInt() }
        return BigUInt(limbs: [UInt64](unsafeUninitializedCapacity: a.count + 1) { out, count in
            a.withUnsafeBufferPointer { a in count = product(a, rhs, into: out) }
        })
    }

    /// self * a * b, in one allocation.
    func times(_ a: UInt128, _ b: UInt64) -> BigUInt {
        let factor = Self.productLimbs(a, b)
        let factorCount = factor.2 != 0 ? 3 : factor.1 != 0 ? 2 : factor.0 != 0 ? 1 : 0
        if limbs.isEmpty || factorCount == 0 { return BigUInt() }
        return BigUInt(limbs: [UInt64](unsafeUninitializedCapacity: limbs.count + factorCount) { out, count in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3) { f in
                (f[0], f[1], f[2]) = factor
                limbs.withUnsafeBufferPointer { a in
                    count = Self.product(a, UnsafeBufferPointer(rebasing: f[0..<factorCount]), into: out)
                }
            }
        })
    }

    /// Schoolbook product of a and b (both non-empty) into out (a.count + b.count limbs, any
    /// contents); returns the normalized length.
    private static func product(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>,
                                into out: UnsafeMutableBufferPointer<UInt64>) -> Int {
        let n = a.count + b.count
        for i in 0..<n { out[i] = 0 }
        for i in 0..<a.count {
            let ai = a[i]
            if ai == 0 { continue }
            var carry: UInt64 = 0
            for j in 0..<b.count {
                // ai * b[j] + out[i+j] + carry < 2^128, so the high word never overflows.
                let (hi, lo) = ai.multipliedFullWidth(by: b[j])
                let (s1, o1) = lo.addingReportingOverflow(out[i + j])
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i + j] = s2
                carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            out[i + b.count] = carry
        }
        var length = n
        while length > 0 && out[length - 1] == 0 { length -= 1 }
        return length
    }

    /// Compares a * b with c * d (-1, 0 or 1) without allocating: the products go to scratch
    /// space on the stack.
    static func compareProducts(_ a: BigUInt, _ b: BigUInt, _ c: BigUInt, _ d: BigUInt) -> Int {
        let (a, b, c, d) = (a.limbs, b.limbs, c.limbs, d.limbs)
        if a.isEmpty || b.isEmpty { return c.isEmpty || d.isEmpty ? 0 : -1 }
        if c.isEmpty || d.isEmpty { return 1 }
        let n1 = a.count + b.count
        let n2 = c.count + d.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n1 + n2) { scratch in
            let p = UnsafeMutableBufferPointer(rebasing: scratch[0..<n1])
            let q = UnsafeMutableBufferPointer(rebasing: scratch[n1..<(n1 + n2)])
            let l1 = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in product(a, b, into: p) } }
            let l2 = c.withUnsafeBufferPointer { c in d.withUnsafeBufferPointer { d in product(c, d, into: q) } }
            if l1 != l2 { return l1 < l2 ? -1 : 1 }
            var i = l1 - 1
            while i >= 0 {
                if p[i] != q[i] { return p[i] < q[i] ? -1 : 1 }
                i -= 1
            }
            return 0
        }
    }

    /// a (non-empty) times k into out (a.count + 1 limbs); returns the normalized length.
    private static func product(_ a: UnsafeBufferPointer<UInt64>, _ k: UInt64,
                                into out: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var carry: UInt64 = 0
        for i in 0..<a.count {
            let (hi, lo) = a[i].multipliedFullWidth(by: k)
            let (s, o) = lo.addingReportingOverflow(carry)
            out[i] = s
            carry = hi &+ (o ? 1 : 0)
        }
        out[a.count] = carry
        var length = a.count + 1
        while length > 0 && out[length - 1] == 0 { length -= 1 }
        return length
    }

    /// Schoolbook product of two limb arrays into `out` (reusing its storage), normalized.
    static func multiply(_ a: [UInt64], _ b: [UInt64], into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        if a.isEmpty || b.isEmpty { return }
        if b.count == 1 { return multiply(a, b[0], into: &out) }
        if a.count == 1 { return multiply(b, a[0], into: &out) }
        let n = a.count + b.count
        out.reserveCapacity(n)
        out.append(contentsOf: repeatElement(0, count: n))
        let length = out.withUnsafeMutableBufferPointer { out in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in product(a, b, into: out) }
            }
        }
        out.removeLast(n - length)
    }

    /// Product of a limb array and one limb into `out` (reusing its storage), normalized.
    static func multiply(_ a: [UInt64], _ k: UInt64, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        if a.isEmpty || k == 0 { return }
        out.reserveCapacity(a.count + 1)
        var carry: UInt64 = 0
        for limb in a {
            let (hi, lo) = limb.multipliedFullWidth(by: k)
            let (s, o) = lo.addingReportingOverflow(carry)
            out.append(s)
            carry = hi &+ (o ? 1 : 0)
        }
        if carry != 0 { out.append(carry) }
    }

    /// `self += x * k` in place.
    mutating func add(_ x: BigUInt, times k: UInt64) {
        add(limbs: x.limbs, from: 0, count: x.limbs.count, times: k)
    }

    /// `self += source[from ..< from + count] * k` in place.
    mutating func add(limbs source: [UInt64], from: Int, count: Int, times k: UInt64) {
        if count == 0 || k == 0 { return }
        if limbs.capacity < count + 1 { limbs.reserveCapacity(count + 2) }
        // Over the limbs both have in place, then the source's further limbs appended, then the carry.
        let shared = min(limbs.count, count)
        var carry: UInt64 = 0
        source.withUnsafeBufferPointer { src in
            limbs.withUnsafeMutableBufferPointer { out in
                for i in 0..<shared {
                    let (hi, lo) = src[from + i].multipliedFullWidth(by: k)
                    let (s1, o1) = lo.addingReportingOverflow(out[i])
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    out[i] = s2
                    carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
            }
            for i in shared..<count {
                let (hi, lo) = src[from + i].multipliedFullWidth(by: k)
                let (s, o) = lo.addingReportingOverflow(carry)
                limbs.append(s)
                carry = hi &+ (o ? 1 : 0)
            }
        }
        var i = count
        while carry != 0 {
            if i == limbs.count {
                limbs.append(carry)
                break
            }
            let (s, o) = limbs[i].addingReportingOverflow(carry)
            limbs[i] = s
            carry = o ? 1 : 0
            i += 1
        }
        normalize()
    }

    var description: String { decimalString }
}
