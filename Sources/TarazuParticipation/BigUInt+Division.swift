extension BigUInt {
    /// Quotient and remainder by a nonzero limb.
    func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: BigUInt, remainder: UInt64) {
        precondition(divisor != 0, "BigUInt division by zero")
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            let (q, r) = divisor.dividingFullWidth((high: remainder, low: limbs[i]))
            quotient[i] = q
            remainder = r
            i -= 1
        }
        return (BigUInt(limbs: quotient), remainder)
    }

    /// ceil(a * u / d) for a nonzero d, into `out` (reusing its storage), normalized.
    static func ceilingQuotient(_ a: [UInt64], times u: UInt64, dividedBy d: UInt64, into out: inout [UInt64]) {
        multiply(a, u, into: &out)
        var remainder: UInt64 = 0
        out.withUnsafeMutableBufferPointer { q in
            var i = q.count - 1
            while i >= 0 {
                (q[i], remainder) = d.dividingFullWidth((high: remainder, low: q[i]))
                i -= 1
            }
        }
        while let last = out.last, last == 0 { out.removeLast() }
        if remainder == 0 { return }
        for i in out.indices {
            if out[i] != UInt64.max {
                out[i] += 1
                return
            }
            out[i] = 0
        }
        out.append(1)
    }

    /// Quotient and remainder by a nonzero number (bit-serial long division beyond one limb,
    /// in place on limb buffers).
    func quotientAndRemainder(dividingBy divisor: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        precondition(!divisor.isZero, "BigUInt division by zero")
        if divisor.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBy: divisor.limbs[0])
            return (q, BigUInt(r))
        }
        if self < divisor { return (BigUInt(), self) }
        let d = divisor.limbs
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder = [UInt64](repeating: 0, count: d.count + 1)
        var bit = bitWidth - 1
        while bit >= 0 {
            // remainder = remainder * 2 + bit
            var carry = (limbs[bit / 64] >> UInt64(bit % 64)) & 1
            for i in remainder.indices {
                let next = remainder[i] >> 63
                remainder[i] = remainder[i] << 1 | carry
                carry = next
            }
            // if remainder >= divisor: remainder -= divisor
            var ge = remainder[d.count] != 0
            if !ge {
                ge = true
                var i = d.count - 1
                while i >= 0 {
                    if remainder[i] != d[i] { ge = remainder[i] > d[i]; break }
                    i -= 1
                }
            }
            if ge {
                var borrow = false
                for i in remainder.indices {
                    let r = i < d.count ? d[i] : 0
                    let (d1, o1) = remainder[i].subtractingReportingOverflow(r)
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
                    remainder[i] = d2
                    borrow = o1 || o2
                }
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
            bit -= 1
        }
        return (BigUInt(limbs: quotient), BigUInt(limbs: remainder))
    }

    func shiftedLeft(by bits: Int) -> BigUInt {
        if isZero || bits == 0 { return self }
        let whole = bits / 64
        let part = UInt64(bits % 64)
        var out = [UInt64](repeating: 0, count: whole)
        out.reserveCapacity(whole + limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            out.append(part == 0 ? limb : (limb << part) | carry)
            carry = part == 0 ? 0 : limb >> (64 - part)
        }
        if carry != 0 { out.append(carry) }
        return BigUInt(limbs: out)
    }

    func shiftedRight(by bits: Int) -> BigUInt {
        let whole = bits / 64
        if whole >= limbs.count { return BigUInt() }
        let part = UInt64(bits % 64)
        var out = [UInt64]()
        out.reserveCapacity(limbs.count - whole)
        for i in whole..<limbs.count {
            let low = limbs[i] >> part
            let high = part == 0 || i + 1 == limbs.count ? 0 : limbs[i + 1] << (64 - part)
            out.append(low | high)
        }
        return BigUInt(limbs: out)
    }

    var trailingZeroBitCount: Int {
        for (i, limb) in limbs.enumerated() where limb != 0 {
            return i * 64 + limb.trailingZeroBitCount
        }
        return 0
    }

    /// Greatest common divisor (binary algorithm); gcd(0, b) = b.
    static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        if a.isZero { return b }
        if b.isZero { return a }
        if let small = b.uint128, small <= UInt128(UInt64.max) {
            let r = a.quotientAndRemainder(dividingBy: UInt64(small)).remainder
            return BigUInt(UInt64(gcd128(UInt128(r), small)))
        }
        if let small = a.uint128, small <= UInt128(UInt64.max) { return gcd(b, a) }
        // Binary gcd in place: strip factors of two, subtract the smaller odd from the larger.
        let shift = min(a.trailingZeroBitCount, b.trailingZeroBitCount)
        var x = a.shiftedRight(by: a.trailingZeroBitCount).limbs
        var y = b.limbs
        while !y.isEmpty {
            shiftRightInPlace(&y, by: trailingZeros(y))
            if compare(y, x) < 0 { swap(&x, &y) }
            subtractInPlace(&y, x)
            if x.count == 1 {
                // Finish with one-limb arithmetic.
                let r = BigUInt(limbs: y).quotientAndRemainder(dividingBy: x[0]).remainder
                return BigUInt(UInt64(gcd128(UInt128(r), UInt128(x[0])))).shiftedLeft(by: shift)
            }
        }
        return BigUInt(limbs: x).shiftedLeft(by: shift)
    }

    private static func trailingZeros(_ x: [UInt64]) -> Int {
        for (i, limb) in x.enumerated() where limb != 0 { return i * 64 + limb.trailingZeroBitCount }
        return 0
    }

    private static func shiftRightInPlace(_ x: inout [UInt64], by bits: Int) {
        if bits == 0 { return }
        let whole = bits / 64
        let part = UInt64(bits % 64)
        let count = x.count
        for i in 0..<(count - whole) {
            let low = x[i + whole] >> part
            let high = part == 0 || i + whole + 1 >= count ? 0 : x[i + whole + 1] << (64 - part)
            x[i] = low | high
        }
        x.removeLast(whole)
        while let last = x.last, last == 0 { x.removeLast() }
    }

    /// x -= y for x >= y.
    private static func subtractInPlace(_ x: inout [UInt64], _ y: [UInt64]) {
        var borrow = false
        for i in x.indices {
            if i >= y.count && !borrow { break }
            let r = i < y.count ? y[i] : 0
            let (d1, o1) = x[i].subtractingReportingOverflow(r)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            x[i] = d2
            borrow = o1 || o2
        }
        while let last = x.last, last == 0 { x.removeLast() }
    }

    static func gcd128(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// 10^exponent.
    static func powerOfTen(_ exponent: Int) -> BigUInt {
        var value = BigUInt(1 as UInt64)
        for _ in 0..<exponent { value = value * 10 }
        return value
    }

    /// Decimal digits, most significant first.
    var decimalString: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var rest = self
        let base: UInt64 = 10_000_000_000_000_000_000
        while !rest.isZero {
            let (q, r) = rest.quotientAndRemainder(dividingBy: base)
            chunks.append(r)
            rest = q
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}

extension BigUInt {
    /// self / other as a Double, within a relative 2^-50 when the result is between 2^-1000 and
    /// 2^1000 (clamped to 0 or infinity beyond); for ordering, or for a decision only with a margin
    /// wider than that error (`EqualSharesEngine.Price.surelyAbove`). other must not be zero.
    func approximateRatio(to other: BigUInt) -> Double {
        /// The top 64 bits of x (x >> shift, shift = max(0, bitWidth - 64)), read from its top
        /// two limbs without building the shifted number.
        func top(_ x: BigUInt) -> (Double, Int) {
            let n = x.limbs.count
            if n == 0 { return (0, 0) }
            if n == 1 { return (Double(x.limbs[0]), 0) }
            let high = x.limbs[n - 1]
            let lead = high.leadingZeroBitCount
            let shift = 64 * (n - 1) - lead
            let bits = lead == 0 ? high : (high << UInt64(lead)) | (x.limbs[n - 2] >> UInt64(64 - lead))
            return (Double(bits), shift)
        }
        let (a, ea) = top(self)
        let (b, eb) = top(other)
        return (a / b) * pow2(ea - eb)
    }

    private func pow2(_ exponent: Int) -> Double {
        if exponent > 1000 { return .infinity }
        if exponent < -1000 { return 0 }
        return Double(sign: .plus, exponent: exponent, significand: 1)
    }
}
