import Foundation
import TarazuStore
import Vapor

/// /admin/users and /admin/audit (role admin). Changes are POSTs (CSRF-checked) that redirect back (303).
enum AdminRoutes {
    static let auditPageSize = 50

    private struct NewUserForm: Content {
        var username: String?
        var display_name: String?
        var role: String?
        var password: String?
    }

    private struct RoleForm: Content {
        var role: String?
    }

    static func register(_ app: Application, auth: AuthContext) {
        let admin = AccessPolicy.routes(app, requiring: .admin).grouped("admin")

        admin.get("users") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try signedIn(request)
            let accounts = try await auth.accounts.accounts()
            return PortalPages.htmlResponse(AdminPages.users(accounts, viewer: viewer, language: language), language: language)
        }

        admin.post("users") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let form = (try? request.content.decode(NewUserForm.self)) ?? NewUserForm()
            let username: String
            switch AccountPasswords.normalizedUsername(form.username ?? "") {
            case .success(let name): username = name
            case .failure(let problem): throw BilingualError(.badRequest, fa: problem.persian, en: problem.description)
            }
            let role = try parseRole(form.role)
            let password = form.password ?? ""
            if let problem = AccountPasswords.problem(password) {
                throw BilingualError(.badRequest, fa: problem.fa, en: problem.en)
            }
            let display = (form.display_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let hash = try await auth.passwords.run {
                try AccountPasswords.hash(password, cost: auth.settings.bcryptCost)
            }
            do {
                _ = try await auth.accounts.addAccount(username: username, displayName: display.isEmpty ? username : display, role: role,
                                                       passwordHash: hash,
                                                       audit: AuditTrail.entry(request, action: "user.add", target: username, detail: "role \(role.rawValue)"))
            } catch StoreError.conflict {
                throw BilingualError(.badRequest, fa: "نام کاربری «\(username)» پیش‌تر گرفته شده است.",
                                     en: "The username '\(username)' is already taken.")
            }
            return request.redirect(to: PortalPages.link("/admin/users", language).description, redirectType: .normal)
        }

        admin.post("users", ":username", "role") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let username = try otherAccount(request)
            let role = try parseRole((try? request.content.decode(RoleForm.self))?.role)
            try await change(auth) {
                try await auth.accounts.setRole(of: username, to: role,
                                                audit: AuditTrail.entry(request, action: "user.role", target: username, detail: "role \(role.rawValue)"))
            }
            return request.redirect(to: PortalPages.link("/admin/users", language).description, redirectType: .normal)
        }

        admin.post("users", ":username", "disable") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let username = try otherAccount(request)
            try await change(auth) {
                try await auth.accounts.setDisabled(username, true, audit: AuditTrail.entry(request, action: "user.disable", target: username))
            }
            return request.redirect(to: PortalPages.link("/admin/users", language).description, redirectType: .normal)
        }

        admin.get("audit") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try signedIn(request)
            let total = try await auth.audit.auditCount()
            let pages = max(1, total / auditPageSize + (total % auditPageSize == 0 ? 0 : 1))
            // A page past the last shows the last: `page` comes from the address and may be any integer.
            let page = min(max(1, try QueryParameters.integer(request, "page") ?? 1), pages)
            let entries = try await auth.audit.auditLog(limit: auditPageSize, offset: (page - 1) * auditPageSize)
            return PortalPages.htmlResponse(AdminPages.audit(entries, page: page, pages: pages, viewer: viewer, language: language),
                                            language: language)
        }
    }

    static func signedIn(_ request: Request) throws -> Viewer {
        guard let viewer = request.viewer else {
            throw BilingualError(.forbidden, fa: "برای این کار باید وارد شوید.", en: "You must sign in to do this.")
        }
        return viewer
    }

    private static func parseRole(_ text: String?) throws -> AccountRole {
        guard let text, let role = AccountRole(rawValue: text) else {
            throw BilingualError(.badRequest, fa: "نقش باید یکی از شورا، کارشناس یا مدیر سامانه باشد.",
                                 en: "The role must be one of council, analyst, admin.")
        }
        return role
    }

    /// The `:username` of the route; an administrator cannot disable or demote their own account.
    private static func otherAccount(_ request: Request) throws -> String {
        let viewer = try signedIn(request)
        guard let username = request.parameters.get("username"), !username.isEmpty else {
            throw BilingualError(.badRequest, fa: "نام کاربری نیامده است.", en: "The username is missing.")
        }
        guard username != viewer.account.username else {
            throw BilingualError(.badRequest, fa: "نمی‌توانید حساب خودتان را تغییر دهید یا غیرفعال کنید.",
                                 en: "You cannot change or disable your own account.")
        }
        return username
    }

    private static func change(_ auth: AuthContext, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch StoreError.notFound(let text) {
            throw BilingualError(.notFound, fa: "چنین حسابی نیست.", en: text)
        }
    }
}
