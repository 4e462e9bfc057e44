import Foundation
import Testing
import TarazuTabular

@Suite("Text encodings")
struct TextDecodingTests {
    /// Bytes taken from the Windows-1256 code page chart (Microsoft / Unicode CP1256.TXT):
    /// 0xD3 س  0xE1 ل  0xC7 ا  0xE3 م  0x81 پ  0x8E ژ  0xE6 و  0xE5 ه  0xD4 ش  0x90 گ  0x8D چ
    /// 0x98 ک  0xCA ت  0xC8 ب  0xED ي (Arabic yeh, U+064A)  0x9D ZWNJ  0xCF د  0xA1 ، (Arabic comma)
    @Test func windows1256BytesDecodeToPersianLetters() throws {
        var bytes = Array("name,note\n".utf8)
        bytes += [0xD3, 0xE1, 0xC7, 0xE3] + Array(",".utf8) + [0x81, 0x8E, 0xE6, 0xE5, 0xD4, 0xA1, 0x20, 0x90, 0x8D] + [0x0A]
        bytes += [0x98, 0xCA, 0xC7, 0xC8] + Array(",".utf8) + [0xE3, 0xED, 0x9D, 0xD4, 0xE6, 0xCF] + [0x0A]
        let table = try CSVReader.read(Data(bytes), source: "legacy.csv", name: "legacy")
        #expect(table.encoding == .windows1256)
        #expect(table.rows.map(\.cells) == [
            ["\u{0633}\u{0644}\u{0627}\u{0645}", "\u{067E}\u{0698}\u{0648}\u{0647}\u{0634}\u{060C} \u{06AF}\u{0686}"],
            ["\u{06A9}\u{062A}\u{0627}\u{0628}", "\u{0645}\u{064A}\u{200C}\u{0634}\u{0648}\u{062F}"],
        ])
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        let text = "region_code,name_fa\n1,منطقه\u{200C}یک 😀\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let fromLittle = try CSVReader.read(Data(little), source: "le.csv", name: "regions")
        let fromBig = try CSVReader.read(Data(big), source: "be.csv", name: "regions")
        #expect(fromLittle.encoding == .utf16LE)
        #expect(fromBig.encoding == .utf16BE)
        for table in [fromLittle, fromBig] {
            #expect(table.header == ["region_code", "name_fa"])
            #expect(table.rows.map(\.cells) == [["1", "منطقه\u{200C}یک 😀"]])
        }
    }

    @Test func invalidUTF8AfterAByteOrderMarkIsAnErrorWithItsLine() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8) + [0xC3, 0x28]
        #expect(throws: TabularError.self) { try CSVReader.read(Data(bytes), source: "x.csv", name: "x") }
        do {
            _ = try CSVReader.read(Data(bytes), source: "x.csv", name: "x")
        } catch {
            #expect(error.line == 3)
            #expect(error.reason.contains("UTF-8"))
        }
    }

    @Test func binaryAndZipInputsAreRejectedWithAReason() throws {
        let zip = try XLSXWriter.write([RawTable(source: "s", name: "s", header: ["a"], rows: [])])
        do {
            _ = try CSVReader.read(zip, source: "book.csv", name: "book")
            Issue.record("a ZIP archive was read as CSV")
        } catch {
            #expect(error.reason.contains("ZIP"))
        }
        do {
            _ = try CSVReader.read(Data([0x61, 0x0A, 0x00, 0x62]), source: "nul.csv", name: "nul")
            Issue.record("NUL bytes were accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.reason.contains("NUL"))
        }
        do {
            _ = try CSVReader.read(Data([0x61, 0x0A, 0x62, 0xFF, 0x0A, 0x63, 0x01]), source: "bin.csv", name: "bin")
            Issue.record("binary bytes were accepted as Windows-1256")
        } catch {
            #expect(error.line == 3)
            #expect(error.reason.contains("neither UTF-8 nor Windows-1256"))
        }
    }

    /// A UTF-8 file (Persian names in UTF-8) with a few damaged cells: one stray byte, and a name
    /// pasted in Windows-1256.
    private func damagedUTF8() -> [UInt8] {
        var bytes = Array("region_code,name_fa,population\n".utf8)
        for (code, name) in [("1", "منطقه یک"), ("2", "منطقه دو"), ("3", "منطقه سه"), ("4", "منطقه چهار")] {
            bytes += Array("\(code),\(name),1000\n".utf8)
        }
        bytes += Array("5,منطقه ".utf8) + [0xC8] + Array(",1000\n".utf8)
        bytes += Array("6,".utf8) + [0xE3, 0xE4, 0xD8, 0xE2, 0xE5] + Array(",1000\n".utf8)
        return bytes
    }

    /// Before: one invalid byte made the whole file Windows-1256, every Persian name mojibake, no error.
    @Test func mostlyUTF8WithInvalidBytesIsAnErrorForEachDamagedCell() throws {
        do {
            let table = try CSVReader.read(Data(damagedUTF8()), source: "regions.csv", name: "regions")
            Issue.record("read as \(table.encoding) without an error: \(table.rows.map(\.cells))")
        } catch {
            let all = error.all
            #expect(all.map(\.line) == [6, 7])
            #expect(all.map(\.column) == [2, 2])
            #expect(all.map(\.columnName) == ["name_fa", "name_fa"])
            #expect(all[0].reason.hasPrefix("invalid UTF-8 byte 0xC8: the rest of the file is UTF-8"))
            #expect(all[1].reason.hasPrefix("invalid UTF-8 byte 0xE3 (and 4 more in this cell)"))
            #expect(error.description.hasPrefix("regions.csv:6:2: invalid UTF-8 byte 0xC8"))
        }
    }

    @Test func damagedCellsAreCappedAndCounted() throws {
        var bytes = Array("a,b\n".utf8)
        for row in 0..<500 { bytes += Array("\(row),نام".utf8) + (row % 2 == 0 ? [0xFF] : []) + [0x0A] }
        do {
            _ = try CSVReader.read(Data(bytes), source: "t.csv", name: "t")
            Issue.record("accepted")
        } catch {
            #expect(error.all.count == TabularError.cap)
            #expect(error.omitted == 250 - TabularError.cap)
        }
    }

    @Test func statedEncodingsAreUsedAndTheirInvalidBytesLocated() throws {
        // ASCII with one stray byte is not UTF-8 at all: detected as Windows-1256, as before...
        let stray = Array("name,n\nCaf".utf8) + [0xE9] + Array(",1\n".utf8)
        #expect(try CSVReader.read(Data(stray), source: "s.csv", name: "s").encoding == .windows1256)
        // ...but an error at its row and cell when UTF-8 is stated.
        do {
            _ = try CSVReader.read(Data(stray), source: "s.csv", name: "s", encoding: .utf8)
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2 && error.columnName == "name")
            #expect(error.reason.contains("read as UTF-8, as asked"))
        }
        // A stated Windows-1256 reads even bytes that happen to be valid UTF-8 (0xD4 0xA1 is ش، there).
        let legacy = try CSVReader.read(Data(Array("a\n".utf8) + [0xD4, 0xA1, 0x0A]), source: "w.csv", name: "w",
                                        encoding: .windows1256)
        #expect(legacy.encoding == .windows1256 && legacy.rows.map(\.cells) == [["\u{0634}\u{060C}"]])
        // UTF-16 without a byte-order mark is little endian; an unpaired surrogate is located by line.
        var units: [UInt8] = []
        for unit in "a\nب\n".utf16 { units += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let sixteen = try CSVReader.read(Data(units), source: "u.csv", name: "u", encoding: .utf16)
        #expect(sixteen.rows.map(\.cells) == [["ب"]])
        do {
            _ = try CSVReader.read(Data(units + [0x00, 0xD8, 0x0A, 0x00]), source: "u.csv", name: "u", encoding: .utf16)
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3 && error.reason.contains("unpaired surrogate"))
        }
        // A byte-order mark that contradicts the stated encoding is an error.
        #expect(throws: TabularError.self) {
            try CSVReader.read(Data([0xEF, 0xBB, 0xBF] + Array("a\n".utf8)), source: "b.csv", name: "b", encoding: .windows1256)
        }
        #expect(TextEncoding(name: "UTF8") == .utf8 && TextEncoding(name: "cp1256") == .windows1256
                && TextEncoding(name: "latin1") == nil)
    }

    @Test func sideFilesAreCheckedAsUTF8WithLineAndColumn() throws {
        #expect(try TextFile.utf8(Data("a: 1\n".utf8), source: "g.yaml") == "a: 1\n")
        do {
            _ = try TextFile.utf8(Data(Array("a: 1\nنام: ".utf8) + [0xC8, 0xC8] + Array("\n".utf8)), source: "g.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2 && error.column == 6)
            #expect(error.description.hasPrefix("g.yaml:2:6: invalid UTF-8 byte 0xC8 (and 1 more on this line)"))
        }
    }

    @Test func jsonSyntaxErrorsAreLocated() throws {
        try JSONSyntax.check(Data("{\"a\": [1, 2]}".utf8), source: "d.json")
        do {
            try JSONSyntax.check(Data("{\n  \"a\": 1\n  \"b\": 2\n}".utf8), source: "d.json")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3 && error.column == 3)
        }
        #expect(throws: TabularError.self) { try JSONSyntax.check(Data(String(repeating: "[", count: 100_000).utf8), source: "d.json") }
    }
}
