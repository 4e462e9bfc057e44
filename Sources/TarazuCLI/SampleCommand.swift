import ArgumentParser
import Foundation
import TarazuCore
import TarazuImport
import TarazuSample

/// `tarazu sample --out DIR`: writes the illustrative Tabriz budget book, or generated books of
/// about `--lines` budget lines for `--cities` made-up cities (for tests and benchmarks).
public struct SampleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write the illustrative Tabriz budget book, or generated books for benchmarks.",
        discussion: """
        Without --lines, writes the Tabriz sample committed as samples/tabriz (its amounts are illustrative, \
        not the municipality's). With --lines N, writes a made-up city of about N budget lines (at least 1000) \
        over the years 1399-1403; with --cities K > 1, one folder per city under DIR. The output is \
        deterministic: the same options give the same bytes.
        """)

    @Option(help: "The folder to write the book into (created if needed).")
    var out: String

    @Option(name: [.customLong("lines"), .customLong("scale")],
            help: "Generate made-up cities of about N budget lines each instead of the Tabriz sample (--scale is the same).")
    var lines: Int?

    @Option(help: "How many generated cities (needs --lines; default 1).")
    var cities: Int?

    @Option(help: "The seed of the generated cities (needs --lines; default 1).")
    var seed: UInt64?

    @Option(help: "The unit to write amounts in: \(AmountUnit.allCases.map(\.rawValue).joined(separator: ", ")) (default: the largest in which every amount is whole).")
    var unit: String?

    @Option(name: .customLong("entity-workbook"),
            help: "Also write the Tabriz sample as municipalities publish it: an .xlsx with one sources-and-uses sheet per entity.")
    var entityWorkbook: String?

    public init() {}

    public func validate() throws {
        if entityWorkbook != nil, lines != nil { throw ValidationError("--entity-workbook applies to the Tabriz sample: leave out --lines.") }
        if lines == nil, cities != nil || seed != nil {
            throw ValidationError("--cities and --seed apply to generated books: add --lines N.")
        }
        if let lines, lines < 1_000 { throw ValidationError("--lines must be at least 1000 (got \(lines)).") }
        if let cities, cities < 1 { throw ValidationError("--cities must be at least 1 (got \(cities)).") }
        if let unit, AmountUnit(rawValue: unit) == nil {
            throw ValidationError("unknown --unit \"\(unit)\"; use one of \(AmountUnit.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    public func run() throws {
        let folder = URL(fileURLWithPath: out)
        let amountUnit = unit.flatMap(AmountUnit.init(rawValue:))
        guard let lines else {
            let book = SampleCity.tabriz()
            try write(book, to: folder, unit: amountUnit)
            if let entityWorkbook {
                do {
                    let data = try EntityWorkbookWriter.workbook(book, unit: amountUnit ?? BudgetBookWriter.largestWholeUnit(for: book))
                    try data.write(to: URL(fileURLWithPath: entityWorkbook))
                } catch {
                    throw BadInput(["\(entityWorkbook): cannot write the workbook: \(error)"])
                }
                print("wrote \(entityWorkbook): one sources-and-uses sheet for each of the \(book.entities.count) entities")
            }
            print("The amounts are illustrative, not the Municipality of Tabriz's.")
            return
        }
        let count = cities ?? 1
        for city in SampleCity.cities(count, lines: lines, seed: seed ?? 1) {
            let book = city.book()
            try write(book, to: count == 1 ? folder : folder.appendingPathComponent(book.metadata.name), unit: amountUnit)
        }
    }

    private func write(_ book: BudgetBook, to folder: URL, unit: AmountUnit?) throws {
        let written = unit ?? BudgetBookWriter.largestWholeUnit(for: book)
        do {
            try BudgetBookWriter.write(book, to: folder, unit: written)
        } catch let error as BudgetBookWriter.AmountNotWhole {
            throw BadInput([error.description])
        } catch {
            throw BadInput(["\(folder.path): cannot write the book: \(error.localizedDescription)"])
        }
        let transfers = book.transferPayments.count + book.transferReceipts.count
        print("wrote \(folder.path): \(book.budgetLinesWithTransfers.count) budget lines, \(book.revenuesWithTransfers.count) revenue lines"
              + (transfers > 0 ? " (\(transfers) of them transfers between \(book.entities.count) entities), " : ", ")
              + "\(book.projects.count) projects, \(book.regions.count) regions, years \(book.years.first ?? 0)-\(book.years.last ?? 0), "
              + "amounts in \(written.nameEn)")
    }
}
