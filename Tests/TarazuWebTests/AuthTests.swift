import Foundation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Sign-in, sign-out, sessions, CSRF and the sign-in limits, over HTTP in process.
@Suite struct AuthTests {
    @Test func loginPageSetsADoubleSubmitCookie() async throws {
        try await WebHarness.withApp { app, _ in
            let page = try await WebHarness.get(app, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("dir=\"rtl\"") && page.text.contains("name=\"csrf_token\""))
            #expect(!page.text.lowercased().contains("<script"))
            let cookie = try #require(AuthHarness.setCookie(page, SessionTokens.loginCSRFCookie))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(page.headers.first(name: .cacheControl) == "private, no-store")
            let english = try await WebHarness.get(app, "/login?lang=en")
            #expect(english.text.contains("lang=\"en\"") && english.text.contains("Sign in"))
        }
    }

    @Test func signInSetsASecureSessionAndShowsTheAccountBar() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .analyst)
            let response = try await AuthHarness.logIn(app, "Sara")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/dashboard")
            let cookie = try #require(AuthHarness.setCookie(response, SessionTokens.sessionCookie))
            for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] { #expect(cookie.contains(flag), "\(flag)") }
            let token = try #require(AuthHarness.cookieValue(response, SessionTokens.sessionCookie))
            #expect(token.count == 43)
            // The store keeps the hash only.
            #expect(try await stores.accounts.session(tokenHash: token) == nil)
            let session = try #require(try await stores.accounts.session(tokenHash: SessionTokens.hash(token)))
            #expect(abs(session.expiresAt.timeIntervalSince(session.createdAt) - 8 * 3600) < 0.01)
            let dashboard = try await WebHarness.get(app, "/dashboard/\(WebHarness.smallBook.metadata.name)", headers: ["Cookie": "\(SessionTokens.sessionCookie)=\(token)"])
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Sara") && dashboard.text.contains("action=\"/logout\""))
            #expect(dashboard.text.contains("value=\"\(session.csrfToken)\""))
            #expect(dashboard.headers.first(name: .cacheControl) == "private, no-store")
            #expect(try await stores.audit.auditLog(limit: 1).first?.action == "login.success")
        }
    }

    @Test func signInWithoutOrWithAWrongCSRFTokenDoesNothing() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .admin)
            let fields = [("username", "sara"), ("password", AuthHarness.password)]
            let missing = try await AuthHarness.post(app, "/login", cookie: nil, fields: fields)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("کاری انجام نشد"))
            let token = try await AuthHarness.loginToken(app)
            let wrong = try await AuthHarness.post(app, "/login?lang=en", cookie: "tarazu_csrf=\(token)",
                                                   fields: fields + [("csrf_token", token + "x")])
            #expect(wrong.status == .forbidden)
            #expect(wrong.text.contains("nothing was done"))
            #expect(AuthHarness.setCookie(wrong, SessionTokens.sessionCookie) == nil)
            #expect(try await stores.audit.auditCount() == 0)
        }
    }

    @Test func wrongPasswordAndUnknownAccountAreRefusedAlike() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .council)
            let wrong = try await AuthHarness.logIn(app, "sara", password: "not the password at all")
            let unknown = try await AuthHarness.logIn(app, "nobody")
            for response in [wrong, unknown] {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("نام کاربری یا گذرواژه درست نیست"))
                #expect(AuthHarness.setCookie(response, SessionTokens.sessionCookie) == nil)
            }
            try await stores.accounts.setDisabled("sara", true, audit: nil)
            let disabled = try await AuthHarness.logIn(app, "sara")
            #expect(disabled.status == .unauthorized)
            #expect(try await stores.audit.auditLog(limit: 5).map(\.action) == ["login.failure", "login.failure", "login.failure"])
        }
    }

    @Test func fiveFailuresLockTheUsernameFor15Minutes() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .council)
            for _ in 0..<5 {
                #expect(try await AuthHarness.logIn(app, "sara", password: "wrong wrong wrong").status == .unauthorized)
            }
            // Counted before the password is checked: even the right one is refused now.
            let limited = try await AuthHarness.logIn(app, "sara")
            #expect(limited.status == .tooManyRequests)
            let retry = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retry > 800 && retry <= 900)
            #expect(AuthHarness.setCookie(limited, SessionTokens.sessionCookie) == nil)
        }
    }

    @Test func successResetsTheUsernameButNotTheAddress() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .council)
            for _ in 0..<4 { _ = try await AuthHarness.logIn(app, "sara", password: "wrong wrong wrong") }
            #expect(try await AuthHarness.logIn(app, "sara").status == .seeOther)
            // The fifth failure from this address (in process, every request has the same one) locks it.
            #expect(try await AuthHarness.logIn(app, "sara", password: "wrong wrong wrong").status == .unauthorized)
            #expect(try await AuthHarness.logIn(app, "sara").status == .tooManyRequests)
        }
        let throttle = LoginThrottle(limit: 5, window: 900)
        let now = Date()
        for _ in 0..<4 { #expect(await throttle.reserve(["user:sara", "client:1"], now: now) == .admitted(reservedAt: now)) }
        await throttle.clear(["user:sara"])
        #expect(await throttle.reserve(["user:sara", "client:2"], now: now) == .admitted(reservedAt: now))
        #expect(await throttle.reserve(["user:ali", "client:1"], now: now) == .admitted(reservedAt: now))
        #expect(await throttle.reserve(["user:ali", "client:1"], now: now) == .refused(retryAfter: 900))
        #expect(await throttle.reserve(["user:ali", "client:1"], now: now.addingTimeInterval(901)) == .admitted(reservedAt: now.addingTimeInterval(901)))
        // A released attempt gives its place back.
        let later = now.addingTimeInterval(2000)
        for _ in 0..<4 { _ = await throttle.reserve(["client:3"], now: later) }
        await throttle.release(["client:3"], reservedAt: later)
        #expect(await throttle.reserve(["client:3"], now: later) == .admitted(reservedAt: later))
        #expect(await throttle.reserve(["client:3"], now: later) == .admitted(reservedAt: later))
        #expect(await throttle.reserve(["client:3"], now: later) == .refused(retryAfter: 900))
    }

    @Test func simultaneousAttemptsCannotPassTheLimit() async throws {
        // Regression (review M2): 30 attempts at once each checked the count before any failure was
        // recorded, so all 30 were checked. Reserving first admits exactly the limit.
        let throttle = LoginThrottle(limit: 5, window: 900)
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    if case .admitted = await throttle.reserve(["user:sara", "client:1"]) { return true }
                    return false
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 5)
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .council)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 0..<12 {
                    group.addTask { try await AuthHarness.logIn(app, "sara", password: attempt == 11 ? AuthHarness.password : "wrong wrong wrong").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            // At most 5 wrong passwords are checked; the right one, if it comes early enough, signs in
            // (and, as a success, clears the username's count, so one more wrong one may follow it).
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .seeOther }.count <= 1)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 6)
        }
    }

    @Test func passwordChecksBeyondCapacityAreRefusedWith503() async throws {
        let checks = PasswordChecks(threads: 1, capacity: 2)
        let gate = AsyncGate()
        async let first: Int = checks.admitted { await gate.wait(); return 1 }
        async let second: Int = checks.admitted { await gate.wait(); return 2 }
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: BilingualError.self) { try await checks.admitted { 3 } }
        await gate.open()
        #expect(try await first + second == 3)
        #expect(try await checks.run { 4 } == 4)
        await checks.shutdown()
    }

    @Test func nextMustBeALocalPath() async throws {
        try await WebHarness.withApp { app, stores in
            try await AuthHarness.addAccount(stores.accounts, "sara", role: .admin)
            for (next, expected) in [("/admin/users", "/admin/users"), ("//evil.example/x", "/dashboard"),
                                     ("https://evil.example/", "/dashboard"), ("/\\evil.example", "/dashboard")] {
                let response = try await AuthHarness.logIn(app, "sara", next: next)
                #expect(response.headers.first(name: .location) == expected, "\(next)")
            }
            #expect(AccessPolicy.localPath("/manage?x=1") == "/manage?x=1")
            #expect(AccessPolicy.localPath("/a\nb") == nil)
        }
    }

    @Test func signedOutAndExpiredSessionsAreSentToSignIn() async throws {
        try await WebHarness.withApp { app, stores in
            let signedOut = try await WebHarness.get(app, "/dashboard?lang=en")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location) == "/login?lang=en&next=/dashboard%3Flang%3Den")
            let account = try await AuthHarness.addAccount(stores.accounts, "ali", role: .council)
            let expired = try await AuthHarness.session(stores.accounts, account, expiresIn: -1)
            #expect(try await WebHarness.get(app, "/dashboard", headers: expired.headers).status == .seeOther)
            let unknown = try await WebHarness.get(app, "/dashboard", headers: ["Cookie": "tarazu_session=made-up"])
            #expect(unknown.status == .seeOther)
        }
    }

    @Test func signOutEndsTheSessionOnlyWithItsToken() async throws {
        try await WebHarness.withApp { app, stores in
            let session = try await AuthHarness.signedIn(stores.accounts, "ali", role: .council)
            let forged = try await AuthHarness.post(app, "/logout", cookie: session.cookie, fields: [("csrf_token", "forged")])
            #expect(forged.status == .forbidden)
            #expect(try await WebHarness.get(app, "/dashboard/\(WebHarness.smallBook.metadata.name)", headers: session.headers).status == .ok)
            let out = try await AuthHarness.post(app, "/logout", cookie: session.cookie, fields: [("csrf_token", session.csrf)])
            #expect(out.status == .seeOther)
            #expect(AuthHarness.setCookie(out, SessionTokens.sessionCookie)?.contains("Max-Age=0") == true)
            #expect(try await WebHarness.get(app, "/dashboard", headers: session.headers).status == .seeOther)
            #expect(try await stores.audit.auditLog(limit: 1).first?.action == "logout")
        }
    }

    @Test func tooLowARoleGetsA403NamingTheRole() async throws {
        try await WebHarness.withApp { app, stores in
            let council = try await AuthHarness.signedIn(stores.accounts, "ali", role: .council)
            let page = try await WebHarness.get(app, "/admin/users", headers: council.headers)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("مدیر سامانه"))
            let english = try await WebHarness.get(app, "/admin/users?lang=en", headers: council.headers)
            #expect(english.text.contains("needs the role admin"))
        }
    }
}

/// Holds tasks until it is opened.
actor AsyncGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
