import Foundation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// /admin/users and /admin/audit.
@Suite struct AdminTests {
    @Test func adminAddsChangesAndDisablesUsers() async throws {
        try await WebHarness.withApp { app, stores in
            let admin = try await AuthHarness.signedIn(stores.accounts, "root", role: .admin)
            let list = try await WebHarness.get(app, "/admin/users", headers: admin.headers)
            #expect(list.status == .ok && list.text.contains("root") && list.text.contains("value=\"\(admin.csrf)\""))

            let added = try await AuthHarness.post(app, "/admin/users", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "Sara"), ("display_name", "سارا"), ("role", "analyst"),
                ("password", "a long enough password")])
            #expect(added.status == .seeOther && added.headers.first(name: .location) == "/admin/users")
            #expect(try await stores.accounts.account(named: "sara")?.role == .analyst)
            #expect(try await AuthHarness.logIn(app, "sara", password: "a long enough password").status == .seeOther)

            let role = try await AuthHarness.post(app, "/admin/users/sara/role", cookie: admin.cookie,
                                                  fields: [("csrf_token", admin.csrf), ("role", "council")])
            #expect(role.status == .seeOther)
            #expect(try await stores.accounts.account(named: "sara")?.role == .council)
            let disable = try await AuthHarness.post(app, "/admin/users/sara/disable", cookie: admin.cookie,
                                                     fields: [("csrf_token", admin.csrf)])
            #expect(disable.status == .seeOther)
            #expect(try await stores.accounts.account(named: "sara")?.disabled == true)
            let actions = try await stores.audit.auditLog(limit: 10).map(\.action)
            #expect(Array(actions.prefix(3)) == ["user.disable", "user.role", "login.success"])
            #expect(actions.contains("user.add"))
            #expect(try await stores.audit.auditLog(limit: 10).first?.actor == "root")
        }
    }

    @Test func badUserFormsAreRefusedWithAReasonAndChangeNothing() async throws {
        try await WebHarness.withApp { app, stores in
            let admin = try await AuthHarness.signedIn(stores.accounts, "root", role: .admin)
            let short = try await AuthHarness.post(app, "/admin/users?lang=en", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "sara"), ("role", "analyst"), ("password", "short")])
            #expect(short.status == .badRequest && short.text.contains("at least 12 characters"))
            let badName = try await AuthHarness.post(app, "/admin/users", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "../x"), ("role", "analyst"), ("password", "a long enough password")])
            #expect(badName.status == .badRequest)
            let badRole = try await AuthHarness.post(app, "/admin/users", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "sara"), ("role", "king"), ("password", "a long enough password")])
            #expect(badRole.status == .badRequest)
            let duplicate = try await AuthHarness.post(app, "/admin/users?lang=en", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "root"), ("role", "analyst"), ("password", "a long enough password")])
            #expect(duplicate.status == .badRequest && duplicate.text.contains("already taken"))
            let noCSRF = try await AuthHarness.post(app, "/admin/users", cookie: admin.cookie, fields: [
                ("username", "sara"), ("role", "analyst"), ("password", "a long enough password")])
            #expect(noCSRF.status == .forbidden)
            let own = try await AuthHarness.post(app, "/admin/users/root/disable", cookie: admin.cookie, fields: [("csrf_token", admin.csrf)])
            #expect(own.status == .badRequest)
            let missing = try await AuthHarness.post(app, "/admin/users/ghost/role", cookie: admin.cookie,
                                                     fields: [("csrf_token", admin.csrf), ("role", "admin")])
            #expect(missing.status == .notFound)
            #expect(try await stores.accounts.accounts().map(\.username) == ["root"])
            #expect(try await stores.audit.auditCount() == 0)
        }
    }

    @Test func auditPageIsNewestFirstAndPaged() async throws {
        try await WebHarness.withApp { app, stores in
            let admin = try await AuthHarness.signedIn(stores.accounts, "root", role: .admin)
            for index in 0..<(AdminRoutes.auditPageSize + 5) {
                try await stores.audit.appendAudit(AuditEntry(actor: "root", action: "test.entry", target: "t\(index)", client: "::1"))
            }
            let first = try await WebHarness.get(app, "/admin/audit", headers: admin.headers)
            #expect(first.status == .ok)
            let newest = try #require(first.text.range(of: ">t54<"))
            let older = try #require(first.text.range(of: ">t53<"))
            #expect(newest.lowerBound < older.lowerBound)
            #expect(!first.text.contains(">t4<") && first.text.contains("page=2"))
            let second = try await WebHarness.get(app, "/admin/audit?page=2", headers: admin.headers)
            #expect(second.text.contains(">t4<") && second.text.contains(">t0<"))
            #expect(try await WebHarness.get(app, "/admin/audit?page=x", headers: admin.headers).status == .badRequest)
        }
    }

    /// The Persian audit page names each kind of event and its detail in Persian; usernames, files and
    /// addresses are data, isolated left to right.
    @Test func theAuditPageSpeaksPersian() async throws {
        try await WebHarness.withApp { app, stores in
            let admin = try await AuthHarness.signedIn(stores.accounts, "root", role: .admin)
            _ = try await AuthHarness.logIn(app, "root", password: "a wrong password")
            _ = try await AuthHarness.logIn(app, "nobody", password: "a wrong password")
            _ = try await AuthHarness.post(app, "/admin/users", cookie: admin.cookie, fields: [
                ("csrf_token", admin.csrf), ("username", "sara"), ("display_name", "سارا"), ("role", "analyst"),
                ("password", "a long enough password")])
            for entry in [AuditEntry(actor: "cli", action: "pb.process.add", target: "tabriz-1404", client: "cli"),
                          AuditEntry(actor: "root", action: "upload.reject", target: "book.zip", detail: "3 errors", client: "::1"),
                          AuditEntry(actor: "root", action: "upload.accept", target: "tabriz", detail: "book.zip, content 0123456789ab", client: "::1"),
                          AuditEntry(actor: "root", action: "import.confirm", target: "tabriz", detail: "upload: book.zip; import #2", client: "::1"),
                          AuditEntry(actor: "root", action: "book.rollback", target: "tabriz", detail: "to import #1; import #3", client: "::1")] {
                _ = try await stores.audit.appendAudit(entry)
            }
            let page = try await WebHarness.get(app, "/admin/audit", headers: admin.headers)
            let text = PersianPagesTests.visibleText(page.body.string)
            #expect(PersianProse.foreignWords(text).isEmpty, "\(PersianProse.foreignWords(text).sorted()): \(text)")
            #expect(PersianPagesTests.numberAndTermProblems(html: page.body.string, text: text).isEmpty, "\(text)")
            for words in ["گزارش ممیزی", "ورود ناموفق", "گذرواژهٔ نادرست یا حساب غیرفعال", "حساب ناشناخته", "افزودن کاربر", "نقش: کارشناس",
                          "افزودن فرایند بودجه‌ریزی مشارکتی", "۳ خطا", "ورود شمارهٔ ۲", "بازگشت به ورود شمارهٔ ۱"] {
                #expect(text.contains(words), "«\(words)» in \(text)")
            }
            let english = try await WebHarness.get(app, "/admin/audit?lang=en", headers: admin.headers)
            #expect(english.body.string.contains("Failed sign-in") && english.body.string.contains("role analyst"))
        }
    }
}
