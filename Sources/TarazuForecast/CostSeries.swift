import Foundation
import TarazuCore

/// Identifies a yearly series of a book.
public struct SeriesKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public enum Side: String, Codable, Sendable, CaseIterable { case expenditure, revenue }
    public enum Dimension: String, Codable, Sendable, CaseIterable {
        case total, function, region
        case economicClass = "economic_class"
        case revenueClass = "revenue_class"
    }
    public enum Measure: String, Codable, Sendable, CaseIterable { case approved, realized }
    /// Nominal rials, or real: rials of the base year's prices.
    public enum Basis: String, Codable, Sendable, CaseIterable { case nominal, real }

    public var side: Side
    public var dimension: Dimension
    /// The member's code (function code, region code, class code; `all` for totals).
    public var member: String
    public var measure: Measure
    public var basis: Basis

    public init(side: Side, dimension: Dimension, member: String, measure: Measure, basis: Basis) {
        self.side = side
        self.dimension = dimension
        self.member = member
        self.measure = measure
        self.basis = basis
    }

    /// `side/dimension/member/measure/basis`.
    public var description: String { "\(side.rawValue)/\(dimension.rawValue)/\(member)/\(measure.rawValue)/\(basis.rawValue)" }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool { lhs.description < rhs.description }
}

/// The trend of a series: rising or falling when |CAGR| > 2 % a year, otherwise flat.
public enum TrendDirection: String, Codable, Sendable {
    case rising, falling, flat
    /// CAGR undefined (fewer than two years, or a non-positive first or last value).
    case undetermined
}

/// A year-on-year change unlike the others.
public struct SeriesBreak: Hashable, Codable, Sendable {
    /// The year the change arrives in (the change from year - 1).
    public var year: Int
    /// The change as a fraction (0.25 = +25 %).
    public var change: Double
    /// Modified z-score 0.6745 (r - median) / MAD (Iglewicz & Hoaglin); when MAD = 0,
    /// (r - median) / (1.2533 * mean absolute deviation from the median).
    public var robustZ: Double
}

/// A yearly series of a book with its growth, direction and breaks.
public struct CostSeries: Hashable, Codable, Sendable {
    public var key: SeriesKey
    /// One value per year, ascending; years without data (e.g. nothing realized yet) are absent.
    public var points: [YearValue]
    /// For real series, the year whose prices are used.
    public var baseYear: Int?
    /// Compound annual growth (last / first)^(1 / (last year - first year)) - 1.
    public var cagr: Double?
    public var direction: TrendDirection
    /// Changes whose |robust z| exceeds 3.5 and that lie at least ``breakMinimumDeviation`` from the
    /// median change, largest first (needs at least 4 changes).
    public var breaks: [SeriesBreak]

    /// The threshold of |CAGR| for rising / falling.
    public static let flatBand = 0.02
    /// The |modified z| above which a change is a break.
    public static let breakThreshold = 3.5
    /// A break is also a material change: at least 10 percentage points from the median change, so that
    /// +2.9 % among changes near −3 % is not called a break however steady the others are.
    public static let breakMinimumDeviation = 0.10

    public init(key: SeriesKey, points: [YearValue], baseYear: Int? = nil) {
        self.key = key
        self.points = points.sorted { $0.year < $1.year }
        self.baseYear = baseYear
        let (cagr, direction) = Self.growth(self.points)
        self.cagr = cagr
        self.direction = direction
        self.breaks = Self.breaks(self.points)
    }

    static func growth(_ points: [YearValue]) -> (Double?, TrendDirection) {
        guard let first = points.first, let last = points.last, last.year > first.year, first.value > 0, last.value > 0 else {
            return (nil, .undetermined)
        }
        let cagr = pow(Double(last.value) / Double(first.value), 1 / Double(last.year - first.year)) - 1
        return (cagr, cagr > flatBand ? .rising : cagr < -flatBand ? .falling : .flat)
    }

