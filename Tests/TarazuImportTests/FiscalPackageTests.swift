import Foundation
import Testing
import TarazuCore
import TarazuTabular
@testable import TarazuImport

/// The shared real data beside the repository (../shared/data), as CI lays it out.
let sharedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/data").standardizedFileURL

/// Writes files into a fresh temporary folder.
func temporaryFolder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return folder
}

@Suite struct FiscalPackageTests {
    @Test func macedoniaImportsWithItsModel() throws {
        let url = sharedData.appendingPathComponent("fdp/openspending-macedonia/datapackage.json")
        guard case .fiscalPackage(let outcome) = try BookLoader.load(url) else {
            Issue.record("expected a fiscal data package")
            return
        }
        let cube = outcome.cube
        #expect(cube.measureNames == ["amount"])
        #expect(cube.attributeRefs.contains("category.item-code"))
        #expect(cube.model.dimensions.first { $0.name == "category" }?.keyAttributes.map(\.name) == ["category-code", "item-code"])
        // Independent sum: read the CSV column directly.
        let csv = try String(contentsOf: sharedData.appendingPathComponent("fdp/openspending-macedonia/MFBudzetIRebalansNaRMmk-MK.csv"), encoding: .utf8)
        // Rows made only of separators (the file ends with 238 of them) are not facts.
        let records = csv.split(whereSeparator: \.isNewline).dropFirst().filter { $0.contains { $0 != ";" } }
        #expect(cube.factCount == records.count)
        let expected = records.reduce(Decimal.zero) { sum, line in
            sum + Decimal(string: String(line.split(separator: ";", omittingEmptySubsequences: false).last!))!
        }
        let result = try Aggregator.run(AggregateQuery(measure: "amount", drilldown: ["section"]), on: cube)
        #expect(result.total == expected)
        #expect(result.columns == ["section.code"])
        #expect(result.cells.reduce(Decimal.zero) { $0 + $1.value } == expected)
    }

    @Test func australianBudgetImportsDespiteNotForPublicationCells() throws {
        let url = sharedData.appendingPathComponent("fdp/au-budget")
        guard case .fiscalPackage(let outcome) = try BookLoader.load(url) else {
            Issue.record("expected a fiscal data package")
            return
        }
        #expect(outcome.cube.factCount == 1_608)
        #expect(outcome.cube.measureNames == ["2014-15", "2015-16", "2016-17", "2017-18", "2018-19"])
        #expect(outcome.warnings.contains { $0.reason.contains("no value for measure") })
        let byPortfolio = try Aggregator.run(AggregateQuery(measure: "2015-16", drilldown: ["portfolio"]), on: outcome.cube)
        let cut = try Aggregator.run(AggregateQuery(measure: "2015-16", cuts: [.init(ref: "portfolio.portfolio", value: "Treasury Portfolio")]),
                                     on: outcome.cube)
        #expect(byPortfolio.cells.first { $0.keys == ["Treasury Portfolio"] }?.value == cut.total)
    }

