import Foundation
import Testing
import TarazuCore
import TarazuTabular
@testable import TarazuImport

/// Input that is not what it claims is an error, located by file, row and column (issue 11).
@Suite struct HardeningTests {
    private let header = "year,line_id,department,region_code,function,economic_class,approved,revised,realized\n"
    private let regions = "region_code,name_fa,population\n1,منطقه یک,100\n2,منطقه دو,50\n"

    private func budgetLines(_ count: Int = 4) -> String {
        (1...count).map { "1403,L\($0),معاونت عمرانی و فنی,\($0 % 2 + 1),transport_traffic,capital,164976000000,165000000000,160000000000\n" }
            .joined()
    }

    /// A book folder from file contents given as bytes.
    private func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try temporaryFolder([:])
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    private func errors(_ url: URL, encoding: TextEncoding = .automatic) -> [String] {
        do {
            let input = try BookLoader.load(url, encoding: encoding)
            if case .book(let outcome) = input { Issue.record("accepted a book of \(outcome.book.budgetLines.count) lines") }
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    // M6
    @Test func aFewInvalidBytesInAUTF8TableAreLocatedErrorsNotWindows1256() throws {
        var lines = Array((header + budgetLines()).utf8)
        lines += Array("1403,L9,معاونت ".utf8) + [0xC8] + Array(",1,transport_traffic,capital,1,,\n".utf8)
        let book = try folder(["regions.csv": Array(regions.utf8), "budget_lines.csv": lines])
        let found = errors(book)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("budget_lines.csv:6:department: invalid UTF-8 byte 0xC8") == true)
        // Stating UTF-8 gives the same located error; stating Windows-1256 reads the bytes as asked.
        #expect(errors(book, encoding: .utf8).first?.hasPrefix("budget_lines.csv:6:department: invalid UTF-8 byte 0xC8") == true)
        guard case .book(let outcome) = try BookLoader.load(book, encoding: .windows1256) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.book.budgetLines.count == 5)
    }

    // L4
    @Test func aTruncatedBudgetTableIsAnErrorAtTheCutRow() throws {
        let cut = header + budgetLines() + "1403,L5,ستاد,0,management_development,current,16000000"
        let found = errors(try temporaryFolder(["regions.csv": regions, "budget_lines.csv": cut]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("budget_lines.csv:6: the file ends in the middle of this row, in column 7, approved") == true)
        // Cut inside a quoted cell: the quote is never closed.
        let quoted = header + budgetLines() + "1403,L5,\"ستاد"
        #expect(errors(try temporaryFolder(["regions.csv": regions, "budget_lines.csv": quoted])).first?
            .hasPrefix("budget_lines.csv:6: quoted field is never closed") == true)
    }

    @Test func aShortRowInTheMiddleIsAnError() throws {
        let broken = header + budgetLines(2) + "1403,L5,ستاد,0\n" + budgetLines(1).replacingOccurrences(of: "L1", with: "L6")
        let found = errors(try temporaryFolder(["regions.csv": regions, "budget_lines.csv": broken]))
        #expect(found.first?.hasPrefix("budget_lines.csv:4: the row has 4 fields but the header has 9") == true)
    }

    @Test func aHeaderOnlyBudgetTableIsAnErrorAndOtherEmptyTablesAWarning() throws {
        let empty = errors(try temporaryFolder(["regions.csv": regions, "budget_lines.csv": header]))
        #expect(empty == ["budget_lines.csv:1: the budget_lines table has a header but no rows: a book needs at least one (a file cut short?)"])
        let folder = try temporaryFolder(["regions.csv": regions, "budget_lines.csv": header + budgetLines(),
                                          "revenues.csv": "year,line_id,revenue_class,approved,realized\n"])
        guard case .book(let outcome) = try BookLoader.load(folder) else {
            Issue.record("expected a book")
            return
        }
        #expect(outcome.warnings.map(\.description).contains("revenues.csv:1: warning: the revenues table has a header but no rows"))
    }

    // L2
    @Test func aGovernanceFileThatDoesNotParseOrValidateIsAnImportError() throws {
        let base = ["regions.csv": regions, "budget_lines.csv": header + budgetLines()]
        var nested = base
        nested["governance.yaml"] = String(repeating: "[", count: 100_000)
        let deep = errors(try temporaryFolder(nested))
        #expect(deep.count == 1)
        #expect(deep.first?.hasPrefix("governance.yaml:1:char ") == true)
        #expect(deep.first == "governance.yaml:1:char 1: not valid YAML: nested more than 1000 levels deep")
        var unknown = base
        unknown["governance.yaml"] = "source: interview\nfacts:\n  council_dashboards: false\ncolour: blue\n"
        #expect(errors(try temporaryFolder(unknown)) == ["governance.yaml:4:char 1: unknown key `colour` (expected `source`, `as_of` or `facts`)"])
        var syntax = base
        syntax["governance.yaml"] = "source: interview\nfacts: {council_dashboards: false\n"
        #expect(errors(try temporaryFolder(syntax)).first?.hasPrefix("governance.yaml:3:char 1: not valid YAML") == true)
    }

