/// Turns the engine's scaled-integer rounds into the public log in real units.
enum EqualSharesLog {
    static func rounds(_ rounds: [EqualSharesEngine.Round], election: PBScaledElection,
                       utility: PBUtility) -> [PBEqualSharesRound] {
        let moneyUnit = BigUInt.powerOfTen(election.moneyScale)
        let utilityUnit = BigUInt.powerOfTen(utility == .cost ? election.moneyScale : utility == .points ? election.pointsScale : 0)
        let utilityUnitSmall = utilityUnit.uint128.flatMap { $0 <= UInt128(UInt64.max) ? UInt64($0) : nil }
        return rounds.map { round in
            let project = election.election.projects[round.project]
            let cost = BigUInt(election.costs[round.project])
            // Scaled rho = numerator / (factor * L); real rho = scaled rho * utilityUnit / moneyUnit.
            let priceDenominator = round.rhoDenominatorFactor * round.denominator
            // rhoNumerator / (priceDenominator * moneyUnit) in lowest terms: the one large gcd;
            // the price, each payment and the rich groups' totals are it times small factors.
            let base = PBFraction(round.rhoNumerator, priceDenominator * moneyUnit)
            let rho = utilityUnitSmall.map { base.times($0) }
                ?? PBFraction(round.rhoNumerator * utilityUnit, priceDenominator * moneyUnit)
            var effective: PBFraction?
            if !round.rhoNumerator.isZero {
                effective = utility == .cost
                    ? rho.reciprocal
                    : PBFraction(cost * priceDenominator, round.rhoNumerator * utilityUnit)
            }
            var payments: [PBPaymentGroup] = []
            let first = round.buckets.first?.utility
            let single = round.buckets.allSatisfy { $0.utility == first }
            for level in single ? (first.map { [$0] } ?? []) : Set(round.buckets.map(\.utility)).sorted() {
                let buckets = single ? round.buckets : round.buckets.filter { $0.utility == level }
                for paidAll in [false, true] {
                    let members = buckets.filter { $0.paidAll == paidAll }
                    if members.isEmpty { continue }
                    let voters = members.reduce(UInt64(0)) { $0 + $1.voters }
                    let each = paidAll ? nil : base.times(level)
                    let paidTotal: PBFraction
                    if paidAll {
                        var total = BigUInt()
                        for member in members { total.add(member.budgetNumerator, times: member.voters) }
                        paidTotal = PBFraction(total, round.denominator * moneyUnit)
                    } else {
                        paidTotal = each!.times(voters)
                    }
                    payments.append(PBPaymentGroup(
                        voters: Int(voters), utility: PBFraction(BigUInt(level), utilityUnit), paidAll: paidAll,
                        paidEach: each,
                        paidTotal: paidTotal))
                }
            }
            return PBEqualSharesRound(
                projectID: project.id, cost: project.cost, rho: rho, effectiveVotes: effective,
                payingSupporters: Int(round.buckets.reduce(UInt64(0)) { $0 + $1.voters }), payments: payments)
        }
    }
}
