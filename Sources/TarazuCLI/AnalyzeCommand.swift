import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuImport

/// `tarazu analyze`: the governance indicators of a budget book, with their evidence.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute the governance indicators of a budget book (execution, PEFA, revenue, compliance, equity, change).",
        discussion: """
        PATH is a budget book (folder, datapackage.json, .csv, .xlsx, .json) or a store. JSON is keyed by the \
        indicator ids of DESIGN.md section 4: ratios are fractions (0.93), money is whole rials, PEFA scores are \
        letters. The rubric (criteria and recommendations) is not computed yet.
        """)

    @Argument(help: "A budget book or a store.")
    var path: String

    @Option(help: "The year to analyze (default: the latest year with realized figures).")
    var year: Int?

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    @Option(help: "The book in the store (needed when the store holds several).")
    var book: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    func run() async throws {
        let book = try await loadBook()
        let indicators: [Indicator]
        let analysisYear: Int
        do {
            analysisYear = try year ?? IndicatorEngine.latestRealizedYear(in: book).orThrow(IndicatorError.noRealizedYear)
            indicators = try IndicatorEngine.compute(book: book, year: analysisYear)
        } catch {
            throw BadInput(["\(path): \(error)"])
        }
        switch format {
        case .json: print(try AnalysisOutput.json(book: book, year: analysisYear, indicators: indicators))
        case .text: print(AnalysisOutput.text(book: book, year: analysisYear, indicators: indicators))
        }
    }

    private func loadBook() async throws -> BudgetBook {
        if AggregateCommand.isStore(path) {
            let options = try StoreOptions.parse(["--db", path])
            return try await options.withStore { store in try await store.book(named: book) }
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

private extension Optional {
    func orThrow<E: Error>(_ error: E) throws(E) -> Wrapped {
        guard let value = self else { throw error }
        return value
    }
}

/// Renders indicators as JSON (keyed by id) or as a readable table.
enum AnalysisOutput {
    private struct Document: Encodable {
        var book: String
        var contentHash: String
        var year: Int
        var indicators: [String: Entry]

        enum CodingKeys: String, CodingKey {
            case book, year, indicators
            case contentHash = "content_hash"
        }
    }

    private struct Entry: Encodable {
        var nameFa: String
        var nameEn: String
        var formula: String
        var unit: String
        var value: IndicatorValue
        var breakdown: [String: IndicatorValue]
        var evidence: [Evidence]

        enum CodingKeys: String, CodingKey {
            case formula, unit, value, breakdown, evidence
            case nameFa = "name_fa"
            case nameEn = "name_en"
        }
    }

    static func json(book: BudgetBook, year: Int, indicators: [Indicator]) throws -> String {
        let entries = Dictionary(indicators.map { indicator in
            (indicator.id, Entry(nameFa: indicator.nameFa, nameEn: indicator.nameEn, formula: indicator.formula, unit: indicator.unit,
                                 value: indicator.value, breakdown: indicator.breakdown, evidence: indicator.evidence))
        }, uniquingKeysWith: { first, _ in first })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(book: book.metadata.name, contentHash: book.contentHash, year: year, indicators: entries)
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func text(book: BudgetBook, year: Int, indicators: [Indicator]) -> String {
        var lines = ["\(book.metadata.title): indicators for \(year)", ""]
        for indicator in indicators {
            lines.append("\(indicator.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(describe(indicator.value, unit: indicator.unit))  \(indicator.nameEn)")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ value: IndicatorValue, unit: String) -> String {
        switch value {
        case .decimal(let number) where unit == "ratio": "\(number * 100) %"
        case .decimal(let number): "\(number)"
        case .rials(let rials): "\(AmountUnit.billionRial.amount(of: Money(rials: rials))) billion rials"
        case .count(let count): "\(count)"
        case .grade(let grade): grade
        case .flag(let flag): flag ? "yes" : "no"
        case .text(let text): text
        case .record, .list: "(see JSON)"
        case .unavailable: "n/a"
        }
    }
}
