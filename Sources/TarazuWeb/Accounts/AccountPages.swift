import Foundation
import TarazuHTML
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
    static func csrfField(_ token: String) -> HTMLNode {
        .element("input", ["type": "hidden", "name": SessionTokens.csrfField, "value": token])
    }

    /// The signed-in header: name, role, the areas the role may open, and the sign-out form.
    static func accountBar(_ viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let account = viewer.account
        var links: [(Link, String)] = [("/dashboard", language.pick("داشبورد", "Dashboard"))]
        if account.role >= .analyst { links.append(("/manage", language.pick("مدیریت داده", "Data"))) }
        if account.role >= .admin {
            links += [("/admin/users", language.pick("کاربران", "Users")), ("/admin/audit", language.pick("گزارش ممیزی", "Audit log"))]
        }
        return .block("nav", ["class": "account", "aria-label": language.pick("حساب کاربری", "Account")]) {
            HTMLNode.line("p") {
                "\(language.pick("کاربر:", "Signed in:")) "
                HTMLNode.element("strong") { HTMLNode.element("bdi") { account.displayName } }
                " ("
                if account.displayName != account.username {
                    HTMLNode.element("bdi", ["dir": "ltr"]) { account.username }
                    language.pick("، ", ", ")
                }
                "\(roleName(account.role, language)))"
            }
            HTMLNode.line("ul") {
                for (path, label) in links { HTMLNode.element("li") { HTMLNode.element("a", ["href": PortalPages.link(path, language)]) { label } } }
            }
            HTMLNode.line("form", ["method": "post", "action": PortalPages.link("/logout", language)]) {
                csrfField(viewer.csrfToken)
                HTMLNode.element("button", ["type": "submit"]) { language.pick("خروج", "Sign out") }
            }
        }
    }

    /// A page with the account bar above `body`.
    static func page(title: String, viewer: Viewer?, language: WebLanguage, path: Link, body: HTMLNode) -> HTMLNode {
        PortalPages.layout(title: "\(title) · \(language.pick("ترازو", "Tarazu"))", language: language,
                           switchPath: PortalPages.link(path, language.other),
                           body: .group { if let viewer { accountBar(viewer, language: language) }; body })
    }

    /// `<p><label for=ID>LABEL</label><br>` a newline, the field, `</p>` and a newline: one field of a form.
    static func field(_ id: String, _ label: String, _ input: HTMLNode) -> HTMLNode {
        .line("p") { HTMLNode.element("label", ["for": id]) { label }; HTMLNode.element("br"); "\n"; input }
    }

    /// `<p><button type="submit">LABEL</button></p>` and a newline.
    static func submit(_ label: String) -> HTMLNode {
        .line("p") { HTMLNode.element("button", ["type": "submit"]) { label } }
    }

    static func login(csrf: String, next: String?, viewer: Viewer?, error: String?, language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("ورود", "Sign in") }
            if let viewer {
                HTMLNode.line("p") {
                    "\(language.pick("شما هم‌اکنون وارد شده‌اید به نام", "You are already signed in as")) "
                    HTMLNode.element("strong") { viewer.account.username }
                    "."
                }
            }
            if let error { HTMLNode.line("p", ["class": "error", "role": "alert"]) { error } }
            HTMLNode.block("form", ["method": "post", "action": PortalPages.link("/login", language), "class": "login"]) {
                csrfField(csrf)
                "\n"
                HTMLNode.line("input", ["type": "hidden", "name": "next", "value": next ?? ""])
                field("username", language.pick("نام کاربری", "Username"),
                      .element("input", ["id": "username", "name": "username", "type": "text", "autocomplete": "username", "autocapitalize": "none",
                                         "spellcheck": "false", "required": true, "dir": "ltr"]))
                field("password", language.pick("گذرواژه", "Password"),
                      .element("input", ["id": "password", "name": "password", "type": "password", "autocomplete": "current-password",
                                         "required": true, "dir": "ltr"]))
                submit(language.pick("ورود", "Sign in"))
            }
        }
        var switchPath: Link = "/login"
        if let next { switchPath = switchPath.adding("next", next) }
        return PortalPages.layout(title: "\(language.pick("ورود", "Sign in")) · \(language.pick("ترازو", "Tarazu"))", language: language,
                                  switchPath: language == .fa ? switchPath.adding("lang", "en") : switchPath, body: body)
    }
}
