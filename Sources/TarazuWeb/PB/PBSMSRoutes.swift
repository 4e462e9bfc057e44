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
            // Refusals go to the gateway, in Persian unless it asks for English (Accept-Language: en).
            let english = request.headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("en") ?? false
            let say = { (fa: String, en: String) in english ? en : fa }
            guard let expected = context.settings.inboundToken, !expected.isEmpty,
                  let given = request.headers.first(name: tokenHeader), ConstantTime.equal(given, expected) else {
                return plain(say("دسترسی ندارید: سرآیند \(tokenHeader) نیامده یا نادرست است.",
                                 "unauthorized: missing or wrong \(tokenHeader)") + "\n", .unauthorized)
            }
            guard let inbound = try? request.content.decode(Inbound.self), let from = inbound.from, let text = inbound.text else {
                return plain(say("درخواست نادرست: فرستنده (from) و متن (text) را بفرستید.", "bad request: send from and text (JSON or form)") + "\n",
                             .badRequest)
            }
            let phone: String
            do {
                phone = try PhoneNumber.normalize(from)
            } catch let error as PhoneNumberError {
                return plain(say("درخواست نادرست (شمارهٔ فرستنده): \(error.message.fa)", "bad request: from: \(error.message.en)") + "\n",
                             .badRequest)
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

    /// The process an SMS goes to: the one named by the gateway; else the one open for voting; else, when several
    /// are open, the one whose ballots hold the message's first project number, if only one does (the reply then
    /// names it). An unknown name, or several open processes that the number does not tell apart, is answered
    /// without recording anything; so is help, or a message that is not a ballot, while several are open (the
    /// reply names them).
    static func ballotReply(phone: String, text: String, processSlug: String?, now: Date, context: PBContext) async throws -> SMSReply {
        let processes = try await context.pb.pbProcesses()
        let open = processes.filter { $0.definition.process.isVotingOpen(at: now) }
        let stored: PBStoredProcess
        var named: Bilingual?
        if let processSlug, !processSlug.isEmpty {
            guard let found = processes.first(where: { $0.slug == processSlug }) else {
                return .unknownProcess(open: open.map { shortName($0.definition) })
            }
            stored = found
        } else if open.count > 1 {
            let first = (try? SMSBallotParser.parse(text))?.projects.first
            let holding = open.filter { process in first.map { process.definition.process.proposal($0)?.isOnBallot == true } ?? false }
            if holding.count == 1 {
                stored = holding[0]
                named = shortName(stored.definition)
            } else if SMSBallotParser.asksForHelp(text) || !SMSBallotParser.isBallot(text) {
                return .severalOpen(open: open.map { shortName($0.definition) })
            } else {
                return .ambiguous(open: open.map { shortName($0.definition) })
            }
        } else {
            guard let only = open.first else { return .votingClosed }
            stored = only
        }
        let process = stored.definition.process
        let voting = process.phase(.voting)
        if now < voting.start { return .notOpenYet(opens: voting.start) }
        if now >= voting.end { return .closed(at: voting.end, open: open.map { shortName($0.definition) }) }
        let smsDistrict = stored.definition.settings.smsDistrict
        let usual = SMSBallotParser.defaultDistrict(process, smsDistrict: smsDistrict)
        if SMSBallotParser.asksForHelp(text) { return .help(process.rules, example: SMSBallotParser.example(process, district: usual)) }
        guard SMSBallotParser.isBallot(text) else { return .notABallot(example: SMSBallotParser.example(process, district: usual)) }
        var choices: PBChoices
        do {
            choices = try SMSBallotParser.parse(text)
        } catch {
            return .invalid(error.message)
        }
        let district = smsDistrict ?? choices.projects.first.flatMap { process.proposal($0)?.district } ?? usual
        switch (process.rules, choices) {
        case (.cumulative, .approvals), (.approval, .points), (.costLimitedApproval, .points), (.ranking, .points):
            return .wrongForm(process.rules, example: SMSBallotParser.example(process, district: process.budget(for: district) == nil ? usual : district))
        default: break
        }
        if case .ranking = process.rules { choices = choices.asRanking() }
        let hasher = try await context.hasher()
        let ballot = CitizenBallot(voterKey: hasher.voterKey(phone: phone), district: district, choices: choices)
        do {
            let receipt = try await context.pb.castPBBallot(process: stored.slug, ballot, channel: .sms, at: now)
            return .accepted(choices.projects, replaced: receipt.replaced != nil, process: named, ballot: district)
        } catch let error as BallotBoxError {
            return error.smsReply
        }
    }

    /// A process's name short enough for an SMS: its `short_name` setting, else its title without
    /// «بودجه‌ریزی مشارکتی» ("participatory budget"): «تبریز ۱۴۰۵» / "Tabriz 1405".
    static func shortName(_ definition: PBProcessDefinition) -> Bilingual {
        if let name = definition.settings.shortName { return name }
        let process = definition.process
        func short(_ title: String, _ words: String) -> String {
            let rest = title.replacingOccurrences(of: words, with: "", options: .caseInsensitive)
                .split(separator: " ").joined(separator: " ")
            return rest.isEmpty ? title : rest
        }
        return Bilingual(fa: short(process.title.fa, "بودجه‌ریزی مشارکتی"), en: short(process.title.en, "participatory budget"))
    }

    static func plain(_ text: String, _ status: HTTPResponseStatus) -> Response {
        let response = Response(status: status)
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.body = .init(string: text)
        return response
    }
}
