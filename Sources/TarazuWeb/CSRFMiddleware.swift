import Foundation
import TarazuCore
import Vapor

/// Checks every POST before anything is done: the `csrf_token` field must equal the session's token, or,
/// with no session (the sign-in form), the `tarazu_csrf` double-submit cookie. A mismatch is a 403.
/// The body is read here, up to the route's limit: `bodyLimits` (exact path to bytes) or Vapor's default.
struct CSRFMiddleware: AsyncMiddleware {
    var bodyLimits: [String: Int] = [:]
    /// Exact paths of machine-to-machine webhooks that authenticate otherwise (the SMS gateway's
    /// shared secret): no CSRF token is asked of them.
    var exemptPaths: Set<String> = []

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !exemptPaths.contains(request.url.path) else { return try await next.respond(to: request) }
        let limit = bodyLimits[request.url.path] ?? request.application.routes.defaultMaxBodySize.value
        let tooLarge = BilingualError(.payloadTooLarge,
                                      fa: "فرستاده بزرگ‌تر از \(Self.size(limit, .fa)) است؛ چیزی نوشته نشد.",
                                      en: "The upload is larger than \(Self.size(limit, .en)); nothing was written.")
        if let collected = request.body.data, collected.readableBytes > limit { throw tooLarge }
        if request.body.data == nil {
            if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit { throw tooLarge }
            do {
                _ = try await request.body.collect(max: limit).get()
            } catch let error as any AbortError where error.status == .payloadTooLarge {
                throw tooLarge
            }
        }
        let field = try? request.content.get(String.self, at: SessionTokens.csrfField)
        let expected = request.viewer?.csrfToken ?? request.cookies[SessionTokens.loginCSRFCookie]?.string
        guard let field, let expected, !expected.isEmpty, ConstantTime.equal(field, expected) else {
            throw BilingualError(.forbidden,
                                 fa: "برگهٔ امنیتی فرم نیست یا با نشست شما نمی‌خواند؛ کاری انجام نشد. صفحه را دوباره باز کنید و دوباره بفرستید.",
                                 en: "The form's security token is missing or does not match your session; nothing was done. Reload the page and send it again.")
        }
        return try await next.respond(to: request)
    }

    /// `bytes` in whole megabytes, or kilobytes below one megabyte.
    static func size(_ bytes: Int, _ language: WebLanguage) -> String {
        bytes >= 1_048_576
            ? WebFormat.integer(Int64(bytes / 1_048_576), language) + language.pick(" مگابایت", " MB")
            : WebFormat.integer(Int64(bytes / 1024), language) + language.pick(" کیلوبایت", " KB")
    }
}
