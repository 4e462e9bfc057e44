import Foundation
import TarazuCore
import TarazuHTML
import TarazuStore

/// The data-management pages: upload, validation preview, history with rollback.
enum ManagePages {
    static func upload(books: [BookSummary], limit: Int, viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("مدیریت داده", "Data management") }
            HTMLNode.line("h2") { language.pick("بارگذاری کتاب بودجه", "Upload a budget book") }
            form(PortalPages.link(Link(path: ManageRoutes.uploadPath), language), viewer, multipart: true) {
                AccountPages.field("book", "\(language.pick("پرونده (پوشهٔ کتاب فشرده در ZIP، کاربرگ اکسل، CSV یا JSON؛ حداکثر", "File (a .zip of a book folder, .xlsx, .csv or .json; at most")) \(WebFormat.integer(Int64(limit / 1_048_576), language)) \(language.pick("مگابایت)", "MB)"))",
                                   .element("input", ["id": "book", "name": "book", "type": "file", "required": true, "accept": ".zip,.xlsx,.csv,.json"]))
                AccountPages.submit(language.pick("بارگذاری و بررسی", "Upload and check"))
            }
            HTMLNode.line("p") {
                language.pick("پیش از ورود، نتیجهٔ بررسی نشان داده می‌شود و چیزی نوشته نمی‌شود تا تأیید کنید.",
                              "You will see the check's result first; nothing is written until you confirm.")
            }
            if !books.isEmpty {
                HTMLNode.line("h2") { language.pick("کتاب‌های موجود", "Stored books") }
                HTMLNode.block("ul") {
                    for book in books {
                        HTMLNode.line("li") {
                            HTMLNode.element("a", ["href": PortalPages.link(historyPath(book.name), language)]) { book.title(language) }
                            language.pick("، نام در ترازو: ", ", name in Tarazu: ")
                            HTMLNode.element("bdi", ["dir": "ltr"]) { book.name }
                        }
                    }
                }
            }
        }
        return AccountPages.page(title: language.pick("مدیریت داده", "Data management"), viewer: viewer, language: language,
                                 path: "/manage", body: body)
    }

    /// /manage/books/NAME/history.
    static func historyPath(_ name: String) -> Link {
        Link(path: "/manage/books").appending(segment: name).appending(path: "/history")
    }

    /// A POST form to `action` with the session's CSRF field first, each on its own line.
    private static func form(_ action: Link, _ viewer: Viewer, multipart: Bool = false, @HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode {
        HTMLNode.block("form", ["method": "post", "action": action]) { AccountPages.csrfField(viewer.csrfToken); "\n"; HTMLNode.group(content()) }
            .attribute("enctype", multipart ? "multipart/form-data" : nil)
    }

    static func rejected(fileName: String, diagnostics: [Diagnostic], viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("کتاب پذیرفته نشد", "The book was rejected") }
            HTMLNode.line("p", ["class": "error"]) {
                "\(language.pick("پرونده", "File")) "
                HTMLNode.element("span", ["dir": "ltr"]) { fileName }
                ": \(language.pick("چیزی نوشته نشد. این خطاها را درست کنید و دوباره بارگذاری کنید.", "nothing was written. Fix these problems and upload again."))"
            }
            diagnosticTable(diagnostics, language: language)
            HTMLNode.line("p") { HTMLNode.element("a", ["href": PortalPages.link("/manage", language)]) { language.pick("بازگشت به بارگذاری", "Back to upload") } }
        }
        return AccountPages.page(title: language.pick("کتاب پذیرفته نشد", "Rejected"), viewer: viewer, language: language, path: "/manage", body: body)
    }

    /// A table whose head and body start on lines of their own: the tables of the management and admin pages.
    static func table(_ headers: [String], @HTMLBuilder rows: () -> [HTMLNode]) -> HTMLNode {
        .block("table") {
            HTMLNode.line("thead") { HTMLNode.element("tr") { for header in headers { HTMLNode.element("th", ["scope": "col"]) { header } } } }
            HTMLNode.block("tbody") { HTMLNode.group(rows()) }
        }
    }

    static func diagnosticTable(_ diagnostics: [Diagnostic], language: WebLanguage) -> HTMLNode {
        table([language.pick("نوع", "Severity"), language.pick("پرونده", "File"), language.pick("سطر", "Row"),
               language.pick("ستون", "Column"), language.pick("علت", "Reason")]) {
            for diagnostic in diagnostics {
                HTMLNode.line("tr") {
                    HTMLNode.element("td") { diagnostic.severity == .error ? language.pick("خطا", "error") : language.pick("هشدار", "warning") }
                    HTMLNode.element("td", ["dir": "ltr"]) { diagnostic.file }
                    HTMLNode.element("td") { diagnostic.row.map { WebFormat.integer(Int64($0), language) } ?? "" }
                    HTMLNode.element("td", ["dir": "ltr"]) { diagnostic.column ?? "" }
                    HTMLNode.element("td", ["dir": "ltr"]) { diagnostic.reason }
                }
            }
        }
    }

    static func preview(_ book: BudgetBook, warnings: [Diagnostic], fileName: String, current: BookSummary?, staging: String,
                        viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let after = BookRowCounts(of: book)
        let hash = book.contentHash
        let before = current?.lastImport.rowCounts
        let body = HTMLNode.group {
            HTMLNode.line("h1") { "\(language.pick("بررسی کتاب", "Book check")): \(book.metadata.title(language))" }
            HTMLNode.block("dl") {
                HTMLNode.element("dt") { language.pick("نام", "Name") }
                HTMLNode.line("dd", ["dir": "ltr"]) { book.metadata.name }
                HTMLNode.element("dt") { language.pick("پرونده", "File") }
                HTMLNode.line("dd", ["dir": "ltr"]) { fileName }
                HTMLNode.element("dt") { language.pick("سال‌ها", "Years") }
                HTMLNode.line("dd") { book.years.map { WebFormat.year($0, language) }.joined(separator: language.pick("، ", ", ")) }
                HTMLNode.element("dt") { language.pick("چکیدهٔ محتوا", "Content hash") }
                HTMLNode.line("dd", ["dir": "ltr"]) { HTMLNode.element("code") { hash } }
            }
            HTMLNode.line("h2") { language.pick("مقایسه با کتاب ذخیره‌شده", "Compared with the stored book") }
            switch current {
            case nil:
                HTMLNode.line("p") { language.pick("کتاب تازه: کتابی به این نام ذخیره نشده است.", "A new book: no book of this name is stored.") }
            case let current? where current.contentHash == hash:
                HTMLNode.line("p") { language.pick("همانند نسخهٔ ذخیره‌شده است.", "Identical to the stored version.") }
            case let current?:
                HTMLNode.line("p") {
                    "\(language.pick("جای نسخهٔ ذخیره‌شده را می‌گیرد", "Replaces the stored version")) "
                    HTMLNode.element("code", ["dir": "ltr"]) { String(current.contentHash.prefix(12)) }
                    "."
                }
            }
            table([language.pick("جدول", "Table")] + (current == nil ? [] : [language.pick("سطرها پیش از این", "Rows before")])
                  + [language.pick("سطرها", "Rows")]) {
                for (table, now, then) in rows(after, before) {
                    HTMLNode.line("tr") {
                        HTMLNode.element("th", ["scope": "row", "dir": "ltr"]) { table }
                        if let then { HTMLNode.element("td") { WebFormat.integer(Int64(then), language) } }
                        HTMLNode.element("td") { WebFormat.integer(Int64(now), language) }
                    }
                }
            }
            if !warnings.isEmpty {
                HTMLNode.line("h2") { language.pick("هشدارها", "Warnings") }
                diagnosticTable(warnings, language: language)
            }
            form(PortalPages.link("/manage/confirm", language), viewer) {
                HTMLNode.line("input", ["type": "hidden", "name": "staging", "value": staging])
                AccountPages.submit(language.pick("تأیید و ورود", "Confirm import"))
            }
            HTMLNode.line("p") { HTMLNode.element("a", ["href": PortalPages.link("/manage", language)]) { language.pick("انصراف", "Cancel") } }
        }
        return AccountPages.page(title: language.pick("بررسی کتاب", "Book check"), viewer: viewer, language: language, path: "/manage", body: body)
    }

    private static func rows(_ after: BookRowCounts, _ before: BookRowCounts?) -> [(String, Int, Int?)] {
        [("budget_lines", after.budgetLines, before?.budgetLines), ("revenues", after.revenues, before?.revenues),
         ("projects", after.projects, before?.projects), ("regions", after.regions, before?.regions),
         ("functions", after.functions, before?.functions), ("authorizations", after.authorizations, before?.authorizations),
         ("deflator", after.deflator, before?.deflator)]
    }

    static func history(name: String, history: [ImportRecord], snapshots: Set<Int64>, viewer: Viewer, language: WebLanguage) -> HTMLNode {
        let path = historyPath(name)
        let latest = history.last?.id
        let body = HTMLNode.group {
            HTMLNode.line("h1") { "\(language.pick("تاریخچهٔ ورود", "Import history")): "; HTMLNode.element("span", ["dir": "ltr"]) { name } }
            table(["#", language.pick("تاریخ", "Date"), language.pick("ساعت", "Time"), language.pick("به دست", "By"),
                   language.pick("منبع", "Source"), language.pick("چکیده", "Hash"), language.pick("سطرها", "Rows"), ""]) {
                for record in history.reversed() {
                    HTMLNode.line("tr") {
                        HTMLNode.element("td") { WebFormat.integer(record.id, language) }
                        HTMLNode.element("td") { WebFormat.date(record.importedAt, language) }
                        HTMLNode.element("td") { WebFormat.time(record.importedAt, language) }
                        HTMLNode.element("td", ["dir": "ltr"]) { record.importedBy ?? "—" }
                        HTMLNode.element("td", ["dir": "ltr"]) { record.source }
                        HTMLNode.element("td", ["dir": "ltr"]) { HTMLNode.element("code") { String(record.contentHash.prefix(12)) } }
                        HTMLNode.element("td") { WebFormat.integer(Int64(record.rowCounts.total), language) }
                        HTMLNode.element("td") {
                            if record.id == latest {
                                language.pick("نسخهٔ کنونی", "current version")
                            } else if snapshots.contains(record.id) {
                                HTMLNode.element("form", ["method": "post", "action": PortalPages.link(
                                    Link(path: "/manage/books").appending(segment: name).appending(path: "/rollback"), language)]) {
                                    AccountPages.csrfField(viewer.csrfToken)
                                    HTMLNode.element("input", ["type": "hidden", "name": "import_id", "value": record.id])
                                    HTMLNode.element("button", ["type": "submit"]) { language.pick("بازگشت به این نسخه", "Roll back to this version") }
                                }
                            }
                        }
                    }
                }
            }
        }
        return AccountPages.page(title: language.pick("تاریخچهٔ ورود", "Import history"), viewer: viewer, language: language, path: path, body: body)
    }
}
