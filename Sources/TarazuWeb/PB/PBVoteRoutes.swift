import Foundation
import TarazuCore
import TarazuHTML
import TarazuParticipation
import TarazuStore
import Vapor

/// /pb/:slug/vote: number -> code -> ballot -> receipt, on the web and at kiosks (`?kiosk=1`).
enum PBVoteRoutes {
    static func register(_ app: Application, context: PBContext) {
        app.get("pb", ":slug", "vote") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let now = context.settings.now()
            guard frame.process.isVotingOpen(at: now) else { return respond(PBVotePages.closed(frame, now: now), frame, csrf) }
            let hasher = try await context.hasher()
            if request.query[String.self, at: "restart"] == "1" {
                let response = respond(PBVotePages.phone(frame, error: nil), frame, csrf)
                response.cookies[PBFlow.cookie] = PBFlow.cleared()
                return response
            }
            switch PBFlow.read(request, slug: frame.slug, hasher: hasher, now: now)?.stage {
            case .ballot?: return request.redirect(to: frame.action("ballot").description, redirectType: .normal)
            case .code?: return request.redirect(to: frame.action("code").description, redirectType: .normal)
            case nil: return respond(PBVotePages.phone(frame, error: nil), frame, csrf)
            }
        }

        app.post("pb", ":slug", "vote", "phone") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let language = frame.language
            let now = context.settings.now()
            guard frame.process.isVotingOpen(at: now) else { return respond(PBVotePages.closed(frame, now: now), frame, csrf, .conflict) }
            let input = (try? request.content.get(String.self, at: "phone")) ?? ""
            let phone: String
            do {
                phone = try PhoneNumber.normalize(input)
            } catch let error as PhoneNumberError {
                return respond(PBVotePages.phone(frame, error: language.pick(error.message)), frame, csrf, .unprocessableEntity)
            }
            let hasher = try await context.hasher()
            let voterKey = hasher.voterKey(phone: phone)
            let phoneKeys = ["phone:" + frame.slug + ":" + voterKey]
            let clientKeys = ["client:" + request.clientAddress]
            // Both counts are taken before the code is made, so simultaneous requests cannot pass the limits.
            let phoneReserved: Date
            switch await context.codesPerPhone.reserve(phoneKeys, now: now) {
            case .refused(let wait): return tooMany(frame, csrf, seconds: wait, page: PBVotePages.phone)
            case .admitted(let date): phoneReserved = date
            }
            switch await context.codesPerClient.reserve(clientKeys, now: now) {
            case .refused(let wait):
                await context.codesPerPhone.release(phoneKeys, reservedAt: phoneReserved)
                return tooMany(frame, csrf, seconds: wait, page: PBVotePages.phone)
            case .admitted: break
            }
            let policy = context.settings.codePolicy
            var generator = SystemRandomNumberGenerator()
            let code = (try? OneTimeCodeState.issue(at: now, previous: nil, policy: policy, using: &generator))?.code ?? ""
            do {
                try await context.pb.issuePBCode(process: frame.slug, phoneHash: voterKey,
                                                 codeHash: hasher.codeHash(voterKey: voterKey, code: code), at: now, policy: policy)
            } catch OneTimeCodeIssueError.cooldown(let seconds) {
                await context.codesPerPhone.release(phoneKeys, reservedAt: phoneReserved)
                await context.codesPerClient.release(clientKeys, reservedAt: phoneReserved)
                return tooMany(frame, csrf, seconds: seconds, page: PBVotePages.phone, codeJustSent: true)
            }
            do {
                let city = try await context.city(of: frame.settings, language)
                try await context.settings.gateway.send(to: phone, text: codeMessage(code, policy: policy, city: city, language),
                                                        client: request.client, logger: request.logger)
            } catch {
                request.logger.warning("PB code not sent: \(error)")
                return respond(PBVotePages.phone(frame, error: language.pick("فرستادن پیامک ممکن نشد؛ چند دقیقهٔ دیگر دوباره بکوشید.",
                                                                             "The SMS could not be sent; try again in a few minutes.")),
                               frame, csrf, .badGateway)
            }
            let flow = PBFlow(stage: .code, slug: frame.slug, voterKey: voterKey, expires: now.addingTimeInterval(policy.lifetime + 60))
            let response = request.redirect(to: frame.action("code").description, redirectType: .normal)
            response.cookies[PBFlow.cookie] = flow.cookieValue(hasher)
            return response
        }

        app.get("pb", ":slug", "vote", "code") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let hasher = try await context.hasher()
            guard PBFlow.read(request, slug: frame.slug, hasher: hasher, now: context.settings.now())?.stage == .code else {
                return request.redirect(to: PBPages.link(frame.base, frame.language, kiosk: frame.kiosk).description, redirectType: .normal)
            }
            return respond(PBVotePages.code(frame, error: nil), frame, csrf)
        }

        app.post("pb", ":slug", "vote", "code") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let language = frame.language
            let now = context.settings.now()
            let hasher = try await context.hasher()
            guard let flow = PBFlow.read(request, slug: frame.slug, hasher: hasher, now: now), flow.stage == .code else {
                return request.redirect(to: PBPages.link(frame.base, language, kiosk: frame.kiosk).description, redirectType: .normal)
            }
            let clientKeys = ["client:" + request.clientAddress]
            // Counted as wrong before it is checked (simultaneous guesses cannot pass the limit); a code that
            // is not wrong gives its place back.
            let reserved: Date
            switch await context.wrongCodes.reserve(clientKeys, now: now) {
            case .refused(let wait): return tooMany(frame, csrf, seconds: wait, page: PBVotePages.code)
            case .admitted(let date): reserved = date
            }
            let input = ChoiceText.normalize((try? request.content.get(String.self, at: "code")) ?? "").replacingOccurrences(of: " ", with: "")
            let result: OneTimeCodeVerification
            do {
                result = try await context.pb.verifyPBCode(process: frame.slug, phoneHash: flow.voterKey,
                                                           codeHash: hasher.codeHash(voterKey: flow.voterKey, code: input),
                                                           at: now, policy: context.settings.codePolicy)
            } catch {
                await context.wrongCodes.release(clientKeys, reservedAt: reserved)
                throw error
            }
            switch result {
            case .wrong, .locked: break
            case .ok, .expired, .alreadyUsed: await context.wrongCodes.release(clientKeys, reservedAt: reserved)
            }
            switch result {
            case .ok:
                // Someone who already voted learns it now, with their receipt, not after filling in a ballot.
                if !frame.settings.allowChanges,
                   let earlier = try await context.pb.pbBallots(process: frame.slug).first(where: { $0.voterHash == flow.voterKey }) {
                    let response = respond(PBVotePages.alreadyVoted(frame, channel: earlier.channel, receipt: earlier.receipt), frame, csrf, .conflict)
                    response.cookies[PBFlow.cookie] = PBFlow.cleared()
                    return response
                }
                let next = PBFlow(stage: .ballot, slug: frame.slug, voterKey: flow.voterKey, expires: now.addingTimeInterval(30 * 60))
                let response = request.redirect(to: frame.action("ballot").description, redirectType: .normal)
                response.cookies[PBFlow.cookie] = next.cookieValue(hasher)
                return response
            case .wrong(let left):
                let n = WebFormat.integer(Int64(left), language)
                return respond(PBVotePages.code(frame, error: language.pick("کد درست نیست؛ \(n) بار دیگر فرصت دارید.",
                                                                            "Wrong code; \(left) tries left.")), frame, csrf, .unprocessableEntity)
            case .expired, .alreadyUsed:
                return respond(PBVotePages.code(frame, error: language.pick("این کد دیگر معتبر نیست؛ کد تازه بخواهید.",
                                                                            "The code has expired; ask for a new one.")), frame, csrf, .gone)
            case .locked:
                return respond(PBVotePages.code(frame, error: language.pick("کد نادرست بیش از اندازه وارد شد؛ کد تازه بخواهید.",
                                                                            "Too many wrong codes; ask for a new one.")), frame, csrf, .tooManyRequests)
            }
        }

        app.get("pb", ":slug", "vote", "ballot") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let now = context.settings.now()
            guard frame.process.isVotingOpen(at: now) else { return respond(PBVotePages.closed(frame, now: now), frame, csrf) }
            let hasher = try await context.hasher()
            guard PBFlow.read(request, slug: frame.slug, hasher: hasher, now: now)?.stage == .ballot else {
                return request.redirect(to: PBPages.link(frame.base, frame.language, kiosk: frame.kiosk).description, redirectType: .normal)
            }
            let open = PBPages.districts(frame.process).filter { !frame.process.ballotProjects(for: $0).isEmpty }
            let asked = request.query[String.self, at: "district"].map(PBDistrict.init(code:))
            guard let district = asked.flatMap({ open.contains($0) ? $0 : nil }) ?? (open.count == 1 ? open[0] : nil) else {
                return respond(PBVotePages.chooseDistrict(frame), frame, csrf)
            }
            return respond(PBVotePages.ballot(frame, district: district, chosen: [:], problems: []), frame, csrf)
        }

        app.post("pb", ":slug", "vote", "ballot") { request async throws -> Response in
            let (frame, csrf) = try await PBVoteRoutes.frame(request, context)
            let language = frame.language
            let now = context.settings.now()
            let hasher = try await context.hasher()
            guard let flow = PBFlow.read(request, slug: frame.slug, hasher: hasher, now: now), flow.stage == .ballot else {
                return request.redirect(to: PBPages.link(frame.base, language, kiosk: frame.kiosk).description, redirectType: .normal)
            }
            let form = (try? request.content.decode([String: String].self)) ?? [:]
            let district = PBDistrict(code: form["district"] ?? "")
            guard frame.process.budget(for: district) != nil else {
                return respond(PBVotePages.chooseDistrict(frame), frame, csrf, .unprocessableEntity)
            }
            let (choices, chosen, formProblems) = PBBallotForm.choices(form, process: frame.process, district: district, language: language)
            if !formProblems.isEmpty {
                return respond(PBVotePages.ballot(frame, district: district, chosen: chosen, problems: formProblems), frame, csrf, .unprocessableEntity)
            }
            let ballot = CitizenBallot(voterKey: flow.voterKey, district: district, choices: choices)
            do {
                let receipt = try await context.pb.castPBBallot(process: frame.slug, ballot, channel: frame.kiosk ? .kiosk : .web, at: now)
                let response = respond(PBVotePages.receipt(frame, receipt: receipt.receipt, replaced: receipt.replaced != nil,
                                                           district: district, projects: choices.projects), frame, csrf)
                response.cookies[PBFlow.cookie] = PBFlow.cleared()
                if frame.kiosk { response.cookies[SessionTokens.loginCSRFCookie] = SessionTokens.expired(secure: false) }
                return response
            } catch let error as BallotBoxError {
                switch error {
                case .invalid(let problems):
                    return respond(PBVotePages.ballot(frame, district: district, chosen: chosen,
                                                      problems: problems.map { language.pick($0.message) }), frame, csrf, .unprocessableEntity)
                case .closed, .notOpenYet:
                    return respond(PBVotePages.closed(frame, now: now), frame, csrf, .conflict)
                case .alreadyVoted, .noVoterKey:
                    let response = respond(PBVotePages.ballot(frame, district: district, chosen: chosen,
                                                              problems: [language.pick(error.message)]), frame, csrf, .conflict)
                    response.cookies[PBFlow.cookie] = PBFlow.cleared()
                    return response
                }
            }
        }
    }

    static func frame(_ request: Request, _ context: PBContext) async throws -> (PBVotePages.Frame, (token: String, isNew: Bool)) {
        let stored = try await context.process(request)
        let csrf = PBCSRF.token(request)
        let kiosk = request.query[String.self, at: "kiosk"] == "1"
        let regions = await context.regionNames(stored.definition.settings)
        return (PBVotePages.Frame(process: stored.definition.process, slug: stored.slug, language: WebLanguage(request: request),
                                  kiosk: kiosk, csrf: csrf.token, codePolicy: context.settings.codePolicy,
                                  settings: stored.definition.settings, regionNames: regions.names), csrf)
    }

    /// The SMS that carries a one-time code, in the page's language: who asks (the municipality of `city`, else
    /// participatory budgeting), the code, how long it is valid, within one SMS (70 characters in Persian).
    static func codeMessage(_ code: String, policy: OneTimeCodePolicy, city: String?, _ language: WebLanguage) -> String {
        let lifetime = PBTimeText(language: language).duration(policy.lifetime)
        guard language == .fa else {
            let whose = city.map { "Municipality of \($0) participatory budgeting" } ?? "Participatory budgeting"
            return "\(whose) voting code: \(code) (valid \(lifetime), do not share it)"
        }
        let digits = PersianText.persianDigits(code)
        let tail = "\(digits) (\(lifetime) اعتبار دارد؛ به کسی ندهید)"
        // «کد تأیید رأی بودجه‌ریزی مشارکتی شهرداری …» with the code and its lifetime never fits 70 characters: the
        // municipality is named when it fits, else the vote.
        let forms = (city.map { ["کد تأیید رأی شهرداری \($0): \(tail)"] } ?? [])
            + ["کد تأیید رأی بودجه‌ریزی مشارکتی: \(digits) (\(lifetime) اعتبار؛ به کسی ندهید)", "کد تأیید رأی: \(tail)"]
        return forms.first { $0.utf16.count <= 70 } ?? forms[forms.count - 1]
    }

    static func respond(_ page: HTMLNode, _ frame: PBVotePages.Frame, _ csrf: (token: String, isNew: Bool),
                        _ status: HTTPResponseStatus = .ok) -> Response {
        let response = PortalPages.htmlResponse(page, language: frame.language, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        PBCSRF.attach(csrf, to: response, kiosk: frame.kiosk)
        return response
    }

    /// A 429 on `page` saying when to try again; `codeJustSent` when the number was sent a code moments ago.
    static func tooMany(_ frame: PBVotePages.Frame, _ csrf: (token: String, isNew: Bool), seconds: Int,
                        page: (PBVotePages.Frame, String?) -> HTMLNode, codeJustSent: Bool = false) -> Response {
        let language = frame.language
        let wait = PBTimeText(language: language).later(TimeInterval(seconds))
        let text = codeJustSent
            ? language.pick("همین حالا کدی به این شماره فرستاده شد؛ اگر نرسید، \(wait) دوباره بخواهید.",
                            "A code was just sent to this number; if it has not arrived, ask again \(wait).")
            : language.pick("درخواست‌ها بیش از اندازه بوده است؛ \(wait) دوباره بکوشید.", "Too many requests; try again \(wait).")
        let response = respond(page(frame, text), frame, csrf, .tooManyRequests)
        response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds))
        return response
    }
}

