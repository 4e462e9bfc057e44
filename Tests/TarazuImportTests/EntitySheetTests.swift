import Foundation
import Testing
import TarazuCore
import TarazuTabular
@testable import TarazuImport

/// Entities' sources-and-uses tables (the published per-entity layout): read into one book, with every table
/// that does not reconcile located by sheet and row.
@Suite struct EntitySheetTests {
    let metadata = BookMetadata(name: "group", title: "Group", amountUnit: .millionRial)
    static let header = ["بخش", "سال", "ردیف", "عنوان", "کد منطقه", "مأموریت", "طبقه اقتصادی", "طبقه درآمد", "دستگاه طرف انتقال", "مصوب", "عملکرد"]

    static func tables() -> [BookTable: RawTable] {
        [
            .regions: rawTable("regions", ["region_code", "name_fa", "population"], [["1", "منطقه ۱", "200"]], source: "book.xlsx[regions]"),
            .entities: rawTable("entities", ["entity_code", "kind", "name_fa", "region_code"],
                                [["C", "central", "ستاد مرکزی", ""], ["R1", "region", "شهرداری منطقهٔ ۱", "1"]], source: "book.xlsx[entities]"),
        ]
    }

    static func sheet(_ name: String, _ rows: [[String]]) -> RawTable {
        rawTable(name, header, rows, source: "book.xlsx[\(name)]")
    }

    static let centre = sheet("C", [
        ["منابع", "1403", "1", "عوارض", "", "", "", "general_fees", "", "900", "850"],
        ["جمع منابع", "1403", "", "", "", "", "", "", "", "900", ""],
        ["مصارف", "1403", "1", "اداری", "", "management_development", "هزینه‌ای", "", "", "600", "560"],
        ["مصارف", "1403", "2", "کمک به منطقهٔ ۱", "1", "management_development", "current", "", "R1", "300", "300"],
        ["جمع مصارف", "1403", "", "", "", "", "", "", "", "900", ""],
    ])
    static let region = sheet("شهرداری منطقهٔ ۱", [
        ["منابع", "1403", "1", "عوارض", "", "", "", "general_fees", "", "200", "190"],
        ["منابع", "1403", "2", "کمک ستاد", "", "", "", "other", "C", "300", "300"],
        ["مصارف", "1403", "1", "آسفالت", "", "transport_traffic", "capital", "", "", "500", "450"],
    ])

    @Test func eachEntitysTableBecomesItsLinesAndTransfers() throws {
        let outcome = try BookAssembler.assemble(Self.tables(), metadata: metadata, otherTables: [Self.centre, Self.region])
        let book = outcome.book
        #expect(book.budgetLines.map(\.lineId) == ["C/1", "R1/1"])
        #expect(book.budgetLines.map { $0.entityCode ?? "" } == ["C", "R1"])
        #expect(book.budgetLines[1].regionCode == "1")  // a region's entity: its region by default
        #expect(book.transferPayments.map(\.lineId) == ["C/2"] && book.transferReceipts.map(\.lineId) == ["R1/2"])
        #expect(book.budgetLines.reduce(Int64(0)) { $0 + $1.approved.rials } == 1_100_000_000)
        #expect(!outcome.warnings.contains { $0.reason.contains("reconcile") })
    }

    @Test func aTableThatDoesNotReconcileIsLocatedAtItsTotal() {
        var centre = Self.centre
        centre.rows[2].cells[9] = "650"   // uses 950 against sources 900; the stated total of uses says 900
        var region = Self.region
        region.rows[2].cells[9] = "450"   // uses 450 against sources 500, no stated total: located at the header
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(Self.tables(), metadata: metadata, otherTables: [centre, region])
        }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains("book.xlsx[C]:6:approved: the stated total of uses for 1403, 900 million_rial, is not the sum of its rows, 950 million_rial"))
        #expect(messages.contains("book.xlsx[C]:3:approved: the table does not reconcile for 1403: approved sources 900 million_rial and uses 950 million_rial (difference -50 million_rial)"))
        #expect(messages.contains("book.xlsx[شهرداری منطقهٔ ۱]:1:approved: the table does not reconcile for 1403: approved sources 500 million_rial and uses 450 million_rial (difference 50 million_rial)"))
    }

    @Test func badRowsAreLocatedInTheirSheet() {
        var centre = Self.centre
        centre.rows[0].cells[0] = "درآمدها"      // no such section
        centre.rows[2].cells[5] = "parks"        // no such function
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(Self.tables(), metadata: metadata, otherTables: [centre, Self.region])
        }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains { $0.hasPrefix("book.xlsx[C]:2:section: unknown section \"درآمدها\"") })
        #expect(messages.contains { $0.hasPrefix("book.xlsx[C]:4:function: unknown function \"parks\"") })
    }

    @Test func aSheetNamedAfterNoEntityIsIgnoredWithAWarning() throws {
        let notes = rawTable("یادداشت", ["متن"], [["…"]], source: "book.xlsx[یادداشت]")
        let outcome = try BookAssembler.assemble(Self.tables(), metadata: metadata, otherTables: [Self.centre, Self.region, notes])
        #expect(outcome.warnings.contains { $0.file == "book.xlsx[یادداشت]" && $0.reason.contains("ignored") })
    }

    @Test func aLineIdUsedByTwoTablesIsAnError() {
        var tables = Self.tables()
        tables[.budgetLines] = rawTable("budget_lines", budgetHeader + ["entity_code"],
                                        [["1403", "C/1", "ستاد", "0", "management_development", "", "", "current", "", "5", "", "5", "C"]],
                                        source: "book.xlsx[budget_lines]")
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(tables, metadata: metadata, otherTables: [Self.centre, Self.region])
        }
        #expect(error?.errors.map(\.description).contains {
            $0.hasPrefix("book.xlsx[C]:4:line_id: duplicate line id (year/line_id) 1403/C/1 (first in book.xlsx[budget_lines] at row 2)")
        } == true)
    }
}
