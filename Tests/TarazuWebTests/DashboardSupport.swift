import Foundation
import TarazuCore
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Helpers for the dashboard tests: the `<data value>` numbers of a page's table, and CSV parsing.
enum DashboardProbe {
    static let name = WebHarness.smallBook.metadata.name
    static let base = "/dashboard/\(name)"

    /// The session cookie of the signed-in council member the dashboard tests act as.
    @TaskLocal static var cookie: String?

    /// ``WebHarness/withApp(books:auth:_:)`` with a council member signed in for ``get(_:_:headers:)``.
    static func withSignedInApp(books: [BudgetBook] = [WebHarness.smallBook],
                                _ body: (Application, Repositories) async throws -> Void) async throws {
        try await WebHarness.withApp(books: books) { app, repositories in
            let session = try await AuthHarness.signedIn(repositories.accounts, "council", role: .council)
            try await $cookie.withValue(session.cookie) { try await body(app, repositories) }
        }
    }

    /// A GET as the signed-in council member.
    static func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = headers
        if let cookie { headers.add(name: "Cookie", value: cookie) }
        return try await WebHarness.get(app, path, headers: headers)
    }

    /// The HTML of the table with `id` (from `<table id="table-ID"` to `</table>`).
    static func table(_ html: String, id: String) -> String {
        guard let start = html.range(of: "<table id=\"table-\(id)\""),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The rows of a table's body, each the list of `<data value="...">` values in order.
    static func dataRows(_ tableHTML: String) -> [[String]] {
        guard let body = tableHTML.range(of: "<tbody>") else { return [] }
        return tableHTML[body.upperBound...].components(separatedBy: "</tr>").dropLast().map { row in
            row.components(separatedBy: "<data value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
    }

    /// A simple CSV (no quoted commas in numeric columns) as header and rows.
    /// A CSV download (after its byte-order mark, which every one must carry) as header and rows.
    static func csv(_ text: String) -> (header: [String], rows: [[String]]) {
        #expect(text.hasPrefix("\u{FEFF}"), "a CSV download without its byte-order mark")
        var lines = String(text.drop { $0 == "\u{FEFF}" }).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.isEmpty ? [] : lines.removeFirst().components(separatedBy: ",")
        return (header, lines.map { splitCSV($0) })
    }

    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var iterator = Array(line).makeIterator()
        var previousQuote = false
        while let char = iterator.next() {
            if quoted {
                if char == "\"" { quoted = false; previousQuote = true; continue }
                current.append(char)
            } else if char == "\"" {
                if previousQuote { current.append("\"") }
                quoted = true
            } else if char == "," {
                fields.append(current); current = ""
            } else {
                current.append(char)
            }
            previousQuote = false
        }
        fields.append(current)
        return fields
    }
}
