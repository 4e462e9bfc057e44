import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuParticipation

/// The four steps of voting on the web and at a kiosk.
enum PBVotePages {
    struct Frame {
        var process: PBProcess
        var slug: String
        var language: WebLanguage
        var kiosk: Bool
        var csrf: String
        /// The one-time code's limits, as the code step explains them.
        var codePolicy: OneTimeCodePolicy = .standard
        /// The process's settings (whether a ballot may be changed, its book).
        var settings = PBProcessSettings()

        var base: Link { PBPages.processPath(slug).appending(path: "/vote") }
        /// The region names of the process's book, when the route has read them.
        var regionNames: [String: Bilingual] = [:]
        /// How the pages name a ballot's district (``PBRegionNames``).
        var regions: PBRegionNames { PBRegionNames(populations: settings.populations, names: regionNames) }
        func action(_ step: StaticString) -> Link { PBPages.link(base.appending(path: "/").appending(path: step), language, kiosk: kiosk) }
        func page(path: Link, refresh: Link? = nil, @HTMLBuilder _ body: () -> [HTMLNode]) -> HTMLNode {
            PBPages.page(PBPages.title(process, language) + " – " + language.pick("رأی", "Vote"), language,
                         switchPath: PBPages.link(path, language.other, kiosk: kiosk), kiosk: kiosk, refresh: refresh,
                         body: .group { HTMLNode.line("h1") { PBPages.title(process, language) }; HTMLNode.group(body()) })
        }

        /// A voting form posting to `step`, with the CSRF field and then a newline.
        func form(_ step: StaticString, @HTMLBuilder _ fields: () -> [HTMLNode]) -> HTMLNode {
            .line("form", ["class": "pb-form", "method": "post", "action": action(step)]) {
                AccountPages.csrfField(csrf)
                "\n"
                HTMLNode.group(fields())
            }
        }
    }

    /// `<p><a href=LINK>TEXT</a></p>` and a newline.
    private static func linkLine(_ link: Link, _ text: String) -> HTMLNode {
        .line("p") { HTMLNode.element("a", ["href": link]) { text } }
    }

    private static func error(_ text: String?) -> HTMLNode {
        guard let text else { return .empty }
        return .line("p", ["class": "error", "role": "alert"]) { text }
    }

    static func closed(_ frame: Frame, now: Date) -> HTMLNode {
        let language = frame.language
        let voting = frame.process.phase(.voting)
        let times = PBTimeText(language: language)
        let text = now < voting.start
            ? language.pick("رأی‌گیری هنوز باز نشده است؛ از \(times.moment(voting.start)) آغاز می‌شود.",
                            "Voting has not opened yet; it opens \(times.moment(voting.start)).")
            : language.pick("رأی‌گیری به پایان رسیده است؛ تا \(times.until(voting.end)) باز بود.",
                            "Voting has closed; it was open until \(times.until(voting.end)).")
        return frame.page(path: frame.base) {
            error(text)
            linkLine(PBPages.link(PBPages.processPath(frame.slug), language, kiosk: false), language.pick("دربارهٔ این رأی‌گیری", "About this vote"))
        }
    }

    static func phone(_ frame: Frame, error message: String?) -> HTMLNode {
        let language = frame.language
        return frame.page(path: frame.base) {
            PBPages.steps(1, language)
            error(message)
            HTMLNode.line("p") {
                language.pick("هر نفر یک رأی دارد، چه در این وبگاه، چه با پیامک، چه در کیوسک و چه با برگهٔ کاغذی. شمارهٔ تلفن همراه شما فقط برای فرستادن کد تأیید به کار می‌رود و خود شماره نگه داشته نمی‌شود.",
                              "One person, one ballot, whether on the web, by SMS or on paper. Your mobile number is only used to send a verification code and is not stored.")
            }
            frame.form("phone") {
                HTMLNode.line("label", ["for": "phone"]) { language.pick("شمارهٔ تلفن همراه", "Mobile number") }
                HTMLNode.line("input", ["id": "phone", "name": "phone", "type": "tel", "inputmode": "tel", "autocomplete": "tel", "required": true,
                                        "dir": "ltr", "placeholder": WebFormat.digits("0912 345 6789", language)])
                HTMLNode.line("button", ["type": "submit"]) { language.pick("فرستادن کد", "Send the code") }
            }
        }
    }

