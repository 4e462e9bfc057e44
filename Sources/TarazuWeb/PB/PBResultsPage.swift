import Foundation
import TarazuHTML
import TarazuParticipation
import TarazuReport

/// /pb/:slug/results: per budget the funded projects, their costs and votes, and how each was
/// paid for (MES: what each group of supporters paid; greedy: the order and the budget left).
enum PBResultsPage {
    static func render(_ slug: String, _ process: PBProcess, rule: PBRule, results: [PBBudgetResult], ballots: Int,
                       _ language: WebLanguage) -> String {
        let base = "/pb/" + HTML.segment(slug)
        var body = "<h1>\(htmlEscape(PBPages.title(process, language))): \(language.pick("نتایج", "results"))</h1>\n"
        body += "<p class=\"lead\">\(language.pick("رأی‌ها", "Ballots")): \(WebFormat.integer(Int64(ballots), language)) · \(language.pick("قاعده", "Rule")): \(ruleName(rule, language))</p>\n"
        body += "<p class=\"note\">\(ruleExplanation(rule, language))</p>\n"
        for result in results {
            body += "<section><h2>\(PBPages.districtName(result.district, language))</h2>\n"
            body += "<p>\(language.pick("بودجه", "Budget")): \(PBPages.rials(result.budget, language)) · \(language.pick("رأی‌ها", "Ballots")): \(WebFormat.integer(Int64(result.ballots), language)) · \(language.pick("هزینهٔ طرح‌های برگزیده", "Funded")): \(PBPages.rials(result.fundedCost, language))</p>\n"
            guard !result.projects.isEmpty else { body += "</section>\n"; continue }
            let hasPoints = result.projects.contains { $0.points != nil }
            body += "<table><thead><tr><th scope=\"col\">\(language.pick("شماره", "No."))</th><th scope=\"col\">\(language.pick("طرح", "Project"))</th><th scope=\"col\">\(language.pick("هزینه", "Cost"))</th><th scope=\"col\">\(language.pick("رأی", "Votes"))</th>"
            if hasPoints { body += "<th scope=\"col\">\(language.pick("امتیاز", "Points"))</th>" }
            body += "<th scope=\"col\">\(language.pick("برگزیده", "Funded"))</th></tr></thead><tbody>\n"
            for row in result.projects {
                body += "<tr><td>\(WebFormat.digits(row.proposal.id, language))</td><td>\(htmlEscape(row.proposal.title))</td><td>\(PBPages.rials(row.proposal.cost, language))</td><td>\(WebFormat.integer(Int64(row.votes), language))</td>"
                if hasPoints { body += "<td>\(WebFormat.integer(Int64(row.points ?? 0), language))</td>" }
                body += "<td>\(row.funded ? language.pick("بله", "yes") : "–")</td></tr>\n"
            }
            body += "</tbody></table>\n"
            if let tally = result.tally { body += payments(tally, language) }
            body += "</section>\n"
        }
        return PortalPages.layout(title: PBPages.title(process, language) + " – " + language.pick("نتایج", "results"), language: language,
                                  switchPath: PortalPages.link(base + "/results", language.other), body: body)
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
    static func payments(_ tally: PBTallyResult, _ language: WebLanguage) -> String {
        guard !tally.rounds.isEmpty else { return "" }
        var html = "<details><summary>\(language.pick("چگونه پرداخت شد", "How each project was paid for"))</summary>\n<table><thead><tr><th scope=\"col\">\(language.pick("دور", "Round"))</th><th scope=\"col\">\(language.pick("طرح", "Project"))</th><th scope=\"col\">\(language.pick("پرداخت", "Payments"))</th></tr></thead><tbody>\n"
        for (index, round) in tally.rounds.enumerated() {
            let number = WebFormat.integer(Int64(index + 1), language)
            switch round {
            case .equalShares(let r):
                let groups = r.payments.map { group -> String in
                    let voters = WebFormat.integer(Int64(group.voters), language)
                    let total = WebFormat.digits(rounded(group.paidTotal), language)
                    if let each = group.paidEach {
                        return language.pick("\(voters) هوادار، هر یک \(WebFormat.digits(rounded(each), language)) ریال (جمع \(total))",
                                             "\(voters) supporters paid \(rounded(each)) rials each (total \(total))")
                    }
                    return language.pick("\(voters) هوادار همهٔ باقی‌ماندهٔ سهم خود را دادند (جمع \(total) ریال)",
                                         "\(voters) supporters paid all they had left (total \(total) rials)")
                }
                html += "<tr><td>\(number)</td><td>\(WebFormat.digits(r.projectID, language))</td><td>\(groups.map(htmlEscape).joined(separator: "<br>"))</td></tr>\n"
            case .greedy(let step):
                let decision: String
                switch step.decision {
                case .selected: decision = language.pick("برگزیده", "selected")
                case .overBudget: decision = language.pick("بیش از بودجهٔ باقی‌مانده", "over the remaining budget")
                case .belowThreshold: decision = language.pick("کمتر از حد نصاب", "below the threshold")
                }
                html += "<tr><td>\(number)</td><td>\(WebFormat.digits(step.projectID, language))</td><td>\(decision); \(language.pick("بودجهٔ باقی‌مانده پیش از آن", "budget left before")): \(WebFormat.digits(step.remainingBefore.description, language))</td></tr>\n"
            }
        }
        return html + "</tbody></table></details>\n"
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
