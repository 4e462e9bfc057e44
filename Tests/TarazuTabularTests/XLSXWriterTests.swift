import Foundation
import Testing
@testable import TarazuTabular

@Suite("XLSXWriter")
struct XLSXWriterTests {
    static let regions = RawTable(source: "regions.csv", name: "regions", header: ["region_code", "name_fa", "population"],
                                  rows: [
                                      RawRow(line: 2, cells: ["01", "منطقه\u{200C}یک", "412345"]),
                                      RawRow(line: 3, cells: ["0", "مرکزی (citywide) & <all>", "0"]),
                                  ])
    static let budgetLines = RawTable(
        source: "budget_lines.csv", name: "budget_lines",
        header: ["year", " line_id", "approved", "note", "ratio"],
        rows: [
            RawRow(line: 2, cells: ["1403", "L-1", "412345678901234567", "  two spaces  ", "2.5"]),
            RawRow(line: 4, cells: ["1403", "L-2", "350000000000000000", "line1\r\nline2\ttab", "-0.125"]),
            RawRow(line: 5, cells: ["1404", "", "-0", "literal _x000D_ stays", "1.0"]),
            RawRow(line: 6, cells: ["+3", "007", "1e5", "\u{1}control", ""]),
        ])

    /// The tables `XLSXReader` must give back: sheet row numbers, trimmed header, same cells.
    static func expected(_ table: RawTable) -> RawTable {
        RawTable(source: "rt.xlsx[\(table.name)]", name: table.name, headerLine: 1,
                 header: table.header.map { $0.trimmingCharacters(in: .whitespaces) },
                 rows: table.rows.enumerated().map { RawRow(line: $0.offset + 2, cells: $0.element.cells) })
    }

    @Test func writeThenReadGivesTheSameTables() throws {
        let data = try XLSXWriter.write([Self.regions, Self.budgetLines])
        let tables = try XLSXReader.read(data, source: "rt.xlsx")
        #expect(tables == [Self.expected(Self.regions), Self.expected(Self.budgetLines)])
    }

    @Test func canonicalNumbersAreWrittenAsNumbersAndOtherTextAsStrings() throws {
        let data = try XLSXWriter.write([Self.budgetLines])
        let package = try XLSXPackage(data: data, source: "rt.xlsx")
        let sheet = String(decoding: try package.requiredPart("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(sheet.contains("<c r=\"A2\"><v>1403</v></c>"))
        #expect(sheet.contains("<c r=\"E3\"><v>-0.125</v></c>"))
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>year</t></is></c>"))
        for text in ["412345678901234567", "007", "+3", "1e5", "-0", "1.0"] {
            #expect(sheet.contains("<t>\(text)</t>"), "\(text) should be an inline string")
        }
        #expect(sheet.contains("_x000D_"))  // CR escaped, so XML parsing cannot turn it into LF
        #expect(sheet.contains("_x005F_x000D_"))  // a literal escape-like text is protected
        #expect(!sheet.contains("\u{1}"))
    }

    @Test func packageHasThePartsSpreadsheetProgramsNeed() throws {
        let package = try XLSXPackage(data: try XLSXWriter.write([Self.regions]), source: "p.xlsx")
        let types = String(decoding: try package.requiredPart("[Content_Types].xml"), as: UTF8.self)
        #expect(types.contains("PartName=\"/xl/workbook.xml\""))
        #expect(types.contains("PartName=\"/xl/worksheets/sheet1.xml\""))
        #expect(types.contains("PartName=\"/xl/styles.xml\""))
        #expect(try package.part("_rels/.rels") != nil)
        #expect(try package.part("xl/_rels/workbook.xml.rels") != nil)
    }

    @Test func outputIsReproducible() throws {
        #expect(try XLSXWriter.write([Self.regions]) == (try XLSXWriter.write([Self.regions])))
    }

    @Test func invalidSheetNamesAreRejected() {
        let long = String(repeating: "x", count: 32)
        for name in ["", long, "a/b", "bad[1]", "'quoted'"] {
            let table = RawTable(source: "s.csv", name: name, header: ["a"], rows: [])
            #expect(throws: TabularError.self, "\(name)") { try XLSXWriter.write([table]) }
        }
        let first = RawTable(source: "a.csv", name: "Regions", header: ["a"], rows: [])
        let second = RawTable(source: "b.csv", name: "regions", header: ["a"], rows: [])
        do {
            _ = try XLSXWriter.write([first, second])
            Issue.record("two sheets differing only in case were accepted")
        } catch {
            #expect(error.source == "b.csv")
            #expect(error.reason.contains("twice"))
        }
    }
}