    static func code(_ frame: Frame, error message: String?) -> HTMLNode {
        let language = frame.language
        return frame.page(path: frame.base.appending(path: "/code")) {
            PBPages.steps(2, language)
            error(message)
            HTMLNode.line("p") {
                let policy = frame.codePolicy
                let digits = WebFormat.integer(Int64(policy.digits), language), tries = WebFormat.integer(Int64(policy.maxAttempts), language)
                let lifetime = PBTimeText(language: language).duration(policy.lifetime)
                // After a wrong code the error line gives the tries left; the count of all tries would contradict it.
                if message == nil {
                    language.pick("کد \(digits) رقمی را که به شمارهٔ شما پیامک شد وارد کنید. این کد \(lifetime) اعتبار دارد و تا \(tries) بار می‌توانید آن را وارد کنید.",
                                  "Enter the \(digits)-digit code we sent by SMS. It is valid for \(lifetime) and you have \(tries) tries.")
                } else {
                    language.pick("کد \(digits) رقمی را که به شمارهٔ شما پیامک شد وارد کنید. این کد \(lifetime) اعتبار دارد.",
                                  "Enter the \(digits)-digit code we sent by SMS. It is valid for \(lifetime).")
                }
            }
            frame.form("code") {
                HTMLNode.line("label", ["for": "code"]) { language.pick("کد تأیید", "Verification code") }
                HTMLNode.line("input", ["id": "code", "name": "code", "type": "text", "inputmode": "numeric", "autocomplete": "one-time-code",
                                        "required": true, "dir": "ltr", "maxlength": "12"])
                HTMLNode.line("button", ["type": "submit"]) { language.pick("تأیید", "Confirm") }
            }
            linkLine(PBPages.link(frame.base, language, kiosk: frame.kiosk, extra: [("restart", "1")]),
                     language.pick("کد تازه بخواهید یا شمارهٔ دیگری بنویسید", "Ask for a new code or write another number"))
        }
    }

    static func chooseDistrict(_ frame: Frame) -> HTMLNode {
        let language = frame.language
        return frame.page(path: frame.base.appending(path: "/ballot")) {
            PBPages.steps(3, language)
            HTMLNode.line("p") {
                language.pick("کدام برگهٔ رأی را پر می‌کنید؟ هر نفر فقط یک برگهٔ رأی دارد: سطح شهر یا منطقهٔ محل زندگی‌اش.",
                              "Which ballot do you fill in? Each person has one: citywide or their own region.")
            }
            HTMLNode.block("ul", ["class": "links"]) {
                for district in PBPages.districts(frame.process) where !frame.process.ballotProjects(for: district).isEmpty {
                    HTMLNode.line("li") {
                        HTMLNode.element("a", ["href": PBPages.link(frame.base.appending(path: "/ballot"), language, kiosk: frame.kiosk,
                                                                    extra: [("district", district.code)])]) {
                            frame.regions.name(district, language)
                        }
                    }
                }
            }
        }
    }

    /// The ballot form; `chosen` holds the voter's earlier inputs (project id -> "on" or a number).
    static func ballot(_ frame: Frame, district: PBDistrict, chosen: [String: String], problems: [String]) -> HTMLNode {
        let language = frame.language
        let process = frame.process
        return frame.page(path: frame.base.appending(path: "/ballot")) {
            PBPages.steps(3, language)
            HTMLNode.line("h2") { frame.regions.name(district, language) }
            PBPages.budgetLine(process, district: district, language)
            PBPages.problems(problems, language)
            HTMLNode.line("p") { PBPages.rulesText(process.rules, budget: process.budget(for: district), language) }
            frame.form("ballot") {
                HTMLNode.line("input", ["type": "hidden", "name": "district", "value": district.code])
                HTMLNode.line("fieldset") {
                    HTMLNode.element("legend") { language.pick("طرح‌ها", "Projects") }
                    HTMLNode.element("ul", ["class": "pb-projects"]) {
                        "\n"
                        for proposal in process.ballotProjects(for: district) {
                            HTMLNode.line("li") { HTMLNode.element("label") { choice(proposal, rules: process.rules, chosen: chosen[proposal.id], language); project(proposal, language) } }
                        }
                    }
                }
                HTMLNode.line("button", ["type": "submit"]) { language.pick("ثبت رأی", "Cast my ballot") }
            }
            linkLine(PBPages.link(frame.base.appending(path: "/ballot"), language, kiosk: frame.kiosk),
                     language.pick("برگهٔ رأی دیگری را انتخاب کنید", "Choose another ballot"))
        }
    }

