import Foundation
import Testing
import TarazuTabular

@Suite("JSONTableReader")
struct JSONTableReaderTests {
    private func read(_ text: String) throws(TabularError) -> [RawTable] {
        try JSONTableReader.read(Data(text.utf8), source: "book.json")
    }

    private func failure(_ text: String) -> TabularError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func objectOfTablesKeepsNumbersExactAndUnitesKeys() throws {
        let tables = try read("""
            {"regions": [{"region_code": "1", "population": 1600000}],
             "budget_lines": [
               {"line_id": "L1", "approved": 412345678901234567, "realized": 4e17, "ratio": 1.50,
                "is_contingency": true, "note": null},
               {" line_id ": "L2", "extra": "کلید دیرآمده", "approved": -1.5E-3, "is_contingency": false}
             ]}
            """)
        #expect(tables.map(\.name) == ["regions", "budget_lines"])
        #expect(tables[0] == RawTable(source: "book.json[regions]", name: "regions", headerLine: 0,
                                      header: ["region_code", "population"],
                                      rows: [RawRow(line: 1, cells: ["1", "1600000"])]))
        let lines = tables[1]
        #expect(lines.source == "book.json[budget_lines]")
        #expect(lines.header == ["line_id", "approved", "realized", "ratio", "is_contingency", "note", "extra"])
        #expect(lines.rows == [
            RawRow(line: 1, cells: ["L1", "412345678901234567", "400000000000000000", "1.50", "true", "", ""]),
            RawRow(line: 2, cells: ["L2", "-0.0015", "", "", "false", "", "کلید دیرآمده"]),
        ])
    }

    @Test func dataPackageResourcesWithInlineData() throws {
        let tables = try read("""
            {"name": "tabriz-1403", "resources": [
               {"name": "regions", "path": "regions.csv"},
               {"profile": "tabular-data-resource", "data": [{"year": 1403, "index": 100.0}], "name": "deflator"}
             ], "model": {"measures": {}}}
            """)
        #expect(tables == [RawTable(source: "book.json[deflator]", name: "deflator", headerLine: 0,
                                    header: ["year", "index"], rows: [RawRow(line: 1, cells: ["1403", "100.0"])])])
    }

    @Test func stringEscapesAreDecoded() throws {
        let tables = try read(#"{"t": [{"a": "q\"b\\s\/n\nt\tu\u0645\u200C\ud83d\ude00", "b": "plain"}]}"#)
        #expect(tables[0].rows[0].cells == ["q\"b\\s/n\nt\tu\u{0645}\u{200C}😀", "plain"])
    }

    @Test func emptyArraysAndObjects() throws {
        let tables = try read(#"{"empty": [], "blank": [{}, {"a": ""}]}"#)
        #expect(tables[0].header.isEmpty && tables[0].rows.isEmpty)
        #expect(tables[1].header == ["a"])
        #expect(tables[1].rows == [RawRow(line: 1, cells: [""]), RawRow(line: 2, cells: [""])])
        #expect(try read("{}").isEmpty)
    }

    @Test func nestedValueInACellNamesRecordAndKey() throws {
        let error = try #require(failure("""
            {"budget_lines": [
              {"line_id": "L1", "approved": 5},
              {"line_id": "L2", "approved": {"amount": 5}}
            ]}
            """))
        #expect(error.source == "book.json[budget_lines]")
        #expect(error.line == 2)
        #expect(error.reason.contains("\"approved\""))
        #expect(error.reason.contains("an object"))
        #expect(error.reason.contains("line 3, column 33"))
        let arrayError = try #require(failure(#"{"t": [{"a": [1]}]}"#))
        #expect(arrayError.line == 1)
        #expect(arrayError.reason.contains("an array"))
    }

    @Test func syntaxErrorsReportLineAndCharacterColumn() throws {
        let trailingComma = try #require(failure("{\n  \"regions\": [\n    {\"a\": 1,}\n  ]\n}"))
        #expect(trailingComma.source == "book.json")
        #expect(trailingComma.line == 3)
        #expect(trailingComma.column == 13)

        // Columns count characters, not bytes: the Persian key is three characters long.
        let persian = try #require(failure("{\"t\": [\n{\"نام\": x}]}"))
        #expect(persian.line == 2)
        #expect(persian.column == 9)

        let leadingZero = try #require(failure("{\"t\": [{\"a\": 012}]}"))
        #expect(leadingZero.line == 1)
        #expect(leadingZero.column == 14)

        let unclosed = try #require(failure("{\"t\": [{\"a\": \"open}]}"))
        #expect(unclosed.reason.contains("never closed"))

        let garbage = try #require(failure("{\"t\": []} x"))
        #expect(garbage.column == 11)

        let crlf = try #require(failure("{\r\n\"t\":\r\n [1]}"))
        #expect(crlf.line == 3)
        #expect(crlf.column == 3)
        #expect(crlf.reason.contains("record 1"))
    }

    @Test func wrongShapesAreExplained() throws {
        let array = try #require(failure("[{\"a\": 1}]"))
        #expect(array.line == 1 && array.column == 1)
        // Members that are not arrays are metadata, left to the caller.
        let withMetadata = try JSONTableReader.read(Data("{\"name\": \"x\", \"city\": {\"a\": 1}, \"t\": [{\"a\": 1}]}".utf8), source: "b.json")
        #expect(withMetadata.map(\.name) == ["t"])
        let duplicate = try #require(failure("{\"t\": [{\"a\": 1, \"a\": 2}]}"))
        #expect(duplicate.line == 1)
        #expect(duplicate.reason.contains("twice"))
        let nameless = try #require(failure("{\"resources\": [{\"data\": []}]}"))
        #expect(nameless.reason.contains("name"))
    }
}
