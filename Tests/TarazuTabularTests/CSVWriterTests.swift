import Foundation
import Testing
import TarazuTabular

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        let text = CSVWriter.write(header: ["id", "name_fa", "note"], rows: [
            ["1", "پارک", "plain"],
            ["2", "a,b", "say \"hi\""],
            ["3", "two\nlines", " leading space"],
            ["4", "semi;colon", "tab\there"],
            ["5", "", "trailing space "],
        ])
        let expected = "id,name_fa,note\n"
            + "1,پارک,plain\n"
            + "2,\"a,b\",\"say \"\"hi\"\"\"\n"
            + "3,\"two\nlines\",\" leading space\"\n"
            + "4,\"semi;colon\",\"tab\there\"\n"
            + "5,,trailing space \n"
        #expect(text == expected)
    }

    @Test func writtenTextReadsBackToTheSameCells() throws {
        let header = ["code", "name_fa", "amount", "note"]
        let rows = [
            ["001", "منطقه\u{200C}یک", "412345678901234567", "\"quoted\", with comma"],
            ["002", "  spaced  ", "-5", "line1\r\nline2"],
            ["003", "تبریز", "0", "tab\tand;semicolon"],
        ]
        let table = try CSVReader.read(Data(CSVWriter.write(header: header, rows: rows).utf8), source: "w.csv",
                                       name: "w")
        #expect(table.header == header)
        #expect(table.rows.map(\.cells) == rows)
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }
}