    /// libyaml stops at 1,000 levels; composing just under that many must not exhaust the stack of a
    /// concurrency thread (the web upload reads books in a detached task).
    @Test func nestingJustUnderTheParsersLimitDoesNotExhaustAStack() async throws {
        let folder = try temporaryFolder(["regions.csv": regions, "budget_lines.csv": header + budgetLines(),
                                          "governance.yaml": "facts: " + String(repeating: "[", count: 995) + String(repeating: "]", count: 995)])
        let found = await Task.detached { errors(folder) }.value
        #expect(found == ["governance.yaml:1:char 8: `facts:` must be a mapping of fact keys"])
    }

    // L5
    @Test func sideFilesThatAreNotUTF8AreLocatedErrors() throws {
        let base: [String: [UInt8]] = ["regions.csv": Array(regions.utf8), "budget_lines.csv": Array((header + budgetLines()).utf8)]
        var governance = base
        governance["governance.yaml"] = Array("source: \"گزارش\"\nfacts:\n  council_dashboards: ".utf8) + [0xC8, 0xE1] + [0x0A]
        #expect(errors(try folder(governance)).first?.hasPrefix("governance.yaml:3:char 23: invalid UTF-8 byte 0xC8") == true)
        var map = base
        map["regions.geojson"] = Array(#"{"type":"FeatureCollection","features":[]}"#.utf8) + [0xFF]
        #expect(errors(try folder(map)).first?.hasPrefix("regions.geojson:1:char 43: invalid UTF-8 byte 0xFF") == true)
    }

    // L7
    @Test func aDescriptorSyntaxErrorHasItsLineAndColumn() throws {
        let descriptor = "{\n  \"name\": \"town\",\n  \"resources\": [{\"name\": \"budget_lines\" \"path\": \"budget_lines.csv\"}]\n}\n"
        let found = errors(try temporaryFolder(["datapackage.json": descriptor, "budget_lines.csv": header + budgetLines()]))
        #expect(found == ["datapackage.json:3:char 41: the descriptor is not valid JSON: expected ',' or '}', found '\"'"])
    }

    @Test func aBookNameTooLongForAFileNameIsRefusedUpFront() throws {
        let folder = try temporaryFolder(["regions.csv": regions, "budget_lines.csv": header + budgetLines()])
        do {
            _ = try BookLoader.load(folder, name: String(repeating: "a", count: 300))
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.file) == ["book name"])
            #expect(error.errors.first?.reason.contains("has 300 characters; a book name needs 1 to 64") == true)
        }
        guard case .book(let outcome) = try BookLoader.load(folder, name: String(repeating: "a", count: 64)) else {
            Issue.record("expected a book")
            return
        }
        #expect(try BookSnapshot.load(try BookSnapshot.make(outcome.book)).contentHash == outcome.book.contentHash)
    }
}

/// A zipped book whose compressed entry does not end within the file: ZIPFoundation's extract read on
/// for ever (the same hole the XLSX fuzzer found), so `tarazu import` and an upload hung.
@Suite struct ZippedBookHardeningTests {
    @Test func aDeflateStreamThatDoesNotEndIsAnErrorNotAHang() throws {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let name = Array("book/budget_lines.csv".utf8)
        let stream: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00]
        let fields = le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0x1234_5678, 4) + le(stream.count, 4) + le(100, 4)
            + le(name.count, 2) + le(0, 2)
        let local = [0x50, 0x4B, 0x03, 0x04] + fields + name + stream
        let central = [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + fields + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        let end = [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count, 4) + le(0, 2)
        let zip = FileManager.default.temporaryDirectory.appendingPathComponent("endless-\(UUID().uuidString).zip")
        try Data(local + central + end).write(to: zip)
        defer { try? FileManager.default.removeItem(at: zip) }
        do {
            _ = try BookArchive.extract(zip)
            Issue.record("a damaged zip was unpacked")
        } catch {
            #expect(error.description.contains("is damaged and cannot be unpacked"))
        }
    }
}
