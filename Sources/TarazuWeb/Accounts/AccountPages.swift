import Foundation
import TarazuHTML
import TarazuReport
import TarazuStore
import Vapor

/// The sign-in page, the signed-in header and the role names.
enum AccountPages {
    static func roleName(_ role: AccountRole, _ language: WebLanguage) -> String {
        switch role {
        case .council: language.pick("شورا", "council")
        case .analyst: language.pick("کارشناس", "analyst")
        case .admin: language.pick("مدیر سامانه", "administrator")
        }
    }

    /// A hidden `csrf_token` field.
    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"\(SessionTokens.csrfField)\" value=\"\(htmlEscape(token))\">"
    }

    /// The signed-in header: name, role, the areas the role may open, and the sign-out form.
    static func accountBar(_ viewer: Viewer, language: WebLanguage) -> String {
        let account = viewer.account
        var links = ["<li><a href=\"\(PortalPages.link("/dashboard", language))\">\(language.pick("داشبورد", "Dashboard"))</a></li>"]
        if account.role >= .analyst {
            links.append("<li><a href=\"\(PortalPages.link("/manage", language))\">\(language.pick("مدیریت داده", "Data"))</a></li>")
        }
        if account.role >= .admin {
            links.append("<li><a href=\"\(PortalPages.link("/admin/users", language))\">\(language.pick("کاربران", "Users"))</a></li>")
            links.append("<li><a href=\"\(PortalPages.link("/admin/audit", language))\">\(language.pick("رویدادنگار", "Audit log"))</a></li>")
        }
        return """
        <nav class="account" aria-label="\(language.pick("حساب کاربری", "Account"))">
        <p>\(language.pick("واردشده:", "Signed in:")) <strong>\(htmlEscape(account.displayName))</strong> (\(htmlEscape(account.username)), \(roleName(account.role, language)))</p>
        <ul>\(links.joined())</ul>
        <form method="post" action="\(PortalPages.link("/logout", language))">\(csrfField(viewer.csrfToken))<button type="submit">\(language.pick("خروج", "Sign out"))</button></form>
        </nav>

        """
    }

    /// A page with the account bar above `body`.
    static func page(title: String, viewer: Viewer?, language: WebLanguage, path: String, body: String) -> String {
        let bar = viewer.map { accountBar($0, language: language) } ?? ""
        return PortalPages.layout(title: "\(title) · \(language.pick("ترازو", "Tarazu"))", language: language,
                                  switchPath: PortalPages.link(path, language.other), body: bar + body)
    }

    static func login(csrf: String, next: String?, viewer: Viewer?, error: String?, language: WebLanguage) -> String {
        var body = "<h1>\(language.pick("ورود", "Sign in"))</h1>\n"
        if let viewer {
            body += "<p>\(language.pick("شما هم‌اکنون وارد شده‌اید به نام", "You are already signed in as")) <strong>\(htmlEscape(viewer.account.username))</strong>.</p>\n"
        }
        if let error { body += "<p class=\"error\" role=\"alert\">\(htmlEscape(error))</p>\n" }
        body += """
        <form method="post" action="\(PortalPages.link("/login", language))" class="login">
        \(csrfField(csrf))
        <input type="hidden" name="next" value="\(htmlEscape(next ?? ""))">
        <p><label for="username">\(language.pick("نام کاربری", "Username"))</label><br>
        <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required dir="ltr"></p>
        <p><label for="password">\(language.pick("گذرواژه", "Password"))</label><br>
        <input id="password" name="password" type="password" autocomplete="current-password" required dir="ltr"></p>
        <p><button type="submit">\(language.pick("ورود", "Sign in"))</button></p>
        </form>

        """
        var switchPath = "/login"
        if let next { switchPath += "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        return PortalPages.layout(title: "\(language.pick("ورود", "Sign in")) · \(language.pick("ترازو", "Tarazu"))", language: language,
                                  switchPath: language == .fa ? switchPath + (next == nil ? "?" : "&") + "lang=en" : switchPath,
                                  body: body)
    }
}
