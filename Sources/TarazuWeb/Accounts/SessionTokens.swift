import Crypto
import Foundation
import Vapor

/// Random tokens, their hashes, and the cookies that carry them.
enum SessionTokens {
    /// The session cookie: HttpOnly, Secure, SameSite=Strict, Path=/.
    static let sessionCookie = "tarazu_session"
    /// The sign-in form's double-submit cookie (no session exists yet): HttpOnly, SameSite=Strict, Path=/.
    static let loginCSRFCookie = "tarazu_csrf"
    /// The hidden field of every form.
    static let csrfField = "csrf_token"

    /// 32 random bytes, base64url without padding.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The hex SHA-256 of `token`: what the store keeps.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func sessionCookie(_ token: String, lifetime: TimeInterval) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(lifetime), path: "/", isSecure: true, isHTTPOnly: true, sameSite: .strict)
    }

    static func loginCSRFCookie(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 3600, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .strict)
    }

    /// A cookie that removes `name` from the browser.
    static func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure,
                          isHTTPOnly: true, sameSite: .strict)
    }
}
