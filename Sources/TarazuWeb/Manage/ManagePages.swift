import Foundation
import TarazuCore
import TarazuHTML
import TarazuReport
import TarazuStore

/// The data-management pages: upload, validation preview, history with rollback.
enum ManagePages {
    static func upload(books: [BookSummary], limit: Int, viewer: Viewer, language: WebLanguage) -> String {
        var body = """
        <h1>\(language.pick("مدیریت داده", "Data management"))</h1>
        <h2>\(language.pick("بارگذاری کتاب بودجه", "Upload a budget book"))</h2>
        <form method="post" action="\(PortalPages.link(ManageRoutes.uploadPath, language))" enctype="multipart/form-data">
        \(AccountPages.csrfField(viewer.csrfToken))
        <p><label for="book">\(language.pick("پرونده (zip پوشهٔ کتاب، xlsx، csv یا json؛ حداکثر", "File (a .zip of a book folder, .xlsx, .csv or .json; at most")) \(WebFormat.integer(Int64(limit / 1_048_576), language)) \(language.pick("مگابایت)", "MB)"))</label><br>
        <input id="book" name="book" type="file" required accept=".zip,.xlsx,.csv,.json"></p>
        <p><button type="submit">\(language.pick("بارگذاری و بررسی", "Upload and check"))</button></p>
        </form>
        <p>\(language.pick("پیش از ورود، نتیجهٔ بررسی نشان داده می‌شود و چیزی نوشته نمی‌شود تا تأیید کنید.", "You will see the check's result first; nothing is written until you confirm."))</p>

        """
        if !books.isEmpty {
            body += "<h2>\(language.pick("کتاب‌های موجود", "Stored books"))</h2>\n<ul>\n"
            for book in books {
                body += "<li><a href=\"\(PortalPages.link("/manage/books/" + HTML.segment(book.name) + "/history", language))\">\(htmlEscape(book.title))</a> <span dir=\"ltr\">(\(htmlEscape(book.name)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        return AccountPages.page(title: language.pick("مدیریت داده", "Data management"), viewer: viewer, language: language,
                                 path: "/manage", body: body)
    }

    static func rejected(fileName: String, diagnostics: [Diagnostic], viewer: Viewer, language: WebLanguage) -> String {
        var body = "<h1>\(language.pick("کتاب پذیرفته نشد", "The book was rejected"))</h1>\n"
        body += "<p class=\"error\">\(language.pick("پرونده", "File")) <span dir=\"ltr\">\(htmlEscape(fileName))</span>: \(language.pick("چیزی نوشته نشد. این خطاها را درست کنید و دوباره بارگذاری کنید.", "nothing was written. Fix these problems and upload again."))</p>\n"
        body += diagnosticTable(diagnostics, language: language)
        body += "<p><a href=\"\(PortalPages.link("/manage", language))\">\(language.pick("بازگشت به بارگذاری", "Back to upload"))</a></p>\n"
        return AccountPages.page(title: language.pick("کتاب پذیرفته نشد", "Rejected"), viewer: viewer, language: language, path: "/manage", body: body)
    }

    static func diagnosticTable(_ diagnostics: [Diagnostic], language: WebLanguage) -> String {
        var body = "<table>\n<thead><tr>"
        for header in [language.pick("نوع", "Severity"), language.pick("پرونده", "File"), language.pick("سطر", "Row"),
                       language.pick("ستون", "Column"), language.pick("علت", "Reason")] {
            body += "<th scope=\"col\">\(header)</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for diagnostic in diagnostics {
            let severity = diagnostic.severity == .error ? language.pick("خطا", "error") : language.pick("هشدار", "warning")
            body += "<tr><td>\(severity)</td><td dir=\"ltr\">\(htmlEscape(diagnostic.file))</td>"
            body += "<td>\(diagnostic.row.map { WebFormat.integer(Int64($0), language) } ?? "")</td>"
            body += "<td dir=\"ltr\">\(htmlEscape(diagnostic.column ?? ""))</td><td dir=\"ltr\">\(htmlEscape(diagnostic.reason))</td></tr>\n"
        }
        return body + "</tbody>\n</table>\n"
    }

    static func preview(_ book: BudgetBook, warnings: [Diagnostic], fileName: String, current: BookSummary?, staging: String,
                        viewer: Viewer, language: WebLanguage) -> String {
        let after = BookRowCounts(of: book)
        let hash = book.contentHash
        var body = "<h1>\(language.pick("بررسی کتاب", "Book check")): \(htmlEscape(book.metadata.title))</h1>\n<dl>\n"
        body += "<dt>\(language.pick("نام", "Name"))</dt><dd dir=\"ltr\">\(htmlEscape(book.metadata.name))</dd>\n"
        body += "<dt>\(language.pick("پرونده", "File"))</dt><dd dir=\"ltr\">\(htmlEscape(fileName))</dd>\n"
        body += "<dt>\(language.pick("سال‌ها", "Years"))</dt><dd>\(book.years.map { WebFormat.year($0, language) }.joined(separator: language.pick("، ", ", ")))</dd>\n"
        body += "<dt>\(language.pick("چکیدهٔ محتوا", "Content hash"))</dt><dd dir=\"ltr\"><code>\(hash)</code></dd>\n</dl>\n"
        body += "<h2>\(language.pick("مقایسه با کتاب ذخیره‌شده", "Compared with the stored book"))</h2>\n"
        switch current {
        case nil:
            body += "<p>\(language.pick("کتاب تازه: کتابی به این نام ذخیره نشده است.", "A new book: no book of this name is stored."))</p>\n"
        case let current? where current.contentHash == hash:
            body += "<p>\(language.pick("همانند نسخهٔ ذخیره‌شده است.", "Identical to the stored version."))</p>\n"
        case let current?:
            body += "<p>\(language.pick("جای نسخهٔ ذخیره‌شده را می‌گیرد", "Replaces the stored version")) <code dir=\"ltr\">\(current.contentHash.prefix(12))</code>.</p>\n"
        }
        body += "<table>\n<thead><tr><th scope=\"col\">\(language.pick("جدول", "Table"))</th>"
        if current != nil { body += "<th scope=\"col\">\(language.pick("سطرها پیش از این", "Rows before"))</th>" }
        body += "<th scope=\"col\">\(language.pick("سطرها", "Rows"))</th></tr></thead>\n<tbody>\n"
        let before = current?.lastImport.rowCounts
        for (table, now, then) in rows(after, before) {
            body += "<tr><th scope=\"row\" dir=\"ltr\">\(table)</th>"
            if let then { body += "<td>\(WebFormat.integer(Int64(then), language))</td>" }
            body += "<td>\(WebFormat.integer(Int64(now), language))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        if !warnings.isEmpty {
            body += "<h2>\(language.pick("هشدارها", "Warnings"))</h2>\n" + diagnosticTable(warnings, language: language)
        }
        body += """
        <form method="post" action="\(PortalPages.link("/manage/confirm", language))">
        \(AccountPages.csrfField(viewer.csrfToken))
        <input type="hidden" name="staging" value="\(htmlEscape(staging))">
        <p><button type="submit">\(language.pick("تأیید و ورود", "Confirm import"))</button></p>
        </form>
        <p><a href="\(PortalPages.link("/manage", language))">\(language.pick("انصراف", "Cancel"))</a></p>

        """
        return AccountPages.page(title: language.pick("بررسی کتاب", "Book check"), viewer: viewer, language: language, path: "/manage", body: body)
    }

    private static func rows(_ after: BookRowCounts, _ before: BookRowCounts?) -> [(String, Int, Int?)] {
        [("budget_lines", after.budgetLines, before?.budgetLines), ("revenues", after.revenues, before?.revenues),
         ("projects", after.projects, before?.projects), ("regions", after.regions, before?.regions),
         ("functions", after.functions, before?.functions), ("authorizations", after.authorizations, before?.authorizations),
         ("deflator", after.deflator, before?.deflator)]
    }

    static func history(name: String, history: [ImportRecord], snapshots: Set<Int64>, viewer: Viewer, language: WebLanguage) -> String {
        let path = "/manage/books/" + HTML.segment(name) + "/history"
        var body = "<h1>\(language.pick("تاریخچهٔ ورود", "Import history")): <span dir=\"ltr\">\(htmlEscape(name))</span></h1>\n"
        body += "<table>\n<thead><tr>"
        for header in ["#", language.pick("تاریخ", "Date"), language.pick("ساعت", "Time"), language.pick("به دست", "By"),
                       language.pick("منبع", "Source"), language.pick("چکیده", "Hash"), language.pick("سطرها", "Rows"), ""] {
            body += "<th scope=\"col\">\(header)</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        let latest = history.last?.id
        for record in history.reversed() {
            body += "<tr><td>\(WebFormat.integer(record.id, language))</td><td>\(WebFormat.date(record.importedAt, language))</td>"
            body += "<td>\(WebFormat.time(record.importedAt, language))</td><td dir=\"ltr\">\(htmlEscape(record.importedBy ?? "—"))</td>"
            body += "<td dir=\"ltr\">\(htmlEscape(record.source))</td><td dir=\"ltr\"><code>\(record.contentHash.prefix(12))</code></td>"
            body += "<td>\(WebFormat.integer(Int64(record.rowCounts.total), language))</td><td>"
            if record.id == latest {
                body += language.pick("نسخهٔ کنونی", "current version")
            } else if snapshots.contains(record.id) {
                body += "<form method=\"post\" action=\"\(PortalPages.link("/manage/books/" + HTML.segment(name) + "/rollback", language))\">"
                body += AccountPages.csrfField(viewer.csrfToken)
                body += "<input type=\"hidden\" name=\"import_id\" value=\"\(record.id)\">"
                body += "<button type=\"submit\">\(language.pick("بازگشت به این نسخه", "Roll back to this version"))</button></form>"
            }
            body += "</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return AccountPages.page(title: language.pick("تاریخچهٔ ورود", "Import history"), viewer: viewer, language: language, path: path, body: body)
    }
}
