import Foundation
import TarazuCore
import TarazuStore
import Vapor

/// Who may use which route: one table keyed by a route's first path component. Every registered route
/// must be in it (a test checks); the protected areas are mounted with ``routes(_:requiring:)``, so the
/// role check is bound to the route itself, not to a reading of the URL.
public enum AccessPolicy {
    /// What a route requires.
    public enum Requirement: Hashable, Sendable {
        /// Anyone, signed in or not.
        case everyone
        /// A signed-in account with at least this role.
        case role(AccountRole)
    }

    /// First path component ("" for the home page) to requirement.
    public static let table: [String: Requirement] = [
        "": .everyone, "books": .everyone, "api": .everyone, "assets": .everyone, "openapi.json": .everyone, "healthz": .everyone,
        "login": .everyone, "logout": .everyone,
        // Participatory budgeting: public pages and voting; results before the tally phase check the
        // analyst role in the route; /pb/sms/inbound authenticates the gateway's shared secret instead.
        "pb": .everyone,
        "dashboard": .role(.council),
        "manage": .role(.analyst),
        "admin": .role(.admin),
    ]

    /// The requirement of a route whose path starts with `first`, or nil when the table does not say.
    public static func requirement(forFirstComponent first: String) -> Requirement? { table[first] }

    /// A builder whose routes refuse anyone below `role`: signed out, an HTML GET is sent to
    /// `/login?next=PATH` (303); a signed-in account with a lower role gets a 403 page naming the role.
    /// Register e.g. `DashboardRoutes.register(AccessPolicy.routes(app, requiring: .council), ...)`, with
    /// paths that start with the table's prefix for that role.
    public static func routes(_ builder: any RoutesBuilder, requiring role: AccountRole) -> any RoutesBuilder {
        builder.grouped(RoleMiddleware(role: role))
    }

    /// `next` if it is a path on this site (`/...`, not `//host` or `/\host`, no control characters), else nil.
    static func localPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), next.count <= 2048, !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        return next
    }

    /// `/login?next=...` for `request`'s path and query.
    static func loginRedirect(for request: Request) -> Response {
        var target = request.url.path
        if let query = request.url.query, !query.isEmpty { target += "?" + query }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let encoded = target.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        let language = WebLanguage(request: request)
        return request.redirect(to: "/login?" + (language == .en ? "lang=en&" : "") + "next=" + encoded, redirectType: .normal)
    }
}

/// Refuses a request below `role` (see ``AccessPolicy/routes(_:requiring:)``).
struct RoleMiddleware: AsyncMiddleware {
    let role: AccountRole

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let viewer = request.viewer else {
            if request.method == .GET || request.method == .HEAD { return AccessPolicy.loginRedirect(for: request) }
            throw BilingualError(.forbidden, fa: "برای این کار باید وارد شوید.", en: "You must sign in to do this.")
        }
        guard viewer.account.role >= role else { throw Self.refusal(viewer, needs: role) }
        return try await next.respond(to: request)
    }

    /// The 403 for a signed-in `viewer` whose role is below `role`.
    static func refusal(_ viewer: Viewer, needs role: AccountRole) -> BilingualError {
        BilingualError(.forbidden,
                       fa: "این صفحه نقش «\(AccountPages.roleName(role, .fa))» یا بالاتر می‌خواهد؛ نقش شما «\(AccountPages.roleName(viewer.account.role, .fa))» است.",
                       en: "This page needs the role \(role.rawValue) or higher; yours is \(viewer.account.role.rawValue).")
    }
}

/// A refusal with its reason in both languages (``Bilingual``); the error page shows the one the request asked for.
struct BilingualError: AbortError, Sendable {
    var status: HTTPResponseStatus
    var message: Bilingual
    var headers: HTTPHeaders = [:]
    var reason: String { message.en }

    init(_ status: HTTPResponseStatus, fa: String, en: String, headers: HTTPHeaders = [:]) {
        self.status = status
        message = Bilingual(fa: fa, en: en)
        self.headers = headers
    }
}
