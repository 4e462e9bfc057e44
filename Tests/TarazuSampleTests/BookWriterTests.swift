import Foundation
import Testing
import TarazuCore
import TarazuImport
import TarazuSample

/// A fresh temporary folder, removed when the test ends.
struct TemporaryFolder: ~Copyable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-sample-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Every regular file under `folder`, by name, with its bytes.
func files(in folder: URL) throws -> [String: Data] {
    var result = [String: Data]()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return result
}

@Suite("Budget book writer")
struct BookWriterTests {
    let book = SampleCity.tabriz()

    @Test func sameBookGivesSameBytes() throws {
        let first = TemporaryFolder(), second = TemporaryFolder()
        try BudgetBookWriter.write(book, to: first.url)
        try BudgetBookWriter.write(SampleCity.tabriz(), to: second.url)
        let one = try files(in: first.url), two = try files(in: second.url)
        #expect(one.keys.sorted() == ["authorizations.csv", "budget_lines.csv", "datapackage.json", "deflator.csv", "entities.csv",
                                      "functions.csv", "governance.yaml", "projects.csv", "regions.csv", "regions.geojson", "revenues.csv"])
        #expect(one == two)
    }

    @Test func datapackageHasTheContractKeysAndTheFDPModel() throws {
        let folder = TemporaryFolder()
        try BudgetBookWriter.write(book, to: folder.url)
        let data = try Data(contentsOf: folder.url.appendingPathComponent("datapackage.json"))
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(package.keys) == ["name", "title", "title_fa", "description", "description_fa", "city", "calendar", "amount_unit", "resources", "model"])
        #expect(package["title_fa"] as? String == book.metadata.titleFa)
        #expect(package["name"] as? String == "tabriz")
        // No "profile": validators would fetch its schema from the network.
        #expect(package["calendar"] as? String == "jalali")
        #expect(package["amount_unit"] as? String == "million_rial")
        #expect((package["description"] as? String)?.lowercased().contains("illustrative") == true)
        #expect(package["city"] as? [String: String] == ["name_fa": "تبریز", "name_en": "Tabriz"])

        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["name"] as? String }
            == ["functions", "regions", "entities", "budget_lines", "revenues", "projects", "authorizations", "deflator", "governance", "regions_map"])
        for resource in resources where resource["format"] as? String == "csv" {
            #expect(resource["path"] as? String == "\(resource["name"] as? String ?? "").csv")
            #expect(resource["encoding"] as? String == "utf-8")
            #expect(resource["mediatype"] as? String == "text/csv")
            let fields = (resource["schema"] as? [String: Any])?["fields"] as? [[String: String]]
            let csv = try String(contentsOf: folder.url.appendingPathComponent(resource["path"] as! String), encoding: .utf8)
            let header = csv.prefix { $0 != "\n" }
            #expect(fields?.compactMap { $0["name"] }.joined(separator: ",") == String(header))
        }

        let model = try #require(package["model"] as? [String: Any])
        let measures = try #require(model["measures"] as? [String: [String: Any]])
        #expect(Set(measures.keys) == ["approved", "revised", "realized"])
        #expect(measures["approved"]?["phase"] as? String == "approved")
        #expect(measures["revised"]?["phase"] as? String == "adjusted")
        #expect(measures["realized"]?["phase"] as? String == "executed")
        for measure in measures.values {
            #expect(measure["factor"] as? Int == 1_000_000)
            #expect(measure["currency"] as? String == "IRR")
            #expect(measure["direction"] as? String == "expenditure")
            #expect(measure["resource"] as? String == "budget_lines")
        }
        let dimensions = try #require(model["dimensions"] as? [String: [String: Any]])
        #expect(Set(dimensions.keys) == ["year", "region", "function", "economic_class", "department", "program", "project", "line",
                                         "entity", "counterpart_entity"])
        let sources = dimensions.values.flatMap { ($0["attributes"] as? [String: [String: String]] ?? [:]).values.compactMap { $0["source"] } }
        #expect(Set(sources) == ["year", "region_code", "function", "economic_class", "department", "program", "project_id", "line_id",
                                 "entity_code", "counterpart_entity_code"])
        #expect(dimensions["function"]?["classificationType"] as? String == "functional")
    }

    @Test func budgetLinesCSVHoldsEveryLineInOrderInTheUnit() throws {
        let folder = TemporaryFolder()
        try BudgetBookWriter.write(book, to: folder.url)
        let data = try Data(contentsOf: folder.url.appendingPathComponent("budget_lines.csv"))
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst()
        // Every line as published: the consolidated ones, then the transfers between entities.
        #expect(rows.count == book.budgetLinesWithTransfers.count)
        // The generated names hold no comma or quote, so a plain split reads the rows back.
        for (row, line) in zip(rows, book.budgetLinesWithTransfers) {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[1] == line.lineId)
            #expect(Int64(cells[9]).map { $0 * 1_000_000 } == line.approved.rials)
            #expect(Int64(cells[11]).map { $0 * 1_000_000 } == line.realized?.rials)
            #expect(cells[12] == (line.entityCode ?? "") && cells[13] == (line.counterpartEntityCode ?? ""))
        }
    }

    @Test func largestWholeUnitIsChosen() {
        func book(_ rials: Int64...) -> BudgetBook {
            BudgetBook(metadata: BookMetadata(name: "t", title: "t"), budgetLines: rials.enumerated().map {
                BudgetLine(year: 1403, lineId: "L\($0.offset)", department: "d", regionCode: "0", function: "social_cultural",
                           economicClass: .current, approved: Money(rials: $0.element))
            })
        }
        #expect(BudgetBookWriter.largestWholeUnit(for: book(3_000_000_000, 7_000_000_000)) == .billionRial)
        #expect(BudgetBookWriter.largestWholeUnit(for: book(3_000_000_000, 7_000_000)) == .millionRial)
        #expect(BudgetBookWriter.largestWholeUnit(for: book(2_000, 0)) == .thousandRial)
        #expect(BudgetBookWriter.largestWholeUnit(for: book(2_010, 1_000)) == .rial)
        #expect(BudgetBookWriter.largestWholeUnit(for: self.book) == .millionRial)
    }

    @Test func aUnitInWhichAnAmountIsNotWholeIsRefusedBeforeWriting() throws {
        let folder = TemporaryFolder()
        let index = try #require(book.budgetLines.firstIndex { $0.approved.rials % 1_000_000_000 != 0 })
        do {
            try BudgetBookWriter.write(book, to: folder.url, unit: .billionRial)
            Issue.record("expected AmountNotWhole")
        } catch let error as BudgetBookWriter.AmountNotWhole {
            #expect(error.diagnostic.file == "budget_lines.csv")
            #expect(error.diagnostic.row == index + 2)
            #expect(error.diagnostic.column == "approved")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
    }

    @Test func aRequestedSmallerUnitScalesTheAmounts() throws {
        let folder = TemporaryFolder()
        try BudgetBookWriter.write(book, to: folder.url, unit: .toman)
        let text = try String(contentsOf: folder.url.appendingPathComponent("deflator.csv"), encoding: .utf8)
        #expect(text == "year,index\n" + book.deflator.map { "\($0.year),\($0.index)\n" }.joined())
        let package = try String(contentsOf: folder.url.appendingPathComponent("datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"amount_unit\" : \"toman\""))
        let authorizations = try String(contentsOf: folder.url.appendingPathComponent("authorizations.csv"), encoding: .utf8)
        let first = try #require(book.authorizations.first)
        #expect(authorizations.contains(",\(first.authorizedAmount.rials / 10),"))
    }
}
