import Foundation
import TarazuCore
import TarazuStore
import Vapor

/// Audit entries for web actions: the actor is the signed-in username (or "-"), the client the socket's address.
enum AuditTrail {
    static func entry(_ request: Request, action: String, target: String, detail: String = "", actor: String? = nil) -> AuditEntry {
        AuditEntry(actor: actor ?? request.viewer?.account.username ?? "-", action: action, target: target, detail: detail,
                   client: request.clientAddress)
    }

    /// `text` as the audit log keeps it: control and bidirectional characters escaped, at most 64 characters.
    static func printable(_ text: String) -> String { PrintableText.escaped(text, maxLength: 64) }

    /// Writes an entry on its own (for actions that change nothing else, such as a failed sign-in).
    static func record(_ request: Request, to audit: any AuditRepository, action: String, target: String, detail: String = "",
                       actor: String? = nil) async throws {
        try await audit.appendAudit(entry(request, action: action, target: target, detail: detail, actor: actor))
    }
}

extension WebFormat {
    /// A time of day, Tehran time: "۱۴:۰۵:۰۹" or "14:05:09".
    static func time(_ date: Date, _ language: WebLanguage) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return digits(String(format: "%02ld:%02ld:%02ld", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0), language)
    }
}
