import Foundation
import TarazuCore

/// The factors of a project's risk score.
public enum RiskFactor: String, Codable, Sendable, CaseIterable {
    /// Current cost estimate above plan, judged against the reference-class prior.
    case costOverrun = "cost_overrun"
    /// Years past the planned end, or projected slip from the pace of physical progress.
    case scheduleSlip = "schedule_slip"
    /// How far the project's yearly revised (or realized) budget strays from the approved one.
    case budgetVolatility = "budget_volatility"
    /// Realized against approved on the project's lines, in the year and cumulatively.
    case lowExecution = "low_execution"
    /// Share of the cost spent minus share of physical progress.
    case spendingAheadOfProgress = "spending_ahead_of_progress"
    /// Contract red flags (OCDS, methods.md section 5). Not implemented yet: never has data.
    case contractRedFlags = "contract_red_flags"

    /// The factor's name as every surface writes it.
    public var name: Bilingual {
        switch self {
        case .costOverrun: Bilingual(fa: "افزایش هزینه", en: "cost overrun")
        case .scheduleSlip: Bilingual(fa: "تأخیر زمان‌بندی", en: "schedule slip")
        case .budgetVolatility: Bilingual(fa: "نوسان بودجه", en: "budget volatility")
        case .lowExecution: Bilingual(fa: "نرخ تحقق پایین", en: "low execution")
        case .spendingAheadOfProgress: Bilingual(fa: "پیشی گرفتن عملکرد از پیشرفت فیزیکی", en: "spending ahead of progress")
        case .contractRedFlags: Bilingual(fa: "نشانه‌های هشدار قرارداد", en: "contract red flags")
        }
    }
}

/// The weights of the risk factors. Only their ratios matter: a project's score is
/// `100 × Σ weightᵢ × subᵢ / Σ weights of the factors that have data`. Negative weights count as 0.
///
/// Defaults (sum 100):
/// - cost overrun 30 and schedule slip 25: the outcomes a council asks about first, and the ones
///   reference-class forecasting is about;
/// - spending ahead of physical progress 20: the early warning of both (money spent, work not done);
/// - low execution 15: weaker, since low execution often reflects the municipality's cash, not the project;
/// - budget volatility 10: the noisiest signal, an indication of unstable planning;
/// - contract red flags 0: no contract data yet (later, from OCDS releases).
///
/// `peak` (0 to 1, default 0.5) blends the weighted mean with the largest sub-score:
/// `score = 100 × ((1 − peak) × weighted mean + peak × maxᵢ(subᵢ × weightᵢ / largest weight))`. With a plain weighted mean one
/// severe problem cannot lift a project above the share of its weight (a building at twice its budget
/// would score 30 and rank below projects with several mild problems); the peak term ranks any project
/// with one severe problem high (scaled by its factor's weight, so a noisy factor cannot do it alone), and
/// the mean orders those among themselves. Set `peak` to 0 for the
/// plain weighted mean.
///
/// Decoding accepts any subset of the keys; missing ones take their default.
public struct RiskWeights: Codable, Sendable, Hashable {
    public var costOverrun: Decimal
    public var scheduleSlip: Decimal
    public var budgetVolatility: Decimal
    public var lowExecution: Decimal
    public var spendingAheadOfProgress: Decimal
    public var contractRedFlags: Decimal
    /// Share of the score given to the largest sub-score (clamped to 0...1); not a factor weight.
    public var peak: Decimal

    public init(costOverrun: Decimal = 30, scheduleSlip: Decimal = 25, budgetVolatility: Decimal = 10,
                lowExecution: Decimal = 15, spendingAheadOfProgress: Decimal = 20, contractRedFlags: Decimal = 0,
                peak: Decimal = Decimal(string: "0.5")!) {
        self.peak = peak
        self.costOverrun = costOverrun
        self.scheduleSlip = scheduleSlip
        self.budgetVolatility = budgetVolatility
        self.lowExecution = lowExecution
        self.spendingAheadOfProgress = spendingAheadOfProgress
        self.contractRedFlags = contractRedFlags
    }

    /// The documented defaults.
    public static let `default` = RiskWeights()

    /// The weight of `factor`, never negative.
    public subscript(factor: RiskFactor) -> Decimal { max(raw(factor), 0) }

    private func raw(_ factor: RiskFactor) -> Decimal {
        switch factor {
        case .costOverrun: costOverrun
        case .scheduleSlip: scheduleSlip
        case .budgetVolatility: budgetVolatility
        case .lowExecution: lowExecution
        case .spendingAheadOfProgress: spendingAheadOfProgress
        case .contractRedFlags: contractRedFlags
        }
    }

    /// The JSON keys: each factor's raw value, and `peak`.
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(_ factor: RiskFactor) { stringValue = factor.rawValue }
        static let peak = Key(stringValue: "peak")
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let d = RiskWeights.default
        func weight(_ factor: RiskFactor) throws -> Decimal { try c.decodeIfPresent(Decimal.self, forKey: Key(factor)) ?? d.raw(factor) }
        costOverrun = try weight(.costOverrun)
        scheduleSlip = try weight(.scheduleSlip)
        budgetVolatility = try weight(.budgetVolatility)
        lowExecution = try weight(.lowExecution)
        spendingAheadOfProgress = try weight(.spendingAheadOfProgress)
        contractRedFlags = try weight(.contractRedFlags)
        peak = try c.decodeIfPresent(Decimal.self, forKey: .peak) ?? d.peak
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for factor in RiskFactor.allCases { try c.encode(raw(factor), forKey: Key(factor)) }
        try c.encode(peak, forKey: .peak)
    }
}
