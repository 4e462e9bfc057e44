import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuParticipation
import TarazuStore

/// The public participatory budgeting pages (server-rendered, no script; every proposal text escaped).
enum PBPages {
    /// Extra rules for /assets/tarazu.css.
    static let css = """
    .pb-steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; color: var(--muted); }
    .pb-steps [aria-current] { color: var(--ink); font-weight: bold; }
    .pb-form label { display: block; margin: .5rem 0; }
    .pb-form input[type=tel], .pb-form input[type=text], .pb-form input[inputmode=numeric] { min-height: 2.75rem; width: 100%; max-width: 20rem; font-size: 1.2rem; }
    .pb-form button { min-height: 2.75rem; padding: .5rem 1.5rem; margin-top: .75rem; border: 0; border-radius: .5rem; background: var(--accent); color: #fff; font-size: 1.15rem; font-weight: bold; cursor: pointer; }
    .pb-form button:hover { background: #174a78; } .pb-form button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
    .pb-projects { list-style: none; padding: 0; }
    .pb-projects li { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .75rem; margin: .5rem 0; }
    .pb-projects label { display: flex; gap: .75rem; align-items: flex-start; }
    .pb-projects input[type=checkbox] { width: 1.5rem; height: 1.5rem; flex: none; margin-top: .3rem; }
    .pb-projects input[type=number] { width: 5rem; min-height: 2.5rem; flex: none; }
    .pb-projects p { margin: .25rem 0 0; color: var(--muted); }
    a.button { display: inline-block; min-height: 2.75rem; min-width: 2.75rem; padding: .55rem 1.75rem; border-radius: .5rem; background: var(--accent); color: #fff; font-size: 1.15rem; font-weight: bold; text-decoration: none; line-height: 1.6; }
    a.button:hover { background: #174a78; } a.button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
    .pb-budget { font-size: 1.1rem; }
    .pb-receipt { font-size: 1.6rem; font-weight: bold; letter-spacing: .1em; }
    .problems { border: 2px solid #a32020; border-radius: .5rem; padding: .5rem 1rem; }
    .kiosk { font-size: 1.35rem; } .kiosk button, .kiosk input { font-size: 1.5rem; }
    """

    static func page(_ title: String, _ language: WebLanguage, switchPath: Link, kiosk: Bool, refresh: Link? = nil, body: HTMLNode) -> HTMLNode {
        PortalPages.layout(title: title, language: language, switchPath: switchPath,
                           body: kiosk ? .block("div", ["class": "kiosk"]) { body } : body, refresh: refresh)
    }

    /// `path` with lang and kiosk kept.
    static func link(_ path: Link, _ language: WebLanguage, kiosk: Bool, extra: [(String, String)] = []) -> Link {
        PortalPages.link(path, language, extra: (kiosk ? [("kiosk", "1")] : []) + extra)
    }

    static func title(_ process: PBProcess, _ language: WebLanguage) -> String { language.pick(process.title.fa, process.title.en) }

    static func districtName(_ district: PBDistrict, _ language: WebLanguage) -> String {
        district == .citywide ? language.pick("سطح شهر", "Citywide")
            : language.pick("منطقه ", "Region ") + WebFormat.digits(district.code, language)
    }

    /// A budget or a cost: billions or millions of rials (whole rials under a million) without a decimal a
    /// set amount does not have, in the language's digits (``Numerals/statedRials(_:)``).
    static func rials(_ value: Int64, _ language: WebLanguage) -> String { Numerals(language: language).statedRials(value) }

