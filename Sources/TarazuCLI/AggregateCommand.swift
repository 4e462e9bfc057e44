import ArgumentParser
import Foundation
import TarazuCore
import TarazuImport
import TarazuStore
import TarazuTabular

/// `tarazu aggregate`: OpenSpending-style sums over a Fiscal Data Package, a budget book or the store.
struct AggregateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Sum a measure, broken down and filtered, over a Fiscal Data Package, a budget book or the store.",
        discussion: """
        PATH_OR_DB is a datapackage.json or its folder, a budget book (folder, .csv, .xlsx, .json), or a store \
        (sqlite://PATH, postgres://..., or an SQLite file). Budget books are summed in rials over their budget \
        lines (measures approved, revised, realized; dimensions year, region, function, economic_class, \
        department, program, project, line); other packages use their own model and the values as written. \
        A drilldown level is DIM.ATTR or DIM (its key attributes); cuts on the same attribute are alternatives, \
        cuts on different attributes all apply. CSV columns: the drilldown attributes in order, then the measure. \
        Sums are exact.
        """)

    @Argument(help: "A datapackage, a budget book, or a store.")
    var pathOrDB: String

    @Option(help: "The measure to sum (e.g. approved, or amount; amount.sum is accepted).")
    var measure: String

    @Option(help: "Levels to group by: DIM[.ATTR][|DIM[.ATTR]...].")
    var drilldown: String?

    @Option(help: "Filters: DIM.ATTR:VALUE[|DIM.ATTR:VALUE...].")
    var cut: String?

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @Option(help: "The book or package in the store to sum (needed when the store holds several).")
    var book: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    func run() async throws {
        let query: AggregateQuery
        do {
            query = try AggregateQuery.parse(measure: measure, drilldown: drilldown, cut: cut)
        } catch {
            throw ValidationError(error.description)
        }
        let cube = try await loadCube()
        let result: AggregateResult
        do {
            result = try Aggregator.run(query, on: cube)
        } catch {
            throw BadInput([error.description])
        }
        print(format == .csv ? AggregateOutput.csv(result) : AggregateOutput.json(result, cube: cube.name), terminator: "")
    }

    private func loadCube() async throws -> FiscalCube {
        if Self.isStore(pathOrDB) {
            let options = try StoreOptions.parse(["--db", pathOrDB])
            return try await options.withStore { store in
                try await store.cube(named: book)
            }
        }
        do {
            switch try BookLoader.load(URL(fileURLWithPath: pathOrDB)) {
            case .book(let outcome): return FiscalCube(book: outcome.book)
            case .fiscalPackage(let outcome): return outcome.cube
            }
        } catch {
            throw BadInput(error)
        }
    }

    /// A store URL, or an existing SQLite file (recognised by its header).
    static func isStore(_ text: String) -> Bool {
        if text.hasPrefix("sqlite://") || text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return true }
        guard let handle = FileHandle(forReadingAtPath: text) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}

/// Renders aggregate results.
enum AggregateOutput {
    /// CSV with formulas neutralized (``CSVWriter``): labels come from the data.
    static func csv(_ result: AggregateResult) -> String {
        CSVWriter.write(header: result.columns + [result.measure], rows: result.cells.map { $0.keys + [plain($0.value)] })
    }

    static func json(_ result: AggregateResult, cube name: String) -> String {
        var out = "{\n  \"dataset\": \(JSONText.string(name)),\n  \"measure\": \(JSONText.string(result.measure)),\n"
        out += "  \"drilldown\": [\(result.columns.map(JSONText.string).joined(separator: ", "))],\n"
        out += "  \"total\": \(plain(result.total)),\n  \"fact_count\": \(result.factCount),\n  \"cells\": ["
        out += result.cells.map { cell in
            var fields = zip(result.columns, cell.keys).map { "\(JSONText.string($0)): \(JSONText.string($1))" }
            fields.append("\(JSONText.string(result.measure)): \(plain(cell.value))")
            fields.append("\"_count\": \(cell.count)")
            return "\n    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        out += result.cells.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// An exact decimal without exponent or grouping.
    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}

