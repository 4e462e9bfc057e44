import Foundation
import TarazuHTML
import TarazuStore

/// The administrator's pages: accounts and the audit log.
enum AdminPages {
    static func users(_ accounts: [Account], viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let csrf = AccountPages.csrfField(viewer.csrfToken)
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("کاربران", "Users") }
            ManagePages.table([language.pick("نام کاربری", "Username"), language.pick("نام", "Name"), language.pick("نقش", "Role"),
                               language.pick("وضعیت", "Status"), language.pick("ساخته‌شده", "Created"), language.pick("کارها", "Actions")]) {
                for account in accounts {
                    let base = Link(path: "/admin/users").appending(segment: account.username)
                    HTMLNode.line("tr") {
                        HTMLNode.element("td", ["dir": "ltr"]) { account.username }
                        HTMLNode.element("td") { account.displayName }
                        HTMLNode.element("td") { AccountPages.roleName(account.role, language) }
                        HTMLNode.element("td") { account.disabled ? language.pick("غیرفعال", "disabled") : language.pick("فعال", "active") }
                        HTMLNode.element("td") { WebFormat.date(account.createdAt, language) }
                        HTMLNode.element("td") {
                            if account.username == viewer.account.username {
                                language.pick("(شما)", "(you)")
                            } else {
                                HTMLNode.element("form", ["method": "post", "action": PortalPages.link(base.appending(path: "/role"), language)]) {
                                    csrf
                                    HTMLNode.element("label", ["for": "role-" + account.username]) { language.pick("نقش", "Role") }
                                    " "
                                    roleSelect(id: "role-" + account.username, selected: account.role, language: language)
                                    " "
                                    HTMLNode.element("button", ["type": "submit"]) { language.pick("تغییر نقش", "Change role") }
                                }
                                if !account.disabled {
                                    HTMLNode.element("form", ["method": "post", "action": PortalPages.link(base.appending(path: "/disable"), language)]) {
                                        csrf
                                        HTMLNode.element("button", ["type": "submit"]) { language.pick("غیرفعال کردن", "Disable") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            HTMLNode.line("h2") { language.pick("افزودن کاربر", "Add a user") }
            HTMLNode.block("form", ["method": "post", "action": PortalPages.link("/admin/users", language)]) {
                csrf
                "\n"
                AccountPages.field("new-username", language.pick("نام کاربری", "Username"),
                                   .element("input", ["id": "new-username", "name": "username", "type": "text", "required": true, "dir": "ltr",
                                                      "autocomplete": "off", "pattern": "[a-z0-9._\\-]{2,64}"]))
                AccountPages.field("new-display", language.pick("نام نمایشی", "Display name"),
                                   .element("input", ["id": "new-display", "name": "display_name", "type": "text"]))
                AccountPages.field("new-role", language.pick("نقش", "Role"), roleSelect(id: "new-role", selected: .council, language: language))
                AccountPages.field("new-password", language.pick("گذرواژه (دست‌کم ۱۲ نویسه)", "Password (at least 12 characters)"),
                                   .element("input", ["id": "new-password", "name": "password", "type": "password", "required": true,
                                                      "minlength": AccountPasswords.minimumLength, "autocomplete": "new-password", "dir": "ltr"]))
                AccountPages.submit(language.pick("افزودن", "Add"))
            }
        }
        return AccountPages.page(title: language.pick("کاربران", "Users"), viewer: viewer, language: language, path: "/admin/users", body: body)
    }

    private static func roleSelect(id: String, selected: AccountRole, language: WebLanguage) -> HTMLNode {
        .element("select", ["id": id, "name": "role"]) {
            for role in AccountRole.allCases {
                HTMLNode.element("option", ["value": role.rawValue, "selected": role == selected]) { AccountPages.roleName(role, language) }
            }
        }
    }

    static func audit(_ entries: [AuditEntry], page: Int, pages: Int, viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("گزارش ممیزی", "Audit log") }
            HTMLNode.line("p") {
                "\(language.pick("صفحهٔ", "Page")) \(WebFormat.integer(Int64(page), language)) \(language.pick("از", "of")) \(WebFormat.integer(Int64(pages), language))"
            }
            ManagePages.table([language.pick("تاریخ", "Date"), language.pick("ساعت", "Time"), language.pick("کاربر", "Actor"),
                               language.pick("رویداد", "Action"), language.pick("موضوع", "Target"), language.pick("جزئیات", "Detail"),
                               language.pick("نشانی", "Client")]) {
                for entry in entries {
                    HTMLNode.line("tr") {
                        HTMLNode.element("td") { WebFormat.date(entry.at, language) }
                        HTMLNode.element("td") { WebFormat.time(entry.at, language) }
                        HTMLNode.element("td") { AuditText.party(entry.actor, language) }
                        HTMLNode.element("td") { AuditText.action(entry.action, language) }
                        HTMLNode.element("td") { AuditText.data(entry.target) }
                        HTMLNode.element("td") { AuditText.detail(entry.detail, language) }
                        HTMLNode.element("td") { AuditText.party(entry.client, language) }
                    }
                }
            }
            HTMLNode.line("nav", ["aria-label": language.pick("صفحه‌ها", "Pages")]) {
                HTMLNode.element("ul") {
                    if page > 1 {
                        HTMLNode.element("li") {
                            HTMLNode.element("a", ["href": PortalPages.link("/admin/audit", language, extra: [("page", String(page - 1))]), "rel": "prev"]) {
                                language.pick("جدیدتر", "Newer")
                            }
                        }
                    }
                    if page < pages {
                        HTMLNode.element("li") {
                            HTMLNode.element("a", ["href": PortalPages.link("/admin/audit", language, extra: [("page", String(page + 1))]), "rel": "next"]) {
                                language.pick("قدیمی‌تر", "Older")
                            }
                        }
                    }
                }
            }
        }
        return AccountPages.page(title: language.pick("گزارش ممیزی", "Audit log"), viewer: viewer, language: language, path: "/admin/audit", body: body)
    }
}
