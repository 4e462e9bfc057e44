import TarazuCore
import Testing
@testable import TarazuParticipation

@Suite struct BigUIntTests {
    @Test func agreesWithUInt128OnRandomValues() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let a = UInt128(rng.next() >> (rng.next() % 64)) << 32 | UInt128(rng.next() >> 32)
            let b = UInt128(rng.next() >> (rng.next() % 64))
            let x = BigUInt(a)
            let y = BigUInt(b)
            #expect((x + y).uint128 == a + b)
            if a >= b { #expect((x - y).uint128 == a - b) }
            #expect((x < y) == (a < b))
            #expect(x * y == BigUInt(limbs: product(a, b)))
            if b != 0 {
                let (q, r) = x.quotientAndRemainder(dividingBy: y)
                #expect(q.uint128 == a / b)
                #expect(r.uint128 == a % b)
                #expect(BigUInt.gcd(x, y).uint128 == BigUInt.gcd128(a, b))
            }
            var sum = x
            sum.add(y, times: 7)
            #expect(sum == x + y * 7)
        }
    }

    /// The 256-bit product of two 128-bit values, computed with 64-bit halves.
    func product(_ a: UInt128, _ b: UInt128) -> [UInt64] {
        let (high, low) = a.multipliedFullWidth(by: b)
        return [UInt64(truncatingIfNeeded: low), UInt64(truncatingIfNeeded: low >> 64),
                UInt64(truncatingIfNeeded: high), UInt64(truncatingIfNeeded: high >> 64)]
    }

    @Test func largeValuesDivideBackExactly() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let a = BigUInt(limbs: (0..<Int(rng.next() % 8 + 1)).map { _ in rng.next() })
            let b = BigUInt(limbs: (0..<Int(rng.next() % 5 + 1)).map { _ in rng.next() })
            if b.isZero { continue }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(r < b)
            #expect(q * b + r == a)
            let g = BigUInt.gcd(a * b, b * b)
            #expect((b * b).quotientAndRemainder(dividingBy: g).remainder.isZero)
            #expect((a * b).quotientAndRemainder(dividingBy: g).remainder.isZero)
        }
    }

    /// The one-allocation helpers of the MES engine against plain products and divisions, on
    /// values with and without carries, zeros and limbs of all ones.
    @Test func engineHelpersAgreeWithPlainArithmetic() {
        var rng = SplitMix64(seed: 11)
        func limb() -> UInt64 {
            switch rng.next() % 5 {
            case 0: return 0
            case 1: return UInt64.max
            default: return rng.next() >> (rng.next() % 64)
            }
        }
        for _ in 0..<3000 {
            let x = BigUInt(limbs: (0..<Int(rng.next() % 7)).map { _ in limb() })
            let a = UInt128(limb()) << 64 | UInt128(limb())
            let b = limb()
            #expect(BigUInt(a, times: b) == BigUInt(a) * BigUInt(b))
            #expect(x.times(a, b) == x * BigUInt(a) * BigUInt(b))
            let d = max(limb(), 1)
            var out = [UInt64](repeating: 9, count: Int(rng.next() % 10))
            BigUInt.ceilingQuotient(x.limbs, times: b, dividedBy: d, into: &out)
            let (q, r) = (x * b).quotientAndRemainder(dividingBy: d)
            #expect(out == (r == 0 ? q : q + BigUInt(1 as UInt64)).limbs)
            // In place, longer and shorter than the source, from an offset.
            var sum = BigUInt(limbs: (0..<Int(rng.next() % 9)).map { _ in limb() })
            let expected = sum + x * b
            let padded = [limb()] + x.limbs + [limb()]
            sum.add(limbs: padded, from: 1, count: x.limbs.count, times: b)
            #expect(sum == expected)
        }
    }

    @Test func decimalStrings() {
        #expect(BigUInt().decimalString == "0")
        #expect(BigUInt(UInt64.max).decimalString == "18446744073709551615")
        #expect(BigUInt(UInt128.max).decimalString == "340282366920938463463374607431768211455")
        #expect(BigUInt.powerOfTen(40).decimalString == "1" + String(repeating: "0", count: 40))
    }

    @Test func fractionsReduceAndRound() {
        let third = PBFraction(BigUInt(2 as UInt64), BigUInt(6 as UInt64))
        #expect(third.description == "1/3")
        #expect(third.decimal(significantDigits: 5) == "0.33333")
        #expect(PBFraction(BigUInt(2 as UInt64), BigUInt(3 as UInt64)).decimal(significantDigits: 3) == "0.667")
        #expect(PBFraction(BigUInt(1 as UInt64), BigUInt(8000 as UInt64)).decimal(significantDigits: 2) == "0.00013")
        #expect(PBFraction(BigUInt(1400 as UInt64), BigUInt(1 as UInt64)).description == "1400")
        #expect(PBFraction(BigUInt(1400 as UInt64), BigUInt(1 as UInt64)).decimal() == "1400")
        #expect(PBFraction(BigUInt(123456789 as UInt64), BigUInt(1000 as UInt64)).decimal(significantDigits: 4) == "123457")
    }
}
