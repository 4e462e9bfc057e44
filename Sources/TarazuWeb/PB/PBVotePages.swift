import Foundation
import TarazuHTML
import TarazuParticipation
import TarazuReport

/// The four steps of voting on the web and at a kiosk.
enum PBVotePages {
    struct Frame {
        var process: PBProcess
        var slug: String
        var language: WebLanguage
        var kiosk: Bool
        var csrf: String

        var base: String { "/pb/" + HTML.segment(slug) + "/vote" }
        func action(_ step: String) -> String { PBPages.link(base + "/" + step, language, kiosk: kiosk) }
        func page(_ body: String, path: String) -> String {
            PBPages.page(PBPages.title(process, language) + " – " + language.pick("رأی", "Vote"), language,
                         switchPath: PBPages.link(path, language.other, kiosk: kiosk), kiosk: kiosk,
                         body: "<h1>\(htmlEscape(PBPages.title(process, language)))</h1>\n" + body)
        }
    }

    static func closed(_ frame: Frame, now: Date) -> String {
        let language = frame.language
        let text = now < frame.process.phase(.voting).start
            ? language.pick("رأی‌گیری هنوز آغاز نشده است.", "Voting has not opened yet.")
            : language.pick("رأی‌گیری به پایان رسیده است.", "Voting has closed.")
        return frame.page("<p class=\"error\" role=\"alert\">\(text)</p>\n<p><a href=\"\(PBPages.link("/pb/" + HTML.segment(frame.slug), language, kiosk: false))\">\(language.pick("دربارهٔ این فرایند", "About this process"))</a></p>\n", path: frame.base)
    }

    static func phone(_ frame: Frame, error: String?) -> String {
        let language = frame.language
        var body = PBPages.steps(1, language)
        if let error { body += "<p class=\"error\" role=\"alert\">\(htmlEscape(error))</p>\n" }
        body += "<p>\(language.pick("هر نفر یک رأی دارد، چه از وب، چه با پیامک یا برگهٔ کاغذی. شمارهٔ همراه شما فقط برای فرستادن کد به کار می‌رود و نگه داشته نمی‌شود.", "One person, one ballot, whether on the web, by SMS or on paper. Your mobile number is only used to send a code and is not stored."))</p>\n"
        body += "<form class=\"pb-form\" method=\"post\" action=\"\(frame.action("phone"))\">\(PBCSRF.field(frame.csrf))\n"
        body += "<label for=\"phone\">\(language.pick("شمارهٔ تلفن همراه", "Mobile number"))</label>\n"
        body += "<input id=\"phone\" name=\"phone\" type=\"tel\" inputmode=\"tel\" autocomplete=\"tel\" required dir=\"ltr\" placeholder=\"0912 345 6789\">\n"
        body += "<button type=\"submit\">\(language.pick("فرستادن کد", "Send the code"))</button>\n</form>\n"
        return frame.page(body, path: frame.base)
    }

    static func code(_ frame: Frame, error: String?) -> String {
        let language = frame.language
        var body = PBPages.steps(2, language)
        if let error { body += "<p class=\"error\" role=\"alert\">\(htmlEscape(error))</p>\n" }
        body += "<p>\(language.pick("کد ۶ رقمی را که پیامک شد وارد کنید. کد ۵ دقیقه اعتبار دارد و ۵ بار می‌توانید بکوشید.", "Enter the 6-digit code we sent by SMS. It is valid for 5 minutes and you have 5 tries."))</p>\n"
        body += "<form class=\"pb-form\" method=\"post\" action=\"\(frame.action("code"))\">\(PBCSRF.field(frame.csrf))\n"
        body += "<label for=\"code\">\(language.pick("کد تأیید", "Verification code"))</label>\n"
        body += "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required dir=\"ltr\" maxlength=\"12\">\n"
        body += "<button type=\"submit\">\(language.pick("تأیید", "Confirm"))</button>\n</form>\n"
        body += "<p><a href=\"\(PBPages.link(frame.base, language, kiosk: frame.kiosk, extra: [("restart", "1")]))\">\(language.pick("شماره را اشتباه نوشتم / کد نرسید", "Wrong number / no code"))</a></p>\n"
        return frame.page(body, path: frame.base + "/code")
    }

    static func chooseDistrict(_ frame: Frame) -> String {
        let language = frame.language
        var body = PBPages.steps(3, language)
        body += "<p>\(language.pick("برای کدام رأی‌گیری رأی می‌دهید؟ هر نفر فقط یک برگه دارد: سطح شهر یا منطقهٔ محل زندگی‌اش.", "Which ballot do you vote on? Each person has one: citywide or their own region."))</p>\n<ul class=\"links\">\n"
        for district in PBPages.districts(frame.process) where !frame.process.ballotProjects(for: district).isEmpty {
            body += "<li><a href=\"\(PBPages.link(frame.base + "/ballot", language, kiosk: frame.kiosk, extra: [("district", district.code)]))\">\(PBPages.districtName(district, language))</a></li>\n"
        }
        return frame.page(body + "</ul>\n", path: frame.base + "/ballot")
    }

