import Foundation
import TarazuStore
import Vapor

/// The signed-in person of a request, with the synchronizer token their forms carry.
public struct Viewer: Sendable {
    public var account: Account
    /// The value of the hidden `csrf_token` field of every form of this session.
    public var csrfToken: String
    /// The SHA-256 of the session cookie's token (to end the session).
    var tokenHash: String
}

private struct ViewerKey: StorageKey {
    typealias Value = Viewer
}

extension Request {
    /// The signed-in account of this request, or nil when signed out (no, unknown or expired session).
    public var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The client's address as the socket saw it (X-Forwarded-For is not trusted), or "unknown".
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}

/// Finds the session named by the `tarazu_session` cookie and sets ``Vapor/Request/viewer``.
/// Responses to a signed-in request are never cached (`Cache-Control: private, no-store`).
struct ViewerMiddleware: AsyncMiddleware {
    let accounts: any AccountRepository

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[SessionTokens.sessionCookie]?.string, !token.isEmpty, token.count <= 128 {
            let hash = SessionTokens.hash(token)
            if let session = try await accounts.session(tokenHash: hash) {
                request.viewer = Viewer(account: session.account, csrfToken: session.csrfToken, tokenHash: hash)
            }
        }
        let response = try await next.respond(to: request)
        if request.viewer != nil || request.url.path.hasPrefix("/login") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        return response
    }
}
