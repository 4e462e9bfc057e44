import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuRisk

/// The risky projects of a book, with the projects left out because their data are likely errors:
/// the one computation behind `tarazu risk`, the report's advanced analysis and the dashboard.
public struct ProjectRisks: Sendable {
    /// The analysis year (nil when the book has no years).
    public var year: Int?
    /// The scored projects, riskiest first (``RiskScorer/score(book:year:weights:explain:leavingOut:)``).
    public var risks: [ProjectRisk]
    /// Projects not scored: their row, or one of their budget lines up to `year`, is a likely data error
    /// (``LikelyDataErrors``), which the risk model would read as risk.
    public var leftOut: [ProjectLeftOut]

    /// Scores the projects of `book` at `year` (default: ``RiskScorer/defaultYear(of:)``), leaving out
    /// those with likely data errors. `explain` as in ``RiskScorer/score(book:year:weights:explain:leavingOut:)``.
    public static func build(book: BudgetBook, year: Int? = nil, weights: RiskWeights = .default,
                             explain: Int? = nil) throws(AssessmentError) -> ProjectRisks {
        let chosen = year ?? RiskScorer.defaultYear(of: book)
        let errors: [LikelyDataError]
        do { errors = try LikelyDataErrors.forAnalysis(book: book, year: chosen) } catch { throw .indicators(.overflow) }
        let leftOut = ProjectLeftOut.of(book: book, errors: errors)
        let risks = RiskScorer.score(book: book, year: chosen, weights: weights, explain: explain,
                                     leavingOut: Set(leftOut.map(\.projectId)))
        return ProjectRisks(year: chosen, risks: risks, leftOut: leftOut)
    }
}
