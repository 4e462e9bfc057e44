import Foundation
import TarazuHTML
import TarazuParticipation
import TarazuReport
import TarazuStore

/// The public participatory budgeting pages (server-rendered, no script; every proposal text escaped).
enum PBPages {
    /// Extra rules for /assets/tarazu.css.
    static let css = """
    .pb-steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; color: var(--muted); }
    .pb-steps [aria-current] { color: var(--ink); font-weight: bold; }
    .pb-form label { display: block; margin: .5rem 0; }
    .pb-form input[type=tel], .pb-form input[type=text], .pb-form input[inputmode=numeric] { min-height: 2.75rem; width: 100%; max-width: 20rem; font-size: 1.2rem; }
    .pb-form button { min-height: 2.75rem; padding: .5rem 1.5rem; font-size: 1.1rem; margin-top: .75rem; }
    .pb-projects { list-style: none; padding: 0; }
    .pb-projects li { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .75rem; margin: .5rem 0; }
    .pb-projects label { display: flex; gap: .75rem; align-items: flex-start; }
    .pb-projects input[type=checkbox] { width: 1.5rem; height: 1.5rem; flex: none; margin-top: .3rem; }
    .pb-projects input[type=number] { width: 5rem; min-height: 2.5rem; flex: none; }
    .pb-projects p { margin: .25rem 0 0; color: var(--muted); }
    .pb-receipt { font-size: 1.6rem; font-weight: bold; letter-spacing: .1em; }
    .problems { border: 2px solid #a32020; border-radius: .5rem; padding: .5rem 1rem; }
    .kiosk { font-size: 1.35rem; } .kiosk button, .kiosk input { font-size: 1.5rem; }
    """

    static func page(_ title: String, _ language: WebLanguage, switchPath: String, kiosk: Bool, body: String) -> String {
        PortalPages.layout(title: title, language: language, switchPath: switchPath,
                           body: kiosk ? "<div class=\"kiosk\">\n\(body)</div>\n" : body)
    }

    /// `path` with lang and kiosk kept.
    static func link(_ path: String, _ language: WebLanguage, kiosk: Bool, extra: [(String, String)] = []) -> String {
        PortalPages.link(path, language, extra: (kiosk ? [("kiosk", "1")] : []) + extra)
    }

    static func title(_ process: PBProcess, _ language: WebLanguage) -> String { language.pick(process.title.fa, process.title.en) }

    static func districtName(_ district: PBDistrict, _ language: WebLanguage) -> String {
        district == .citywide ? language.pick("سطح شهر", "Citywide")
            : language.pick("منطقهٔ ", "Region ") + WebFormat.digits(district.code, language)
    }

    static func rials(_ value: Int64, _ language: WebLanguage) -> String {
        WebFormat.integer(value, language) + language.pick(" ریال", " rials")
    }

    static func phaseName(_ kind: PBPhaseKind?, _ language: WebLanguage) -> String {
        switch kind {
        case .drafting: language.pick("تدوین", "Drafting")
        case .proposals: language.pick("ثبت پیشنهاد", "Proposals")
        case .feasibilityReview: language.pick("بررسی امکان‌پذیری", "Feasibility review")
        case .voting: language.pick("رأی‌گیری", "Voting")
        case .tally: language.pick("شمارش", "Tally")
        case .published: language.pick("انتشار نتایج", "Results published")
        case nil: language.pick("بین مراحل", "Between phases")
        }
    }

