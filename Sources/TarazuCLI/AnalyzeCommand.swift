import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuImport
import TarazuReport

/// `tarazu analyze`: the governance indicators of a budget book, with their evidence.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute the governance indicators of a budget book (execution, PEFA, revenue, compliance, equity, change).",
        discussion: """
        PATH is a budget book (folder, datapackage.json, .csv, .xlsx, .json) or a store. JSON is keyed by the \
        indicator ids of DESIGN.md section 4: ratios are fractions (0.93), money is whole rials, PEFA scores are \
        letters; `criteria` holds the five criteria of the status table with their checks and evidence, and \
        `recommendations` the targets for criteria at partial or worse (docs/rubric.md).
        """)

    @OptionGroup var input: AnalysisOptions

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    @Option(help: "The language of the text output: fa or en (JSON is the same in both).")
    var lang: ReportLanguage = .en

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    func run() async throws {
        let analysis = try await input.analysis()
        switch format {
        case .json: print(try AnalysisOutput.json(analysis))
        case .text: print(lang == .fa ? AnalysisOutput.persianText(analysis) : AnalysisOutput.text(analysis))
        }
    }
}

/// Which book and year: a path (a book or a store), the book's name in a store, and the year.
struct BookSelection: ParsableArguments {
    @Argument(help: "A budget book (folder, datapackage.json, .csv, .xlsx, .json) or a store.")
    var path: String

    @Option(help: "The year to analyze (default: the latest year with realized figures).")
    var year: Int?

    @Option(help: "The book in the store (needed when the store holds several).")
    var book: String?

    /// The selected book.
    func load() async throws -> BudgetBook {
        try await Analysis.loadBook(path: path, bookName: book)
    }
}

/// What to analyze: the book and year, the rubric and the indicator options; shared by analyze and report.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var selection: BookSelection

    var path: String { selection.path }
    var year: Int? { selection.year }
    var book: String? { selection.book }

    @Option(help: "A rubric YAML file to use instead of the shipped one (docs/rubric.md).")
    var rubric: String?

    @Option(help: "A line is volatile when its revised or realized amount departs from the approved one by more than this fraction.")
    var volatilityThreshold: Double = 0.25

    func validate() throws {
        guard volatilityThreshold > 0, volatilityThreshold < 10 else { throw ValidationError("--volatility-threshold must be a fraction such as 0.25") }
    }

    var indicatorOptions: IndicatorOptions {
        IndicatorOptions(volatilityThreshold: Decimal(string: String(volatilityThreshold)) ?? Decimal(string: "0.25")!)
    }

    /// The analysis as made today (recommendations due counting from this Jalali year).
    func analysis() async throws -> BookAssessment {
        try await Analysis.run(path: path, bookName: book, year: year, rubricPath: rubric, options: indicatorOptions,
                               madeIn: Numerals.jalaliYear(of: Date()))
    }

    /// The analysis of a book already loaded from `path`, made in the Jalali year `madeIn`.
    func analysis(of loaded: BudgetBook, madeIn: Int?) async throws -> BookAssessment {
        try await Analysis.analyze(loaded, source: path, year: year, rubric: try Analysis.loadRubric(rubric), options: indicatorOptions,
                                   participation: try await Analysis.participation(path: path, book: loaded), madeIn: madeIn)
    }
}

/// Loads books and rubrics for analyze, report and demo, and assesses them with ``BookAssessment``.
enum Analysis {
    /// Loads the book at `path` (a book or a store) and assesses it.
    static func run(path: String, bookName: String?, year: Int?, rubricPath: String?,
                    options: IndicatorOptions = IndicatorOptions(), madeIn: Int? = nil) async throws -> BookAssessment {
        let book = try await loadBook(path: path, bookName: bookName)
        let rubric = try loadRubric(rubricPath)
        return try await analyze(book, source: path, year: year, rubric: rubric, options: options,
                                 participation: try await participation(path: path, book: book), madeIn: madeIn)
    }

    /// What the closed PB processes linked to `book` measured, when `path` is a store (else none).
    static func participation(path: String, book: BudgetBook) async throws -> [MeasuredParticipation] {
        guard AggregateCommand.isStore(path) else { return [] }
        let options = try StoreOptions.parse(["--db", path])
        return try await options.withStore { store in try await store.measuredParticipation(book: book.metadata.name) }
    }

