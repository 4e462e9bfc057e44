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
            let typed = form.username ?? ""
            // A name that breaks the account rules cannot exist: it is checked like an unknown account,
            // and only its escaped form reaches the audit log.
            let username = (try? AccountPasswords.normalizedUsername(typed).get()) ?? ""
            let auditedName = username.isEmpty ? AuditTrail.printable(typed) : username
            let password = form.password ?? ""
            let keys = ["user:" + (username.isEmpty ? auditedName : username), "client:" + request.clientAddress]
            // The attempt is counted before the password is checked, so simultaneous attempts cannot
            // all pass the limit; a success gives its place back.
            let reservedAt: Date
            switch await auth.throttle.reserve(keys) {
            case .refused(let wait):
                let minutes = max(1, (wait + 59) / 60)
                throw BilingualError(.tooManyRequests,
                                     fa: "تلاش‌های ناموفق ورود بسیار بوده است؛ \(PersianDigits.of(minutes)) دقیقهٔ دیگر دوباره بکوشید.",
                                     en: "Too many failed sign-ins; try again in \(minutes) minutes.",
                                     headers: ["Retry-After": String(wait)])
            case .admitted(let date):
                reservedAt = date
            }
            let credentials: AccountCredentials?
            let matches: Bool
            do {
                // Always one bcrypt verify, so an unknown or disabled account answers as slowly as a wrong password.
                (credentials, matches) = try await auth.passwords.admitted {
                    let credentials = username.isEmpty ? nil : try await auth.accounts.credentials(named: username)
                    let hash = credentials.flatMap { $0.account.disabled ? nil : $0.passwordHash } ?? auth.dummyHash
                    let matches = try await auth.passwords.compute { AccountPasswords.verify(password, hash: hash) }
                    return (credentials, matches)
                }
            } catch {
                await auth.throttle.release(keys, reservedAt: reservedAt)
                throw error
            }
            guard matches, let account = credentials?.account, !account.disabled else {
                try await AuditTrail.record(request, to: auth.audit, action: "login.failure", target: auditedName,
                                            detail: credentials == nil ? "unknown account" : "wrong password or disabled account")
                return loginPage(request, next: next, status: .unauthorized, language: language,
                                 error: language.pick("نام کاربری یا گذرواژه درست نیست.", "The username or password is wrong."))
            }
            // Success clears the username's failures only: one's own account must not reset the address's count.
            await auth.throttle.clear([keys[0]])
            await auth.throttle.release([keys[1]], reservedAt: reservedAt)
            let token = SessionTokens.random()
            let now = Date()
            try await auth.accounts.createSession(accountID: account.id, tokenHash: SessionTokens.hash(token), csrfToken: SessionTokens.random(),
                                                  createdAt: now, expiresAt: now.addingTimeInterval(auth.settings.sessionLifetime))
            try await AuditTrail.record(request, to: auth.audit, action: "login.success", target: account.username,
                                        actor: account.username)
            try await auth.accounts.deleteExpiredSessions(now: now)
            let response = request.redirect(to: next ?? PortalPages.link("/dashboard", language).description, redirectType: .normal)
            response.cookies[SessionTokens.sessionCookie] = SessionTokens.sessionCookie(token, lifetime: auth.settings.sessionLifetime)
            response.cookies[SessionTokens.loginCSRFCookie] = SessionTokens.expired(secure: false)
            return response
        }

        app.post("logout") { request async throws -> Response in
            let language = WebLanguage(request: request)
            if let viewer = request.viewer {
                try await auth.accounts.deleteSession(tokenHash: viewer.tokenHash)
                try await AuditTrail.record(request, to: auth.audit, action: "logout", target: viewer.account.username)
            }
            let response = request.redirect(to: PortalPages.link("/", language).description, redirectType: .normal)
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
