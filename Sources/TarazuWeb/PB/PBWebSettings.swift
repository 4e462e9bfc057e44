import Foundation
import TarazuParticipation

/// Settings of the participatory budgeting pages and the SMS webhook.
public struct PBWebSettings: Sendable {
    /// Sends codes and SMS replies.
    public var gateway: any SMSGateway
    /// The shared secret the SMS operator sends in `X-Tarazu-Gateway-Token`; nil disables the inbound webhook (401).
    public var inboundToken: String?
    /// The voter-hash key (TARAZU_PB_KEY, base64 of 32 bytes); nil keeps a generated one in the store.
    public var voterKey: String?
    /// One-time code limits: 6 digits, 5 minutes, 5 attempts, 60 s between codes by default.
    public var codePolicy: OneTimeCodePolicy
    /// Codes sent per number and per client address within `sendWindow`.
    public var maxCodesPerPhone: Int
    public var maxCodesPerClient: Int
    public var sendWindow: TimeInterval
    /// Wrong codes per client address within `sendWindow` before that address must wait.
    public var maxWrongCodesPerClient: Int
    /// The clock (tests move it).
    public var now: @Sendable () -> Date

    /// Defaults: 3 codes per number and 20 per address per hour, 30 wrong codes per address per hour.
    public init(gateway: any SMSGateway = LogSMSGateway(), inboundToken: String? = nil, voterKey: String? = nil,
                codePolicy: OneTimeCodePolicy = .standard, maxCodesPerPhone: Int = 3, maxCodesPerClient: Int = 20,
                sendWindow: TimeInterval = 3600, maxWrongCodesPerClient: Int = 30,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.gateway = gateway
        self.inboundToken = inboundToken
        self.voterKey = voterKey
        self.codePolicy = codePolicy
        self.maxCodesPerPhone = maxCodesPerPhone
        self.maxCodesPerClient = maxCodesPerClient
        self.sendWindow = sendWindow
        self.maxWrongCodesPerClient = maxWrongCodesPerClient
        self.now = now
    }

    /// From the environment: TARAZU_SMS_TOKEN (inbound webhook secret), TARAZU_PB_KEY (voter-hash
    /// key), TARAZU_SMS_WEBHOOK_URL and TARAZU_SMS_WEBHOOK_TOKEN (an HTTP webhook gateway), else
    /// a log gateway that also appends to TARAZU_SMS_LOG when set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> PBWebSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let gateway: any SMSGateway
        if let url = value("TARAZU_SMS_WEBHOOK_URL") {
            gateway = HTTPWebhookSMSGateway(url: url, token: value("TARAZU_SMS_WEBHOOK_TOKEN") ?? "")
        } else {
            gateway = LogSMSGateway(file: value("TARAZU_SMS_LOG"))
        }
        return PBWebSettings(gateway: gateway, inboundToken: value("TARAZU_SMS_TOKEN"), voterKey: value("TARAZU_PB_KEY"))
    }
}
