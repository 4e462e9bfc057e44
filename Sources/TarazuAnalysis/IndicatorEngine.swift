import Foundation
import TarazuCore

/// Why indicators could not be computed.
public enum IndicatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The book has no budget line with a realized amount, so there is no year to analyse.
    case noRealizedYear
    /// The requested year has no budget lines.
    case yearNotInBook(Int)
    /// A sum does not fit in 64-bit rials.
    case overflow
    /// The book's governance.yaml cannot be read.
    case governance(GovernanceFactsError)

    public var description: String {
        switch self {
        case .noRealizedYear: "the book has no budget line with a realized amount; give the year to analyse"
        case .yearNotInBook(let year): "the book has no budget lines for year \(year)"
        case .overflow: "an amount sum overflows 64-bit rials"
        case .governance(let error): error.description
        }
    }
}

/// Computes the governance indicators of DESIGN.md section 4 from a budget book.
/// Pure: the same book, year and options always give the same indicators, whatever the row order.
public enum IndicatorEngine {
    /// The latest year with a realized figure on any budget line.
    public static func latestRealizedYear(in book: BudgetBook) -> Int? {
        book.latestRealizedYear
    }

    /// All indicators for `year` (default: the latest year with realized figures), in a fixed order:
    /// execution, expenditure structure and concentration, revenue, the execution deficit, compliance, PEFA, equity, change and
    /// volatility, data quality, then the indicators declared in governance.yaml (participation, transparency,
    /// data_quality.integration). `participation` holds what the store's participatory-budgeting processes
    /// measured: for the analysis year it replaces the declared participation facts. `likelyErrors`: the
    /// book's ``LikelyDataErrors/find(book:year:)`` for `year` when the caller has them already (nil: found here).
    public static func compute(book: BudgetBook, year: Int? = nil, options: IndicatorOptions = IndicatorOptions(),
                               participation: [MeasuredParticipation] = [],
                               likelyErrors: [LikelyDataError]? = nil) throws(IndicatorError) -> [Indicator] {
        guard let year = year ?? latestRealizedYear(in: book) else { throw .noRealizedYear }
        guard book.budgetLines.contains(where: { $0.year == year }) else { throw .yearNotInBook(year) }
        let facts: GovernanceFacts
        do { facts = try GovernanceFacts(book: book) } catch { throw .governance(error) }
        var context = AnalysisContext(book: book, year: year, options: options, facts: facts, participation: participation)
        context.likelyErrors = likelyErrors
        do {
            let indicators = try ExecutionIndicators.all(context)
                + ExpenditureIndicators.all(context)
                + ConcentrationIndicators.all(context)
                + RevenueIndicators.all(context)
                + BalanceIndicators.all(context)
                + ComplianceIndicators.all(context)
                + PEFAIndicators.all(context)
                + EquityIndicators.all(context)
                + ChangeIndicators.all(context)
                + DataQualityIndicators.all(context)
                + GroupIndicators.all(context)
                + Self.declaredOrMeasured(context)
            let consolidated = book.hasTransfers, grouped = !book.entities.isEmpty
            let executed = context.yearHasRealized
            let needsExecution: Set<ComputedOn.Amounts> = [.realized, .realizedAgainstApproved, .changesAgainstApproved, .realizedAgainstAuthorized]
            return indicators.map { indicator in
                var stated = indicator
                stated.computedOn = ComputedOn.standard(for: indicator)
                // A year with an approved budget only (its execution not yet in the book) judges nothing on execution.
                if !executed, let amounts = stated.computedOn?.amounts, needsExecution.contains(amounts) {
                    stated.value = .unavailable
                    stated.breakdown = [:]
                }
                stated.computedOn?.regionZeroIsCitywide = grouped
                // Asset sales and the transfers themselves have nothing to leave out: their basis says nothing of it.
                if consolidated, let basis = stated.computedOn, basis.amounts != .none, basis.lines != .capitalAssetSales, basis.lines != .transfers {
                    stated.computedOn?.consolidation = .withoutDuplicatedFigures
                }
                return stated
            }
        } catch {
            throw .overflow
        }
    }
}

extension IndicatorEngine {
    /// The declared indicators, with the participation ones replaced by measured ones where a process
    /// of the year measured them (in the declared ones' place, then the measured-only ones).
    static func declaredOrMeasured(_ context: AnalysisContext) throws -> [Indicator] {
        let measured = try ParticipationIndicators.all(context)
        guard !measured.isEmpty else { return DeclaredIndicators.all(context) }
        let byId = Dictionary(measured.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let declared = DeclaredIndicators.all(context).map { byId[$0.id] ?? $0 }
        return declared + measured.filter { !ParticipationIndicators.measuredIds.contains($0.id) }
    }
}

/// The book restricted to the analysis year, shared by the indicator builders.
struct AnalysisContext {
    let book: BudgetBook
    let year: Int
    let options: IndicatorOptions
    /// The facts of the book's governance.yaml.
    let facts: GovernanceFacts
    /// What participatory-budgeting processes measured (every year; builders pick theirs).
    let participation: [MeasuredParticipation]
    /// Budget lines of the analysis year.
    let lines: [BudgetLine]
    /// Revenue lines of the analysis year.
    let revenues: [RevenueLine]
    /// Budget lines of every year, split once so that no builder scans the whole book again.
    let linesByYear: [Int: [BudgetLine]]
    /// Revenue lines of every year.
    let revenuesByYear: [Int: [RevenueLine]]
    /// Whether any budget line of the analysis year reports a realized amount.
    let yearHasRealized: Bool
    /// The likely data errors of the analysis year, when the caller found them already.
    var likelyErrors: [LikelyDataError]?

    init(book: BudgetBook, year: Int, options: IndicatorOptions, facts: GovernanceFacts, participation: [MeasuredParticipation] = []) {
        self.book = book
        self.participation = participation
        self.year = year
        self.options = options
        self.facts = facts
        linesByYear = Dictionary(grouping: book.budgetLines, by: \.year)
        revenuesByYear = Dictionary(grouping: book.revenues, by: \.year)
        lines = linesByYear[year] ?? []
        revenues = revenuesByYear[year] ?? []
        yearHasRealized = lines.contains { $0.realized != nil }
    }

    /// Realized over approved of `totals` (a budget line without a realized amount counts as zero), or
    /// unavailable when no budget line of the year reports a realized amount.
    func executionRatio(_ totals: LineTotals) -> IndicatorValue {
        yearHasRealized ? ratio(totals.realized, totals.approved) : .unavailable
    }

    func ratio(_ numerator: Money, _ denominator: Money) -> IndicatorValue {
        Arithmetic.ratioValue(numerator, denominator, scale: options.scale)
    }

    /// The ratio on approved and on realized amounts, for a breakdown.
    func ratiosByPhase(_ part: LineTotals, _ whole: LineTotals) -> [String: IndicatorValue] {
        ["approved": ratio(part.approved, whole.approved), "realized": ratio(part.realized, whole.realized)]
    }

    func evidence(_ totals: LineTotals, table: String = "budget_lines", key: String = "") -> Evidence {
        totals.evidence(table: table, key: key, limit: options.evidenceRowLimit)
    }
}