    /// The assessment of `book`; its content hash is computed at the same time on another core.
    static func analyze(_ book: BudgetBook, source: String, year: Int?, rubric: Rubric,
                        options: IndicatorOptions = IndicatorOptions(),
                        participation: [MeasuredParticipation] = [], madeIn: Int? = nil) async throws -> BookAssessment {
        async let contentHash = book.contentHash
        let assessed: BookAssessment
        do {
            assessed = try BookAssessment.assess(book, year: year, rubric: rubric, options: options, participation: participation,
                                                 contentHash: "", madeIn: madeIn)
        } catch {
            throw BadInput(["\(source): \(error)"])
        }
        var result = assessed
        result.contentHash = await contentHash
        return result
    }

    static func loadRubric(_ path: String?) throws -> Rubric {
        do {
            guard let path else { return try Rubric.standard() }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw BadInput(["\(path): cannot read the rubric file"])
            }
            return try Rubric(yaml: text)
        } catch let error as RubricError {
            throw BadInput(["\(path ?? "rubric"): \(error)"])
        }
    }

    /// The book at `path`: a budget book (warnings printed to standard error) or the named book of a store.
    static func loadBook(path: String, bookName: String?) async throws -> BudgetBook {
        if AggregateCommand.isStore(path) {
            let options = try StoreOptions.parse(["--db", path])
            return try await options.withStore { store in try await store.book(named: bookName) }
        }
        do {
            guard case .book(let outcome) = try BookLoader.load(URL(fileURLWithPath: path), name: nil) else {
                throw BadInput(["\(path): a Fiscal Data Package without budget-book tables cannot be analyzed (use aggregate)"])
            }
            printWarnings(outcome.warnings)
            return outcome.book
        } catch let error as InputRejected {
            throw BadInput(error)
        }
    }
}

/// The JSON every command prints: pretty, keys sorted (deterministic), slashes unescaped.
enum JSONOutput {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every JSON Tarazu writes has snake_case keys.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Renders indicators as JSON (keyed by id) or as a readable table.
enum AnalysisOutput {
    private struct Document: Encodable {
        var book: String
        var contentHash: String
        var year: Int
        var rubric: RubricReference
        var indicators: [String: IndicatorEntry]
        var criteria: [CriterionResult]
        var recommendations: [Recommendation]
        /// Rows that are probably data errors (`LikelyDataErrors`), each with its table, row and figure.
        var likelyDataErrors: [LikelyDataError]

        enum CodingKeys: String, CodingKey {
            case book, year, rubric, indicators, criteria, recommendations
            case contentHash = "content_hash"
            case likelyDataErrors = "likely_data_errors"
        }
    }

    static func json(_ analysis: BookAssessment) throws -> String {
        let assessment = analysis.assessment
        let document = Document(book: analysis.book.metadata.name, contentHash: analysis.contentHash, year: analysis.year,
                                rubric: RubricReference(assessment), indicators: IndicatorEntry.keyed(analysis.indicators),
                                criteria: assessment.criteria, recommendations: assessment.recommendations,
                                likelyDataErrors: analysis.dataErrors)
        return try JSONOutput.text(document)
    }

    static func text(_ analysis: BookAssessment) -> String {
        let names = BreakdownText(book: analysis.book, language: .en)
        var lines = ["\(analysis.book.metadata.title): indicators for \(analysis.year)", ""]
        if analysis.book.hasTransfers, let totals = try? GroupFigures.approvedTotals(book: analysis.book, year: analysis.year) {
            let numerals = Numerals(language: .en)
            lines.insert("Approved budget of \(analysis.year): \(numerals.billionRials(totals.without.rials)) without duplicated figures; "
                         + "\(numerals.billionRials(totals.with.rials)) with them (transfers between entities counted twice).", at: 1)
        }
        let width = (analysis.indicators.map(\.id.count).max() ?? 0) + 1
        for indicator in analysis.indicators {
            let basis = indicator.computedOn.map { "  [\($0.label.en)]" } ?? ""
            lines.append("\(indicator.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(names.summary(of: indicator) ?? "(see JSON)")  \(indicator.nameEn)\(basis)")
        }
        lines += ["", "Status table (rubric \(analysis.assessment.rubric) \(analysis.assessment.rubricVersion))"]
        for criterion in analysis.assessment.criteria {
            let status = criterion.status?.rawValue ?? "not assessed"
            lines.append("\(criterion.name.en.padding(toLength: 38, withPad: " ", startingAt: 0)) \(status.padding(toLength: 13, withPad: " ", startingAt: 0)) \(StatusVerdict.text(of: criterion, asOf: DeclaredIndicators.asOf(analysis.indicators), analysisYear: analysis.year)?.en ?? "")")
        }
        lines += ["", "Recommendations"]
        for recommendation in analysis.assessment.recommendations {
            let target = recommendation.target
            lines.append("- \(recommendation.id) (\(recommendation.criterion)): \(TargetText(language: .en).sentence(target))")
        }
        let errors = analysis.dataErrors
        lines += ["", "Likely data errors (\(errors.count) \(errors.count == 1 ? "entry" : "entries"); their projects are left out of the risk scores)"]
        for error in errors {
            let year = error.year.map { " \($0)" } ?? ""
            lines.append("- \(error.table) \(error.row)\(year): \(error.textEn)")
        }
        return lines.joined(separator: "\n")
    }

