/// Turns the engine's scaled-integer rounds into the public log in real units.
enum EqualSharesLog {
    static func rounds(_ rounds: [EqualSharesEngine.Round], election: PBScaledElection,
                       utility: PBUtility) -> [PBEqualSharesRound] {
        let moneyUnit = BigUInt.powerOfTen(election.moneyScale)
        let utilityUnit = BigUInt.powerOfTen(utility == .cost ? election.moneyScale : utility == .points ? election.pointsScale : 0)
        return rounds.map { round in
            let project = election.election.projects[round.project]
            let cost = BigUInt(election.costs[round.project])
            // Scaled rho = numerator / (factor * L); real rho = scaled rho * utilityUnit / moneyUnit.
            let priceDenominator = round.rhoDenominatorFactor * round.denominator
            let rho = PBFraction(round.rhoNumerator * utilityUnit, priceDenominator * moneyUnit)
            var effective: PBFraction?
            if !round.rhoNumerator.isZero {
                effective = utility == .cost
                    ? rho.reciprocal
                    : PBFraction(cost * priceDenominator, round.rhoNumerator * utilityUnit)
            }
            var payments: [PBPaymentGroup] = []
            for level in Set(round.buckets.map(\.utility)).sorted() {
                let buckets = round.buckets.filter { $0.utility == level }
                for paidAll in [false, true] {
                    let members = buckets.filter { $0.paidAll == paidAll }
                    if members.isEmpty { continue }
                    let voters = members.reduce(UInt64(0)) { $0 + $1.voters }
                    let each = paidAll ? nil
                        : PBFraction(round.rhoNumerator * level, priceDenominator * moneyUnit)
                    var total = BigUInt()
                    if paidAll {
                        for member in members { total.add(member.budgetNumerator, times: member.voters) }
                    } else {
                        total = round.rhoNumerator * level * voters
                    }
                    payments.append(PBPaymentGroup(
                        voters: Int(voters), utility: PBFraction(BigUInt(level), utilityUnit), paidAll: paidAll,
                        paidEach: each,
                        paidTotal: PBFraction(total, (paidAll ? round.denominator : priceDenominator) * moneyUnit)))
                }
            }
            return PBEqualSharesRound(
                projectID: project.id, cost: project.cost, rho: rho, effectiveVotes: effective,
                payingSupporters: Int(round.buckets.reduce(UInt64(0)) { $0 + $1.voters }), payments: payments)
        }
    }
}
