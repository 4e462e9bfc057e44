import Foundation
import Testing
import TarazuAnalysis
import TarazuCore
import TarazuTabular
@testable import TarazuImport

/// A municipal group as published: a centre, two regions' municipalities and a parks organization, with
/// transfers between them on both sides (amounts in million rials).
private enum Group {
    static let entityHeader = ["entity_code", "kind", "name_fa", "name_en", "parent", "region_code"]
    static let lineHeader = budgetHeader + ["entity_code", "counterpart_entity_code"]
    static let revenueHeader = ["year", "line_id", "revenue_class", "region_code", "approved", "realized", "entity_code", "counterpart_entity_code"]

    static func tables(entities: [[String]]? = nil, lines: [[String]]? = nil, revenues: [[String]]? = nil) -> [BookTable: RawTable] {
        [
            .regions: rawTable("regions", ["region_code", "name_fa", "population"], [["1", "منطقه ۱", "200"], ["2", "منطقه ۲", "100"]]),
            .entities: rawTable("entities", entityHeader, entities ?? [
                ["C", "central", "ستاد مرکزی", "Centre", "", ""],
                ["R1", "منطقه", "شهرداری منطقهٔ ۱", "", "C", "1"],
                ["R2", "region", "شهرداری منطقهٔ ۲", "", "C", "2"],
                ["PARKS", "سازمان", "سازمان پارک‌ها", "Parks", "C", ""],
            ]),
            .budgetLines: rawTable("budget_lines", lineHeader, lines ?? [
                // Own spending: the centre, each region (entity by default), the parks organization in region 2.
                ["1403", "L1", "ستاد", "0", "management_development", "", "", "current", "", "300", "", "280", "", ""],
                ["1403", "L2", "منطقه ۱", "1", "transport_traffic", "", "", "capital", "", "500", "", "450", "", ""],
                ["1403", "L3", "منطقه ۲", "2", "urban_services_environment", "", "", "current", "", "200", "", "190", "R2", ""],
                ["1403", "L4", "پارک‌ها", "2", "urban_services_environment", "", "", "capital", "", "150", "", "120", "PARKS", ""],
                // Transfers out: the centre funds region 1 and the parks; region 2 sends the centre its share.
                ["1403", "T1", "ستاد", "1", "management_development", "", "", "current", "", "250", "", "240", "C", "R1"],
                ["1403", "T2", "ستاد", "0", "urban_services_environment", "", "", "current", "", "150", "", "120", "C", "PARKS"],
                ["1403", "T3", "منطقه ۲", "2", "management_development", "", "", "current", "", "60", "", "60", "R2", "C"],
            ]),
            .revenues: rawTable("revenues", revenueHeader, revenues ?? [
                ["1403", "S1", "general_fees", "0", "450", "420", "", ""],
                ["1403", "S2", "general_fees", "1", "250", "230", "", ""],
                ["1403", "S3", "capital_asset_sales", "2", "260", "300", "", ""],
                ["1403", "X1", "other", "1", "250", "240", "R1", "C"],
                ["1403", "X2", "other", "0", "150", "120", "PARKS", "C"],
                ["1403", "X3", "other", "0", "60", "60", "C", "R2"],
            ]),
        ]
    }

    /// Sums straight from the raw rows: all of them (with duplicated figures) and those without a counterpart.
    static func independentElimination(_ table: RawTable, amount column: String) -> (with: Int64, without: Int64) {
        let amount = table.header.firstIndex(of: column)!, counterpart = table.header.firstIndex(of: "counterpart_entity_code")!
        var with: Int64 = 0, without: Int64 = 0
        for row in table.rows {
            let value = Int64(row.cells[amount])! * 1_000_000
            with += value
            if row.cells[counterpart].isEmpty { without += value }
        }
        return (with, without)
    }
}

@Suite struct EntityImportTests {
    let metadata = BookMetadata(name: "group", title: "Group", amountUnit: .millionRial)

