import Foundation
import Testing
import TarazuCore
import TarazuTabular
@testable import TarazuImport

@Suite struct BookLoaderTests {
    private let descriptor = """
    {"name": "Sample Town", "title": "Sample town", "amount_unit": "billion_rial", "calendar": "jalali",
     "city": {"name_fa": "شهر نمونه", "name_en": "Sample town"},
     "resources": [{"name": "regions", "path": "regions.csv"}, {"name": "budget_lines", "path": "budget_lines.csv"},
                   {"name": "revenues", "path": "revenues.csv"}, {"name": "governance", "path": "governance.yaml", "format": "yaml"}]}
    """

    private func files(budgetRow2: String = "1403;L2;d;2;urban_planning;current;۲٬۵۰۰;2000") -> [String: String] {
        [
            "datapackage.json": descriptor,
            "regions.csv": "\u{FEFF}region_code,name_fa,population\r\n1,منطقه يك,100\r\n2,منطقه دو,50\r\n",
            "budget_lines.csv": "year;line_id;department;region_code;function;economic_class;approved;realized\n"
                + "1403;L1;\"معاونت \"\"عمرانی\"\", فنی\";1;transport_traffic;capital;1000;900\n" + budgetRow2 + "\n",
            "revenues.csv": "year\tline_id\trevenue_class\tapproved\trealized\n1403\tR1\tgeneral_fees\t3500\t3000\n",
            "governance.yaml": "source: interview\nfacts:\n  council_dashboards: {value: false, note: interview}\n",
        ]
    }

    @Test func readsABookFolderWithItsDescriptor() throws {
        let folder = try temporaryFolder(files())
        guard case .book(let outcome) = try BookLoader.load(folder) else {
            Issue.record("expected a book")
            return
        }
        let book = outcome.book
        #expect(book.metadata.name == "sample-town")
        #expect(book.metadata.amountUnit == .billionRial)
        #expect(book.metadata.cityFa == "شهر نمونه")
        #expect(book.regions.first?.nameFa == "منطقه یک")
        #expect(book.budgetLines.map(\.approved) == [Money(rials: 1_000_000_000_000), Money(rials: 2_500_000_000_000)])
        #expect(book.budgetLines.first?.department == "معاونت \"عمرانی\", فنی")
        #expect(book.governanceYAML?.contains("council_dashboards") == true)
        #expect(outcome.warnings.isEmpty)
    }

    @Test func malformedAmountInACSVBookIsLocated() throws {
        let folder = try temporaryFolder(files(budgetRow2: "1403;L2;d;2;urban_planning;current;2,50O;2000"))
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(folder) }
        #expect(error?.errors.map(\.description) == ["budget_lines.csv:3:approved: malformed amount: \"2,50O\" is not a number"])
    }

    @Test func malformedAmountInAWorkbookIsLocated() throws {
        let header = ["year", "line_id", "department", "region_code", "function", "economic_class", "approved", "realized"]
        let workbook = try XLSXWriter.write([
            RawTable(source: "", name: "regions", header: ["region_code", "name_fa", "population"],
                     rows: [RawRow(line: 2, cells: ["1", "منطقه ۱", "100"])]),
            RawTable(source: "", name: "budget_lines", header: header, rows: [
                RawRow(line: 2, cells: ["1403", "L1", "d", "1", "transport_traffic", "capital", "1000", "900"]),
                RawRow(line: 3, cells: ["1403", "L2", "d", "1", "transport_traffic", "current", "12 apples", "900"]),
            ]),
        ])
        let folder = try temporaryFolder([:])
        let file = folder.appendingPathComponent("book.xlsx")
        try workbook.write(to: file)
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(file) }
        #expect(error?.errors.count == 1)
        let diagnostic = try #require(error?.errors.first)
        #expect(diagnostic.file.contains("book.xlsx") && diagnostic.file.contains("budget_lines"))
        #expect(diagnostic.row == 3 && diagnostic.column == "approved")
        #expect(diagnostic.reason == "malformed amount: \"12 apples\" is not a number")
    }

    @Test func workbookWithMetadataSheetGivesTheBook() throws {
        let workbook = try XLSXWriter.write([
            RawTable(source: "", name: "metadata", header: ["key", "value"], rows: [
                RawRow(line: 2, cells: ["name", "tabriz-test"]), RawRow(line: 3, cells: ["amount_unit", "toman"]),
            ]),
            RawTable(source: "", name: "ردیف‌های بودجه", header: ["سال", "شناسه", "واحد", "کد منطقه", "مأموریت", "طبقه اقتصادی", "مصوب", "عملکرد"],
                     rows: [RawRow(line: 2, cells: ["1403", "1", "d", "0", "safety_crisis", "current", "12", "11"])]),
        ])
        let file = try temporaryFolder([:]).appendingPathComponent("x.xlsx")
        try workbook.write(to: file)
        guard case .book(let outcome) = try BookLoader.load(file) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.book.metadata.name == "tabriz-test")
        #expect(outcome.book.budgetLines.first?.approved == Money(rials: 120))
    }

    @Test func jsonBookKeepsBigAmountsExact() throws {
        let folder = try temporaryFolder(["book.json": """
        {"name": "j", "amount_unit": "rial", "budget_lines": [
          {"year": 1403, "line_id": "1", "department": "d", "region_code": "0", "function": "urban_planning",
           "economic_class": "capital", "approved": 350000000000000001, "realized": null}]}
        """])
        guard case .book(let outcome) = try BookLoader.load(folder.appendingPathComponent("book.json")) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.book.budgetLines.first?.approved == Money(rials: 350_000_000_000_000_001))
        #expect(outcome.book.budgetLines.first?.realized == nil)
    }

    @Test func aLoneTableIsRecognisedByItsHeader() throws {
        let folder = try temporaryFolder(["spending.csv": "year,line_id,department,region_code,function,economic_class,approved,realized\n1403,1,d,0,urban_planning,capital,5,4\n"])
        guard case .book(let outcome) = try BookLoader.load(folder.appendingPathComponent("spending.csv")) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.book.budgetLines.count == 1)
        #expect(outcome.warnings.contains { $0.reason.contains("no regions table") })
    }

    @Test func unusableInputSaysWhy() throws {
        let folder = try temporaryFolder(["notes.txt": "hello"])
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(folder) }
        #expect(error?.errors.first?.reason.contains("no datapackage.json") == true)
        let missing = #expect(throws: InputRejected.self) { try BookLoader.load(folder.appendingPathComponent("nope")) }
        #expect(missing?.errors.first?.reason == "no such file or folder")
        var bad = files()
        bad["datapackage.json"] = descriptor.replacingOccurrences(of: "billion_rial", with: "gold_coins")
        let unit = #expect(throws: InputRejected.self) { try BookLoader.load(try temporaryFolder(bad)) }
        #expect(unit?.errors.first?.reason.contains("unknown amount_unit \"gold_coins\"") == true)
    }
}

