import Foundation
import Vapor

/// Sends text messages (one-time codes, SMS ballot replies) through an SMS operator.
public protocol SMSGateway: Sendable {
    /// Sends `text` to the normalized mobile number `to` ("+989...").
    func send(to: String, text: String, client: any Client, logger: Logger) async throws
}

/// For development and tests: writes each message to the server log (number masked) and, when
/// `file` is set, appends it as a JSON line {"to", "text"} to that file (which therefore holds
/// phone numbers and codes in clear: never use it in production).
public struct LogSMSGateway: SMSGateway {
    /// The file that gets one JSON line per message, or nil.
    public let file: String?

    /// A gateway writing to the log and to `file`.
    public init(file: String? = nil) {
        self.file = file
    }

    public func send(to: String, text: String, client: any Client, logger: Logger) async throws {
        logger.info("SMS to \(Self.masked(to)): \(text)")
        guard let file else { return }
        let line = try JSONSerialization.data(withJSONObject: ["to": to, "text": text], options: [.sortedKeys]) + Data("\n".utf8)
        try Self.append(line, to: file)
    }

    /// One `write` on a descriptor opened with O_APPEND, so simultaneous messages neither overwrite
    /// nor interleave each other (a seek to the end and a write were two steps).
    static func append(_ line: Data, to file: String) throws {
        let descriptor = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
    }

    /// "+98912***4567".
    static func masked(_ number: String) -> String {
        number.count > 9 ? String(number.prefix(6)) + "***" + String(number.suffix(4)) : "***"
    }
}

/// A generic HTTP webhook of an SMS operator: POSTs JSON {"to", "text"} to `url` with
/// `Authorization: Bearer TOKEN`; any answer but 2xx is an error.
public struct HTTPWebhookSMSGateway: SMSGateway {
    /// Where to POST.
    public let url: String
    /// The bearer token.
    public let token: String

    /// A webhook gateway.
    public init(url: String, token: String) {
        self.url = url
        self.token = token
    }

    private struct Message: Content {
        var to: String
        var text: String
    }

    public func send(to: String, text: String, client: any Client, logger: Logger) async throws {
        let response = try await client.post(URI(string: url)) { request in
            request.headers.bearerAuthorization = BearerAuthorization(token: token)
            try request.content.encode(Message(to: to, text: text), as: .json)
        }
        guard (200..<300).contains(response.status.code) else {
            logger.warning("SMS gateway answered \(response.status.code) for \(LogSMSGateway.masked(to))")
            throw Abort(.badGateway, reason: "the SMS gateway answered \(response.status.code)")
        }
    }
}
