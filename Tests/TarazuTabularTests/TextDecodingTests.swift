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
}
