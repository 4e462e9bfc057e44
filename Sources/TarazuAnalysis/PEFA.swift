import Foundation

/// The PEFA 2016 budget-reliability scoring rules (PI-1, PI-2, PI-3), on exact decimals.
/// See methods.md section 1. Ratios are fractions: 1 means 100 %.
public enum PEFA {
    /// A dimension grade; A is best.
    public enum Grade: String, CaseIterable, Comparable, Codable, Sendable {
        case a = "A", b = "B", c = "C", d = "D"

        private var rank: Int { Self.allCases.firstIndex(of: self)! }
        /// `lhs < rhs` when `lhs` is the better grade.
        public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rank < rhs.rank }
    }

    /// One budget head (a function, an economic class, a revenue class): original budget and outturn.
    public struct Head: Hashable, Sendable {
        /// The head's code.
        public var key: String
        /// The original approved budget.
        public var budget: Decimal
        /// The outturn (realized amount).
        public var actual: Decimal

        /// A head with its original budget and outturn.
        public init(key: String, budget: Decimal, actual: Decimal) {
            self.key = key
            self.budget = budget
            self.actual = actual
        }
    }

    /// Composition variance: with r = sum(A) / sum(B) and adjB_i = B_i r,
    /// sum |A_i - adjB_i| / sum(adjB_i). Computed exactly as sum |A_i sum(B) - B_i sum(A)| / (sum(A) sum(B)).
    /// `nil` when either total is zero.
    public static func compositionVariance(_ heads: [Head]) -> Decimal? {
        let budget = heads.reduce(Decimal(0)) { $0 + $1.budget }
        let actual = heads.reduce(Decimal(0)) { $0 + $1.actual }
        guard budget != 0, actual != 0 else { return nil }
        let deviation = heads.reduce(Decimal(0)) { sum, head in
            let difference = head.actual * budget - head.budget * actual
            return sum + (difference < 0 ? -difference : difference)
        }
        return deviation / (actual * budget)
    }

    /// Above this many heads, ``consolidated(_:)`` keeps the largest and merges the rest.
    static let consolidationHeads = 20
    /// The share of the budget the heads ``consolidated(_:)`` keeps make together.
    static let consolidationShare = Decimal(string: "0.75")!

    /// The "more than 20 heads" rule: when there are more than 20 heads, keep the largest heads (by
    /// original budget) that together make 75 % of the budget and merge the rest into one `residual` head.
    public static func consolidated(_ heads: [Head]) -> [Head] {
        guard heads.count > consolidationHeads else { return heads }
        let sorted = heads.sorted { $0.budget != $1.budget ? $0.budget > $1.budget : $0.key < $1.key }
        let total = sorted.reduce(Decimal(0)) { $0 + $1.budget }
        var kept: [Head] = []
        var covered = Decimal(0)
        var rest = sorted[...]
        while let head = rest.first, covered < total * consolidationShare {
            kept.append(head)
            covered += head.budget
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return kept }
        let residual = Head(key: "residual", budget: rest.reduce(Decimal(0)) { $0 + $1.budget },
                            actual: rest.reduce(Decimal(0)) { $0 + $1.actual })
        return kept + [residual]
    }

    /// A grade's band of outturn, `low` to `high` inclusive.
    struct Band: Sendable {
        let grade: Grade
        let low: Decimal
        let high: Decimal

        init(_ grade: Grade, _ low: String, _ high: String) {
            self.grade = grade
            self.low = Decimal(string: low)!
            self.high = Decimal(string: high)!
        }
    }

    /// PI-1's bands of aggregate expenditure outturn: A 95-105 %, B 90-110 %, C 85-115 %.
    static let expenditureBands = [Band(.a, "0.95", "1.05"), Band(.b, "0.90", "1.10"), Band(.c, "0.85", "1.15")]
    /// PI-3.1's bands of aggregate revenue outturn: A 97-106 %, B 94-112 %, C 92-116 %.
    static let revenueBands = [Band(.a, "0.97", "1.06"), Band(.b, "0.94", "1.12"), Band(.c, "0.92", "1.16")]
    /// The composition variance each grade stays under: A 5 %, B 10 %, C 15 %.
    static let compositionLimits: [(grade: Grade, under: Decimal)] = [
        (.a, Decimal(string: "0.05")!), (.b, Decimal(string: "0.10")!), (.c, Decimal(string: "0.15")!),
    ]
    /// PI-2.3's limits on the average contingency share: A under 3 %, B up to 6 %, C under 10 %.
    static let contingencyLimits = (a: Decimal(string: "0.03")!, b: Decimal(string: "0.06")!, c: Decimal(string: "0.10")!)

    /// PI-1 grade of one year's aggregate expenditure outturn: A 95-105 %, B 90-110 %, C 85-115 %, else D.
    public static func aggregateExpenditureGrade(_ outturn: Decimal) -> Grade { band(outturn, expenditureBands) }

    /// PI-3.1 grade of one year's aggregate revenue outturn: A 97-106 %, B 94-112 %, C 92-116 %, else D.
    public static func aggregateRevenueGrade(_ outturn: Decimal) -> Grade { band(outturn, revenueBands) }

    /// PI-2.1, 2.2 and 3.2 grade of one year's composition variance: A < 5 %, B < 10 %, C < 15 %, else D.
    public static func compositionGrade(_ variance: Decimal) -> Grade {
        compositionLimits.first { variance < $0.under }?.grade ?? .d
    }

    /// PI-2.3 grade of the average share of outturn charged to contingency:
    /// A < 3 %, B 3-6 %, C over 6 % and under 10 %, else D.
    public static func contingencyGrade(_ averageShare: Decimal) -> Grade {
        if averageShare < contingencyLimits.a { return .a }
        if averageShare <= contingencyLimits.b { return .b }
        if averageShare < contingencyLimits.c { return .c }
        return .d
    }

    /// The two-of-three-years rule: the best grade met (that grade or better) in at least two years,
    /// else D; `nil` (not rated) with fewer than two years, which the rule cannot judge.
    public static func overall(_ yearly: [Grade]) -> Grade? {
        guard yearly.count >= 2 else { return nil }
        return Grade.allCases.first { grade in yearly.filter { $0 <= grade }.count >= 2 } ?? .d
    }

    /// Method M1 (weakest link): the lowest dimension score, with "+" if another dimension scored higher.
    public static func weakestLink(_ scores: [Grade]) -> String? {
        guard let lowest = scores.max() else { return nil }
        return lowest.rawValue + (scores.contains { $0 < lowest } ? "+" : "")
    }

    /// Method M2 (averaging) of two dimensions: AA=A, AB=B+, AC=B, AD=C+, BB=B, BC=C+, BD=C, CC=C, CD=D+, DD=D.
    public static func averaging(_ first: Grade, _ second: Grade) -> String {
        let pair = [first, second].sorted().map(\.rawValue).joined()
        return averagingTable[pair]!
    }

    /// M2's score of every pair of grades, the better grade first.
    static let averagingTable = ["AA": "A", "AB": "B+", "AC": "B", "AD": "C+", "BB": "B", "BC": "C+", "BD": "C",
                                 "CC": "C", "CD": "D+", "DD": "D"]

    private static func band(_ value: Decimal, _ bands: [Band]) -> Grade {
        bands.first { value >= $0.low && value <= $0.high }?.grade ?? .d
    }
}
