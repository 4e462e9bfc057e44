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

    /// Quotient and remainder by a nonzero number (bit-serial long division beyond one limb).
    func quotientAndRemainder(dividingBy divisor: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        precondition(!divisor.isZero, "BigUInt division by zero")
        if divisor.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBy: divisor.limbs[0])
            return (q, BigUInt(r))
        }
        if self < divisor { return (BigUInt(), self) }
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder = BigUInt()
        var bit = bitWidth - 1
        while bit >= 0 {
            remainder = remainder.shiftedLeft(by: 1)
            if (limbs[bit / 64] >> UInt64(bit % 64)) & 1 == 1 {
                remainder += BigUInt(1 as UInt64)
            }
            if !(remainder < divisor) {
                remainder -= divisor
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
            bit -= 1
        }
        return (BigUInt(limbs: quotient), remainder)
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
        var x = a
        var y = b
        let shift = min(x.trailingZeroBitCount, y.trailingZeroBitCount)
        x = x.shiftedRight(by: x.trailingZeroBitCount)
        while !y.isZero {
            y = y.shiftedRight(by: y.trailingZeroBitCount)
            if y < x { swap(&x, &y) }
            y -= x
        }
        return x.shiftedLeft(by: shift)
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
    /// self / other as a Double, for ordering only (never for a decision); other must not be zero.
    func approximateRatio(to other: BigUInt) -> Double {
        func top(_ x: BigUInt) -> (Double, Int) {
            let shift = max(0, x.bitWidth - 64)
            let bits = x.shiftedRight(by: shift).limbs.first ?? 0
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
