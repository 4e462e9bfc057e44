import Foundation
import TarazuCore
import NIOCore
import TarazuParticipation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// A clock the tests move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// An app with PB processes, a log-file SMS gateway, a webhook token and a movable clock.
struct PBHarness {
    static let token = "gateway-secret"
    let app: Application
    let repositories: Repositories
    let clock: TestClock
    let smsLog: String
    var cookies: [String: String] = [:]

    /// The seven phases of a process around its voting days: three before, voting, three after.
    static func phases(votingStart: Date, votingEnd: Date) -> [PBPhase] {
        let day: TimeInterval = 86_400
        let times = [votingStart - 40 * day, votingStart - 30 * day, votingStart - 20 * day, votingStart,
                     votingEnd, votingEnd + 10 * day, votingEnd + 100 * day]
        let kinds = PBPhaseKind.allCases
        return kinds.indices.map { PBPhase(kinds[$0], start: times[$0], end: times[$0 + 1]) }
    }

    /// A process open for voting at `now` (citywide 1..3 and region 1: 11, 12; approval 1..2).
    static func definition(slug: String = "test-pb", now: Date, allowChanges: Bool = false, votingOpen: Bool = true,
                           tallied: Bool = false) throws -> PBProcessDefinition {
        let day: TimeInterval = 86_400
        let votingStart = votingOpen ? now - day : now - 3 * day
        let votingEnd = votingOpen ? now + day : (tallied ? now - 2 * day : now - day)
        let process = try PBProcess(
            id: slug, year: 1405, title: Bilingual(fa: "آزمون مشارکت", en: "PB test"),
            phases: phases(votingStart: votingStart, votingEnd: votingEnd),
            citywideBudget: 100, regionBudgets: ["1": 50], rules: .approval(minProjects: 1, maxProjects: 2),
            proposals: [
                PBProposal(id: "1", district: .citywide, title: "پارک <script>alert(1)</script>", cost: 60, status: .feasible),
                PBProposal(id: "2", district: .citywide, title: "کتابخانه", cost: 50, status: .feasible),
                PBProposal(id: "3", district: .citywide, title: "دوچرخه", cost: 40, status: .feasible),
                PBProposal(id: "11", district: .region("1"), title: "روشنایی", cost: 30, status: .feasible),
                PBProposal(id: "12", district: .region("1"), title: "آسفالت", cost: 30, status: .feasible),
            ])
        return PBProcessDefinition(process: process, settings: PBProcessSettings(allowChanges: allowChanges, rule: .mes))
    }

    static func with(_ definitions: (Date) throws -> [PBProcessDefinition], policy: OneTimeCodePolicy = .standard,
                     _ body: (inout PBHarness) async throws -> Void) async throws {
        let smsLog = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-sms-\(UUID().uuidString).log").path
        let clock = TestClock()
        let repositories = Repositories.inMemory()
        let app = try await Application.make(.testing)
        let settings = PBWebSettings(gateway: LogSMSGateway(file: smsLog), inboundToken: token, voterKey: "",
                                     codePolicy: policy, now: { clock.now })
        var harness = PBHarness(app: app, repositories: repositories, clock: clock, smsLog: smsLog)
        do {
            for definition in try definitions(clock.now) { _ = try await repositories.pb.addPBProcess(definition) }
            try await TarazuWebApp.configure(app, repositories: repositories, auth: AuthSettings(bcryptCost: 4), pb: settings)
            try await body(&harness)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: smsLog)
    }

    var pb: any PBRepository { repositories.pb }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func keep(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.prefix { $0 != ";" }
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: ["Cookie": cookieHeader])
        keep(response)
        return response
    }

    mutating func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if csrf, let token = cookies[SessionTokens.loginCSRFCookie] { all.append(("csrf_token", token)) }
        let response = try await AuthHarness.post(app, path, cookie: cookieHeader, fields: all)
        keep(response)
        return response
    }

    /// The last code sent to `phone` ("+98...") according to the log gateway's file.
    func lastCode(to phone: String) throws -> String {
        let text = (try? String(contentsOfFile: smsLog, encoding: .utf8)) ?? ""
        let line = try #require(text.split(separator: "\n").last { $0.contains(phone) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        let message = try #require(object["text"])
        return String(try #require(message.firstMatch(of: /[0-9۰-۹]{6}/)).output)
    }

    /// Steps 1 and 2: the number, then the code from the log; ends on the ballot step.
    mutating func verify(_ phone: String, slug: String = "test-pb", query: String = "") async throws {
        _ = try await get("/pb/\(slug)/vote" + query)
        let sent = try await post("/pb/\(slug)/vote/phone" + query, [("phone", phone)])
        #expect(sent.status == .seeOther, "\(sent.text)")
        let code = try lastCode(to: try PhoneNumber.normalize(phone))
        let confirmed = try await post("/pb/\(slug)/vote/code" + query, [("code", code)])
        #expect(confirmed.status == .seeOther, "\(confirmed.text)")
    }

    /// `text` from `from` to the SMS webhook, for `process` when given (else the one process open for voting).
    func sms(_ from: String, _ text: String, process: String? = nil, token: String? = PBHarness.token) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.add(name: PBSMSRoutes.tokenHeader, value: token) }
        var fields = ["from": from, "text": text]
        fields["process"] = process
        let body = try JSONSerialization.data(withJSONObject: fields)
        return try await app.testing().sendRequest(.POST, "/pb/sms/inbound", headers: headers, body: ByteBuffer(data: body))
    }
}
