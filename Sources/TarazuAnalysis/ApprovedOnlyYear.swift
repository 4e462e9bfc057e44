import Foundation
import TarazuCore

/// A year whose budget is approved but whose execution is not in the book yet: what every surface says of it.
public enum ApprovedOnlyYear {
    /// Whether `year` of `book` has budget lines but no realized figure.
    public static func isApprovedOnly(_ year: Int, in book: BudgetBook) -> Bool {
        var lines = false
        for line in book.budgetLines where line.year == year {
            if line.realized != nil { return false }
            lines = true
        }
        return lines
    }

    /// «For 1404 the book holds the approved budget only …», naming the latest year with execution.
    public static func note(year: Int, in book: BudgetBook) -> Bilingual {
        let fa = Numerals(language: .fa)
        let latest = book.latestRealizedYear
        return Bilingual(
            fa: "برای سال \(fa.year(year)) فقط بودجهٔ مصوب در کتاب است و عملکرد آن هنوز ثبت نشده است؛ ارزیابی‌هایی که به عملکرد نیاز دارند برای این سال انجام نشده است"
                + (latest.map { " (آخرین سال با عملکرد: \(fa.year($0)))." } ?? "."),
            en: "For \(year) the book holds the approved budget only: its execution is not recorded yet, so the assessments that need execution are not made for this year"
                + (latest.map { " (the latest year with execution: \($0))." } ?? "."))
    }
}
