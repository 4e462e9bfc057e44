import Foundation
import TarazuAnalysis
import TarazuCore

/// One book assessed for one year: its indicators and status table, with the book's content hash and
/// what participatory budgeting measured. The CLI, the reports, the portal, the dashboard and the API
/// render these values; none of them computes a figure of its own.
public struct BookAssessment: Sendable {
    public var book: BudgetBook
    public var year: Int
    public var indicators: [Indicator]
    public var assessment: Assessment
    public var contentHash: String
    /// What closed PB processes linked to the book measured (they replace the declared participation facts).
    public var participation: [MeasuredParticipation]
    /// The Jalali year the assessment was made (nil: not tied to a date).
    public var madeIn: Int?
    /// Rows of the book that are probably data errors (``LikelyDataErrors``, project spending up to `year`):
    /// the report's data-quality section lists them and the risk model leaves their projects out.
    public var dataErrors: [LikelyDataError] = []

    /// The indicator with `id`, if the engine computed it.
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// The year assessed when none is given: the latest year with realized figures, else the book's last year.
    public static func defaultYear(of book: BudgetBook) -> Int? {
        IndicatorEngine.latestRealizedYear(in: book) ?? book.years.last
    }

    /// Assesses `book` for `year` (default: ``defaultYear(of:)``) with `rubric`. `contentHash` is the
    /// book's hash when the caller has it already (a stored book), else it is computed. `madeIn` is the
    /// Jalali year the assessment is made (the recommendations' deadlines count from it, and the timeliness
    /// of execution data is judged against it; it replaces `options.assessedIn`); nil for
    /// output that depends on the book alone.
    public static func assess(_ book: BudgetBook, year: Int? = nil, rubric: Rubric, options: IndicatorOptions = IndicatorOptions(),
                              participation: [MeasuredParticipation] = [], contentHash: String? = nil,
                              madeIn: Int? = nil) throws(AssessmentError) -> BookAssessment {
        let chosen: Int
        if let year {
            guard book.years.contains(year) else { throw .yearNotInBook(year, years: book.years) }
            chosen = year
        } else {
            guard let latest = defaultYear(of: book) else { throw .noBudgetLines }
            chosen = latest
        }
        let dataErrors: [LikelyDataError]
        do { dataErrors = try LikelyDataErrors.forAnalysis(book: book, year: chosen) } catch { throw .indicators(.overflow) }
        let indicators: [Indicator]
        var options = options
        options.assessedIn = madeIn
        do {
            indicators = try IndicatorEngine.compute(book: book, year: chosen, options: options, participation: participation,
                                                     likelyErrors: dataErrors)
        } catch {
            throw .indicators(error)
        }
        let assessment = RubricEngine.assess(indicators: indicators, year: chosen, rubric: rubric, madeIn: madeIn)
        return BookAssessment(book: book, year: chosen, indicators: indicators, assessment: assessment,
                              contentHash: contentHash ?? book.contentHash, participation: participation, madeIn: madeIn,
                              dataErrors: dataErrors)
    }
}

/// Why a book could not be assessed.
public enum AssessmentError: Error, Hashable, Sendable, CustomStringConvertible {
    case yearNotInBook(Int, years: [Int])
    case noBudgetLines
    case indicators(IndicatorError)
    /// A sum of the advanced analysis (cost series) leaves 64-bit rials.
    case overflow(String)

    public var description: String {
        switch self {
        case .yearNotInBook(let year, let years): "year \(year) is not in the book (years: \(years.map(String.init).joined(separator: ", ")))"
        case .noBudgetLines: "the book has no budget lines to analyze"
        case .indicators(let error): error.description
        case .overflow(let text): "the cost series overflow 64-bit rials: \(text)"
        }
    }
}
