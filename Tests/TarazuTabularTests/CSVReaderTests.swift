import Foundation
import Testing
import TarazuTabular

@Suite("CSVReader")
struct CSVReaderTests {
    private func read(_ text: String, source: String = "t.csv") throws -> RawTable {
        try CSVReader.read(Data(text.utf8), source: source, name: "t")
    }

    private func error(_ text: String) -> TabularError? {
        do {
            _ = try CSVReader.read(Data(text.utf8), source: "t.csv", name: "t")
            return nil
        } catch {
            return error
        }
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndNewlinesKeepLineNumbers() throws {
        let text = "name_fa,note,amount\r\n"
            + "\"پارک، ائل‌گلی\",\"line one\r\nline two\",\"1,200\"\r\n"
            + "\r\n"
            + "ساده,\"he said \"\"hi\"\"\",5\r\n"
        let table = try read(text)
        #expect(table.header == ["name_fa", "note", "amount"])
        #expect(table.headerLine == 1)
        #expect(table.rows == [
            RawRow(line: 2, cells: ["پارک، ائل\u{200C}گلی", "line one\r\nline two", "1,200"]),
            RawRow(line: 5, cells: ["ساده", "he said \"hi\"", "5"]),
        ])
        #expect(table.encoding == .utf8)
    }

    @Test func byteOrderMarkSemicolonsTrimmedHeaderAndZWNJ() throws {
        let text = "\u{FEFF} region_code ; name_fa ;population\n1;شهرداری منطقه\u{200C}یک;1600000\n"
        let table = try read(text)
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.header == ["region_code", "name_fa", "population"])
        #expect(table.rows == [RawRow(line: 2, cells: ["1", "شهرداری منطقه\u{200C}یک", "1600000"])])
        #expect(table.rows[0].cells[1].unicodeScalars.contains("\u{200C}"))
    }

    @Test func tabDelimiterKeepsCommasInCells() throws {
        let table = try read("year\tamount\tnote\n1403\t1,5\ta;b\n")
        #expect(table.header == ["year", "amount", "note"])
        #expect(table.rows.map(\.cells) == [["1403", "1,5", "a;b"]])
    }

    @Test func delimiterIsChosenOutsideQuotes() throws {
        let table = try read("\"x;y;z\",b\n1;2,3\n")
        #expect(table.header == ["x;y;z", "b"])
        #expect(table.rows.map(\.cells) == [["1;2", "3"]])
    }

    @Test func carriageReturnOnlyAndMixedLineEnds() throws {
        let table = try read("a,b\r1,2\r3,4\n5,6\r\n\"7\r\n8\",9\r10,11")
        #expect(table.rows.map(\.line) == [2, 3, 4, 5, 7])
        #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"], ["5", "6"], ["7\r\n8", "9"], ["10", "11"]])
    }

    @Test func blankLinesAndEmptyRecordsAreSkipped() throws {
        let table = try read("\n\nyear,amount\n\n1403,5\n,\n  ,\t\n1404,6")
        #expect(table.headerLine == 3)
        #expect(table.rows == [RawRow(line: 5, cells: ["1403", "5"]), RawRow(line: 8, cells: ["1404", "6"])])
    }

    @Test func emptyExtraCellsAreDroppedAndFullRowsKept() throws {
        let table = try read("a,b,c,\n1,,\n2,3,4,,\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["1", "", ""], ["2", "3", "4"]])
    }

    /// A row with fewer fields than the header is a record broken by a line break or a file cut
    /// short: an error at that row, not a row silently padded with empty cells.
    @Test func aShortRowInTheMiddleIsAnErrorAtItsRow() throws {
        let failure = try #require(error("a,b,c\n1,2,3\n4,5\n6,7,8\n"))
        #expect(failure.line == 3)
        #expect(failure.column == 2)
        #expect(failure.reason.contains("2 fields but the header has 3"))
        #expect(failure.description.hasPrefix("t.csv:3:2: "))
    }

    /// A file cut in the middle of its last row (no line break at the end, fewer fields than the header)
    /// is reported as truncated at that row.
    @Test func aTruncatedLastRowIsAnErrorAtItsRow() throws {
        let text = "year,line_id,department,approved,revised,realized\n"
            + "1403,L1,معاونت,164976000000,165000000000,160000000000\n"
            + "1403,L2,ستاد,16000000"
        let failure = try #require(error(text))
        #expect(failure.line == 3)
        #expect(failure.column == 4)
        #expect(failure.reason.contains("the file ends in the middle of this row, in column 4, approved"))
        #expect(failure.reason.contains("truncated"))
        // The same row with its line break and every field is complete.
        #expect(try read(text + ",,\n").rows.count == 2)
        // A last row without a line break but with every field is accepted.
        #expect(try read(text + ",1,2").rows.last?.cells == ["1403", "L2", "ستاد", "16000000", "1", "2"])
    }

    @Test func extraValueBeyondHeaderIsAnErrorWithLineAndColumn() throws {
        let failure = try #require(error("a,b\n1,\n2,3,\n4,5,6\n"))
        #expect(failure.source == "t.csv")
        #expect(failure.line == 4)
        #expect(failure.column == 3)
        #expect(failure.reason.contains("\"6\""))
        #expect(failure.description.hasPrefix("t.csv:4:3: "))
    }

    @Test func unterminatedQuoteReportsTheLineWhereItStarts() throws {
        let failure = try #require(error("a,b\n1,2\n3,\"open\n4,5\n6,7\n"))
        #expect(failure.line == 3)
        #expect(failure.column == 2)
        #expect(failure.reason.contains("never closed"))
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let failure = try #require(error("a,b\n1,\"x\"y\n"))
        #expect(failure.line == 2)
        #expect(failure.column == 2)
    }

    @Test func spacesAroundQuotedFieldsAreIgnoredButUnquotedCellsAreVerbatim() throws {
        let table = try read("a,b,c\n 1 , \"x,y\" ,z \n")
        #expect(table.rows.map(\.cells) == [[" 1 ", "x,y", "z "]])
    }

    @Test func emptyInputGivesAnEmptyTable() throws {
        let table = try read("")
        #expect(table.header.isEmpty)
        #expect(table.rows.isEmpty)
        #expect(table.name == "t")
        #expect(table.source == "t.csv")
    }

    @Test func lineNumbersCountEmbeddedNewlinesOfEarlierRecords() throws {
        var text = "id,text\n"
        var expectedLines: [Int] = []
        var line = 2
        for index in 0..<50 {
            expectedLines.append(line)
            let breaks = index % 4
            text += "\(index),\"" + Array(repeating: "x", count: breaks + 1).joined(separator: "\n") + "\"\n"
            line += breaks + 1
        }
        let table = try read(text)
        #expect(table.rows.map(\.line) == expectedLines)
        #expect(table.rows[3].cells[1] == "x\nx\nx\nx")
    }

    @Test func aHeaderWiderThanAnyBudgetTableIsRefused() throws {
        // Red team: a 105 KB zip held a CSV of 10,000-column rows, every row kept as wide as the header.
        let wide = (1...300).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "1", count: 300).joined(separator: ",") + "\n"
        let problem = try #require(error(wide))
        #expect(problem.description.contains("at most 256 columns"))
        let fits = (1...256).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "1", count: 256).joined(separator: ",") + "\n"
        #expect(try read(fits).header.count == 256)
    }
}