    /// The ballot form; `chosen` holds the voter's earlier inputs (project id -> "on" or a number).
    static func ballot(_ frame: Frame, district: PBDistrict, chosen: [String: String], problems: [String]) -> String {
        let language = frame.language
        let process = frame.process
        var body = PBPages.steps(3, language)
        body += "<h2>\(PBPages.districtName(district, language))</h2>\n"
        body += PBPages.problems(problems, language)
        body += "<p>\(htmlEscape(PBPages.rulesText(process.rules, budget: process.budget(for: district) ?? 0, language)))</p>\n"
        body += "<form class=\"pb-form\" method=\"post\" action=\"\(frame.action("ballot"))\">\(PBCSRF.field(frame.csrf))\n"
        body += "<input type=\"hidden\" name=\"district\" value=\"\(htmlEscape(district.code))\">\n"
        body += "<fieldset><legend>\(language.pick("طرح‌ها", "Projects"))</legend><ul class=\"pb-projects\">\n"
        for proposal in process.ballotProjects(for: district) {
            let id = htmlEscape(proposal.id)
            let cost = PBPages.rials(proposal.cost, language)
            let text = "<span><strong>\(WebFormat.digits(proposal.id, language)). \(htmlEscape(proposal.title))</strong> – \(cost)"
                + (proposal.description.isEmpty ? "" : "<p>\(htmlEscape(proposal.description))</p>") + "</span>"
            switch process.rules {
            case .approval, .costLimitedApproval:
                let checked = chosen[proposal.id] != nil ? " checked" : ""
                body += "<li><label><input type=\"checkbox\" name=\"p_\(id)\" value=\"1\"\(checked)>\(text)</label></li>\n"
            case .cumulative(_, let per):
                let value = htmlEscape(chosen[proposal.id] ?? "")
                body += "<li><label><input type=\"number\" name=\"p_\(id)\" min=\"0\" max=\"\(per)\" step=\"1\" inputmode=\"numeric\" value=\"\(value)\" aria-label=\"\(language.pick("امتیاز", "Points"))\">\(text)</label></li>\n"
            case .ranking(let max):
                let value = htmlEscape(chosen[proposal.id] ?? "")
                body += "<li><label><input type=\"number\" name=\"p_\(id)\" min=\"1\" max=\"\(max)\" step=\"1\" inputmode=\"numeric\" value=\"\(value)\" aria-label=\"\(language.pick("رتبه", "Rank"))\">\(text)</label></li>\n"
            }
        }
        body += "</ul></fieldset>\n<button type=\"submit\">\(language.pick("ثبت رأی", "Cast my ballot"))</button>\n</form>\n"
        body += "<p><a href=\"\(PBPages.link(frame.base + "/ballot", language, kiosk: frame.kiosk))\">\(language.pick("برگهٔ دیگری را انتخاب کنید", "Choose another ballot"))</a></p>\n"
        return frame.page(body, path: frame.base + "/ballot")
    }

    static func receipt(_ frame: Frame, receipt: String, replaced: Bool, projects: [String]) -> String {
        let language = frame.language
        var body = PBPages.steps(4, language)
        body += "<p role=\"status\"><strong>\(replaced ? language.pick("رأی پیشین شما با این رأی جایگزین شد.", "Your earlier ballot was replaced by this one.") : language.pick("رأی شما ثبت شد. سپاس!", "Your ballot was recorded. Thank you!"))</strong></p>\n"
        body += "<p>\(language.pick("شمارهٔ رسید", "Receipt number")):</p>\n<p class=\"pb-receipt\"><bdi dir=\"ltr\">\(htmlEscape(receipt))</bdi></p>\n"
        body += "<p>\(language.pick("طرح‌های شما", "Your projects")): \(projects.map { WebFormat.digits($0, language) }.joined(separator: language.pick("، ", ", ")))</p>\n"
        if frame.kiosk {
            body += "<p><a href=\"\(PBPages.link(frame.base, language, kiosk: true))\">\(language.pick("پایان؛ بازگشت به آغاز برای نفر بعد", "Done: back to the start for the next person"))</a></p>\n"
            var html = frame.page(body, path: frame.base)
            // Back to the start after 20 seconds without script (CSP allows meta refresh).
            html = html.replacingOccurrences(of: "<meta charset=\"utf-8\">",
                                             with: "<meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"20;url=\(PBPages.link(frame.base, language, kiosk: true))\">")
            return html
        }
        body += "<p><a href=\"\(PBPages.link("/pb/" + HTML.segment(frame.slug), language, kiosk: false))\">\(language.pick("بازگشت به صفحهٔ فرایند", "Back to the process"))</a></p>\n"
        return frame.page(body, path: frame.base)
    }
}
