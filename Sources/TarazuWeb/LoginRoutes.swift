import Foundation
import TarazuStore
import Vapor

/// GET/POST /login and POST /logout.
enum LoginRoutes {
    private struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    static func register(_ app: Application, auth: AuthContext) {
        app.get("login") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let next = AccessPolicy.localPath(try? request.query.get(String.self, at: "next"))
            return loginPage(request, next: next, status: .ok, language: language, error: nil)
        }

        app.post("login") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
            let next = AccessPolicy.localPath(form.next)
            let username = (form.username ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let password = form.password ?? ""
            let keys = ["user:" + username, "client:" + request.clientAddress]
            if let wait = await auth.throttle.retryAfter(keys) {
                let minutes = max(1, (wait + 59) / 60)
                throw BilingualError(.tooManyRequests,
                                     fa: "تلاش‌های ناموفق ورود بسیار بوده است؛ \(PersianDigits.of(minutes)) دقیقهٔ دیگر دوباره بکوشید.",
                                     en: "Too many failed sign-ins; try again in \(minutes) minutes.",
                                     headers: ["Retry-After": String(wait)])
            }
            let credentials = username.isEmpty ? nil : try await auth.store.credentials(named: username)
            let hash = credentials.flatMap { $0.account.disabled ? nil : $0.passwordHash } ?? auth.dummyHash
            // Always one bcrypt verify, so an unknown or disabled account answers as slowly as a wrong password.
            let matches = try await request.application.threadPool.runIfActive {
                AccountPasswords.verify(password, hash: hash)
            }
            guard matches, let account = credentials?.account, !account.disabled else {
                await auth.throttle.recordFailure(keys)
                try await AuditTrail.record(request, store: auth.store, action: "login.failure", target: username,
                                            detail: credentials == nil ? "unknown account" : "wrong password or disabled account")
                return loginPage(request, next: next, status: .unauthorized, language: language,
                                 error: language.pick("نام کاربری یا گذرواژه درست نیست.", "The username or password is wrong."))
            }
            // Success clears the username's failures only: one's own account must not reset the address's count.
            await auth.throttle.reset([keys[0]])
            let token = SessionTokens.random()
            let now = Date()
            try await auth.store.createSession(accountID: account.id, tokenHash: SessionTokens.hash(token), csrfToken: SessionTokens.random(),
                                               createdAt: now, expiresAt: now.addingTimeInterval(auth.settings.sessionLifetime))
            try await AuditTrail.record(request, store: auth.store, action: "login.success", target: account.username,
                                        actor: account.username)
            try await auth.store.deleteExpiredSessions(now: now)
            let response = request.redirect(to: next ?? PortalPages.link("/dashboard", language), redirectType: .normal)
            response.cookies[SessionTokens.sessionCookie] = SessionTokens.sessionCookie(token, lifetime: auth.settings.sessionLifetime)
            response.cookies[SessionTokens.loginCSRFCookie] = SessionTokens.expired(secure: false)
            return response
        }

        app.post("logout") { request async throws -> Response in
            let language = WebLanguage(request: request)
            if let viewer = request.viewer {
                try await auth.store.deleteSession(tokenHash: viewer.tokenHash)
                try await AuditTrail.record(request, store: auth.store, action: "logout", target: viewer.account.username)
            }
            let response = request.redirect(to: PortalPages.link("/", language), redirectType: .normal)
            response.cookies[SessionTokens.sessionCookie] = SessionTokens.expired(secure: true)
            return response
        }
    }

    /// The sign-in page. Without a session it sets a fresh double-submit cookie and puts the same token
    /// in the form; with one, the form carries the session's token.
    private static func loginPage(_ request: Request, next: String?, status: HTTPResponseStatus, language: WebLanguage,
                                  error: String?) -> Response {
        let csrf = request.viewer?.csrfToken ?? SessionTokens.random()
        let html = AccountPages.login(csrf: csrf, next: next, viewer: request.viewer, error: error, language: language)
        let response = PortalPages.htmlResponse(html, language: language, status: status)
        if request.viewer == nil {
            response.cookies[SessionTokens.loginCSRFCookie] = SessionTokens.loginCSRFCookie(csrf)
        }
        return response
    }
}
