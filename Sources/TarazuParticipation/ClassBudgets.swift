/// The budget numerators of MES budget classes in one flat limb buffer: class c holds limbs
/// `c * stride ..< (c + 1) * stride` (least significant first, zero-padded) and `length[c]`
/// significant limbs. One buffer instead of an array per class keeps the hot loops free of
/// reference counting; the stride grows when a numerator outgrows it.
struct ClassBudgets {
    private var limbs: [UInt64]
    private var length: [Int32]
    private var stride: Int
    private var scratch: [UInt64] = []

    init(_ first: BigUInt) {
        stride = max(first.limbs.count + 2, 4)
        limbs = []
        length = []
        append(first)
    }

    var count: Int { length.count }

    func isZero(_ c: Int) -> Bool { length[c] == 0 }

    /// Class c's numerator as a BigUInt.
    func value(_ c: Int) -> BigUInt {
        BigUInt(limbs: Array(limbs[c * stride ..< c * stride + Int(length[c])]))
    }

    @discardableResult
    mutating func append(_ value: BigUInt) -> Int {
        length.append(0)
        limbs.append(contentsOf: repeatElement(0, count: stride))
        set(length.count - 1, value)
        return length.count - 1
    }

    mutating func set(_ c: Int, _ value: BigUInt) {
        if value.limbs.count > stride { grow(to: value.limbs.count + 2) }
        let base = c * stride
        for i in 0..<stride { limbs[base + i] = i < value.limbs.count ? value.limbs[i] : 0 }
        length[c] = Int32(value.limbs.count)
    }

    private mutating func grow(to newStride: Int) {
        var wider = [UInt64](repeating: 0, count: length.count * newStride)
        for c in 0..<length.count {
            for i in 0..<Int(length[c]) { wider[c * newStride + i] = limbs[c * stride + i] }
        }
        limbs = wider
        stride = newStride
    }

    /// `sum += numerator(c) * k`.
    func accumulate(_ c: Int, times k: UInt64, into sum: inout BigUInt) {
        sum.add(limbs: limbs, from: c * stride, count: Int(length[c]), times: k)
    }

    /// Compares numerator(c) with `rhs` (-1, 0, 1); `rhs` is normalized.
    func compare(_ c: Int, with rhs: [UInt64]) -> Int {
        let n = Int(length[c])
        if n != rhs.count { return n < rhs.count ? -1 : 1 }
        let base = c * stride
        return limbs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in
                var i = n - 1
                while i >= 0 {
                    if a[base + i] != b[i] { return a[base + i] < b[i] ? -1 : 1 }
                    i -= 1
                }
                return 0
            }
        }
    }

    /// Compares numerator(c) * factor with `rhs` (-1, 0, 1).
    mutating func compareProduct(_ c: Int, times factor: [UInt64], with rhs: [UInt64]) -> Int {
        let n = Int(length[c])
        if n == 0 || factor.isEmpty { return rhs.isEmpty ? 0 : -1 }
        let size = n + factor.count
        if scratch.count < size { scratch = [UInt64](repeating: 0, count: size * 2) }
        let base = c * stride
        return limbs.withUnsafeBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { out in
                for i in 0..<size { out[i] = 0 }
                for j in 0..<factor.count {
                    let fj = factor[j]
                    var carry: UInt64 = 0
                    for i in 0..<n {
                        let (hi, lo) = a[base + i].multipliedFullWidth(by: fj)
                        let (s1, o1) = lo.addingReportingOverflow(out[i + j])
                        let (s2, o2) = s1.addingReportingOverflow(carry)
                        out[i + j] = s2
                        carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    }
                    out[n + j] = carry
                }
                var top = size
                while top > 0 && out[top - 1] == 0 { top -= 1 }
                if top != rhs.count { return top < rhs.count ? -1 : 1 }
                var i = top - 1
                while i >= 0 {
                    if out[i] != rhs[i] { return out[i] < rhs[i] ? -1 : 1 }
                    i -= 1
                }
                return 0
            }
        }
    }

    /// Computes numerator(c) * factor - subtrahend into the scratch buffer (the result must not
    /// be negative) and returns whether it is zero; `storeScratch` then writes it to a class.
    mutating func scaledDifference(_ c: Int, times factor: [UInt64], minus subtrahend: [UInt64]) -> Bool {
        let n = Int(length[c])
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: n + factor.count))
        let base = c * stride
        limbs.withUnsafeBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { out in
                for j in 0..<factor.count {
                    let fj = factor[j]
                    var carry: UInt64 = 0
                    for i in 0..<n {
                        let (hi, lo) = a[base + i].multipliedFullWidth(by: fj)
                        let (s1, o1) = lo.addingReportingOverflow(out[i + j])
                        let (s2, o2) = s1.addingReportingOverflow(carry)
                        out[i + j] = s2
                        carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    }
                    out[n + j] = carry
                }
                var borrow = false
                for i in 0..<out.count {
                    let r = i < subtrahend.count ? subtrahend[i] : 0
                    if i >= subtrahend.count && !borrow { break }
                    let (d1, o1) = out[i].subtractingReportingOverflow(r)
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
                    out[i] = d2
                    borrow = o1 || o2
                }
                precondition(!borrow, "MES: a payment exceeded a budget")
            }
        }
        while let last = scratch.last, last == 0 { scratch.removeLast() }
        return scratch.isEmpty
    }

    /// Writes the scratch value to class c, or to a new class when c is nil; returns the class.
    @discardableResult
    mutating func storeScratch(in c: Int?) -> Int {
        let target = c ?? length.count
        if c == nil {
            length.append(0)
            limbs.append(contentsOf: repeatElement(0, count: stride))
        }
        if scratch.count > stride { grow(to: scratch.count + 2) }
        let base = target * stride
        for i in 0..<stride { limbs[base + i] = i < scratch.count ? scratch[i] : 0 }
        length[target] = Int32(scratch.count)
        return target
    }

    /// Multiplies every class c with `scale[c]` by a one-limb factor (others keep their value).
    mutating func scale(by factor: UInt64, where scale: [Bool]) {
        var needed = 0
        for c in 0..<length.count where scale[c] && length[c] > 0 {
            needed = max(needed, Int(length[c]) + 1)
        }
        if needed > stride { grow(to: needed + 2) }
        let stride = self.stride
        length.withUnsafeMutableBufferPointer { length in
            limbs.withUnsafeMutableBufferPointer { limbs in
                for c in 0..<length.count where scale[c] && length[c] > 0 {
                    let base = c * stride
                    var carry: UInt64 = 0
                    for i in 0..<Int(length[c]) {
                        let (hi, lo) = limbs[base + i].multipliedFullWidth(by: factor)
                        let (s, o) = lo.addingReportingOverflow(carry)
                        limbs[base + i] = s
                        carry = hi &+ (o ? 1 : 0)
                    }
                    if carry != 0 {
                        limbs[base + Int(length[c])] = carry
                        length[c] += 1
                    }
                }
            }
        }
    }

    /// As `scale(by:where:)` for a factor of any size.
    mutating func scale(by factor: BigUInt, where scale: [Bool]) {
        if factor.limbs.count == 1 { return self.scale(by: factor.limbs[0], where: scale) }
        for c in 0..<length.count where scale[c] && length[c] > 0 { set(c, value(c) * factor) }
    }
}