    static func breaks(_ points: [YearValue]) -> [SeriesBreak] {
        var changes: [(Int, Double)] = []
        for i in 1..<max(points.count, 1) where points[i - 1].value > 0 {
            changes.append((points[i].year, Double(points[i].value) / Double(points[i - 1].value) - 1))
        }
        guard changes.count >= 4 else { return [] }
        let median = Self.median(changes.map(\.1))
        let deviations = changes.map { abs($0.1 - median) }
        let mad = Self.median(deviations)
        let meanAD = deviations.reduce(0, +) / Double(deviations.count)
        guard mad > 0 || meanAD > 0 else { return [] }
        return changes.compactMap { year, change -> SeriesBreak? in
            let z = mad > 0 ? 0.6745 * (change - median) / mad : (change - median) / (1.253314 * meanAD)
            return abs(z) > breakThreshold && abs(change - median) >= breakMinimumDeviation
                ? SeriesBreak(year: year, change: change, robustZ: z) : nil
        }.sorted { abs($0.robustZ) > abs($1.robustZ) }
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Every series of `book`: expenditure by total, function, region and economic class; revenue by
    /// total and revenue class; each for approved and realized, nominal and (with a deflator) real.
    ///
    /// Sums are exact in rials; a sum beyond 64 bits throws `Money.Overflow`. A line with no realized amount is left out of the
    /// realized series; a year with none at all is absent. Real values are
    /// nominal * index(base) / index(year) in `Decimal`, rounded half away from zero to whole rials,
    /// base = the latest year of the book that has a deflator point; years without an index are absent.
    public static func build(book: BudgetBook) throws(Money.Overflow) -> [CostSeries] {
        var sums: [SeriesKey: [Int: Int64]] = [:]
        func add(_ key: SeriesKey, _ year: Int, _ money: Money?) throws(Money.Overflow) {
            guard let money else { return }
            let sum = try Money(rials: sums[key, default: [:]][year, default: 0]).adding(money)
            sums[key, default: [:]][year] = sum.rials
        }
        for line in book.budgetLines {
            for measure in SeriesKey.Measure.allCases {
                let amount = measure == .approved ? line.approved : line.realized
                for (dimension, member) in [(SeriesKey.Dimension.total, "all"), (.function, line.function),
                                            (.region, line.regionCode), (.economicClass, line.economicClass.rawValue)] {
                    try add(SeriesKey(side: .expenditure, dimension: dimension, member: member, measure: measure, basis: .nominal), line.year, amount)
                }
            }
        }
        for line in book.revenues {
            for measure in SeriesKey.Measure.allCases {
                let amount = measure == .approved ? line.approved : line.realized
                for (dimension, member) in [(SeriesKey.Dimension.total, "all"), (.revenueClass, line.revenueClass.rawValue)] {
                    try add(SeriesKey(side: .revenue, dimension: dimension, member: member, measure: measure, basis: .nominal), line.year, amount)
                }
            }
        }
        let prices = ConstantPrices(book: book)
        var out: [CostSeries] = []
        for (key, byYear) in sums {
            let points = byYear.map { YearValue(year: $0.key, value: $0.value) }
            out.append(CostSeries(key: key, points: points))
            if let baseYear = prices.baseYear {
                var realKey = key
                realKey.basis = .real
                let real = points.compactMap { point in prices.real(point.value, year: point.year).map { YearValue(year: point.year, value: $0) } }
                if !real.isEmpty { out.append(CostSeries(key: realKey, points: real, baseYear: baseYear)) }
            }
        }
        return out.sorted { $0.key < $1.key }
    }

    /// Forecasts this series (see `Forecaster.forecast`).
    public func forecast(options: Forecaster.Options = Forecaster.Options()) -> ForecastResult {
        Forecaster.forecast(key: key.description, years: points.map(\.year), values: points.map { Double($0.value) }, options: options)
    }
}

/// Amounts in prices of a base year: nominal * index(base) / index(year) in `Decimal`, rounded half
/// away from zero to whole rials; the base is the latest year of the book that has a deflator point.
/// The one rule of every constant-price figure (cost series, the dashboard's trends).
public struct ConstantPrices: Sendable {
    /// The base year, nil when no year of the book has a deflator point.
    public let baseYear: Int?
    private let index: [Int: Decimal]

    /// The deflator of `book`.
    public init(book: BudgetBook) {
        var index: [Int: Decimal] = [:]
        for point in book.deflator where point.index > 0 { index[point.year] = point.index }
        let bookYears = Set(book.budgetLines.map(\.year)).union(book.revenues.map(\.year))
        self.index = index
        baseYear = bookYears.filter { index[$0] != nil }.max()
    }

    /// `rials` of `year` in base-year prices, or nil without an index for the year or the base.
    public func real(_ rials: Int64, year: Int) -> Int64? {
        guard let baseYear, let base = index[baseYear], let own = index[year] else { return nil }
        var value = Decimal(rials) * base / own
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