    @Test func consolidatedTotalsEqualAnIndependentElimination() throws {
        let tables = Group.tables()
        let book = try BookAssembler.assemble(tables, metadata: metadata).book
        let spending = Group.independentElimination(tables[.budgetLines]!, amount: "approved")
        let realized = Group.independentElimination(tables[.budgetLines]!, amount: "realized")
        let sources = Group.independentElimination(tables[.revenues]!, amount: "approved")
        #expect(try LineTotals.of(book.budgetLines).approved.rials == spending.without)
        #expect(try LineTotals.of(book.budgetLinesWithTransfers).approved.rials == spending.with)
        #expect(try Money.sum(book.budgetLines.compactMap(\.realized)).rials == realized.without)
        #expect(try Money.sum(book.revenues.map(\.approved)).rials == sources.without)
        #expect(try Money.sum(book.revenuesWithTransfers.map(\.approved)).rials == sources.with)
        #expect(spending.with - spending.without == 460_000_000)
        #expect(book.transferPayments.map(\.lineId) == ["T1", "T2", "T3"] && book.transferReceipts.map(\.lineId) == ["X1", "X2", "X3"])
        // Defaults: a region's line belongs to the region's entity, a citywide one to the centre.
        #expect(book.budgetLines.map { $0.entityCode ?? "-" } == ["C", "R1", "R2", "PARKS"])
        #expect(book.revenues.map { $0.entityCode ?? "-" } == ["C", "R1", "R2"])
        #expect(book.entities.map(\.kind) == [.central, .region, .region, .organization])
        #expect(try TransferReconciliation.mismatches(in: book).isEmpty)
        let indicators = try IndicatorEngine.compute(book: book, year: 1403)
        let execution = try #require(indicators.first { $0.id == "execution.rate.total" })
        #expect(execution.computedOn?.consolidation == .withoutDuplicatedFigures)
        #expect(execution.computedOn?.label.fa.contains("بدون احتساب ارقام تکراری") == true)
        // Per resident by region counts what reaches the region, whoever spends it (the parks organization in 2).
        let perResident = try #require(indicators.first { $0.id == "equity.per_capita.by_region" })
        guard case .record(let region2)? = perResident.breakdown["2"] else {
            Issue.record("no per-resident figure for region 2")
            return
        }
        #expect(region2["total"] == .decimal(Decimal(350_000_000) / 100))
    }

    @Test func aBookWithoutTransfersSaysNothingOfDuplicatedFigures() throws {
        let book = try BookAssembler.assemble(smallTables(), metadata: metadata).book
        let indicators = try IndicatorEngine.compute(book: book, year: 1403)
        #expect(indicators.allSatisfy { $0.computedOn?.consolidation ?? .single == .single })
        #expect(!indicators.contains { $0.computedOn?.label.fa.contains("تکراری") == true })
    }

