import Foundation
import TarazuAnalysis
import TarazuCore

/// The figures a rubric check quotes, named and formatted for people: «رقم سنجیده: ۷۹٫۲٪؛ سال: ۱۴۰۳».
public enum CheckFigures {
    /// What the shipped rubric's figure names mean; another rubric's own names are shown as written.
    static let names: [String: Bilingual] = [
        "value": Bilingual(fa: "رقم سنجیده", en: "judged figure"),
        "year": Bilingual(fa: "سال", en: "year"),
        "outturn": Bilingual(fa: "نسبت عملکرد به رقم مصوب", en: "outturn against the approved amount"),
        "variance": Bilingual(fa: "واریانس ترکیب", en: "composition variance"),
        "count": Bilingual(fa: "ردیف‌های پرنوسان", en: "volatile lines"),
        "threshold": Bilingual(fa: "آستانهٔ نوسان", en: "volatility threshold"),
        "excess": Bilingual(fa: "مازاد بر مجوز", en: "excess over the authorization"),
        "with_outliers": Bilingual(fa: "با مناطق کم‌جمعیت", en: "with the low-population regions"),
        "max_min": Bilingual(fa: "نسبت بیشترین به کمترین", en: "highest to lowest"),
        "cut": Bilingual(fa: "مأموریت‌هایی با کاهش واقعی اعتبار", en: "functions cut in real terms"),
        "highest": Bilingual(fa: "بیشترین سرانه", en: "highest per person"),
        "uses": Bilingual(fa: "مصارف تحقق‌یافته", en: "realized spending"),
        "revenue": Bilingual(fa: "درآمدهای وصول‌شده (بدون استقراض)", en: "revenue collected (borrowing left out)"),
        "sources": Bilingual(fa: "منابع وصول‌شده (با استقراض)", en: "sources collected (borrowing included)"),
        "borrowing": Bilingual(fa: "استقراض وصول‌شده", en: "borrowing collected"),
        "linked": Bilingual(fa: "اعتبار عمرانی پیوسته به پروژه", en: "capital spending linked to a project"),
        "realized": Bilingual(fa: "سهم از عملکرد", en: "share of realized"),
        "lowest": Bilingual(fa: "کمترین سرانه", en: "lowest per person"),
        "latest": Bilingual(fa: "آخرین سال عملکرد", en: "latest year with execution"),
        "expected": Bilingual(fa: "سالی که عملکردش باید منتشر شده باشد", en: "the year whose execution should be out"),
        "regions": Bilingual(fa: "مازاد بر مجوز", en: "excess over the authorization"),
        "with_borrowing": Bilingual(fa: "با احتساب استقراض", en: "borrowing included"),
        "revenue_rate": Bilingual(fa: "نرخ تحقق کل منابع (درآمدها و استقراض)", en: "realization of all sources (revenue and borrowing)"),
        "fees": Bilingual(fa: "سهم عوارض (بدون استقراض)", en: "fees share (borrowing left out)"),
        "current_to_capital": Bilingual(fa: "نسبت اعتبارات هزینه‌ای به سرمایه‌ای", en: "current to capital spending"),
        "left_out": Bilingual(fa: "مناطق کم‌جمعیتِ کنارگذاشته", en: "low-population regions left out"),
        "year_grade": Bilingual(fa: "رتبهٔ همین سال", en: "that year alone"),
        "first_year": Bilingual(fa: "نخستین سال کتاب", en: "the book's first year"),
        "first_share": Bilingual(fa: "سهم در نخستین سال کتاب", en: "share in the book's first year"),
        "share": Bilingual(fa: "سهم در سال تحلیل", en: "share in the analysis year"),
        "lowest_share": Bilingual(fa: "کمترین سهم", en: "lowest share"),
        "highest_share": Bilingual(fa: "بیشترین سهم", en: "highest share"),
    ]

    /// The judged figure first, then the others by name, each as «name: figure». A declared fact is
    /// «رقم اظهارشده», with the year it describes (`asOf`) instead of the analysis year.
    public static func text(_ figures: [String: Figure], language: TextLanguage, declared: Bool = false, asOf: Int? = nil) -> String {
        let order = figures.keys.sorted { ($0 == "value" ? 0 : 1, $0) < ($1 == "value" ? 0 : 1, $1) }
        var parts: [String] = order.compactMap { key in
            if declared, key == "year" { return nil }
            let name = declared && key == "value" ? Bilingual(fa: "رقم اظهارشده", en: "declared figure") : names[key] ?? Bilingual(fa: key, en: key)
            return figures[key].map { language.pick(name) + ": " + FindingText.text($0, language: language) }
        }
        if declared, let asOf {
            parts.append(language.pick("سالی که وصف می‌کند: ", "the year it describes: ") + Numerals(language: language).year(asOf))
        }
        return parts.joined(separator: language.pick("؛ ", "; "))
    }
}
