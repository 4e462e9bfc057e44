import Foundation
import Testing
import TarazuCore
import TarazuTabular
@testable import TarazuImport

/// Builds raw tables the way the CSV reader would give them (header on line 1).
func rawTable(_ name: String, _ header: [String], _ rows: [[String]], source: String? = nil) -> RawTable {
    RawTable(source: source ?? "\(name).csv", name: name, headerLine: 1, header: header,
             rows: rows.enumerated().map { RawRow(line: $0.offset + 2, cells: $0.element) })
}

let budgetHeader = ["year", "line_id", "department", "region_code", "function", "program", "project_id",
                    "economic_class", "is_contingency", "approved", "revised", "realized"]

func smallTables() -> [BookTable: RawTable] {
    [
        .regions: rawTable("regions", ["region_code", "name_fa", "name_en", "population"], [
            ["1", "منطقه ۱", "Region 1", "200"], ["2", "منطقه ۲", "Region 2", "100"],
        ]),
        .budgetLines: rawTable("budget_lines", budgetHeader, [
            ["1403", "L1", "معاونت عمرانی", "1", "transport_traffic", "", "P1", "capital", "false", "1000", "1200", "900"],
            ["1403", "L2", "معاونت خدمات شهری", "2", "urban_services_environment", "", "", "current", "", "500", "", "450"],
            ["1403", "L3", "ستاد", "0", "management_development", "", "", "هزینه‌ای", "true", "100", "", "20"],
        ]),
        .revenues: rawTable("revenues", ["year", "line_id", "revenue_class", "region_code", "approved", "realized"], [
            ["1403", "R1", "general_fees", "", "1200", "1000"], ["1403", "R2", "capital_asset_sales", "1", "400", "500"],
        ]),
    ]
}

@Suite struct BookAssemblerTests {
    let metadata = BookMetadata(name: "test", title: "Test", amountUnit: .millionRial)

    @Test func assemblesAValidBookInRials() throws {
        let outcome = try BookAssembler.assemble(smallTables(), metadata: metadata)
        let book = outcome.book
        #expect(book.budgetLines.count == 3)
        #expect(book.budgetLines[0].approved == Money(rials: 1_000_000_000))
        #expect(book.budgetLines[0].revised == Money(rials: 1_200_000_000))
        #expect(book.budgetLines[1].revised == nil)
        #expect(book.budgetLines[2].economicClass == .current)
        #expect(book.budgetLines[2].isContingency)
        #expect(book.revenues[1].sustainable == false)
        #expect(book.revenues[0].regionCode == nil)
        #expect(book.regions.map(\.population) == [200, 100])
        #expect(outcome.warnings.allSatisfy { $0.severity == .warning })
        #expect(!outcome.warnings.contains { $0.reason.contains("reconcile") })
    }

    @Test func malformedAmountIsLocatedByFileRowAndColumn() {
        var tables = smallTables()
        tables[.budgetLines]!.rows[1].cells[9] = "5O0"
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        #expect(error?.errors.map(\.description) == ["budget_lines.csv:3:approved: malformed amount: \"5O0\" is not a number"])
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        var tables = smallTables()
        tables[.budgetLines]!.rows[0].cells[3] = "11"            // unknown region
        tables[.budgetLines]!.rows[1].cells[4] = "defence"       // unknown function
        tables[.budgetLines]!.rows[2].cells[1] = "L1"            // duplicate id
        tables[.budgetLines]!.rows[2].cells[9] = "-5"            // negative
        tables[.revenues]!.rows[0].cells[2] = "lottery"          // unknown class
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        let located = Set(error?.errors.map { "\($0.file):\($0.row ?? 0):\($0.column ?? "")" } ?? [])
        #expect(located == ["budget_lines.csv:2:region_code", "budget_lines.csv:3:function", "budget_lines.csv:4:approved",
                            "budget_lines.csv:4:line_id", "revenues.csv:2:revenue_class"])
        var duplicate = smallTables()
        duplicate[.budgetLines]!.rows[2].cells[1] = "L1"
        let second = #expect(throws: InputRejected.self) { try BookAssembler.assemble(duplicate, metadata: metadata) }
        #expect(second?.errors.first?.description == "budget_lines.csv:4:line_id: duplicate line id (year/line_id) 1403/L1 (first at row 2)")
    }

    @Test func revisedWithoutApprovedIsNamedAsSuch() {
        var tables = smallTables()
        tables[.budgetLines]!.rows[0].cells[9] = ""
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        #expect(error?.errors.first?.reason == "revised amount without an approved amount")
    }

    @Test func missingRequiredColumnIsReportedOnTheHeaderRow() {
        var tables = smallTables()
        let header = tables[.budgetLines]!.header
        let drop = header.firstIndex(of: "economic_class")!
        tables[.budgetLines]!.header.remove(at: drop)
        for index in tables[.budgetLines]!.rows.indices { tables[.budgetLines]!.rows[index].cells.remove(at: drop) }
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        #expect(error?.errors.first?.description.hasPrefix("budget_lines.csv:1:economic_class: required column missing") == true)
    }

    @Test func persianHeadersAndDigitsAreAccepted() throws {
        let persian = rawTable("budget_lines", ["سال", "شناسه", "واحد", "کد منطقه", "مأموریت", "طبقه اقتصادی", "مصوب", "عملکرد"], [
            ["۱۴۰۳", "۱", "معاونت عمراني", "۰", "حمل‌ونقل و ترافیک", "تملك دارايي هاي سرمايه اي", "۱٬۲۵۰", "١٠٠"],
        ])
        let book = try BookAssembler.assemble([.budgetLines: persian], metadata: metadata).book
        let line = try #require(book.budgetLines.first)
        #expect(line.year == 1403 && line.lineId == "1" && line.regionCode == "0")
        #expect(line.function == "transport_traffic" && line.economicClass == .capital)
        #expect(line.department == "معاونت عمرانی")
        #expect(line.approved == Money(rials: 1_250_000_000) && line.realized == Money(rials: 100_000_000))
    }

    @Test func unbalancedSourcesAndUsesGiveAWarningNotAnError() throws {
        var tables = smallTables()
        tables[.revenues]!.rows[0].cells[4] = "1300"
        let outcome = try BookAssembler.assemble(tables, metadata: metadata)
        let warning = try #require(outcome.warnings.first { $0.reason.contains("reconcile") })
        #expect(warning.reason.contains("difference 100 million_rial"))
    }

    @Test func implausibleYearsAndOutOfRangeProgress() {
        let projects = rawTable("projects", ["project_id", "name_fa", "region_code", "function", "planned_cost", "physical_progress"], [
            ["P1", "پل", "1", "transport_traffic", "10", "140"],
        ])
        var tables = smallTables()
        tables[.projects] = projects
        tables[.budgetLines]!.rows[0].cells[0] = "14033"
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        let reasons = error?.errors.map(\.description) ?? []
        #expect(reasons.contains("budget_lines.csv:2:year: 14033 is not a plausible jalali year"))
        #expect(reasons.contains("projects.csv:2:physical_progress: 140 is outside 0…100"))
    }

    @Test func errorsAreCapped() {
        var rows: [[String]] = []
        for index in 0..<500 {
            rows.append(["1403", "L\(index)", "d", "1", "transport_traffic", "", "", "capital", "", "x", "", "1"])
        }
        var tables = smallTables()
        tables[.budgetLines] = rawTable("budget_lines", budgetHeader, rows)
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata, errorCap: 50) }
        #expect(error?.errors.count == 51)
        #expect(error?.errors.last?.reason == "450 more errors not shown")
    }
}
