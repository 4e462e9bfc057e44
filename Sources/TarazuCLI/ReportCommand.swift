import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuForecast
import TarazuReport
import TarazuRisk

/// `tarazu report`: the bilingual governance report of a budget book.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the governance report of a budget book (Persian or English, HTML or Markdown).",
        discussion: """
        The four parts of the source report (purpose; Integrated Urban Management; Data-Driven Governance; the \
        status table), then recommendations, PEFA scores, the indicator table, data quality, methods and a \
        reproducibility footer (content hash of the book, rubric version, software version). HTML is one \
        self-contained file with inline CSS and SVG charts.
        """)

    @OptionGroup var input: AnalysisOptions

    @Option(help: "Language: fa (Persian, right to left) or en.")
    var lang: ReportLanguage = .fa

    @Option(help: "Format: html or md.")
    var format: Format = .html

    @Option(help: "Write the report to this file (default: standard output).")
    var out: String?

    @Option(help: "The generation date printed in the footer: YYYY-MM-DD (Gregorian), today, or none for byte-reproducible output.")
    var date: String = "today"

    @Flag(help: "Leave out the advanced analysis (cost trends, forecasts, risky projects, anomalies).")
    var noAdvanced = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md
        var reportFormat: ReportFormat { self == .html ? .html : .markdown }
    }

    func validate() throws {
        guard date == "today" || date == "none" || Self.parseDate(date) != nil else {
            throw ValidationError("--date must be YYYY-MM-DD, today or none")
        }
    }

    func run() async throws {
        let book = try await input.selection.load()
        // The advanced analysis needs only the book and the year: it runs beside the indicators.
        let year = input.year ?? BookAssessment.defaultYear(of: book)
        async let advanced = noAdvanced ? nil : ReportWriter.advanced(book: book, year: year)
        let generatedOn = generatedOn()
        let analysis = try await input.analysis(of: book, madeIn: generatedOn.map(Numerals.jalaliYear(of:)))
        let text = analysis.report(advanced: try await advanced, language: lang, format: format.reportFormat, generatedOn: generatedOn)
        if let out {
            try ReportWriter.write(text, to: out)
        } else {
            print(text)
        }
    }

    private func generatedOn() -> Date? {
        switch date {
        case "today": Date()
        case "none": nil
        default: Self.parseDate(date)
        }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tehran")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}

extension ReportLanguage: ExpressibleByArgument {}

/// Builds the advanced analysis and writes report files.
enum ReportWriter {
    /// The report's advanced analysis (``AdvancedAnalysis/build(book:year:)``), its failure as bad input.
    static func advanced(book: BudgetBook, year: Int?) throws -> AdvancedAnalysis {
        do { return try AdvancedAnalysis.build(book: book, year: year) } catch { throw BadInput(["\(error)"]) }
    }

    /// Writes `text` to `path` atomically (a partial report never replaces a good one).
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw BadInput(["\(path): cannot write the report: \(error.localizedDescription)"])
        }
    }
}
