import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuSample
import TarazuStore
import TarazuWeb

/// `tarazu demo`: the sample city into the store, and a first look at it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the illustrative Tabriz sample book into the store, print a summary and write its governance reports.",
        discussion: "The sample's amounts are illustrative, not the municipality's. See samples/tabriz/README.md.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Folder for the reports (Persian and English, HTML and Markdown).")
    var reports: String = "tarazu-reports"

    @Flag(help: "Then serve the portal and the API over the store (see tarazu serve).")
    var serve = false

    @Option(help: "The port for --serve.")
    var port: Int = 8080

    func run() async throws {
        let book = SampleCity.tabriz()
        try await store.withStore { store in
            let record = try await BookVersions.importBook(book, into: store, source: "sample:tabriz", importedBy: "cli")
            print(ImportSummary.describe(record, book: book, location: store.location))
        }
        print("")
        print(try DemoSummary.table(book))
        let analysis = try await Analysis.analyze(book, source: "sample:tabriz", year: nil, rubric: try Analysis.loadRubric(nil),
                                                  madeIn: Numerals.jalaliYear(of: Date()))
        let advanced = try ReportWriter.advanced(book: book, year: analysis.year)
        print("")
        print("Status table \(analysis.year) (rubric \(analysis.assessment.rubric) \(analysis.assessment.rubricVersion)):")
        for criterion in analysis.assessment.criteria {
            print("  \(criterion.name.en.padding(toLength: 36, withPad: " ", startingAt: 0)) \(criterion.verdict?.en ?? "not assessed")")
        }
        print("")
        print("Reports:")
        let now = Date()
        for language in ReportLanguage.allCases {
            for (format, suffix) in [(ReportFormat.html, "html"), (.markdown, "md")] {
                let path = (reports as NSString).appendingPathComponent("\(book.metadata.name)-\(analysis.year).\(language.rawValue).\(suffix)")
                try ReportWriter.write(analysis.report(advanced: advanced, language: language, format: format, generatedOn: now), to: path)
                print("  \(path)")
            }
        }
        print("")
        print("The sample's amounts are illustrative, not the municipality's.")
        print("Next: tarazu aggregate \(try store.location()) --measure realized --drilldown year|function")
        print("      tarazu risk \(try store.location()) --top 10")
        print("      tarazu forecast \(try store.location()) --dimension total")
        print("      tarazu user add NAME --role council|analyst|admin --db \(try store.location())   (then sign in at /login for the dashboard)")
        if serve {
            print("")
            try await store.withStore { store in try await TarazuWebApp.serve(repositories: Repositories(store), hostname: "127.0.0.1", port: port) }
        }
    }
}

/// A yearly overview of a book (``YearlyOverview``): approved, realized, execution rate and capital share.
enum DemoSummary {
    static func table(_ book: BudgetBook) throws -> String {
        let numerals = Numerals(language: .en)
        let grouped = book.hasTransfers
        var lines = ["\(book.metadata.cityEn ?? book.metadata.name) (\(book.metadata.cityFa ?? "")): expenditure in billion rials"
                        + (grouped ? ", without duplicated figures (transfers between the group's entities left out)" : ""),
                     "year   approved        realized        execution  capital share (approved)"
                        + (grouped ? "  approved with duplicated figures" : "")]
        for row in try YearlyOverview.rows(book) {
            var fields = [
                numerals.year(row.year),
                pad(numerals.billions(row.totals.approved.rials), 15),
                pad(row.totals.realizedIfReported.map { numerals.billions($0.rials) } ?? "-", 15),
                pad(row.executionRate.map(numerals.percent) ?? "-", 10),
                pad(row.capitalShare.map(numerals.percent) ?? "-", 12),
            ]
            if let with = row.approvedWithDuplicatedFigures { fields.append(pad(numerals.billions(with.rials), 33)) }
            lines.append(fields.joined(separator: "  "))
        }
        if !book.entities.isEmpty {
            let kinds = EntityKind.allCases.compactMap { kind -> String? in
                let count = book.entities.filter { $0.kind == kind }.count
                guard count > 0 else { return nil }
                switch kind {
                case .central: return "the central administration"
                case .region: return "\(count) regions' municipalities"
                case .organization: return "\(count) organization\(count == 1 ? "" : "s")"
                case .company: return "\(count) compan\(count == 1 ? "y" : "ies")"
                }
            }
            lines.append("entities: " + kinds.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
