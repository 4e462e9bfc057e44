import Foundation
import TarazuHTML
import TarazuParticipation

/// /pb/:slug/results: per budget the funded projects, their costs and votes, and how each was
/// paid for (MES: what each group of supporters paid; greedy: the order and the budget left).
enum PBResultsPage {
    /// `provisional`: shown before the tally phase (to analysts only), said at the top so that no copy of
    /// the page passes for the final result.
    static func render(_ slug: String, _ process: PBProcess, rule: PBRule, results: [PBBudgetResult], ballots: Int,
                       provisional: Bool = false, regions: PBRegionNames = PBRegionNames(populations: [:]), _ language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") {
                "\(PBPages.title(process, language)): \(provisional ? language.pick("نتایج موقت", "provisional results") : language.pick("نتایج", "results"))"
            }
            if provisional {
                HTMLNode.line("p", ["class": "note", "role": "status"]) {
                    language.pick("نتایج موقت، فقط برای کارشناسان: نتایج از \(PBTimeText(language: language).moment(process.phase(.tally).start)) منتشر می‌شود و این ارقام هنوز نهایی نیست.",
                                  "Provisional results, for staff only: the results are published from \(PBTimeText(language: language).moment(process.phase(.tally).start)), and these figures are not final yet.")
                }
            }
            HTMLNode.line("p", ["class": "lead"]) {
                "\(ballotCount(ballots, language)) · \(language.pick("روش شمارش", "Rule")): \(ruleName(rule, language))"
            }
            HTMLNode.line("p", ["class": "note"]) {
                ruleExplanation(rule, language, paymentsShown: results.contains { !$0.projects.isEmpty && !($0.tally?.rounds.isEmpty ?? true) })
            }
            for result in results { self.result(result, regions: regions, language) }
        }
        return PortalPages.layout(title: PBPages.title(process, language) + " – " + language.pick("نتایج", "results"), language: language,
                                  switchPath: PortalPages.link(PBPages.processPath(slug).appending(path: "/results"), language.other), body: body)
    }

    /// One budget: its figures, its projects and how they were paid for.
    private static func result(_ result: PBBudgetResult, regions: PBRegionNames, _ language: WebLanguage) -> HTMLNode {
        let hasPoints = result.projects.contains { $0.points != nil }
        var headers = [language.pick("شماره", "No."), language.pick("طرح", "Project"), language.pick("هزینه", "Cost"), language.pick("رأی", "Votes")]
        if hasPoints { headers.append(language.pick("امتیاز", "Points")) }
        headers.append(language.pick("برگزیده", "Funded"))
        return .line("section") {
            HTMLNode.line("h2") { regions.name(result.district, language) }
            HTMLNode.line("p") {
                "\(language.pick("بودجه", "Budget")): \(PBPages.rials(result.budget, language)) · "
                if result.ballots == 0 {
                    language.pick("هیچ رأیی ثبت نشد و طرحی برگزیده نشد.", "No ballot was cast and no project was funded.")
                } else {
                    "\(ballotCount(result.ballots, language)) · "
                    "\(language.pick("هزینهٔ طرح‌های برگزیده", "Funded")): \(PBPages.rials(result.fundedCost, language))"
                }
            }
            if !result.projects.isEmpty {
                PBPages.table(headers) {
                    for row in result.projects {
                        HTMLNode.line("tr") {
                            HTMLNode.element("td") { WebFormat.digits(row.proposal.id, language) }
                            HTMLNode.element("td") { row.proposal.title }
                            HTMLNode.element("td") { PBPages.rials(row.proposal.cost, language) }
                            HTMLNode.element("td") { WebFormat.integer(Int64(row.votes), language) }
                            if hasPoints { HTMLNode.element("td") { WebFormat.integer(Int64(row.points ?? 0), language) } }
                            HTMLNode.element("td") { row.funded ? language.pick("بله", "yes") : "–" }
                        }
                    }
                }
                "\n"
                if let tally = result.tally { payments(tally, language) }
            }
        }
    }

    /// "Ballots: 3" as a count with its unit: «۳ رأی» / "3 ballots".
    static func ballotCount(_ count: Int, _ language: WebLanguage) -> String {
        language.pick("\(WebFormat.integer(Int64(count), language)) رأی", count == 1 ? "1 ballot" : "\(count) ballots")
    }

    static func ruleName(_ rule: PBRule, _ language: WebLanguage) -> String {
        switch rule {
        case .greedy: language.pick("بیشترین رأی", "Greedy (most votes)")
        case .mes: language.pick("سهم‌های برابر", "Method of Equal Shares")
        case .mesAdd1: language.pick("سهم‌های برابر با افزایش گام‌به‌گام سهم‌ها", "Method of Equal Shares with Add1 completion")
        }
    }

    /// What the results before the tally phase say: not published yet, and from when.
    static func notYet(_ slug: String, _ process: PBProcess, _ language: WebLanguage) -> HTMLNode {
        let title = language.pick("نتایج هنوز منتشر نشده است", "Results are not published yet")
        let from = PBTimeText(language: language).moment(process.phase(.tally).start)
        let body = HTMLNode.group {
            HTMLNode.line("h1") { title }
            HTMLNode.line("p") {
                language.pick("نتایج پس از پایان رأی‌گیری، از \(from)، منتشر می‌شود.", "Results are published after voting closes, from \(from).")
            }
            HTMLNode.line("p") {
                HTMLNode.element("a", ["href": PBPages.link(PBPages.processPath(slug), language, kiosk: false)]) {
                    language.pick("بازگشت به صفحهٔ رأی‌گیری", "Back to the vote")
                }
            }
        }
        return PortalPages.layout(title: PBPages.title(process, language) + " – " + title, language: language,
                                  switchPath: PortalPages.link(PBPages.processPath(slug).appending(path: "/results"), language.other), body: body)
    }

    /// How `rule` picks the funded projects; `paymentsShown` when the page has a «چگونه پرداخت شد» table to point to.
    static func ruleExplanation(_ rule: PBRule, _ language: WebLanguage, paymentsShown: Bool) -> String {
        let pointer = paymentsShown ? language.pick(" جدول «چگونه پرداخت شد» سهم هر گروه را نشان می‌دهد.", " \"How it was paid\" shows each group's share.") : ""
        return switch rule {
        case .greedy:
            language.pick("طرح‌ها به ترتیب رأی بررسی می‌شوند و هر طرحی که در بودجهٔ باقی‌مانده جا شود برگزیده می‌شود.",
                          "Projects are taken in order of votes, each one that still fits in the remaining budget.")
        case .mes:
            language.pick("بودجه میان رأی‌دهندگان به سهم برابر تقسیم می‌شود؛ هزینهٔ هر طرح از سهم هوادارانش پرداخت می‌شود و در هر دور طرحی برگزیده می‌شود که هوادارانش به نسبت سودی که از آن می‌برند کمترین سهم را برایش بپردازند؛ در برابری، طرحی که شماره‌اش به ترتیب نوشتاری جلوتر است." + pointer,
                          "The budget is split equally among voters; each project is bought with its supporters' money, and the one whose supporters pay least for what it gives them goes first (ties: the project number first in text order)." + pointer)
        case .mesAdd1:
            language.pick("بودجه میان رأی‌دهندگان به سهم برابر تقسیم می‌شود؛ هزینهٔ هر طرح از سهم هوادارانش پرداخت می‌شود و در هر دور طرحی برگزیده می‌شود که هوادارانش به نسبت سودی که از آن می‌برند کمترین سهم را برایش بپردازند؛ در برابری، طرحی که شماره‌اش به ترتیب نوشتاری جلوتر است. اگر بودجه‌ای بماند، سهم همه گام‌به‌گام بیشتر می‌شود تا جایی که بودجه اجازه دهد." + pointer,
                          "The budget is split equally among voters; each project is bought with its supporters' money, and the one whose supporters pay least for what it gives them goes first (ties: the project number first in text order). If budget is left, everyone's share grows step by step as far as the budget allows." + pointer)
        }
    }

    /// The round log: MES payments per group of supporters, greedy decisions.
    static func payments(_ tally: PBTallyResult, _ language: WebLanguage) -> HTMLNode {
        guard !tally.rounds.isEmpty else { return .empty }
        return .line("details") {
            HTMLNode.line("summary") { language.pick("چگونه پرداخت شد", "How each project was paid for") }
            PBPages.table([language.pick("دور", "Round"), language.pick("طرح", "Project"), language.pick("پرداخت", "Payments")]) {
                for (index, round) in tally.rounds.enumerated() {
                    HTMLNode.line("tr") {
                        HTMLNode.element("td") { WebFormat.integer(Int64(index + 1), language) }
                        switch round {
                        case .equalShares(let r):
                            HTMLNode.element("td") { WebFormat.digits(r.projectID, language) }
                            HTMLNode.element("td") {
                                for (number, group) in r.payments.enumerated() {
                                    if number > 0 { HTMLNode.element("br") }
                                    payment(group, language)
                                }
                            }
                        case .greedy(let step):
                            HTMLNode.element("td") { WebFormat.digits(step.projectID, language) }
                            HTMLNode.element("td") {
                                "\(decision(step.decision, language))\(language.pick("؛ ", "; "))\(language.pick("بودجهٔ باقی‌مانده پیش از آن", "budget left before")): "
                                PBPages.rials(step.remainingBefore.roundedToInteger, language)
                            }
                        }
                    }
                }
            }
        }
    }

    /// What one group of supporters paid for a project.
    private static func payment(_ group: PBPaymentGroup, _ language: WebLanguage) -> String {
        let voters = WebFormat.integer(Int64(group.voters), language)
        let total = rials(group.paidTotal, language)
        if let each = group.paidEach {
            if group.voters == 1 { return language.pick("یک هوادار، \(total)", "1 supporter paid \(total)") }
            return language.pick("\(voters) هوادار، هر یک \(rials(each, language)) (جمع \(total))",
                                 "\(voters) supporters paid \(rials(each, language)) each (total \(total))")
        }
        return language.pick("\(voters) هوادار همهٔ باقی‌ماندهٔ سهم خود را دادند (جمع \(total))",
                             "\(voters) supporters paid all they had left (total \(total))")
    }

    /// An exact sum of the tally log rounded to whole rials, as the page writes sums (``PBPages/rials(_:_:)``).
    static func rials(_ value: PBFraction, _ language: WebLanguage) -> String {
        guard let whole = value.roundedToInteger else {
            return WebFormat.digits(value.decimal(significantDigits: 30), language) + language.pick(" ریال", " rials")
        }
        return PBPages.rials(whole, language)
    }

    private static func decision(_ decision: PBGreedyStep.Decision, _ language: WebLanguage) -> String {
        switch decision {
        case .selected: language.pick("برگزیده", "selected")
        case .overBudget: language.pick("بیش از بودجهٔ باقی‌مانده", "over the remaining budget")
        case .belowThreshold: language.pick("کمتر از حد نصاب", "below the threshold")
        }
    }
}
