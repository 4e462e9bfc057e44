import Foundation
import TarazuCore
import TarazuStore
import Vapor

/// Checks every POST before anything is done: the `csrf_token` field must equal the session's token, or,
/// with no session (the sign-in form), the `tarazu_csrf` double-submit cookie. A mismatch is a 403.
///
/// The body is read here, up to Vapor's default limit, or, on the paths of `largeBodies` (uploads), up
/// to that path's limit, but only for a signed-in account with the path's role, and only while fewer
/// than `maxLargeBodies` such bodies are being received or handled (else 503): nobody can make the
/// server hold large bodies without an account. A form of more than `maxFormFields` fields is refused
/// before it is parsed (the form parsers take time that grows with the square of repeated fields).
struct CSRFMiddleware: AsyncMiddleware {
    struct LargeBody: Sendable {
        var limit: Int
        var role: AccountRole
    }

    let largeBodies: [String: LargeBody]
    private let largeBodiesInFlight: AdmissionLimit
    static let maxFormFields = 500
    /// Exact paths of machine-to-machine webhooks that authenticate otherwise (the SMS gateway's
    /// shared secret): no CSRF token is asked of them.
    let exemptPaths: Set<String>

    init(largeBodies: [String: LargeBody], maxLargeBodies: Int, exemptPaths: Set<String>) {
        self.largeBodies = largeBodies
        self.largeBodiesInFlight = AdmissionLimit(capacity: maxLargeBodies)
        self.exemptPaths = exemptPaths
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !exemptPaths.contains(request.url.path) else { return try await next.respond(to: request) }
        guard let large = largeBodies[request.url.path] else {
            try await check(request, limit: request.application.routes.defaultMaxBodySize.value)
            return try await next.respond(to: request)
        }
        guard let viewer = request.viewer else {
            throw BilingualError(.forbidden, fa: "برای این کار باید وارد شوید.", en: "You must sign in to do this.")
        }
        guard viewer.account.role >= large.role else { throw RoleMiddleware.refusal(viewer, needs: large.role) }
        let busy = BilingualError(.serviceUnavailable,
                                  fa: "بارگذاری‌های دیگری در جریان است؛ چیزی نوشته نشد. یک دقیقهٔ دیگر دوباره بکوشید.",
                                  en: "Other uploads are being received; nothing was written. Try again in a minute.",
                                  headers: ["Retry-After": "60"])
        return try await largeBodiesInFlight.admitted(or: busy) {
            try await check(request, limit: large.limit)
            return try await next.respond(to: request)
        }
    }

    /// Reads the body (up to `limit`), refuses a form with too many fields, then checks the token.
    private func check(_ request: Request, limit: Int) async throws {
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
        if let body = request.body.data, Self.fieldCount(body, contentType: request.headers.contentType) > Self.maxFormFields {
            throw BilingualError(.badRequest,
                                 fa: "فرم بیش از \(PersianDigits.of(Self.maxFormFields)) خانه دارد؛ کاری انجام نشد.",
                                 en: "The form has more than \(Self.maxFormFields) fields; nothing was done.")
        }
        let field = try? request.content.get(String.self, at: SessionTokens.csrfField)
        let expected = request.viewer?.csrfToken ?? request.cookies[SessionTokens.loginCSRFCookie]?.string
        guard let field, let expected, !expected.isEmpty, ConstantTime.equal(field, expected) else {
            throw BilingualError(.forbidden,
                                 fa: "برگهٔ امنیتی فرم نیست یا با نشست شما نمی‌خواند؛ کاری انجام نشد. صفحه را دوباره باز کنید و دوباره بفرستید.",
                                 en: "The form's security token is missing or does not match your session; nothing was done. Reload the page and send it again.")
        }
    }

    /// The fields of a URL-encoded form (`&`-separated), or the parts of a multipart body up to 1 MB
    /// (its boundary lines); 0 for anything else. Larger multipart bodies are single uploads.
    static func fieldCount(_ body: ByteBuffer, contentType: HTTPMediaType?) -> Int {
        guard let contentType else { return 0 }
        let bytes = body.readableBytesView
        if contentType == .urlEncodedForm {
            return bytes.reduce(into: 1) { count, byte in if byte == UInt8(ascii: "&") { count += 1 } }
        }
        guard contentType.type == "multipart", bytes.count <= 1 << 20,
              let boundary = contentType.parameters["boundary"], !boundary.isEmpty else { return 0 }
        let delimiter = Array(("--" + boundary).utf8)
        guard let first = delimiter.first else { return 0 }
        var count = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == first, bytes[index...].starts(with: delimiter) {
                count += 1
                index += delimiter.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// `bytes` in whole megabytes, or kilobytes below one megabyte.
    static func size(_ bytes: Int, _ language: WebLanguage) -> String {
        bytes >= 1_048_576
            ? WebFormat.integer(Int64(bytes / 1_048_576), language) + language.pick(" مگابایت", " MB")
            : WebFormat.integer(Int64(bytes / 1024), language) + language.pick(" کیلوبایت", " KB")
    }
}
