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
        var out: [UInt64] = []
        multiply(lhs.limbs, rhs.limbs, into: &out)
        return BigUInt(limbs: out)
    }

    static func * (lhs: BigUInt, rhs: UInt64) -> BigUInt {
        var out: [UInt64] = []
        multiply(lhs.limbs, rhs, into: &out)
        return BigUInt(limbs: out)
    }

    /// Schoolbook product of two limb arrays into `out` (reusing its storage), normalized.
    static func multiply(_ a: [UInt64], _ b: [UInt64], into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        if a.isEmpty || b.isEmpty { return }
        if b.count == 1 { return multiply(a, b[0], into: &out) }
        if a.count == 1 { return multiply(b, a[0], into: &out) }
        out.append(contentsOf: repeatElement(0, count: a.count + b.count))
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
        while let last = out.last, last == 0 { out.removeLast() }
    }

    /// Product of a limb array and one limb into `out` (reusing its storage), normalized.
    static func multiply(_ a: [UInt64], _ k: UInt64, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        if a.isEmpty || k == 0 { return }
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
        if limbs.count < count + 1 {
            limbs.append(contentsOf: repeatElement(0, count: count + 1 - limbs.count))
        }
        var carry: UInt64 = 0
        var i = 0
        source.withUnsafeBufferPointer { src in
            limbs.withUnsafeMutableBufferPointer { out in
                while i < count {
                    let (hi, lo) = src[from + i].multipliedFullWidth(by: k)
                    let (s1, o1) = lo.addingReportingOverflow(out[i])
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    out[i] = s2
                    carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    i += 1
                }
            }
        }
        while carry != 0 {
            if i == limbs.count { limbs.append(0) }
            let (s, o) = limbs[i].addingReportingOverflow(carry)
            limbs[i] = s
            carry = o ? 1 : 0
            i += 1
        }
        normalize()
    }

    var description: String { decimalString }
}
