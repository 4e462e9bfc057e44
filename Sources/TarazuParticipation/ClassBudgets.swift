import Foundation

/// The budget numerators of MES budget classes in one flat limb buffer: class c holds limbs
/// `c * stride ..< (c + 1) * stride` (least significant first, zero-padded) and `length[c]`
/// significant limbs. One buffer instead of an array per class keeps the hot loops free of
/// reference counting; the stride grows when a numerator outgrows it.
///
/// Rescaling to a new common denominator is lazy: `scale(by:where:)` with a one-limb factor only
/// records the factor, and a class is multiplied by the factors recorded since it was last written
/// when it is next read (several small factors at once, as one limb). Most classes are read in few
/// rounds, so most of the per-round rewriting of every class is never done.
struct ClassBudgets {
    private var limbs: [UInt64]
    private var length: [Int32]
    private var stride: Int
    private var scratch: [UInt64] = []
    /// The significant limbs of the value `scaledDifference` left in `scratch`.
    private var scratchCount = 0
    /// Per class, the number of recorded factors its stored limbs already include.
    private var epoch: [Int32] = []
    /// The one-limb factors recorded by `scale`, in order; the current epoch is their count.
    private var factors: [UInt64] = []
    /// log2 of the product of the first e factors, for e in 0...factors.count.
    private var logProduct: [Double] = [0]
    /// Per class, an estimate of log2 of its stored limbs (-infinity for zero): with `logProduct`,
    /// an estimate of its value's log2 that lets most comparisons skip bringing the class up to date.
    private var logStored: [Double] = []

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
        var result = BigUInt(limbs: Array(limbs[c * stride ..< c * stride + Int(length[c])]))
        if result.isZero { return result }
        var e = Int(epoch[c])
        while e < factors.count {
            let (m, next) = batch(from: e)
            result = result * m
            e = next
        }
        return result
    }

    /// The product of the recorded factors from `start` as far as it fits one limb (at least one
    /// factor), and the index after the last factor taken.
    private func batch(from start: Int) -> (UInt64, Int) {
        var m = factors[start]
        var e = start + 1
        while e < factors.count {
            let (product, overflow) = m.multipliedReportingOverflow(by: factors[e])
            if overflow { break }
            m = product
            e += 1
        }
        return (m, e)
    }

    /// Brings class c's stored limbs up to the current epoch.
    @inline(__always)
    mutating func refresh(_ c: Int) {
        let current = factors.count
        if Int(epoch[c]) == current { return }
        refreshSlow(c, current)
    }

    private mutating func refreshSlow(_ c: Int, _ current: Int) {
        var e = Int(epoch[c])
        epoch[c] = Int32(current)
        if length[c] == 0 { return }
        logStored[c] += logProduct[current] - logProduct[e]
        while e < current {
            let (m, next) = batch(from: e)
            e = next
            if Int(length[c]) + 1 > stride { grow(to: stride + 4) }
            let base = c * stride
            let n = Int(length[c])
            let carryOut: UInt64 = limbs.withUnsafeMutableBufferPointer { limbs in
                var carry: UInt64 = 0
                for i in 0..<n {
                    let (hi, lo) = limbs[base + i].multipliedFullWidth(by: m)
                    let (s, o) = lo.addingReportingOverflow(carry)
                    limbs[base + i] = s
                    carry = hi &+ (o ? 1 : 0)
                }
                return carry
            }
            if carryOut != 0 {
                limbs[base + n] = carryOut
                length[c] += 1
            }
        }
    }

    /// log2 of the number in `limbs[from ..< from + count]` (from its top 64 bits; -infinity for 0).
    static func log2(_ limbs: [UInt64], from: Int, count n: Int) -> Double {
        if n == 0 { return -.infinity }
        let high = limbs[from + n - 1]
        if n == 1 { return Foundation.log2(Double(high)) }
        let lead = high.leadingZeroBitCount
        let bits = lead == 0 ? high : (high << UInt64(lead)) | (limbs[from + n - 2] >> UInt64(64 - lead))
        return Foundation.log2(Double(bits)) + Double(64 * (n - 1) - lead)
    }

    /// Compares numerator(c) with `rhs` (normalized, log2 `rhsLog2` by `log2(_:from:count:)`):
    /// decided by the log2 estimates when they differ by more than 10^-5, exactly otherwise. The
    /// estimates are used only with fewer than 4,096 factors and every log2 involved below 2^18:
    /// then each rounding (of a logarithm, of a sum) errs by at most 2^-35, and the fewer than
    /// 16,500 of them behind one difference (a class's stored log2 is carried forward by
    /// `logProduct` differences when it is brought up to date, two roundings each time, at most
    /// once per factor) by less than 5 * 10^-7 in all.
    mutating func compare(_ c: Int, with rhs: [UInt64], rhsLog2: Double) -> Int {
        let n = Int(length[c])
        if n == 0 { return rhs.isEmpty ? 0 : -1 }
        let logProductNow = logProduct[factors.count]
        if factors.count < 4096 && logProductNow < 262_144 && logStored[c] < 262_144 && rhsLog2 < 262_144 {
            let difference = logStored[c] + (logProductNow - logProduct[Int(epoch[c])]) - rhsLog2
            if difference > 1e-5 { return 1 }
            if difference < -1e-5 { return -1 }
        }
        return compare(c, with: rhs)
    }

    @discardableResult
    mutating func append(_ value: BigUInt) -> Int {
        length.append(0)
        epoch.append(Int32(factors.count))
        logStored.append(-.infinity)
        limbs.append(contentsOf: repeatElement(0, count: stride))
        set(length.count - 1, value)
        return length.count - 1
    }

    mutating func set(_ c: Int, _ value: BigUInt) {
        if value.limbs.count > stride { grow(to: value.limbs.count + 2) }
        write(value.limbs, count: value.limbs.count, to: c)
        length[c] = Int32(value.limbs.count)
        epoch[c] = Int32(factors.count)
        logStored[c] = Self.log2(limbs, from: c * stride, count: Int(length[c]))
    }

    /// Copies the first `count` (at most `stride`) limbs of `value` into class c's limbs, zero-padded.
    private mutating func write(_ value: [UInt64], count: Int, to c: Int) {
        let base = c * stride
        let width = stride
        limbs.withUnsafeMutableBufferPointer { out in
            value.withUnsafeBufferPointer { value in
                for i in 0..<width { out[base + i] = i < count ? value[i] : 0 }
            }
        }
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
    mutating func accumulate(_ c: Int, times k: UInt64, into sum: inout BigUInt) {
        refresh(c)
        sum.add(limbs: limbs, from: c * stride, count: Int(length[c]), times: k)
    }

    /// Compares numerator(c) with `rhs` (-1, 0, 1); `rhs` is normalized.
    mutating func compare(_ c: Int, with rhs: [UInt64]) -> Int {
        refresh(c)
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

    /// Adds `a[from ..< from + n] * factor` (schoolbook) into `out`, which holds zeros and has room
    /// for `n + factor.count` limbs.
    @inline(__always)
    private static func multiply(_ a: UnsafeBufferPointer<UInt64>, from base: Int, count n: Int, by factor: [UInt64],
                                 into out: UnsafeMutableBufferPointer<UInt64>) {
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
    }

    /// Compares numerator(c) * factor with `rhs` (-1, 0, 1).
    mutating func compareProduct(_ c: Int, times factor: [UInt64], with rhs: [UInt64]) -> Int {
        refresh(c)
        let n = Int(length[c])
        if n == 0 || factor.isEmpty { return rhs.isEmpty ? 0 : -1 }
        let size = n + factor.count
        if scratch.count < size { scratch = [UInt64](repeating: 0, count: size * 2) }
        let base = c * stride
        return limbs.withUnsafeBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { out in
                for i in 0..<size { out[i] = 0 }
                Self.multiply(a, from: base, count: n, by: factor, into: out)
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
        refresh(c)
        let n = Int(length[c])
        let size = n + factor.count
        if scratch.count < size { scratch = [UInt64](repeating: 0, count: size * 2) }
        let base = c * stride
        scratchCount = limbs.withUnsafeBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeMutableBufferPointer(rebasing: buffer[0..<size])
                for i in 0..<size { out[i] = 0 }
                Self.multiply(a, from: base, count: n, by: factor, into: out)
                var borrow = false
                for i in 0..<size {
                    let r = i < subtrahend.count ? subtrahend[i] : 0
                    if i >= subtrahend.count && !borrow { break }
                    let (d1, o1) = out[i].subtractingReportingOverflow(r)
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
                    out[i] = d2
                    borrow = o1 || o2
                }
                precondition(!borrow, "MES: a payment exceeded a budget")
                var top = size
                while top > 0 && out[top - 1] == 0 { top -= 1 }
                return top
            }
        }
        return scratchCount == 0
    }

    /// Writes the scratch value to class c, or to a new class when c is nil; returns the class.
    @discardableResult
    mutating func storeScratch(in c: Int?) -> Int {
        let target = c ?? length.count
        if c == nil {
            length.append(0)
            epoch.append(0)
            logStored.append(-.infinity)
            limbs.append(contentsOf: repeatElement(0, count: stride))
        }
        if scratchCount > stride { grow(to: scratchCount + 2) }
        write(scratch, count: scratchCount, to: target)
        length[target] = Int32(scratchCount)
        epoch[target] = Int32(factors.count)
        logStored[target] = Self.log2(scratch, from: 0, count: scratchCount)
        return target
    }

    /// Multiplies every class c with `scale[c]` by `factor`; the others already hold their values
    /// over the new denominator. A one-limb factor is recorded, not applied (see the type's note).
    mutating func scale(by factor: BigUInt, where scale: [Bool]) {
        if factor.limbs.count == 1 {
            let f = factor.limbs[0]
            if f == 1 { return }
            factors.append(f)
            logProduct.append(logProduct[logProduct.count - 1] + Foundation.log2(Double(f)))
            let current = Int32(factors.count)
            for c in 0..<length.count where !scale[c] { epoch[c] = current }
            return
        }
        for c in 0..<length.count where scale[c] && length[c] > 0 {
            refresh(c)
            set(c, value(c) * factor)
        }
    }
}