    @Test func transferSidesThatDisagreeAreAFindingWithBothRows() throws {
        var revenues = Group.tables()[.revenues]!.rows.map(\.cells)
        revenues[3][4] = "240"  // region 1 received 240 where the centre paid 250
        let outcome = try BookAssembler.assemble(Group.tables(revenues: revenues), metadata: metadata)
        let mismatches = try TransferReconciliation.mismatches(in: outcome.book)
        #expect(mismatches.count == 1)
        let mismatch = try #require(mismatches.first)
        #expect(mismatch.payer == "C" && mismatch.receiver == "R1" && mismatch.amounts == .approved)
        #expect(mismatch.paid.rials == 250_000_000 && mismatch.received.rials == 240_000_000)
        #expect(mismatch.paymentLines == ["T1"] && mismatch.receiptLines == ["X1"])
        let text = mismatch.text(.fa, entities: outcome.book.entities)
        #expect(text.contains("ستاد مرکزی") && text.contains("شهرداری منطقهٔ ۱") && text.contains("۲۵۰٫۰ میلیون ریال")
                    && text.contains("۲۴۰٫۰ میلیون ریال") && text.contains("T1") && text.contains("X1"))
        let warning = try #require(outcome.warnings.first { $0.reason.contains("two sides of a transfer") })
        #expect(warning.reason.contains("T1") && warning.reason.contains("X1"))
    }

    @Test func badEntityReferencesAreLocated() {
        var lines = Group.tables()[.budgetLines]!.rows.map(\.cells)
        lines[0][12] = "NOPE"      // row 2: unknown entity
        lines[4][13] = "C"         // row 6: a transfer from C to itself
        var entities = Group.tables()[.entities]!.rows.map(\.cells)
        entities[1][5] = ""        // row 3: a region's entity without its region
        entities[3][4] = "LOOP"    // row 5: unknown parent
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(Group.tables(entities: entities, lines: lines), metadata: metadata)
        }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains("budget_lines.csv:2:entity_code: unknown entity \"NOPE\" (not in entities.csv)"))
        #expect(messages.contains("budget_lines.csv:6:counterpart_entity_code: a transfer from entity \"C\" to itself"))
        #expect(messages.contains("entities.csv:3:region_code: entity \"R1\" is of kind region but its region_code is empty: give the code of the region it serves (from regions)"))
        #expect(messages.contains("entities.csv:5:parent: entity \"PARKS\": unknown parent \"LOOP\" (not in entities.csv)"))
    }

    @Test func entitiesNeedOneCentreAndNoCycle() {
        let entities = [["A", "organization", "الف", "", "B", ""], ["B", "company", "ب", "", "A", ""]]
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(Group.tables(entities: entities), metadata: metadata)
        }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains { $0.hasPrefix("entities.csv:kind: the entities table needs exactly one entity of kind central") })
        // A cycle is reported once, with its chain.
        #expect(messages.filter { $0.contains("parent cycle") } == ["entities.csv:2:parent: parent cycle A → B → A (rows 2, 3): every chain of parents must end at an entity without one"])
    }

    @Test func aRejectedEntityIsReportedOnceNotOnEveryLine() {
        var entities = Group.tables()[.entities]!.rows.map(\.cells)
        entities[3][1] = "agency"   // row 5: PARKS has no known kind
        let error = #expect(throws: InputRejected.self) {
            try BookAssembler.assemble(Group.tables(entities: entities), metadata: metadata)
        }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains { $0.hasPrefix("entities.csv:5:kind: unknown entity kind \"agency\"") })
        #expect(!messages.contains { $0.contains("unknown entity \"PARKS\"") })
    }

    @Test func aLineWithoutEntityAmongLinesWithOneIsWarned() throws {
        var lines = Group.tables()[.budgetLines]!.rows.map(\.cells)
        for index in lines.indices where lines[index][12].isEmpty { lines[index][12] = index == 0 ? "" : "R1" }
        lines[0][12] = ""
        lines[1][12] = "R1"
        lines[3][12] = "PARKS"
        let outcome = try BookAssembler.assemble(Group.tables(lines: lines), metadata: metadata)
        let warning = try #require(outcome.warnings.first { $0.column == "entity_code" })
        #expect(warning.description.hasPrefix("budget_lines.csv:2:entity_code: warning: 1 line gives no entity_code (the first at this row) while the others do"))
    }

    @Test func anEntityWithoutAnEntitiesTableIsAnError() {
        var tables = Group.tables()
        tables[.entities] = nil
        let error = #expect(throws: InputRejected.self) { try BookAssembler.assemble(tables, metadata: metadata) }
        // One error per table, with the count, not one per line.
        #expect(error?.errors.map(\.description) == [
            "budget_lines.csv:4:entity_code: 5 lines name an entity (the first at this row), but the book has no entities table (entities.csv)",
            "revenues.csv:5:entity_code: 3 lines name an entity (the first at this row), but the book has no entities table (entities.csv)"])
    }

    @Test func aBookWithEntitiesWritesAndReadsBackTheSame() throws {
        let book = try BookAssembler.assemble(Group.tables(), metadata: metadata).book
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-entities-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try BudgetBookWriter.write(book, to: folder, unit: .millionRial)
        guard case .book(let outcome) = try BookLoader.load(folder) else {
            Issue.record("not read back as a book")
            return
        }
        #expect(outcome.book.contentHash == book.contentHash)
        #expect(outcome.book.entities == book.entities)
        #expect(Set(outcome.book.transferPayments) == Set(book.transferPayments))
        #expect(Set(outcome.book.budgetLines) == Set(book.budgetLines))
        let header = try String(contentsOf: folder.appendingPathComponent("budget_lines.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.hasSuffix("entity_code,counterpart_entity_code"))
    }

    @Test func entityColumnsDoNotChangeTheHashOfABookWithoutEntities() throws {
        let plain = try BookAssembler.assemble(smallTables(), metadata: metadata).book
        var tables = smallTables()
        let lines = tables[.budgetLines]!
        tables[.budgetLines] = rawTable("budget_lines", lines.header + ["entity_code", "counterpart_entity_code"],
                                        lines.rows.map { $0.cells + ["", ""] })
        #expect(try BookAssembler.assemble(tables, metadata: metadata).book.contentHash == plain.contentHash)
    }
}