    /// A package like OpenSpending's with what real ones use: several fact files, a label, a
    /// hierarchy, a dimension table joined by a foreign key, decimal commas and a missing-value mark.
    @Test func unseenPackageWithJoinsLabelsAndDecimalCommas() throws {
        let descriptor = """
        {"name": "town", "resources": [
          {"name": "spending-2023", "path": "data/2023.csv", "schema": {"fields": [
             {"name": "year", "type": "integer"}, {"name": "fn", "type": "string"}, {"name": "sub", "type": "string"},
             {"name": "org", "type": "string"}, {"name": "amount", "type": "number", "decimalChar": ",", "groupChar": "."}],
             "missingValues": ["", "n.a."],
             "foreignKeys": [{"fields": "org", "reference": {"resource": "orgs", "fields": "id"}}]}},
          {"name": "spending-2024", "path": "data/2024.csv", "schema": {"fields": [
             {"name": "year", "type": "integer"}, {"name": "fn", "type": "string"}, {"name": "sub", "type": "string"},
             {"name": "org", "type": "string"}, {"name": "amount", "type": "number", "decimalChar": ",", "groupChar": "."}],
             "foreignKeys": [{"fields": "org", "reference": {"resource": "orgs", "fields": "id"}}]}},
          {"name": "orgs", "path": "data/orgs.csv", "schema": {"fields": [{"name": "id"}, {"name": "title"}]}}],
         "model": {
          "measures": {"amount": {"source": "amount", "currency": "EUR"}},
          "dimensions": {
            "year": {"dimensionType": "datetime", "attributes": {"year": {"source": "year"}}, "primaryKey": "year"},
            "function": {"dimensionType": "classification", "attributes": {
               "code": {"source": "fn"}, "sub": {"source": "sub", "parent": "code"}}, "primaryKey": ["code", "sub"]},
            "organisation": {"attributes": {"id": {"source": "org"}, "title": {"source": "title", "resource": "orgs", "labelfor": "id"}},
               "primaryKey": "id"}}}}
        """
        let folder = try temporaryFolder([
            "datapackage.json": descriptor,
            "data/2023.csv": "year;fn;sub;org;amount\n2023;01;01.1;A;\"1.000,50\"\n2023;01;01.2;B;250\n2023;02;02.1;A;n.a.\n",
            "data/2024.csv": "year;fn;sub;org;amount\n2024;01;01.1;A;1100\n2024;02;02.1;B;\"2.000,25\"\n",
            "data/orgs.csv": "id,title\nA,Roads office\nB,Parks office\n",
        ])
        guard case .fiscalPackage(let outcome) = try BookLoader.load(folder) else {
            Issue.record("expected a fiscal data package")
            return
        }
        let cube = outcome.cube
        #expect(cube.factCount == 5)
        let byTitle = try Aggregator.run(AggregateQuery(measure: "amount", drilldown: ["organisation.title"]), on: cube)
        #expect(byTitle.cells.map(\.keys) == [["Parks office"], ["Roads office"]])
        #expect(byTitle.cells.map(\.value) == [Decimal(string: "2250.25")!, Decimal(string: "2100.5")!])
        let byFunction = try Aggregator.run(AggregateQuery(measure: "amount", drilldown: ["function"],
                                                           cuts: [.init(ref: "year", value: "2023"), .init(ref: "year", value: "2024")]), on: cube)
        #expect(byFunction.columns == ["function.code", "function.sub"])
        #expect(byFunction.cells.map(\.keys) == [["01", "01.1"], ["01", "01.2"], ["02", "02.1"]])
        let only2024 = try Aggregator.run(AggregateQuery.parse(measure: "amount.sum", drilldown: nil, cut: "year.year:2024"), on: cube)
        #expect(only2024.total == Decimal(string: "3100.25")!)
        #expect(only2024.factCount == 2)
    }

    @Test func malformedMeasureIsLocated() throws {
        let folder = try temporaryFolder([
            "datapackage.json": """
            {"name": "x", "resources": [{"name": "t", "path": "t.csv"}],
             "model": {"measures": {"amount": {"source": "amount"}}, "dimensions": {"d": {"attributes": {"d": {"source": "d"}}}}}}
            """,
            "t.csv": "d,amount\na,1\nb,12x\n",
        ])
        let error = #expect(throws: InputRejected.self) { try BookLoader.load(folder) }
        #expect(error?.errors.map(\.description) == ["t.csv:3:amount: malformed amount: \"12x\" is not a number"])
    }

    @Test func queriesThatDoNotFitSayWhatWould() throws {
        let cube = FiscalCube(book: try BookAssembler.assemble(smallTables(), metadata: BookMetadata(name: "t", title: "t")).book)
        #expect(throws: AggregateError.self) { try Aggregator.run(AggregateQuery(measure: "spent"), on: cube) }
        let unknown = #expect(throws: AggregateError.self) { try Aggregator.run(AggregateQuery(measure: "approved", drilldown: ["colour"]), on: cube) }
        #expect(unknown?.reason.contains("dimensions: year, region") == true)
        #expect(throws: AggregateError.self) { try AggregateQuery.parse(measure: "approved", drilldown: nil, cut: "year1403") }
    }