    /// The same as ``text(_:)`` for a Persian reader: names and figures in Persian, one «name: figure»
    /// line per indicator with its basis, the id kept in parentheses for whoever looks it up.
    static func persianText(_ analysis: BookAssessment) -> String {
        let figures = FigureText(language: .fa)
        let numerals = figures.numerals
        let breakdown = BreakdownText(book: analysis.book, language: .fa)
        var lines = ["\(analysis.book.metadata.title(.fa)): شاخص‌های سال \(numerals.year(analysis.year))", ""]
        if analysis.book.hasTransfers, let totals = try? GroupFigures.approvedTotals(book: analysis.book, year: analysis.year) {
            lines.insert("اعتبار مصوب سال \(numerals.year(analysis.year)): \(numerals.billionRials(totals.without.rials)) بدون احتساب ارقام تکراری؛ "
                         + "\(numerals.billionRials(totals.with.rials)) با احتساب آن‌ها (انتقال میان دستگاه‌ها دو بار شمرده می‌شود).", at: 1)
        }
        let asOf = DeclaredIndicators.asOf(analysis.indicators)
        for indicator in analysis.indicators {
            let basis = indicator.basis == .declared ? " [\(DeclaredIndicators.opening(asOf: asOf).fa)]" : indicator.computedOn.map { " [\($0.label.fa)]" } ?? ""
            lines.append("\(indicator.nameFa): \(breakdown.summary(of: indicator) ?? "جزئیات در خروجی JSON")\(basis) (\(indicator.id))")
        }
        let assessment = analysis.assessment
        lines += ["", "جدول وضعیت (معیارنامهٔ \u{2066}\(assessment.rubric) \(assessment.rubricVersion)\u{2069})"]
        for criterion in assessment.criteria {
            let status = criterion.status.flatMap { assessment.statusLabels[$0]?.fa } ?? "ارزیابی نشده"
            lines.append("- \(criterion.name.fa): \(status)" + (StatusVerdict.text(of: criterion, asOf: asOf, analysisYear: assessment.year).map { "؛ \($0.fa)" } ?? ""))
        }
        lines += ["", "پیشنهادهای راهبردی"]
        for (index, recommendation) in assessment.recommendations.enumerated() {
            let lens = assessment.lenses.first { $0.id == recommendation.criterion }.map { "یافته‌های منظر \($0.name.fa)" }
            let criterion = assessment.criteria.first { $0.id == recommendation.criterion }?.name.fa ?? lens ?? recommendation.criterion
            lines.append("\(numerals.integer(Int64(index + 1)))) \(criterion): \(TargetText(language: .fa).sentence(recommendation.target))")
        }
        if let note = DeclaredIndicators.recommendationsNote(assessment, asOf: asOf, readIn: analysis.madeIn ?? Numerals.jalaliYear(of: Date())) {
            lines.append(note.fa)
        }
        let errors = analysis.dataErrors
        lines += ["", "موارد خطای احتمالی داده (\(numerals.integer(Int64(errors.count))) مورد؛ پروژه‌های آن‌ها در امتیاز ریسک به شمار نمی‌آیند)"]
        for error in errors {
            let year = error.year.map { "، سال \(numerals.year($0))" } ?? ""
            lines.append("- \(breakdown.table(error.table))، \(PersianText.identifier(error.row))\(year): \(error.textFa)")
        }
        return lines.joined(separator: "\n")
    }

}