    /// The input for one project: a box to tick, or a number of points or a rank.
    private static func choice(_ proposal: PBProposal, rules: BallotRules, chosen: String?, _ language: WebLanguage) -> HTMLNode {
        let name = "p_" + proposal.id
        switch rules {
        case .approval, .costLimitedApproval:
            return .element("input", ["type": "checkbox", "name": name, "value": "1", "checked": chosen != nil])
        case .cumulative(_, let per):
            return .element("input", ["type": "number", "name": name, "min": "0", "max": per, "step": "1", "inputmode": "numeric",
                                      "value": chosen ?? "", "aria-label": language.pick("امتیاز", "Points")])
        case .ranking(let max):
            return .element("input", ["type": "number", "name": name, "min": "1", "max": max, "step": "1", "inputmode": "numeric",
                                      "value": chosen ?? "", "aria-label": language.pick("رتبه", "Rank")])
        }
    }

    /// A project on the ballot: number, title, cost and description.
    private static func project(_ proposal: PBProposal, _ language: WebLanguage) -> HTMLNode {
        .element("span") {
            HTMLNode.element("strong") { "\(WebFormat.digits(proposal.id, language)). \(proposal.title)" }
            " – \(PBPages.rials(proposal.cost, language))"
            if !proposal.description.isEmpty { HTMLNode.element("p") { proposal.description } }
        }
    }

    /// Right after the code: this number has voted already and the process allows no change; the earlier
    /// ballot's channel and, when it has one, its receipt number.
    static func alreadyVoted(_ frame: Frame, channel: BallotChannel, receipt: String) -> HTMLNode {
        let language = frame.language
        return frame.page(path: frame.base) {
            PBPages.steps(3, language)
            error(language.pick(BallotBoxError.alreadyVoted(channel: channel).message))
            if !receipt.isEmpty {
                HTMLNode.line("p") { "\(language.pick("شمارهٔ رسید رأی شما", "Your receipt number")):" }
                HTMLNode.line("p", ["class": "pb-receipt"]) { HTMLNode.element("bdi", ["dir": "ltr"]) { receipt } }
            }
            linkLine(PBPages.link(PBPages.processPath(frame.slug), language, kiosk: false), language.pick("بازگشت به صفحهٔ رأی‌گیری", "Back to the vote"))
        }
    }

    static func receipt(_ frame: Frame, receipt: String, replaced: Bool, district: PBDistrict, projects: [String]) -> HTMLNode {
        let language = frame.language
        let start = PBPages.link(frame.base, language, kiosk: true)
        // A kiosk goes back to the start after 20 seconds without script (the CSP allows meta refresh).
        return frame.page(path: frame.base, refresh: frame.kiosk ? start : nil) {
            PBPages.steps(4, language)
            HTMLNode.line("p", ["role": "status"]) {
                HTMLNode.element("strong") {
                    replaced ? language.pick("رأی پیشین شما با این رأی جایگزین شد.", "Your earlier ballot was replaced by this one.")
                        : language.pick("رأی شما ثبت شد. سپاس!", "Your ballot was recorded. Thank you!")
                }
            }
            HTMLNode.line("p") { "\(language.pick("شمارهٔ رسید", "Receipt number")):" }
            HTMLNode.line("p", ["class": "pb-receipt"]) { HTMLNode.element("bdi", ["dir": "ltr"]) { receipt } }
            HTMLNode.line("p") {
                language.pick("برگهٔ رأی: ", "Ballot: ") + frame.regions.name(district, language) + language.pick("؛ ", "; ")
                    + "\(language.pick(projects.count == 1 ? "طرحی که انتخاب کردید" : "طرح‌هایی که انتخاب کردید", "your projects")): "
                    + PBPages.list(projects.map { WebFormat.digits($0, language) }, language) + "."
            }
            if frame.kiosk {
                linkLine(start, language.pick("پایان؛ بازگشت به آغاز برای نفر بعد", "Done: back to the start for the next person"))
            } else {
                linkLine(PBPages.link(PBPages.processPath(frame.slug), language, kiosk: false), language.pick("بازگشت به صفحهٔ رأی‌گیری", "Back to the vote"))
            }
        }
    }
}