    @Test func bookCubeSumsRialsByEveryDimension() throws {
        let book = try BookAssembler.assemble(smallTables(), metadata: BookMetadata(name: "t", title: "t")).book
        let cube = FiscalCube(book: book)
        let byClass = try Aggregator.run(AggregateQuery(measure: "approved", drilldown: ["economic_class.code"]), on: cube)
        #expect(byClass.cells.map(\.keys) == [["capital"], ["current"]])
        #expect(byClass.cells.map(\.value) == [1000, 600])
        let realized = try Aggregator.run(AggregateQuery.parse(measure: "realized", drilldown: "region|function.code", cut: nil), on: cube)
        #expect(realized.columns == ["region.code", "function.code"])
        #expect(realized.total == 1370)
    }

    /// Fiscal Data Package 1.0: no model, a columnType on each field.
    @Test func packageWithColumnTypesInsteadOfAModel() throws {
        let folder = try temporaryFolder([
            "datapackage.json": """
            {"name": "city-2024", "profile": "fiscal-data-package", "resources": [{"name": "budget", "path": "budget.csv", "schema": {"fields": [
              {"name": "Year", "columnType": "date:fiscal-year"},
              {"name": "Dept code", "columnType": "administrative-classification:generic:level1:code"},
              {"name": "Dept", "columnType": "administrative-classification:generic:level1:label"},
              {"name": "Function", "columnType": "functional-classification:cofog:level1:code"},
              {"name": "Amount", "type": "number", "columnType": "value"}]}}]}
            """,
            "budget.csv": "Year,Dept code,Dept,Function,Amount\n2024,10,Roads,04,100.5\n2024,20,Parks,05,40\n2024,10,Roads,05,9.5\n",
        ])
        guard case .fiscalPackage(let outcome) = try BookLoader.load(folder) else {
            Issue.record("expected a fiscal data package")
            return
        }
        let cube = outcome.cube
        #expect(cube.measureNames == ["Amount"])
        let byDepartment = try Aggregator.run(AggregateQuery.parse(measure: "Amount", drilldown: "administrative-classification", cut: nil), on: cube)
        #expect(byDepartment.columns == ["administrative-classification.generic:level1:code"])
        #expect(byDepartment.cells.map(\.keys) == [["10"], ["20"]])
        #expect(byDepartment.cells.map(\.value) == [110, 40])
        let labelled = try Aggregator.run(AggregateQuery.parse(measure: "Amount", drilldown: "administrative-classification.generic:level1:label",
                                                               cut: "functional-classification:05"), on: cube)
        #expect(labelled.cells.map(\.keys) == [["Parks"], ["Roads"]])
        #expect(labelled.total == Decimal(string: "49.5")!)
        let byCode = try Aggregator.run(AggregateQuery.parse(measure: "Amount", drilldown: nil,
                                                             cut: "administrative-classification.generic:level1:code:10"), on: cube)
        #expect(byCode.total == 110)
    }

    /// A columnType that is only a colon once stopped the process (an index into an empty split).
    @Test func emptyColumnTypePartsDoNotStopTheReader() throws {
        let folder = try temporaryFolder([
            "datapackage.json": """
            {"name": "odd", "profile": "fiscal-data-package", "resources": [{"name": "budget", "path": "budget.csv", "schema": {"fields": [
              {"name": "A", "columnType": ":"}, {"name": "B", "columnType": ":x"}, {"name": "C", "columnType": "y:"},
              {"name": "Amount", "type": "number", "columnType": "value"}]}}]}
            """,
            "budget.csv": "A,B,C,Amount\n1,2,3,4\n",
        ])
        if case .fiscalPackage(let outcome) = try BookLoader.load(folder) {
            #expect(outcome.cube.measureNames == ["Amount"])
        }
    }
}
