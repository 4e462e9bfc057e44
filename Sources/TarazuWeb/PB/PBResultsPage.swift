import Foundation
import TarazuHTML
import TarazuHTML
import TarazuParticipation

/// /pb/:slug/results: per budget the funded projects, their costs and votes, and how each was
/// paid for (MES: what each group of supporters paid; greedy: the order and the budget left).
enum PBResultsPage {
    static func render(_ slug: String, _ process: PBProcess, rule: PBRule, results: [PBBudgetResult], ballots: Int,
                       _ language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { "\(PBPages.title(process, language)): \(language.pick("نتایج", "results"))" }
            HTMLNode.line("p", ["class": "lead"]) {
                "\(language.pick("رأی‌ها", "Ballots")): \(WebFormat.integer(Int64(ballots), language)) · \(language.pick("قاعده", "Rule")): \(ruleName(rule, language))"
            }
            HTMLNode.line("p", ["class": "note"]) { ruleExplanation(rule, language) }
            for result in results { self.result(result, language) }
        }
        return PortalPages.layout(title: PBPages.title(process, language) + " – " + language.pick("نتایج", "results"), language: language,
                                  switchPath: PortalPages.link(PBPages.processPath(slug).appending(path: "/results"), language.other), body: body)
    }

    /// One budget: its figures, its projects and how they were paid for.
    private static func result(_ result: PBBudgetResult, _ language: WebLanguage) -> HTMLNode {
        let hasPoints = result.projects.contains { $0.points != nil }
        var headers = [language.pick("شماره", "No."), language.pick("طرح", "Project"), language.pick("هزینه", "Cost"), language.pick("رأی", "Votes")]
        if hasPoints { headers.append(language.pick("امتیاز", "Points")) }
        headers.append(language.pick("برگزیده", "Funded"))
        return .line("section") {
            HTMLNode.line("h2") { PBPages.districtName(result.district, language) }
            HTMLNode.line("p") {
                "\(language.pick("بودجه", "Budget")): \(PBPages.rials(result.budget, language)) · \(language.pick("رأی‌ها", "Ballots")): "
                "\(WebFormat.integer(Int64(result.ballots), language)) · \(language.pick("هزینهٔ طرح‌های برگزیده", "Funded")): \(PBPages.rials(result.fundedCost, language))"
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

    static func ruleName(_ rule: PBRule, _ language: WebLanguage) -> String {
        switch rule {
        case .greedy: language.pick("بیشترین رأی (حریصانه)", "Greedy (most votes)")
        case .mes: language.pick("روش سهم‌های برابر", "Method of Equal Shares")
        case .mesAdd1: language.pick("روش سهم‌های برابر با تکمیل Add1", "Method of Equal Shares with Add1 completion")
        }
    }

    static func ruleExplanation(_ rule: PBRule, _ language: WebLanguage) -> String {
        switch rule {
        case .greedy:
            language.pick("طرح‌ها به ترتیب رأی بررسی می‌شوند و هر طرحی که در بودجهٔ باقی‌مانده جا شود برگزیده می‌شود.",
                          "Projects are taken in order of votes, each one that still fits in the remaining budget.")
        case .mes, .mesAdd1:
            language.pick("بودجه میان رأی‌دهندگان به سهم برابر تقسیم می‌شود؛ هر طرح با پول هوادارانش خریده می‌شود و طرحی برگزیده می‌شود که هر هوادار کمتر برایش بپردازد. جدول «چگونه پرداخت شد» سهم هر گروه را نشان می‌دهد.",
                          "The budget is split equally among voters; each project is bought with its supporters' money, and the one each supporter pays least for goes first. \"How it was paid\" shows each group's share.")
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
                                "\(decision(step.decision, language)); \(language.pick("بودجهٔ باقی‌مانده پیش از آن", "budget left before")): "
                                WebFormat.digits(step.remainingBefore.description, language)
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
        let total = WebFormat.digits(rounded(group.paidTotal), language)
        if let each = group.paidEach {
            return language.pick("\(voters) هوادار، هر یک \(WebFormat.digits(rounded(each), language)) ریال (جمع \(total))",
                                 "\(voters) supporters paid \(rounded(each)) rials each (total \(total))")
        }
        return language.pick("\(voters) هوادار همهٔ باقی‌ماندهٔ سهم خود را دادند (جمع \(total) ریال)",
                             "\(voters) supporters paid all they had left (total \(total) rials)")
    }

    private static func decision(_ decision: PBGreedyStep.Decision, _ language: WebLanguage) -> String {
        switch decision {
        case .selected: language.pick("برگزیده", "selected")
        case .overBudget: language.pick("بیش از بودجهٔ باقی‌مانده", "over the remaining budget")
        case .belowThreshold: language.pick("کمتر از حد نصاب", "below the threshold")
        }
    }

    /// A fraction of rials rounded to whole rials, as text.
    static func rounded(_ value: PBFraction) -> String {
        let text = value.decimal(significantDigits: 30)
        let whole = text.split(separator: ".").first.map(String.init) ?? text
        let fraction = text.split(separator: ".").dropFirst().first.map(String.init) ?? ""
        guard let first = fraction.first, first >= "5" else { return whole }
        // Round half up on the decimal string (no Double).
        var digits = Array(whole)
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] == "9" { digits[index] = "0"; index -= 1 } else {
                digits[index] = Character(String(digits[index].wholeNumberValue! + 1)); return String(digits)
            }
        }
        return "1" + String(digits)
    }
}