    /// The ballot rules in plain words.
    static func rulesText(_ rules: BallotRules, budget: Int64, _ language: WebLanguage) -> String {
        let n = { (value: Int) in WebFormat.integer(Int64(value), language) }
        switch rules {
        case .approval(let min, let max):
            return language.pick("از \(n(min)) تا \(n(max)) طرحی را که می‌خواهید انجام شود علامت بزنید.",
                                 "Tick between \(min) and \(max) projects you want done.")
        case .costLimitedApproval(let max):
            let cap = max.map { language.pick(" و حداکثر \(n($0)) طرح", " and at most \($0) projects") } ?? ""
            return language.pick("هر طرحی را که می‌خواهید علامت بزنید؛ جمع هزینهٔ آن‌ها نباید از بودجه (\(rials(budget, language))) بیشتر شود\(cap).",
                                 "Tick the projects you want; their total cost must stay within the budget (\(rials(budget, language)))\(cap).")
        case .cumulative(let total, let per):
            return language.pick("\(n(total)) امتیاز دارید؛ آن‌ها را میان طرح‌ها پخش کنید، به هر طرح حداکثر \(n(per)) امتیاز.",
                                 "You have \(total) points; spread them over projects, at most \(per) on one project.")
        case .ranking(let max):
            return language.pick("حداکثر \(n(max)) طرح را رتبه دهید: ۱ برای بهترین، سپس ۲ و ۳ بی‌فاصله.",
                                 "Rank up to \(max) projects: 1 for your favourite, then 2, 3 without gaps.")
        }
    }

    static func steps(_ current: Int, _ language: WebLanguage) -> String {
        let names = [language.pick("شماره", "Number"), language.pick("کد تأیید", "Code"), language.pick("برگهٔ رأی", "Ballot"),
                     language.pick("رسید", "Receipt")]
        var html = "<ol class=\"pb-steps\" aria-label=\"\(language.pick("مراحل رأی دادن", "Voting steps"))\">"
        for (index, name) in names.enumerated() {
            let number = WebFormat.integer(Int64(index + 1), language)
            html += index + 1 == current ? "<li aria-current=\"step\">\(number). \(name)</li>" : "<li>\(number). \(name)</li>"
        }
        return html + "</ol>\n"
    }

    static func problems(_ messages: [String], _ language: WebLanguage) -> String {
        guard !messages.isEmpty else { return "" }
        return "<div class=\"problems\" role=\"alert\"><p class=\"error\">\(language.pick("رأی ثبت نشد:", "Not recorded:"))</p><ul>"
            + messages.map { "<li>\(htmlEscape($0))</li>" }.joined() + "</ul></div>\n"
    }

    // MARK: Lists

