import TarazuCore
import Testing
@testable import TarazuParticipation

/// An exact non-negative rational for the reference implementation below.
struct Q: Comparable {
    var num: BigUInt
    var den: BigUInt

    init(_ num: BigUInt, _ den: BigUInt = BigUInt(1 as UInt64)) {
        let g = BigUInt.gcd(num, den)
        self.num = g.isZero ? num : num.quotientAndRemainder(dividingBy: g).quotient
        self.den = g.isZero ? den : den.quotientAndRemainder(dividingBy: g).quotient
    }

    init(_ value: Int64) { self.init(BigUInt(value)) }

    static func + (a: Q, b: Q) -> Q { Q(a.num * b.den + b.num * a.den, a.den * b.den) }
    static func - (a: Q, b: Q) -> Q { Q(a.num * b.den - b.num * a.den, a.den * b.den) }
    static func * (a: Q, b: Q) -> Q { Q(a.num * b.num, a.den * b.den) }
    static func / (a: Q, b: Q) -> Q { Q(a.num * b.den, a.den * b.num) }
    static func < (a: Q, b: Q) -> Bool { a.num * b.den < b.num * a.den }
    static func == (a: Q, b: Q) -> Bool { a.num * b.den == b.num * a.den }
}

/// MES written the plain way, one voter at a time, as pabutools' naive loop: every round
/// computes every project's rho by sorting supporters by budget / utility; the least rho wins,
/// ties to the lexicographically first id.
func referenceMES(_ election: PBElection, utility: PBUtility, totalBudget: Q) throws -> [String] {
    let scaled = try PBScaledElection(election)
    // Utilities straight from the ballots: cost, 1, or points (scaled to integers).
    let voters: [[(project: Int, utility: Int64)]] = election.ballots.map { ballot in
        zip(ballot.projects, election.points(of: ballot)).compactMap { project, points in
            let u: Int64
            switch utility {
            case .cost: u = scaled.costs[project]
            case .cardinality: u = 1
            case .points: u = points.scaled(to: scaled.pointsScale)!
            }
            return u > 0 ? (project, u) : nil
        }
    }
    let n = election.ballots.count
    if n == 0 { return [] }
    let money = Q(BigUInt.powerOfTen(scaled.moneyScale))
    var budget = [Q](repeating: totalBudget / Q(Int64(n)) * money, count: n)
    var remaining = Set(election.projects.indices.filter { p in voters.contains { $0.contains { $0.project == p } } })
    var selected: [String] = []
    for p in remaining.sorted(by: { election.projects[$0].id.unicodeScalars.lexicographicallyPrecedes(election.projects[$1].id.unicodeScalars) })
    where scaled.costs[p] == 0 {
        selected.append(election.projects[p].id)
        remaining.remove(p)
    }
    while true {
        var best: (rho: Q, project: Int)?
        for p in remaining {
            let cost = Q(scaled.costs[p])
            let supporters = voters.indices.compactMap { i in
                voters[i].first { $0.project == p }.map { (i, Q($0.utility)) }
            }
            var available = Q(0)
            for (i, _) in supporters { available = available + budget[i] }
            if available < cost { remaining.remove(p); continue }
            let order = supporters.sorted { budget[$0.0] / $0.1 < budget[$1.0] / $1.1 }
            var paid = Q(0)
            var utilityLeft = order.reduce(Q(0)) { $0 + $1.1 }
            var rho: Q?
            for (i, u) in order {
                let candidate = (cost - paid) / utilityLeft
                if !(budget[i] < candidate * u) { rho = candidate; break }
                paid = paid + budget[i]
                utilityLeft = utilityLeft - u
            }
            let price = rho!
            let id = election.projects[p].id.unicodeScalars
            if best == nil || price < best!.rho
                || (price == best!.rho && id.lexicographicallyPrecedes(election.projects[best!.project].id.unicodeScalars)) {
                best = (price, p)
            }
        }
        guard let (rho, winner) = best else { return selected }
        selected.append(election.projects[winner].id)
        remaining.remove(winner)
        for i in voters.indices {
            if let entry = voters[i].first(where: { $0.project == winner }) {
                let due = rho * Q(entry.utility)
                budget[i] = budget[i] < due ? Q(0) : budget[i] - due
            }
        }
    }
}

/// A random small election; small numbers make ties and poor voters common.
func randomElection(_ rng: inout SplitMix64, voteType: PBVoteType) -> PBElection {
    let projectCount = Int(rng.next() % 7) + 2
    let projects = (0..<projectCount).map { i in
        PBProject(id: String(Int(rng.next() % 30)) + "p\(i)", cost: PBDecimal(mantissa: Int64(rng.next() % 12) * 5, scale: 0),
                  name: nil, votes: nil, score: nil, selected: nil, fields: [:])
    }
    let ballots = (0..<Int(rng.next() % 25 + 1)).map { v in
        let chosen = (0..<projectCount).filter { _ in rng.next() % 3 == 0 }
        let points = voteType == .approval ? nil : chosen.map { _ in PBDecimal(mantissa: Int64(rng.next() % 4), scale: 0) }
        return PBBallot(voterID: "\(v)", projects: chosen, points: points, fields: [:])
    }
    let budget = PBDecimal(mantissa: Int64(rng.next() % 90 + 10), scale: Int(rng.next() % 2))
    return PBElection(meta: [], voteType: voteType, budget: budget, projects: projects, ballots: ballots)
}

@Suite struct ReferenceMESTests {
    @Test(arguments: [PBVoteType.approval, .cumulative])
    func engineAgreesWithThePlainAlgorithm(voteType: PBVoteType) throws {
        var rng = SplitMix64(seed: voteType == .approval ? 1 : 2)
        for _ in 0..<300 {
            let election = randomElection(&rng, voteType: voteType)
            let budget = Q(BigUInt(election.budget.mantissa)) / Q(BigUInt.powerOfTen(election.budget.scale))
            for utility in PBUtility.allCases {
                let ours = try TestData.tally(election, .mes, utility: utility).selected
                #expect(ours == (try referenceMES(election, utility: utility, totalBudget: budget)),
                        "\(voteType) \(utility) budget \(election.budget)")
            }
        }
    }

    @Test func add1AgreesWithThePlainAlgorithm() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<60 {
            let election = randomElection(&rng, voteType: .approval)
            let scaled = try PBScaledElection(election)
            let budget = Q(BigUInt(election.budget.mantissa)) / Q(BigUInt.powerOfTen(election.budget.scale))
            let n = Q(Int64(election.ballots.count))
            var expected: [String] = []
            var k: Int64 = 0
            // Without the exhaustive stop: the last outcome within the budget.
            while !(budget * (n + Q(1)) < budget + Q(k) * n) {
                let outcome = try referenceMES(election, utility: .cost, totalBudget: budget + Q(k) * n)
                let cost = outcome.reduce(Int64(0)) { total, id in
                    total + scaled.costs[election.projects.firstIndex { $0.id == id }!]
                }
                if cost > scaled.budget { break }
                expected = outcome
                k += 1
            }
            #expect(try TestData.tally(election, .mesAdd1, utility: .cost).selected == expected)
        }
    }
}
