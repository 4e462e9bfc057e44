import TarazuCore
import Testing
@testable import TarazuParticipation

/// The lazy rescaling of `ClassBudgets` (factors recorded, applied when a class is read) and its
/// log2-screened comparison give exactly what eager arithmetic gives (issue 11, L8).
@Suite struct LazyClassBudgetsTests {
    /// Random operations, seeded, against a plain `BigUInt` per class: every read, comparison,
    /// sum and difference agrees, including comparisons with values equal or adjacent to a
    /// class's (where the log2 estimates cannot decide), one-limb factors small and large, and
    /// multi-limb factors (applied at once).
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func agreesWithEagerArithmetic(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let one = BigUInt(1 as UInt64)
        func random(limbs: Int) -> BigUInt {
            BigUInt(limbs: (0..<limbs).map { _ in rng.next() })
        }
        var model = [BigUInt(UInt64(1 + rng.next() % 1_000_000))]
        var budgets = ClassBudgets(model[0])
        for step in 0..<3_000 {
            let c = Int(rng.next() % UInt64(model.count))
            switch rng.next() % 10 {
            case 0:
                // A new class.
                let value = rng.next() % 4 == 0 ? BigUInt() : random(limbs: Int(rng.next() % 3) + 1)
                #expect(budgets.append(value) == model.count)
                model.append(value)
            case 1, 2:
                // Rescale: most classes are multiplied, a few keep a value just written.
                let factor: BigUInt
                switch rng.next() % 8 {
                case 0: factor = random(limbs: 2)
                case 1: factor = BigUInt(rng.next() | 1 << 63)
                case 2: factor = one
                default: factor = BigUInt(UInt64(2 + rng.next() % 120))
                }
                var scale = [Bool](repeating: true, count: model.count)
                for d in model.indices where rng.next() % 5 == 0 {
                    scale[d] = false
                    let value = random(limbs: Int(rng.next() % 4) + 1)
                    budgets.set(d, value)
                    model[d] = value
                }
                budgets.scale(by: factor, where: scale)
                for d in model.indices where scale[d] { model[d] = model[d] * factor }
            case 3, 4, 5:
                // The poor test: compare with values around the class's own.
                let value = model[c]
                let rhs: BigUInt
                switch rng.next() % 5 {
                case 0: rhs = value
                case 1: rhs = value + one
                case 2: rhs = value.isZero ? value : value - one
                case 3: rhs = value * UInt64(2 + rng.next() % 3)
                default: rhs = random(limbs: max(value.limbs.count, 1))
                }
                let expected = BigUInt.compare(value.limbs, rhs.limbs)
                let log2 = ClassBudgets.log2(rhs.limbs, from: 0, count: rhs.limbs.count)
                #expect(budgets.compare(c, with: rhs.limbs, rhsLog2: log2) == expected, "step \(step)")
                let factor = random(limbs: 2)
                #expect(budgets.compareProduct(c, times: factor.limbs, with: (value * factor).limbs) == 0)
            case 6:
                var sum = random(limbs: 1)
                var expected = sum
                let k = 1 + rng.next() % 1_000
                budgets.accumulate(c, times: k, into: &sum)
                expected = expected + model[c] * k
                #expect(sum == expected, "step \(step)")
            case 7, 8:
                // A payment: value * factor - due, stored in place or in a new class.
                let factor = BigUInt(UInt64(1 + rng.next() % 90))
                let product = model[c] * factor
                let due: BigUInt
                switch rng.next() % 3 {
                case 0: due = product
                case 1: due = product.quotientAndRemainder(dividingBy: BigUInt(UInt64(2 + rng.next() % 7))).quotient
                default: due = BigUInt()
                }
                let emptied = budgets.scaledDifference(c, times: factor.limbs, minus: due.limbs)
                let rest = product - due
                #expect(emptied == rest.isZero)
                if rng.next() % 2 == 0 {
                    #expect(budgets.storeScratch(in: c) == c)
                    model[c] = rest
                } else {
                    #expect(budgets.storeScratch(in: nil) == model.count)
                    model.append(rest)
                }
            default:
                #expect(budgets.value(c) == model[c], "step \(step)")
                #expect(budgets.isZero(c) == model[c].isZero)
            }
        }
        for c in model.indices { #expect(budgets.value(c) == model[c]) }
    }

    /// MES with lazy rescaling against the plain rational algorithm of `ReferenceMESTests` on
    /// elections with more rounds than its tiny ones (so classes go stale over many rescalings),
    /// at several budgets as Add1 would try them: the same projects in the same order.
    @Test(arguments: [PBVoteType.approval, .cumulative])
    func engineAgreesWithTheReferenceOnLargerElections(voteType: PBVoteType) throws {
        for seed in UInt64(1)...6 {
            let text = GeneratedElection.text(seed: seed * 7 + (voteType == .approval ? 0 : 1), projects: 14,
                                              voters: 60, maxLength: 5, cumulative: voteType == .cumulative,
                                              unit: 1, budgetShare: 0.4)
            let parsed = try TestData.parse(text)
            for extra in [Int64(0), 60, 600, 6_000] {
                let budget = parsed.budget.mantissa + extra
                let election = PBElection(meta: [], voteType: parsed.voteType,
                                          budget: PBDecimal(mantissa: budget, scale: 0),
                                          projects: parsed.projects, ballots: parsed.ballots)
                for utility in [PBUtility.cost, .cardinality] {
                    let ours = try TestData.tally(election, .mes, utility: utility).selected
                    let reference = try referenceMES(election, utility: utility, totalBudget: Q(budget))
                    #expect(ours == reference, "seed \(seed) \(voteType) \(utility) budget \(budget)")
                }
            }
        }
    }
}
