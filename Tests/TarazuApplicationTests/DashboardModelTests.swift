import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuImport
import Testing

/// The dashboard's models, without HTTP: sums agree along the drill-down and filters cut the lines.
@Suite struct DashboardModelTests {
    static let smallBook: BudgetBook? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard case .book(let outcome)? = try? BookLoader.load(root.appendingPathComponent("fixtures/small-book")) else { return nil }
        return outcome.book
    }()
    var book: BudgetBook { Self.smallBook ?? BudgetBook(metadata: BookMetadata(name: "missing", title: "missing")) }

    @Test func theFixtureLoads() {
        #expect(Self.smallBook?.budgetLines.isEmpty == false)
    }
    let base = "/dashboard/x"

    func approved(_ table: DashboardTable) -> [Int64] {
        let index = table.keys.firstIndex(of: "approved")!
        return table.rows.map { Int64(($0.cells.flatMap(DashboardTable.raw)[index]) ?? "0") ?? 0 }
    }

    @Test func functionsSumToTheBookTotalOfTheYear() throws {
        for year in book.years {
            let filters = try DashboardFilters.make(year: year, region: nil, function: nil, book: book)
            let view = try FunctionDrillDown.functions(book: book, filters: filters, base: base)
            let total = book.budgetLines.filter { $0.year == year }.reduce(Int64(0)) { $0 + $1.approved.rials }
            #expect(approved(view.tables[0]).reduce(0, +) == total)
        }
    }

    @Test func programsSumToTheirFunction() throws {
        let filters = try DashboardFilters.make(year: nil, region: nil, function: nil, book: book)
        let functions = try FunctionDrillDown.functions(book: book, filters: filters, base: base).tables[0]
        let byFunction = Dictionary(uniqueKeysWithValues: zip(functions.rows.map { $0.cells.flatMap(DashboardTable.raw)[0] ?? "" },
                                                              approved(functions)))
        #expect(!byFunction.isEmpty)
        for (code, total) in byFunction {
            let programs = try FunctionDrillDown.programs(book: book, filters: filters, function: code, base: base).tables[0]
            #expect(approved(programs).reduce(0, +) == total, "\(code)")
        }
    }

    @Test func regionFilterKeepsOnlyThatRegion() throws {
        let year = try DashboardFilters.defaultYear(of: book)
        let filters = try DashboardFilters.make(year: year, region: "1", function: nil, book: book)
        let view = try FunctionDrillDown.functions(book: book, filters: filters, base: base)
        let expected = book.budgetLines.filter { $0.year == year && $0.regionCode == "1" }.reduce(Int64(0)) { $0 + $1.approved.rials }
        #expect(approved(view.tables[0]).reduce(0, +) == expected)
        let all = try FunctionDrillDown.functions(book: book, filters: DashboardFilters.make(year: year, region: nil, function: nil, book: book), base: base)
        #expect(approved(all.tables[0]).reduce(0, +) > expected)
    }

    @Test func theIndicatorPageShowsTheFormulaInItsLanguage() throws {
        let indicators = try IndicatorEngine.compute(book: book, year: 1403)
        let gini = try #require(indicators.first { $0.id == "equity.gini" })
        let notes = IndicatorEvidenceModel.view(gini, book: book, year: 1403, base: base).notes
        #expect(notes.contains(Bilingual(fa: "فرمول: " + gini.formula.fa, en: "Formula: " + gini.formula.en)))
        #expect(gini.formula.fa.hasPrefix("ضریب جینی وزنی به جمعیت"))
    }

    @Test func badFilterValuesAreRefused() {
        #expect(throws: DashboardError.badRequest(Bilingual(fa: "سال ۱۳۰۰ در کتاب نیست (سال‌های کتاب: ۱۴۰۱، ۱۴۰۲، ۱۴۰۳).",
                                                             en: "year 1300 is not in the book (years: 1401, 1402, 1403)"))) {
            try DashboardFilters.make(year: 1300, region: nil, function: nil, book: book)
        }
        #expect(throws: DashboardError.badRequest(Bilingual(fa: "منطقه‌ای با کد ۹۹ در کتاب نیست.", en: "region '99' is not in the book"))) {
            try DashboardFilters.make(year: nil, region: "99", function: nil, book: book)
        }
        #expect(throws: DashboardError.badRequest(Bilingual(fa: "مأموریتی با کد \u{2066}nope\u{2069} در کتاب نیست.", en: "function 'nope' is not in the book"))) {
            try DashboardFilters.make(year: nil, region: nil, function: "nope", book: book)
        }
    }

    /// The council has passed the approved budget of a year already over: the trends page forecasts
    /// realized figures for such a year (marked as over) but never its approved budget, and its caption
    /// does not call an elapsed year a year ahead.
    @Test func trendsForecastNoApprovedBudgetOfAYearAlreadyOver() throws {
        let filters = try DashboardFilters.make(year: nil, region: nil, function: nil, book: book)
        let last = try #require(book.years.max())
        let view = try TrendsModel.view(book: book, filters: filters, base: base, madeIn: last + 2)
        let forecasts = try view.table("forecasts")
        let rows = forecasts.rows.map { $0.cells.flatMap(DashboardTable.raw) }
        let measure = try #require(forecasts.keys.firstIndex(of: "measure"))
        let year = try #require(forecasts.keys.firstIndex(of: "year"))
        let approvedYears = rows.filter { $0[measure] == "approved" }.compactMap { $0[year].flatMap { Int($0) } }
        #expect(!approvedYears.isEmpty && approvedYears.allSatisfy { $0 > last + 1 }, "\(approvedYears)")
        #expect(rows.contains { $0[measure] == "realized" && $0[year] == String(last + 1) })
        #expect(!forecasts.caption.fa.contains("سال‌های آینده"), "\(forecasts.caption.fa)")
        let approvedChart = try #require(view.charts.first { $0.id == "trend-approved" })
        #expect(approvedChart.forecasts.allSatisfy { $0.year > last + 1 })
    }
}
