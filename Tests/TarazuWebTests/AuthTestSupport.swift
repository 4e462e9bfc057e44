import Foundation
import NIOCore
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Accounts, sessions and form posts for the tests of the signed-in part of the site.
enum AuthHarness {
    static let password = "correct horse battery"

    /// A signed-in session made directly in the store: the Cookie header value and the CSRF token.
    struct Session {
        var cookie: String
        var csrf: String
        var headers: HTTPHeaders { ["Cookie": cookie] }
    }

    @discardableResult
    static func addAccount(_ accounts: any AccountRepository, _ username: String, role: AccountRole,
                           password: String = password) async throws -> Account {
        try await accounts.addAccount(username: username, displayName: username.capitalized, role: role,
                                   passwordHash: try AccountPasswords.hash(password, cost: 4))
    }

    static func session(_ accounts: any AccountRepository, _ account: Account, expiresIn lifetime: TimeInterval = 3600) async throws -> Session {
        let token = SessionTokens.random()
        let csrf = SessionTokens.random()
        let now = Date()
        try await accounts.createSession(accountID: account.id, tokenHash: SessionTokens.hash(token), csrfToken: csrf,
                                      createdAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(lifetime))
        return Session(cookie: "\(SessionTokens.sessionCookie)=\(token)", csrf: csrf)
    }

    static func signedIn(_ accounts: any AccountRepository, _ username: String, role: AccountRole) async throws -> Session {
        try await session(accounts, try await addAccount(accounts, username, role: role))
    }

    /// `application/x-www-form-urlencoded` text of `fields`.
    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    static func post(_ app: Application, _ path: String, cookie: String?, fields: [(String, String)]) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers.add(name: "Cookie", value: cookie) }
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: form(fields)))
    }

    /// GET /login: the double-submit token (cookie value and hidden field are the same).
    static func loginToken(_ app: Application) async throws -> String {
        let page = try await WebHarness.get(app, "/login")
        let cookie = try #require(cookieValue(page, SessionTokens.loginCSRFCookie))
        #expect(page.text.contains("value=\"\(cookie)\""))
        return cookie
    }

    /// Signs in through POST /login.
    static func logIn(_ app: Application, _ username: String, password: String = password, next: String = "") async throws -> TestingHTTPResponse {
        let token = try await loginToken(app)
        return try await post(app, "/login", cookie: "\(SessionTokens.loginCSRFCookie)=\(token)",
                              fields: [("csrf_token", token), ("username", username), ("password", password), ("next", next)])
    }

    static func setCookie(_ response: TestingHTTPResponse, _ name: String) -> String? {
        response.headers[.setCookie].first { $0.hasPrefix(name + "=") }
    }

    static func cookieValue(_ response: TestingHTTPResponse, _ name: String) -> String? {
        guard let header = setCookie(response, name) else { return nil }
        return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
    }
}
