import Foundation
import TarazuCore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The page's tables, their CSV and JSON downloads and /api/v1/aggregate give the same numbers.
@Suite struct DashboardParityTests {
    let base = DashboardProbe.base
    let name = DashboardProbe.name

    /// function code -> approved, from the HTML table, the CSV and the JSON of `query`.
    func functionTotals(_ app: Application, query: String) async throws -> (html: [String: Int64], csv: [String: Int64], json: [String: Int64]) {
        let html = try await DashboardProbe.get(app, base + "/functions?lang=en&" + query).text
        let table = DashboardProbe.table(html, id: "functions")
        var fromHTML: [String: Int64] = [:]
        let codes = table.components(separatedBy: "<tr><th scope=\"row\"><a href=\"").dropFirst().map { row in
            String(row.prefix { $0 != ">" }.split(separator: "/").last?.prefix { $0 != "?" && $0 != "\"" } ?? "")
        }
        for (code, values) in zip(codes, DashboardProbe.dataRows(table)) { fromHTML[code] = Int64(values[0]) }

        let csvResponse = try await DashboardProbe.get(app, base + "/functions?format=csv&" + query)
        #expect(csvResponse.contentType.hasPrefix("text/csv"))
        #expect(csvResponse.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"") == true)
        let csv = DashboardProbe.csv(csvResponse.text)
        let codeIndex = try #require(csv.header.firstIndex(of: "function"))
        let approvedIndex = try #require(csv.header.firstIndex(of: "approved"))
        #expect(csv.header.contains("name_fa") && csv.header.contains("name_en"))
        var fromCSV: [String: Int64] = [:]
        for row in csv.rows { fromCSV[row[codeIndex]] = Int64(row[approvedIndex]) }

        let json = try WebHarness.object(try await DashboardProbe.get(app, base + "/functions?format=json&" + query))
        var fromJSON: [String: Int64] = [:]
        for row in try #require(json["rows"] as? [[String: Any]]) {
            fromJSON[row["function"] as? String ?? ""] = (row["approved"] as? NSNumber)?.int64Value
        }
        return (fromHTML, fromCSV, fromJSON)
    }

    @Test func functionsAgreeAcrossHTMLCSVJSONAndTheAPI() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            for (query, cut) in [("year=1403", "year.year:1403"), ("year=1402&region=1", "year.year:1402|region.code:1")] {
                let totals = try await functionTotals(app, query: query)
                #expect(!totals.html.isEmpty)
                #expect(totals.html == totals.csv, "\(query)")
                #expect(totals.html == totals.json, "\(query)")
                let api = try WebHarness.object(try await WebHarness.get(
                    app, "/api/v1/aggregate?book=\(name)&measure=approved&drilldown=function&cut=\(cut)"))
                var fromAPI: [String: Int64] = [:]
                for cell in try #require(api["cells"] as? [[String: Any]]) {
                    fromAPI[cell["function.code"] as? String ?? ""] = (cell["approved.sum"] as? NSNumber)?.int64Value
                }
                #expect(totals.html == fromAPI, "\(query)")
            }
        }
    }

    @Test func filtersChangeTheNumbers() async throws {
        let book = WebHarness.smallBook
        try await DashboardProbe.withSignedInApp { app, _ in
            let all = try await functionTotals(app, query: "year=1403").html.values.reduce(0, +)
            let region1 = try await functionTotals(app, query: "year=1403&region=1").html.values.reduce(0, +)
            let onlyTransport = try await functionTotals(app, query: "year=1403&function=transport_traffic").html
            #expect(all == book.budgetLines.filter { $0.year == 1403 }.reduce(0) { $0 + $1.approved.rials })
            #expect(region1 == book.budgetLines.filter { $0.year == 1403 && $0.regionCode == "1" }.reduce(0) { $0 + $1.approved.rials })
            #expect(region1 < all)
            #expect(Array(onlyTransport.keys) == ["transport_traffic"])
        }
    }

    @Test func regionsTableMatchesItsCSV() async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let html = try await DashboardProbe.get(app, base + "/regions?year=1403").text
            #expect(html.contains("regions-figure-title"))
            let rows = DashboardProbe.dataRows(DashboardProbe.table(html, id: "regions"))
            let csv = DashboardProbe.csv(try await DashboardProbe.get(app, base + "/regions?year=1403&format=csv").text)
            let approvedIndex = try #require(csv.header.firstIndex(of: "approved"))
            #expect(rows.count == csv.rows.count)
            let csvApproved = csv.rows.map { $0[approvedIndex] }
            // A row's data values start with the central administration's code (shown as «—») or the
            // population, when it has them.
            let codeIndex = try #require(csv.header.firstIndex(of: "region")), populationIndex = try #require(csv.header.firstIndex(of: "population"))
            let pageApproved = zip(rows, csv.rows).map { row, line in
                row[(line[codeIndex] == Region.centralCode ? 1 : 0) + (line[populationIndex].isEmpty ? 0 : 1)]
            }
            #expect(pageApproved == csvApproved)
        }
    }
}
