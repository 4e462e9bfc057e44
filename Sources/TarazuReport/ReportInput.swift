import Foundation
import TarazuAnalysis
import TarazuCore

/// The language a report is written in (the one language type of every surface).
public typealias ReportLanguage = TextLanguage

/// The file format of a report.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML file with inline CSS and inline SVG charts; prints on A4.
    case html
    /// GitHub-flavoured Markdown; charts become small data tables.
    case markdown
}

/// Everything a governance report shows. The renderer only formats: every governance judgement
/// (statuses, findings, recommendations) comes from `assessment`, every number from `indicators`
/// or from plain sums of `book` (chart data, trends).
public struct ReportInput: Sendable {
    /// The budget book: names of regions and functions, metadata, multi-year sums, content hash.
    public var book: BudgetBook
    /// The analysis year (Jalali, as in the book).
    public var year: Int
    /// The indicators of `IndicatorEngine` (ids as in DESIGN.md section 4).
    public var indicators: [Indicator]
    /// The rubric's judgement: lenses, status table, findings and recommendations.
    public var assessment: Assessment
    /// The version of the software that produced the report, for the reproducibility footer.
    public var softwareVersion: String
    /// When the report was generated; shown as a Jalali date when given (nil keeps output reproducible).
    public var generatedOn: Date?
    /// The Jalali year the report is read in (forecast years before it are marked as over); nil: the
    /// year of `generatedOn`, if given.
    public var madeIn: Int?
    /// The book's content hash for the footer (`book.contentHash`).
    public var contentHash: String
    /// Cost trends, forecasts, project risks and anomalies for the "advanced analysis" section;
    /// nil leaves the section (and its methods paragraph) out, giving the report as without it.
    public var advanced: AdvancedAnalysis?
    /// Rows of the book that are probably data errors (`LikelyDataErrors.find`), listed in the
    /// data-quality section.
    public var dataErrors: [LikelyDataError]

    /// A report input; give `contentHash` when it is already known (hashing a large book takes a while).
    public init(book: BudgetBook, year: Int, indicators: [Indicator], assessment: Assessment,
                softwareVersion: String, generatedOn: Date? = nil, madeIn: Int? = nil, contentHash: String? = nil,
                advanced: AdvancedAnalysis? = nil, dataErrors: [LikelyDataError] = []) {
        self.madeIn = madeIn ?? generatedOn.map(Numerals.jalaliYear(of:))
        self.advanced = advanced
        self.dataErrors = dataErrors
        self.contentHash = contentHash ?? book.contentHash
        self.book = book
        self.year = year
        self.indicators = indicators
        self.assessment = assessment
        self.softwareVersion = softwareVersion
        self.generatedOn = generatedOn
    }
}