/// Reads the ballot form: fields `p_ID` ("1" for a ticked box, a number for points or ranks).
enum PBBallotForm {
    static func choices(_ form: [String: String], process: PBProcess, district: PBDistrict,
                        language: WebLanguage) -> (PBChoices, [String: String], [String]) {
        var chosen: [String: String] = [:]
        var problems: [String] = []
        var numbers: [(String, Int)] = []
        let order = process.proposals.map(\.id)
        let fields = form.filter { $0.key.hasPrefix("p_") && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { (String($0.key.dropFirst(2)), $0.value) }
            .sorted { (order.firstIndex(of: $0.0) ?? .max, $0.0) < (order.firstIndex(of: $1.0) ?? .max, $1.0) }
        for (id, value) in fields {
            chosen[id] = value
            if case .approval = process.rules { continue }
            if case .costLimitedApproval = process.rules { continue }
            guard let number = Int(PersianText.asciiDigits(PersianText.normalize(value))) else {
                let what = if case .ranking = process.rules { language.pick("رتبهٔ", "the rank of") } else { language.pick("امتیاز", "the points of") }
                problems.append(language.pick("\(what) طرح \(WebFormat.digits(id, language)) را با عدد بنویسید.", "Write \(what) project \(id) as a number."))
                continue
            }
            if case .cumulative = process.rules, number == 0 { continue }
            numbers.append((id, number))
        }
        switch process.rules {
        case .approval, .costLimitedApproval: return (.approvals(fields.map(\.0)), chosen, problems)
        case .cumulative: return (.points(numbers.map { PBPoints($0.0, $0.1) }), chosen, problems)
        case .ranking: return (.ranking(numbers.map { PBRank($0.0, $0.1) }), chosen, problems)
        }
    }
}
