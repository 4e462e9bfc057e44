import Crypto
import Foundation
import TarazuApplication
import TarazuCore
import Vapor

/// A refused request, with the reason shown to the client: in English (`reason`, the API's JSON and the
/// English pages) and in Persian (`persian`, the Persian pages; without it they say what the status means).
public struct WebError: AbortError, CustomStringConvertible, Sendable {
    public var status: HTTPResponseStatus
    public var reason: String
    public var persian: String?
    public var description: String { "\(status.code) \(reason)" }

    public init(_ status: HTTPResponseStatus, _ reason: String, fa persian: String? = nil) {
        self.status = status
        self.reason = reason
        self.persian = persian
    }

    /// A refusal with its reason in both languages; without `fa` (the API's own errors) a Persian page
    /// says what the status means.
    public static func notFound(_ reason: String, fa: String? = nil) -> WebError { WebError(.notFound, reason, fa: fa) }
    public static func badRequest(_ reason: String, fa: String? = nil) -> WebError { WebError(.badRequest, reason, fa: fa) }
    public static func unprocessable(_ reason: String, fa: String? = nil) -> WebError { WebError(.unprocessableEntity, reason, fa: fa) }

    /// What a status means, for a Persian page whose error has no Persian reason of its own.
    static func persianReason(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "این صفحه پیدا نشد."
        case 400: "درخواست نادرست است."
        case 403: "اجازهٔ دیدن این صفحه را ندارید."
        case 413: "پرونده بیش از اندازه بزرگ است."
        case 422: "این داده‌ها را نمی‌توان پردازش کرد."
        case 429: "درخواست‌ها بیش از اندازه بوده است؛ کمی بعد دوباره بکوشید."
        case 503: "سامانه موقتاً در دسترس نیست؛ کمی بعد دوباره بکوشید."
        default: "خطایی در سامانه رخ داد."
        }
    }
}

/// The HTTP header values the application sends.
public enum WebHeaders {
    /// The policy of every page but the report: no script at all, styles only from /assets.
    public static let strictCSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        + "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; style-src 'self'"
    /// The report is one self-contained file with an inline `<style>` and inline SVG (as `tarazu report`
    /// writes it), so its route allows inline styles, and still no script.
    public static let reportCSP = "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        + "frame-ancestors 'none'; form-action 'none'; img-src 'self' data:; style-src 'unsafe-inline'"
    public static let cacheControl = "public, max-age=60"
    public static let permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
}

/// Security headers on every response. A route may set its own Content-Security-Policy (the report does).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: WebHeaders.strictCSP)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: WebHeaders.permissionsPolicy)
        response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Cross-Origin-Resource-Policy", value: "same-origin")
        return response
    }
}

/// Strong ETags (SHA-256 of the body) and Cache-Control on successful GET and HEAD responses, and 304
/// when If-None-Match names the current tag. Other responses are marked `no-store`.
struct ETagMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.method == .GET || request.method == .HEAD, response.status == .ok,
              let buffer = response.body.buffer else {
            if !response.headers.contains(name: .cacheControl) {
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            }
            return response
        }
        let tag = Self.tag(of: buffer)
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        if !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: WebHeaders.cacheControl)
        }
        if Self.matches(request.headers[.ifNoneMatch], tag: tag) {
            let notModified = Response(status: .notModified)
            for name in [HTTPHeaders.Name.eTag, .cacheControl, .contentLocation, .vary] {
                if let value = response.headers.first(name: name) { notModified.headers.replaceOrAdd(name: name, value: value) }
            }
            if let csp = response.headers.first(name: "Content-Security-Policy") {
                notModified.headers.replaceOrAdd(name: "Content-Security-Policy", value: csp)
            }
            return notModified
        }
        return response
    }

    /// `"<first 32 hex digits of SHA-256>"`.
    static func tag(of buffer: ByteBuffer) -> String {
        let digest = SHA256.hash(data: Data(buffer.readableBytesView))
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/` is ignored; `*` matches.
    static func matches(_ values: [String], tag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var item = candidate.trimmingCharacters(in: .whitespaces)
                if item == "*" { return true }
                if item.hasPrefix("W/") { item.removeFirst(2) }
                if item == tag { return true }
            }
        }
        return false
    }
}

/// Turns errors into responses: JSON `{"error": "..."}` under /api and for /openapi.json, an HTML page
/// elsewhere (in the language the request asked for).
struct TarazuErrorMiddleware: AsyncMiddleware {
    let logger: Logger

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request, logger: logger)
        }
    }

    /// The error response for `error` (unexpected errors are logged and shown as "internal error").
    static func response(for error: any Error, request: Request, logger: Logger) -> Response {
        let status: HTTPResponseStatus
        let reason: Bilingual
        switch error {
        case let refusal as BilingualError:
            let response = Self.response(status: refusal.status, reason: refusal.message, for: request)
            for (name, value) in refusal.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        case let failure as DashboardError:
            switch failure {
            case .notFound: status = .notFound
            case .badRequest: status = .badRequest
            case .unprocessable: status = .unprocessableEntity
            }
            reason = failure.message
        case is Money.Overflow:
            status = .unprocessableEntity
            reason = Bilingual(fa: "جمع مبالغ از گنجایش ۶۴ بیتی ریال بیرون می‌زند.", en: "the sums overflow 64-bit rials")
        case let refusal as WebError:
            status = refusal.status
            reason = Bilingual(fa: refusal.persian ?? WebError.persianReason(status), en: refusal.reason)
        case let abort as any AbortError:
            status = abort.status
            reason = Bilingual(fa: WebError.persianReason(status),
                               en: abort.status == .notFound ? "no such page: \(request.url.path)" : abort.reason)
        default:
            status = .internalServerError
            reason = Bilingual(fa: WebError.persianReason(status), en: "internal error")
            logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
        }
        return response(status: status, reason: reason, for: request)
    }

    /// The error as the API's JSON (English) or as a page in the request's language.
    static func response(status: HTTPResponseStatus, reason: Bilingual, for request: Request) -> Response {
        let path = request.url.path
        if path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" {
            let response = Response(status: status)
            response.headers.contentType = .json
            response.body = .init(string: "{\"error\": \(JSONText.string(reason.en))}\n")
            return response
        }
        let language = WebLanguage(request: request)
        let signedInArea = ["/dashboard", "/manage", "/admin"].contains { path == $0 || path.hasPrefix($0 + "/") }
        let html = PortalPages.errorPage(status: status, reason: language.pick(reason), language: language, inDashboard: signedInArea)
        return PortalPages.htmlResponse(html, language: language, status: status)
    }
}

