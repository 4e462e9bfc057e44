import Foundation
import TarazuCore
import TarazuParticipation
import TarazuStore
import Vapor

/// POST /pb/sms/inbound: the SMS operator's webhook for ballots sent by SMS.
///
/// Machine to machine: authenticated by the shared secret in `X-Tarazu-Gateway-Token`
/// (TARAZU_SMS_TOKEN; without it configured every call is 401) and exempt from the CSRF check.
/// The body is JSON or a form with `from` and `text` (and optionally `process`, a slug; else the
/// one process whose voting is open). The sender's number is the identity (the operator
/// verified it), hashed like the web's, so one person has one ballot across channels. The ballot's
/// district is the process's `sms_district` setting, else the district of the first project
/// number in the message. The reply (`SMSReply`, in the language the message is written in, so that
/// it fits one SMS) is the response body (text/plain) and is sent back through the gateway.
enum PBSMSRoutes {
    static let path = "/pb/sms/inbound"
    static let tokenHeader = "X-Tarazu-Gateway-Token"

    private struct Inbound: Content {
        var from: String?
        var text: String?
        var process: String?
    }

    static func register(_ app: Application, context: PBContext) {
        app.post("pb", "sms", "inbound") { request async throws -> Response in
            guard let expected = context.settings.inboundToken, !expected.isEmpty,
                  let given = request.headers.first(name: tokenHeader), ConstantTime.equal(given, expected) else {
                return plain("unauthorized: missing or wrong \(tokenHeader)\n", .unauthorized)
            }
            guard let inbound = try? request.content.decode(Inbound.self), let from = inbound.from, let text = inbound.text else {
                return plain("bad request: send from and text (JSON or form)\n", .badRequest)
            }
            let phone: String
            do {
                phone = try PhoneNumber.normalize(from)
            } catch let error as PhoneNumberError {
                return plain("bad request: from: \(error.message.en)\n", .badRequest)
            }
            let now = context.settings.now()
            let reply = try await ballotReply(phone: phone, text: text, processSlug: inbound.process, now: now, context: context)
                .text(SMSBallotParser.language(of: text))
            do {
                try await context.settings.gateway.send(to: phone, text: reply, client: request.client, logger: request.logger)
            } catch {
                request.logger.warning("SMS reply not sent: \(error)")
            }
            return plain(reply + "\n", .ok)
        }
    }

    static func ballotReply(phone: String, text: String, processSlug: String?, now: Date, context: PBContext) async throws -> SMSReply {
        let processes = try await context.pb.pbProcesses()
        let stored: PBStoredProcess?
        if let processSlug, !processSlug.isEmpty {
            stored = processes.first { $0.slug == processSlug }
        } else {
            stored = processes.first { $0.definition.process.isVotingOpen(at: now) }
        }
        guard let stored else { return .votingClosed }
        let process = stored.definition.process
        let voting = process.phase(.voting)
        if now < voting.start { return .notOpenYet(opens: voting.start) }
        if now >= voting.end { return .closed(at: voting.end) }
        if SMSBallotParser.asksForHelp(text) { return .help(process.rules) }
        var choices: PBChoices
        do {
            choices = try SMSBallotParser.parse(text)
        } catch {
            return .invalid(error.message)
        }
        if case .ranking = process.rules { choices = choices.asRanking() }
        let district = stored.definition.settings.smsDistrict
            ?? choices.projects.first.flatMap { process.proposal($0)?.district } ?? .citywide
        let hasher = try await context.hasher()
        let ballot = CitizenBallot(voterKey: hasher.voterKey(phone: phone), district: district, choices: choices)
        do {
            let receipt = try await context.pb.castPBBallot(process: stored.slug, ballot, channel: .sms, at: now)
            return .accepted(choices.projects, replaced: receipt.replaced != nil)
        } catch let error as BallotBoxError {
            return error.smsReply
        }
    }

    static func plain(_ text: String, _ status: HTTPResponseStatus) -> Response {
        let response = Response(status: status)
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.body = .init(string: text)
        return response
    }
}