@Suite struct RegionMapImportTests {
    private func book(map: String) -> [String: String] {
        [
            "regions.csv": "region_code,name_fa,population\n1,یک,100\n2,دو,50\n3,سه,10\n",
            "budget_lines.csv": "year,line_id,department,region_code,function,economic_class,approved,realized\n1403,L1,d,1,transport_traffic,capital,1000,900\n",
            "regions.geojson": map,
        ]
    }

    private func square(_ code: String, _ x: Int) -> String {
        #"{"type":"Feature","properties":{"region_code":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x),38],[\#(x + 1),38],[\#(x + 1),39],[\#(x),38]]]}}"#
    }

    @Test func aFolderBookCarriesItsMapAndWarnsOfRegionsWithoutAShape() throws {
        let map = #"{"type":"FeatureCollection","features":[\#(square("1", 1)),\#(square("۲", 2))]}"#
        let folder = try temporaryFolder(book(map: map))
        guard case .book(let outcome) = try BookLoader.load(folder) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.book.regionsGeoJSON == map)
        #expect(outcome.book.regionMap?.shapes.count == 2)
        #expect(outcome.warnings.map(\.file) == ["regions.geojson"])
        #expect(outcome.warnings.first?.reason.contains("region 3") == true)

        // Written out and read back, the map survives with the book's content hash.
        let copy = folder.appendingPathComponent("copy")
        try BudgetBookWriter.write(outcome.book, to: copy)
        guard case .book(let again) = try BookLoader.load(copy) else {
            Issue.record("expected a book")
            return
        }
        #expect(again.book.contentHash == outcome.book.contentHash)
        let descriptor = try String(contentsOf: copy.appendingPathComponent("datapackage.json"), encoding: .utf8)
        #expect(descriptor.contains("\"regions_map\""))
    }

    @Test func aBadMapRejectsTheBookWithFeatureAndField() throws {
        let map = #"{"type":"FeatureCollection","features":[\#(square("1", 1)),\#(square("9", 2)),{"type":"Feature","properties":{"region_code":"3"},"geometry":{"type":"LineString","coordinates":[]}}]}"#
        let folder = try temporaryFolder(book(map: map))
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(folder) }
        let errors = error?.errors ?? []
        #expect(errors.map(\.file) == ["regions.geojson"])
        #expect(errors.map(\.row) == [3])
        #expect(errors.first?.column == "geometry")
        // The unknown region is found once the geometry is fixed.
        let fixed = map.replacingOccurrences(of: #"{"type":"LineString","coordinates":[]}"#,
                                             with: #"{"type":"Polygon","coordinates":[[[3,38],[4,38],[4,39],[3,38]]]}"#)
        let second = #expect(throws: InputRejected.self) { try BookLoader.load(try temporaryFolder(book(map: fixed))) }
        #expect(second?.errors.map(\.row) == [2])
        #expect(second?.errors.first?.reason == "region 9 is not in the regions table")
    }
}