    static func list(_ processes: [PBStoredProcess], now: Date, _ language: WebLanguage) -> String {
        var body = "<h1>\(language.pick("بودجه‌ریزی مشارکتی", "Participatory budgeting"))</h1>\n"
        if processes.isEmpty {
            body += "<p>\(language.pick("هنوز فرایندی ثبت نشده است.", "No process yet."))</p>\n"
        } else {
            body += "<ul class=\"books\">\n"
            for stored in processes {
                let process = stored.definition.process
                body += "<li><a href=\"\(link("/pb/" + HTML.segment(stored.slug), language, kiosk: false))\">\(htmlEscape(title(process, language)))</a>"
                body += " <span>(\(phaseName(process.phase(at: now), language)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        return PortalPages.layout(title: language.pick("بودجه‌ریزی مشارکتی", "Participatory budgeting"), language: language,
                                  switchPath: PortalPages.link("/pb", language.other), body: body)
    }

    static func process(_ stored: PBStoredProcess, now: Date, box: BallotBox, _ language: WebLanguage) -> String {
        let ballots = box.ballots.count
        let process = stored.definition.process
        let base = "/pb/" + HTML.segment(stored.slug)
        var body = "<h1>\(htmlEscape(title(process, language)))</h1>\n"
        body += "<p class=\"lead\">\(language.pick("مرحلهٔ کنونی", "Current phase")): <strong>\(phaseName(process.phase(at: now), language))</strong>"
        let voting = process.phase(.voting)
        body += " · \(language.pick("رأی‌گیری", "Voting")): \(WebFormat.date(voting.start, language)) – \(WebFormat.date(voting.end, language))"
        body += " · \(language.pick("رأی‌ها", "Ballots")): \(WebFormat.integer(Int64(ballots), language))</p>\n"
        body += "<ul class=\"links\">"
        if process.isVotingOpen(at: now) {
            body += "<li><a href=\"\(link(base + "/vote", language, kiosk: false))\"><strong>\(language.pick("رأی بدهید", "Vote"))</strong></a></li>"
        }
        body += "<li><a href=\"\(link(base + "/results", language, kiosk: false))\">\(language.pick("نتایج", "Results"))</a></li></ul>\n"
        body += "<h2>\(language.pick("بودجه‌ها", "Budgets"))</h2>\n<table><thead><tr><th scope=\"col\">\(language.pick("رأی‌گیری", "Ballot"))</th><th scope=\"col\">\(language.pick("بودجه", "Budget"))</th><th scope=\"col\">\(language.pick("طرح‌ها", "Projects"))</th></tr></thead><tbody>\n"
        for district in districts(process) {
            body += "<tr><th scope=\"row\"><a href=\"#d-\(district.code)\">\(districtName(district, language))</a></th><td>\(rials(process.budget(for: district) ?? 0, language))</td><td>\(WebFormat.integer(Int64(process.ballotProjects(for: district).count), language))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body += participation(box, populations: stored.definition.settings.populations, language)
        body += "<p>\(htmlEscape(rulesText(process.rules, budget: process.citywideBudget, language)))</p>\n"
        for district in districts(process) {
            let projects = process.ballotProjects(for: district)
            body += "<section id=\"d-\(district.code)\"><h2>\(districtName(district, language))</h2>\n"
            if projects.isEmpty {
                body += "<p>\(language.pick("طرح امکان‌پذیری ندارد.", "No feasible project."))</p></section>\n"
                continue
            }
            body += "<table><thead><tr><th scope=\"col\">\(language.pick("شماره", "No."))</th><th scope=\"col\">\(language.pick("طرح", "Project"))</th><th scope=\"col\">\(language.pick("هزینه", "Cost"))</th></tr></thead><tbody>\n"
            for proposal in projects {
                body += "<tr><td>\(WebFormat.digits(proposal.id, language))</td><td><strong>\(htmlEscape(proposal.title))</strong>"
                if !proposal.description.isEmpty { body += "<br><small>\(htmlEscape(proposal.description))</small>" }
                body += "</td><td>\(rials(proposal.cost, language))</td></tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        return PortalPages.layout(title: title(process, language), language: language,
                                  switchPath: PortalPages.link(base, language.other), body: body)
    }

    /// Participation figures: ballots by channel and per 1,000 residents (when populations are given).
    static func participation(_ box: BallotBox, populations: [String: Int64], _ language: WebLanguage) -> String {
        guard !box.ballots.isEmpty else { return "" }
        let figures = box.participation(populations: populations, capitalBudget: 1)
        let names: [BallotChannel: String] = [.web: language.pick("وب", "web"), .sms: language.pick("پیامک", "SMS"),
                                              .paper: language.pick("برگهٔ کاغذی", "paper"), .kiosk: language.pick("کیوسک", "kiosk")]
        let parts = BallotChannel.allCases.compactMap { channel in
            figures.byChannel[channel].map { "\(names[channel]!): \(WebFormat.integer(Int64($0), language))" }
        }
        var html = "<h2>\(language.pick("مشارکت", "Participation"))</h2>\n<p>\(language.pick("رأی‌ها به تفکیک راه", "Ballots by channel")): \(parts.joined(separator: language.pick("، ", ", ")))"
        if !populations.isEmpty, let rate = figures.perResidentCity {
            html += " · \(language.pick("در هر هزار نفر", "per 1,000 residents")): \(WebFormat.digits(rate.decimal(scale: 1000, places: 1), language))"
        }
        return html + "</p>\n"
    }

    /// Citywide, then regions in numeric order.
    static func districts(_ process: PBProcess) -> [PBDistrict] {
        [.citywide] + process.regionBudgets.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }.map(PBDistrict.region)
    }
}
