import Foundation
import TarazuHTML
import TarazuReport
import TarazuStore

/// The administrator's pages: accounts and the audit log.
enum AdminPages {
    static func users(_ accounts: [Account], viewer: Viewer, language: WebLanguage) -> String {
        let csrf = AccountPages.csrfField(viewer.csrfToken)
        var body = "<h1>\(language.pick("کاربران", "Users"))</h1>\n<table>\n<thead><tr>"
        for header in [language.pick("نام کاربری", "Username"), language.pick("نام", "Name"), language.pick("نقش", "Role"),
                       language.pick("وضعیت", "Status"), language.pick("ساخته‌شده", "Created"), language.pick("کارها", "Actions")] {
            body += "<th scope=\"col\">\(header)</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for account in accounts {
            let base = "/admin/users/" + HTML.segment(account.username)
            body += "<tr><td dir=\"ltr\">\(htmlEscape(account.username))</td><td>\(htmlEscape(account.displayName))</td>"
            body += "<td>\(AccountPages.roleName(account.role, language))</td>"
            body += "<td>\(account.disabled ? language.pick("غیرفعال", "disabled") : language.pick("فعال", "active"))</td>"
            body += "<td>\(WebFormat.date(account.createdAt, language))</td><td>"
            if account.username == viewer.account.username {
                body += language.pick("(شما)", "(you)")
            } else {
                body += "<form method=\"post\" action=\"\(PortalPages.link(base + "/role", language))\">\(csrf)"
                body += "<label for=\"role-\(htmlEscape(account.username))\">\(language.pick("نقش", "Role"))</label> "
                body += roleSelect(id: "role-" + account.username, selected: account.role, language: language)
                body += " <button type=\"submit\">\(language.pick("تغییر نقش", "Change role"))</button></form>"
                if !account.disabled {
                    body += "<form method=\"post\" action=\"\(PortalPages.link(base + "/disable", language))\">\(csrf)"
                    body += "<button type=\"submit\">\(language.pick("غیرفعال کردن", "Disable"))</button></form>"
                }
            }
            body += "</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        body += """
        <h2>\(language.pick("افزودن کاربر", "Add a user"))</h2>
        <form method="post" action="\(PortalPages.link("/admin/users", language))">
        \(csrf)
        <p><label for="new-username">\(language.pick("نام کاربری", "Username"))</label><br>
        <input id="new-username" name="username" type="text" required dir="ltr" autocomplete="off" pattern="[a-z0-9._\\-]{2,64}"></p>
        <p><label for="new-display">\(language.pick("نام نمایشی", "Display name"))</label><br>
        <input id="new-display" name="display_name" type="text"></p>
        <p><label for="new-role">\(language.pick("نقش", "Role"))</label><br>
        \(roleSelect(id: "new-role", selected: .council, language: language))</p>
        <p><label for="new-password">\(language.pick("گذرواژه (دست‌کم ۱۲ نویسه)", "Password (at least 12 characters)"))</label><br>
        <input id="new-password" name="password" type="password" required minlength="\(AccountPasswords.minimumLength)" autocomplete="new-password" dir="ltr"></p>
        <p><button type="submit">\(language.pick("افزودن", "Add"))</button></p>
        </form>

        """
        return AccountPages.page(title: language.pick("کاربران", "Users"), viewer: viewer, language: language, path: "/admin/users", body: body)
    }

    private static func roleSelect(id: String, selected: AccountRole, language: WebLanguage) -> String {
        var html = "<select id=\"\(htmlEscape(id))\" name=\"role\">"
        for role in AccountRole.allCases {
            html += "<option value=\"\(role.rawValue)\"\(role == selected ? " selected" : "")>\(AccountPages.roleName(role, language))</option>"
        }
        return html + "</select>"
    }

    static func audit(_ entries: [AuditEntry], page: Int, pages: Int, viewer: Viewer, language: WebLanguage) -> String {
        var body = "<h1>\(language.pick("رویدادنگار", "Audit log"))</h1>\n"
        body += "<p>\(language.pick("صفحهٔ", "Page")) \(WebFormat.integer(Int64(page), language)) \(language.pick("از", "of")) \(WebFormat.integer(Int64(pages), language))</p>\n"
        body += "<table>\n<thead><tr>"
        for header in [language.pick("تاریخ", "Date"), language.pick("ساعت", "Time"), language.pick("کننده", "Actor"),
                       language.pick("کار", "Action"), language.pick("موضوع", "Target"), language.pick("جزئیات", "Detail"),
                       language.pick("نشانی", "Client")] {
            body += "<th scope=\"col\">\(header)</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for entry in entries {
            body += "<tr><td>\(WebFormat.date(entry.at, language))</td><td>\(WebFormat.time(entry.at, language))</td>"
            body += "<td dir=\"ltr\">\(htmlEscape(entry.actor))</td><td dir=\"ltr\">\(htmlEscape(entry.action))</td>"
            body += "<td dir=\"ltr\">\(htmlEscape(entry.target))</td><td>\(htmlEscape(entry.detail))</td>"
            body += "<td dir=\"ltr\">\(htmlEscape(entry.client))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n<nav aria-label=\"\(language.pick("صفحه‌ها", "Pages"))\"><ul>"
        if page > 1 {
            body += "<li><a href=\"\(PortalPages.link("/admin/audit", language, extra: [("page", String(page - 1))]))\" rel=\"prev\">\(language.pick("جدیدتر", "Newer"))</a></li>"
        }
        if page < pages {
            body += "<li><a href=\"\(PortalPages.link("/admin/audit", language, extra: [("page", String(page + 1))]))\" rel=\"next\">\(language.pick("قدیمی‌تر", "Older"))</a></li>"
        }
        body += "</ul></nav>\n"
        return AccountPages.page(title: language.pick("رویدادنگار", "Audit log"), viewer: viewer, language: language,
                                 path: "/admin/audit", body: body)
    }
}