    /// The budget a ballot spends: the citywide budget, or its region's.
    static func budgetLine(_ process: PBProcess, district: PBDistrict, _ language: WebLanguage) -> HTMLNode {
        .line("p", ["class": "pb-budget"]) {
            district == .citywide ? language.pick("بودجهٔ طرح‌های سطح شهر: ", "Budget for the citywide projects: ")
                : language.pick("بودجهٔ طرح‌های ", "Budget for the projects of ") + districtName(district, language) + ": "
            HTMLNode.element("strong") { rials(process.budget(for: district) ?? 0, language) }
        }
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

    /// Where `process` stands at `now`: its phase, «پایان‌یافته» after the last one, «آغاز نشده» before the first.
    static func stageName(_ process: PBProcess, at now: Date, _ language: WebLanguage) -> String {
        if let kind = process.phase(at: now) { return phaseName(kind, language) }
        let phases = PBPhaseKind.allCases.map { process.phase($0) }
        if let last = phases.map(\.end).max(), now >= last { return language.pick("پایان‌یافته", "Finished") }
        if let first = phases.map(\.start).min(), now < first { return language.pick("آغاز نشده", "Not started") }
        return phaseName(nil, language)
    }

    /// The ballot rules in plain words; `budget` is the ballot's (nil where several ballots are meant).
    static func rulesText(_ rules: BallotRules, budget: Int64?, _ language: WebLanguage) -> String {
        let n = { (value: Int) in WebFormat.integer(Int64(value), language) }
        switch rules {
        case .approval(let min, let max):
            return min == max
                ? language.pick("\(PBCount.words(max)) طرح را که می‌خواهید اجرا شوند علامت بزنید.", "Tick the \(max) projects you want done.")
                : language.pick("\(PBCount.range(min, max)) طرح را که می‌خواهید اجرا شوند علامت بزنید.",
                                "Tick between \(min) and \(max) projects you want done.")
        case .costLimitedApproval(let max):
            let which = max.map { language.pick("حداکثر \(PBCount.words($0)) طرح", "Tick up to \($0) projects") }
                ?? language.pick("هر طرحی", "Tick the projects")
            let limit = budget.map { language.pick("بودجهٔ این برگهٔ رأی (\(rials($0, language)))", "the ballot's budget (\(rials($0, language)))") }
                ?? language.pick("بودجهٔ برگهٔ رأی", "the ballot's budget")
            return language.pick("\(which) را که می‌خواهید اجرا شوند علامت بزنید؛ جمع هزینهٔ آن‌ها نباید از \(limit) بیشتر شود.",
                                 "\(which) you want done; their total cost must stay within \(limit).")
        case .cumulative(let total, let per):
            return language.pick("\(n(total)) امتیاز دارید؛ آن‌ها را میان طرح‌ها پخش کنید، به هر طرح حداکثر \(n(per)) امتیاز.",
                                 "You have \(total) points; spread them over projects, at most \(per) on one project.")
        case .ranking(let max):
            return language.pick("به حداکثر \(n(max)) طرح رتبه دهید: ۱ به بهترین طرح، ۲ به طرح بعدی و همین‌طور، بی آنکه رتبه‌ای جا بیفتد.",
                                 "Rank up to \(max) projects: 1 for your favourite, 2 for the next, and so on, without gaps.")
        }
    }

    /// `items` as a list in `language`: «الف، ب و پ» / "a, b and c".
    static func list(_ items: [String], _ language: WebLanguage) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: language.pick("، ", ", ")) + language.pick(" و ", " and ") + last
    }

    /// Where the process stands: the current phase and, while voting is open, until when and the ballots so
    /// far; before, when voting will run; after, when it ran and the ballots cast.
    static func lead(_ process: PBProcess, now: Date, ballots: Int, _ language: WebLanguage) -> HTMLNode {
        let voting = process.phase(.voting)
        let times = PBTimeText(language: language)
        let (start, end) = (times.moment(voting.start), times.until(voting.end))
        let count = WebFormat.integer(Int64(ballots), language)
        let countEn = ballots == 1 ? "1 ballot" : "\(ballots) ballots"
        let rest = if now < voting.start {
            language.pick(". رأی‌گیری از \(start) تا \(end) خواهد بود.", ". Voting will run from \(start) until \(end).")
        } else if process.isVotingOpen(at: now) {
            language.pick("، تا \(end) (\(times.left(from: now, to: voting.end)) مانده). ", ", until \(end) (\(times.left(from: now, to: voting.end)) left). ")
                + (ballots == 0 ? language.pick("هنوز رأیی ثبت نشده است.", "No ballot yet.")
                    : language.pick("تاکنون \(count) رأی ثبت شده است.", "\(countEn) so far."))
        } else {
            ballots == 0
                ? language.pick(". رأی‌گیری از \(start) تا \(end) بود و هیچ رأیی ثبت نشد.", ". Voting ran from \(start) until \(end); no ballot was cast.")
                : language.pick(". رأی‌گیری از \(start) تا \(end) بود و \(count) رأی ثبت شد.",
                                ". Voting ran from \(start) until \(end); \(countEn) were cast.")
        }
        return .line("p", ["class": "lead"]) {
            "\(language.pick("مرحلهٔ کنونی", "Current phase")): \(stageName(process, at: now, language))" + rest
        }
    }

    static func steps(_ current: Int, _ language: WebLanguage) -> HTMLNode {
        let names = [language.pick("شماره", "Number"), language.pick("کد تأیید", "Code"), language.pick("برگهٔ رأی", "Ballot"),
                     language.pick("رسید", "Receipt")]
        return .line("ol", ["class": "pb-steps", "aria-label": language.pick("مراحل رأی دادن", "Voting steps")]) {
            for (index, name) in names.enumerated() {
                HTMLNode.element("li") { "\(WebFormat.integer(Int64(index + 1), language)). \(name)" }
                    .attribute("aria-current", index + 1 == current ? "step" : nil)
            }
        }
    }

    static func problems(_ messages: [String], _ language: WebLanguage) -> HTMLNode {
        guard !messages.isEmpty else { return .empty }
        return .line("div", ["class": "problems", "role": "alert"]) {
            HTMLNode.element("p", ["class": "error"]) { language.pick("رأی ثبت نشد:", "Not recorded:") }
            HTMLNode.element("ul") { for message in messages { HTMLNode.element("li") { message } } }
        }
    }

    /// /pb/SLUG.
    static func processPath(_ slug: String) -> Link { Link(path: "/pb").appending(segment: slug) }

    // MARK: Lists

    static func list(_ processes: [PBStoredProcess], now: Date, _ language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("بودجه‌ریزی مشارکتی", "Participatory budgeting") }
            if processes.isEmpty {
                HTMLNode.line("p") { language.pick("هنوز رأی‌گیری‌ای ثبت نشده است.", "No vote yet.") }
            } else {
                HTMLNode.block("ul", ["class": "books"]) {
                    for stored in processes {
                        let process = stored.definition.process
                        HTMLNode.line("li") {
                            HTMLNode.element("a", ["href": link(processPath(stored.slug), language, kiosk: false)]) { title(process, language) }
                            " "
                            HTMLNode.element("span") {
                                let until = process.isVotingOpen(at: now)
                                    ? language.pick("، تا ", ", until ") + PBTimeText(language: language).until(process.phase(.voting).end) : ""
                                "(\(stageName(process, at: now, language))\(until))"
                            }
                        }
                    }
                }
            }
        }
        return PortalPages.layout(title: language.pick("بودجه‌ریزی مشارکتی", "Participatory budgeting"), language: language,
                                  switchPath: PortalPages.link("/pb", language.other), body: body)
    }

    /// `regions`: how to name the regions (by the process's book, when the route has read it).
    static func process(_ stored: PBStoredProcess, now: Date, box: BallotBox, regions: PBRegionNames? = nil, _ language: WebLanguage) -> HTMLNode {
        let regions = regions ?? PBRegionNames(populations: stored.definition.settings.populations)
        let process = stored.definition.process
        let base = processPath(stored.slug)
        let body = HTMLNode.group {
            HTMLNode.line("h1") { title(process, language) }
            lead(process, now: now, ballots: box.ballots.count, language)
            if process.isVotingOpen(at: now) {
                HTMLNode.line("p") {
                    HTMLNode.element("a", ["class": "button", "href": link(base.appending(path: "/vote"), language, kiosk: false)]) {
                        language.pick("رأی بدهید", "Vote")
                    }
                }
            }
            if now >= process.phase(.tally).start {
                HTMLNode.line("ul", ["class": "links"]) {
                    HTMLNode.element("li") { HTMLNode.element("a", ["href": link(base.appending(path: "/results"), language, kiosk: false)]) { language.pick("نتایج", "Results") } }
                }
            }
            HTMLNode.line("h2") { language.pick("بودجه‌ها", "Budgets") }
            table([language.pick("برگهٔ رأی", "Ballot"), language.pick("بودجه", "Budget"), language.pick("شمار طرح‌ها", "Projects")]) {
                for district in districts(process) {
                    HTMLNode.line("tr") {
                        HTMLNode.element("th", ["scope": "row"]) {
                            HTMLNode.element("a", ["href": "#d-\(district.code)"]) { regions.name(district, language) }
                        }
                        HTMLNode.element("td") { rials(process.budget(for: district) ?? 0, language) }
                        HTMLNode.element("td") { WebFormat.integer(Int64(process.ballotProjects(for: district).count), language) }
                    }
                }
            }
            "\n"
            participation(box, populations: stored.definition.settings.populations, language)
            if now < process.phase(.voting).end { HTMLNode.line("p") { rulesText(process.rules, budget: nil, language) } }
            for district in districts(process) {
                let projects = process.ballotProjects(for: district)
                HTMLNode.line("section", ["id": "d-\(district.code)"]) {
                    HTMLNode.line("h2") { regions.name(district, language) }
                    if projects.isEmpty {
                        HTMLNode.element("p") { language.pick("این برگهٔ رأی طرح امکان‌پذیری ندارد.", "No feasible project on this ballot.") }
                    } else {
                        table([language.pick("شماره", "No."), language.pick("طرح", "Project"), language.pick("هزینه", "Cost")]) {
                            for proposal in projects {
                                HTMLNode.line("tr") {
                                    HTMLNode.element("td") { WebFormat.digits(proposal.id, language) }
                                    HTMLNode.element("td") {
                                        HTMLNode.element("strong") { proposal.title }
                                        if !proposal.description.isEmpty { HTMLNode.element("br"); HTMLNode.element("small") { proposal.description } }
                                    }
                                    HTMLNode.element("td") { rials(proposal.cost, language) }
                                }
                            }
                        }
                    }
                    infeasible(process.proposals.filter { $0.district == district }, language)
                }
            }
        }
        return PortalPages.layout(title: title(process, language), language: language,
                                  switchPath: PortalPages.link(base, language.other), body: body)
    }

    /// The proposals of a ballot found infeasible, each with the reason the review gave.
    static func infeasible(_ proposals: [PBProposal], _ language: WebLanguage) -> HTMLNode {
        let rejected = proposals.compactMap { proposal -> (PBProposal, Bilingual)? in
            if case .infeasible(let reason) = proposal.status { return (proposal, reason) }
            return nil
        }
        guard !rejected.isEmpty else { return .empty }
        return .group {
            HTMLNode.line("h3") { language.pick("طرح‌های امکان‌ناپذیر", "Projects found infeasible") }
            table([language.pick("شماره", "No."), language.pick("طرح", "Project"), language.pick("هزینه", "Cost"), language.pick("دلیل", "Reason")]) {
                for (proposal, reason) in rejected {
                    HTMLNode.line("tr") {
                        HTMLNode.element("td") { WebFormat.digits(proposal.id, language) }
                        HTMLNode.element("td") { proposal.title }
                        HTMLNode.element("td") { rials(proposal.cost, language) }
                        HTMLNode.element("td") { language.pick(reason) }
                    }
                }
            }
            "\n"
        }
    }

    /// `<table>`, its head row, and its body with a newline after `<tbody>`: the tables of the PB pages.
    static func table(_ headers: [String], @HTMLBuilder rows: () -> [HTMLNode]) -> HTMLNode {
        .element("table") {
            PortalPages.tableHead(headers)
            HTMLNode.element("tbody") { "\n"; HTMLNode.group(rows()) }
        }
    }

    /// Participation figures: ballots by channel and per 1,000 residents (when populations are given).
    static func participation(_ box: BallotBox, populations: [String: Int64], _ language: WebLanguage) -> HTMLNode {
        guard !box.ballots.isEmpty else { return .empty }
        let figures = box.participation(populations: populations, capitalBudget: 1)
        let parts = BallotChannel.allCases.compactMap { channel in
            figures.byChannel[channel].map { count in
                let n = WebFormat.integer(Int64(count), language)
                return language.pick("\(n) رأی \(channel.manner.fa)", "\(n) \(channel.manner.en)")
            }
        }
        let byChannel = language.pick("رأی‌ها به تفکیک شیوهٔ رأی دادن: ", "Ballots by channel: ") + list(parts, language)
        var perThousand = ""
        if !populations.isEmpty, let rate = figures.perResidentCity {
            // A rate that rounds to nothing is said to be under the smallest figure shown, not «۰٫۰».
            let rounded = rate.decimal(scale: 1000, places: 1)
            let figure = rounded == "0.0" && rate.numerator > 0
                ? language.pick("کمتر از ", "under ") + WebFormat.digits("0.1", language) : WebFormat.digits(rounded, language)
            perThousand = language.pick("؛ یعنی \(figure) رأی در هر هزار نفر از ساکنان", "; that is \(figure) ballots per 1,000 residents")
        }
        return .group {
            HTMLNode.line("h2") { language.pick("مشارکت", "Participation") }
            HTMLNode.line("p") { byChannel + perThousand + "." }
        }
    }

    /// Citywide, then regions in numeric order.
    static func districts(_ process: PBProcess) -> [PBDistrict] {
        [.citywide] + process.regionBudgets.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }.map(PBDistrict.region)
    }
}
