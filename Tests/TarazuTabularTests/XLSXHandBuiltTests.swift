import Foundation
import Testing
@testable import TarazuTabular

/// Workbooks whose XML parts are written by hand here, to exercise what real producers emit.
@Suite("XLSXReader on hand-built workbooks")
struct XLSXHandBuiltTests {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let rootRels = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rels)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    /// Two sheets, listed in the opposite order of their part numbers; the relationship namespace
    /// uses an unusual prefix.
    static let workbook = declaration
        + "<workbook xmlns=\"\(main)\" xmlns:rel=\"\(rels)\"><sheets>"
        + "<sheet name=\"budget_lines\" sheetId=\"7\" rel:id=\"rId2\"/>"
        + "<sheet name=\"wide\" sheetId=\"3\" rel:id=\"rId1\"/>"
        + "</sheets></workbook>"

    static let workbookRels = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(rels)/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(rels)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"\(rels)/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>"

    /// 0 line_id, 1 approved, 2 rich text in two runs, 3 text with a phonetic run, 4 an escaped CR.
    static let sharedStrings = declaration
        + "<sst xmlns=\"\(main)\" count=\"5\" uniqueCount=\"5\">"
        + "<si><t>line_id</t></si>"
        + "<si><t xml:space=\"preserve\"> approved </t></si>"
        + "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>مصوب</t></r><r><t xml:space=\"preserve\"> ۱۴۰۳ &amp; co</t></r></si>"
        + "<si><t>kanji</t><rPh sb=\"0\" eb=\"1\"><t>ignored reading</t></rPh></si>"
        + "<si><t>a_x000D_b</t></si>"
        + "</sst>"

    /// Styles: 0 general, 1 built-in 14 (date), 2 custom yyyy/mm/dd, 3 custom with "days" quoted
    /// (a number format), 4 built-in 22 (date and time), 5 custom [h]:mm:ss (time).
    static let styles = declaration
        + "<styleSheet xmlns=\"\(main)\"><numFmts count=\"3\">"
        + "<numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/>"
        + "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/></numFmts>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"22\"/><xf numFmtId=\"166\"/></cellXfs>"
        + "</styleSheet>"

    static let budgetSheet = declaration
        + "<worksheet xmlns=\"\(main)\"><dimension ref=\"A1:E10\"/><sheetData>"
        + "<row r=\"1\"><c r=\"A1\" s=\"1\"/></row>"
        + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c>"
        + "<c r=\"C3\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"D3\" t=\"inlineStr\"><is><t>flag</t></is></c>"
        + "<c r=\"E3\" t=\"inlineStr\"><is><r><t>no</t></r><r><rPr><i/></rPr><t>te</t></r></is></c></row>"
        + "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>2</v></c><c r=\"B5\"><v>3.5E+17</v></c>"
        + "<c r=\"C5\" s=\"2\"><v>45000</v></c><c r=\"E5\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        + "<row r=\"6\"><c r=\"A6\" t=\"str\"><f>CONCAT(\"L-\",2)</f><v>L-2</v></c>"
        + "<c r=\"B6\"><v>12345.000000000002</v></c><c r=\"C6\" s=\"1\"><v>45000.75</v></c>"
        + "<c r=\"D6\" t=\"b\"><v>1</v></c><c r=\"E6\" t=\"e\"><v>#DIV/0!</v></c></row>"
        + "<row r=\"7\"><c r=\"A7\" t=\"s\"><v>3</v></c><c r=\"B7\" s=\"3\"><v>0.30000000000000004</v></c>"
        + "<c r=\"C7\" s=\"4\"><v>45000.5</v></c><c r=\"D7\" t=\"b\"><v>0</v></c><c r=\"E7\" t=\"s\"><v>4</v></c></row>"
        + "<row r=\"8\"><c t=\"inlineStr\"><is><t>no r</t></is></c><c><v>-1.5E-3</v></c>"
        + "<c s=\"5\"><v>0.5</v></c></row>"
        + "<row r=\"9\"><c r=\"A9\" s=\"1\"/><c r=\"B9\" t=\"inlineStr\"><is><t></t></is></c></row>"
        + "<row r=\"10\" spans=\"1:5\"/>"
        + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        + "</worksheet>"

    /// A prefixed SpreadsheetML namespace and a column beyond Z.
    static let wideSheet = declaration
        + "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData>"
        + "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>b</x:t></x:is></x:c>"
        + "<x:c r=\"AB2\" t=\"inlineStr\"><x:is><x:t>ab</x:t></x:is></x:c></x:row>"
        + "<x:row r=\"4\"><x:c r=\"AB4\"><x:v>1E+20</x:v></x:c></x:row>"
        + "</x:sheetData></x:worksheet>"

    static func workbookData(replacing replacements: [String: String?] = [:]) throws -> Data {
        var parts: [String: String] = [
            "_rels/.rels": rootRels,
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": workbookRels,
            "xl/sharedStrings.xml": sharedStrings,
            "xl/styles.xml": styles,
            "xl/worksheets/sheet1.xml": wideSheet,
            "xl/worksheets/sheet2.xml": budgetSheet,
        ]
        for (path, text) in replacements { parts[path] = text }
        return try ZIPPackageWriter.zip(parts.sorted { $0.key < $1.key }.map { ($0.key, Data($0.value.utf8)) })
    }

    @Test func readsSheetsInWorkbookOrderWithValuesAndPositions() throws {
        let tables = try XLSXReader.read(try Self.workbookData(), source: "book.xlsx")
        #expect(tables.map(\.name) == ["budget_lines", "wide"])
        let budget = tables[0]
        #expect(budget.source == "book.xlsx[budget_lines]")
        #expect(budget.headerLine == 3)
        #expect(budget.header == ["line_id", "approved", "date", "flag", "note"])
        #expect(budget.rows == [
            RawRow(line: 5, cells: ["مصوب ۱۴۰۳ & co", "350000000000000000", "2023-03-15", "", "x"]),
            RawRow(line: 6, cells: ["L-2", "12345", "2023-03-15", "true", "#DIV/0!"]),
            RawRow(line: 7, cells: ["kanji", "0.3", "2023-03-15 12:00:00", "false", "a\rb"]),
            RawRow(line: 8, cells: ["no r", "-0.0015", "12:00:00", "", ""]),
        ])
        let wide = tables[1]
        #expect(wide.headerLine == 2)
        #expect(wide.header.count == 28)
        #expect(wide.header[1] == "b")
        #expect(wide.header[27] == "ab")
        #expect(wide.rows.count == 1)
        #expect(wide.rows[0].line == 4)
        #expect(wide.rows[0].cells[27] == "100000000000000000000")
        #expect(wide.rows[0].cells.prefix(27).allSatisfy { $0.isEmpty })
    }

    @Test func valueBeyondTheHeaderNamesTheCell() throws {
        let sheet = Self.declaration + "<worksheet xmlns=\"\(Self.main)\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"AA2\"><v>2</v></c></row>"
            + "</sheetData></worksheet>"
        do {
            _ = try XLSXReader.read(try Self.workbookData(replacing: ["xl/worksheets/sheet2.xml": sheet]),
                                    source: "book.xlsx")
            Issue.record("a value beyond the header was accepted")
        } catch let error as TabularError {
            #expect(error.source == "book.xlsx[budget_lines]")
            #expect(error.line == 2)
            #expect(error.column == 27)
            #expect(error.reason.contains("column AA"))
        }
    }

    @Test func missingSharedStringIsAnErrorAtItsCell() throws {
        let sheet = Self.declaration + "<worksheet xmlns=\"\(Self.main)\"><sheetData>"
            + "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>"
        do {
            _ = try XLSXReader.read(try Self.workbookData(replacing: ["xl/worksheets/sheet1.xml": sheet]),
                                    source: "book.xlsx")
            Issue.record("a dangling shared string index was accepted")
        } catch let error as TabularError {
            #expect(error.source == "book.xlsx[wide]")
            #expect(error.line == 4)
            #expect(error.column == 3)
            #expect(error.reason.contains("C4"))
        }
    }

    @Test func corruptArchiveAndMissingPartsAreClearErrors() throws {
        #expect(throws: TabularError(source: "junk.xlsx", reason:
                                        "not an XLSX workbook: the file is not a readable ZIP archive")) {
            try XLSXReader.read(Data("this is not a zip".utf8), source: "junk.xlsx")
        }
        do {
            _ = try XLSXReader.read(try Self.workbookData(replacing: ["xl/worksheets/sheet2.xml": nil]),
                                    source: "book.xlsx")
            Issue.record("a missing worksheet part was accepted")
        } catch let error as TabularError {
            #expect(error.source == "book.xlsx")
            #expect(error.reason.contains("xl/worksheets/sheet2.xml"))
            #expect(error.reason.contains("missing"))
        }
        do {
            _ = try XLSXReader.read(try Self.workbookData(replacing: ["xl/workbook.xml": nil]), source: "book.xlsx")
            Issue.record("a missing workbook part was accepted")
        } catch let error as TabularError {
            #expect(error.reason.contains("xl/workbook.xml"))
        }
        do {
            _ = try XLSXReader.read(try Self.workbookData(replacing: ["xl/styles.xml": "<styleSheet><oops>"]),
                                    source: "book.xlsx")
            Issue.record("malformed XML was accepted")
        } catch let error as TabularError {
            #expect(error.reason.contains("xl/styles.xml"))
            #expect(error.reason.contains("not well-formed"))
        }
    }

    @Test func truncatedArchiveIsRejected() throws {
        let whole = try Self.workbookData()
        #expect(throws: TabularError.self) {
            try XLSXReader.read(whole.prefix(whole.count / 2), source: "cut.xlsx")
        }
    }

    /// Found by Fuzz/FuzzXLSX: ZIP offsets that point past the end of the file (a central directory
    /// entry's local header, the end record's central directory) made ZIPFoundation's in-memory
    /// reader trap ("Range requires lowerBound <= upperBound") instead of failing.
    @Test func offsetsPastTheEndOfTheArchiveAreErrorsNotTraps() throws {
        let whole = try Self.workbookData()
        func patched(_ signature: [UInt8], at field: Int) -> Data {
            var bytes = [UInt8](whole)
            var start = bytes.count - signature.count
            while start > 0 && Array(bytes[start..<start + signature.count]) != signature { start -= 1 }
            for (index, byte) in [UInt8]([0xFF, 0xFF, 0xFF, 0x00]).enumerated() { bytes[start + field + index] = byte }
            return Data(bytes)
        }
        for data in [patched([0x50, 0x4B, 0x01, 0x02], at: 42), patched([0x50, 0x4B, 0x05, 0x06], at: 16)] {
            #expect(throws: TabularError.self) { try XLSXReader.read(data, source: "offsets.xlsx") }
        }
    }

    /// Found by Fuzz/FuzzXLSX: FoundationXML's parser trapped on an element name with bytes that are
    /// not UTF-8 (`<workbook\u{FF}\u{FF}ection/>`).
    @Test func partsThatAreNotUTF8AreErrorsNotTraps() throws {
        let workbook = Data("<workbook><sheets/><workbook".utf8) + Data([0xFF, 0xFF]) + Data("ection/></workbook>".utf8)
        let data = try ZIPPackageWriter.zip([(path: "xl/workbook.xml", data: workbook)])
        do {
            _ = try XLSXReader.read(data, source: "bytes.xlsx")
            Issue.record("a part that is not UTF-8 was accepted")
        } catch {
            #expect(error.reason.contains("xl/workbook.xml"))
            #expect(error.reason.contains("not valid UTF-8"))
        }
        // UTF-16 parts (with their byte-order mark) are still read.
        let utf16 = Data([0xFF, 0xFE]) + Data("<workbook><sheets/></workbook>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try XLSXReader.read(try ZIPPackageWriter.zip([(path: "xl/workbook.xml", data: utf16)]), source: "16.xlsx")
                    .isEmpty)
    }

    /// Found by Fuzz/FuzzXLSX: a deflated part whose stream does not end within the file (here a
    /// stored block that claims 65535 bytes) made ZIPFoundation's inflate loop forever on Linux.
    @Test func deflateStreamThatDoesNotEndIsAnErrorNotAHang() throws {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let name = Array("xl/workbook.xml".utf8)
        let stream: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00]
        let fields = le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0x1234_5678, 4) + le(stream.count, 4) + le(100, 4)
            + le(name.count, 2) + le(0, 2)
        let local = [0x50, 0x4B, 0x03, 0x04] + fields + name + stream
        let central = [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + fields + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4)
            + le(0, 4) + name
        let end = [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(1, 2) + le(1, 2) + le(central.count, 4)
            + le(local.count, 4) + le(0, 2)
        #expect(throws: TabularError.self) { try XLSXReader.read(Data(local + central + end), source: "endless.xlsx") }
    }

    /// Known facts of the 1900 date system (serial 1 = 1900-01-01, Excel's phantom 1900-02-29 is
    /// serial 60) and of the 1904 system (serial 0 = 1904-01-01).
    @Test func serialDatesFollowExcelsCalendars() throws {
        func date(_ serial: String, _ uses1904: Bool = false) throws -> String? {
            SerialDate.text(serial: try #require(DecimalText(serial)), kind: .date, uses1904: uses1904)
        }
        #expect(try date("1") == "1900-01-01")
        #expect(try date("59") == "1900-02-28")
        #expect(try date("61") == "1900-03-01")
        #expect(try date("36526") == "2000-01-01")
        #expect(try date("2958465") == "9999-12-31")
        #expect(try date("2958466") == nil)
        #expect(try date("0", true) == "1904-01-01")
        #expect(try date("43538", true) == "2023-03-15")
        #expect(SerialDate.text(serial: try #require(DecimalText("0.999999999")), kind: .dateTime, uses1904: false)
                    == "1900-01-01 00:00:00")
    }

    @Test func customFormatCodesAreClassified() {
        #expect(NumberFormatKind(formatCode: "[$-fa-IR,16]yyyy/mm/dd;@") == .date)
        #expect(NumberFormatKind(formatCode: "d-mmm-yy h:mm") == .dateTime)
        #expect(NumberFormatKind(formatCode: "#,##0 \"ریال\"") == .number)
        #expect(NumberFormatKind(formatCode: "0.00\\d") == .number)
        #expect(NumberFormatKind(formatCode: "[Red]#,##0;[Blue]\"days\"") == .number)
        #expect(NumberFormatKind(formatCode: "General") == .number)
        #expect(NumberFormatKind(formatCode: "mm:ss") == .time)
    }

    @Test func cellReferencesBeyondZ() {
        #expect(CellReference.column(of: "A1") == 1)
        #expect(CellReference.column(of: "Z9") == 26)
        #expect(CellReference.column(of: "AA10") == 27)
        #expect(CellReference.column(of: "XFD1048576") == 16_384)
        #expect(CellReference.column(of: "12") == nil)
        #expect(CellReference.letters(column: 28) == "AB")
        #expect(CellReference.letters(column: 16_384) == "XFD")
    }
}
