import Foundation

/// What a native reader checks first in Persian text: Latin words outside the glossary's allowlist
/// (docs/glossary.md). Shared by the report's and the pages' tests (Tests/TarazuWebTests links here).
enum PersianProse {
    /// Latin tokens Persian text may carry: PEFA letters, math symbols, abbreviations that follow their
    /// Persian name in parentheses, and the names of file formats in download links.
    static let allowedLatin: Set<String> = ["A", "B", "C", "D", "z", "T", "L", "PEFA", "PI",
                                            "SHA-256", "API", "CSV", "OCDS", "JSON", "ZIP", "HTML", "Markdown"]

    /// The Latin words of `text`: a letter, then letters, digits or hyphens (a trailing hyphen dropped).
    static func latinWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || (!current.isEmpty && (("0"..."9").contains(Character(scalar)) || scalar == "-")) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }
    }

    /// The words of `text` a Persian reader would find foreign.
    static func foreignWords(_ text: String) -> Set<String> {
        Set(latinWords(text)).subtracting(allowedLatin)
    }

    /// Phrases the glossary replaces (docs/glossary.md), with the term to use instead: the report's and
    /// the pages' tests fail on any of them. Among them the glossary's terms written without their ezafe
    /// («بودجه مصوب» for «بودجهٔ مصوب»), so one term has one spelling.
    static let replacedTerms: [String: String] = [
        "نرخ اجرا": "نرخ تحقق", "درصد اجرا": "نرخ تحقق", "فروش اموال": "واگذاری دارایی‌های سرمایه‌ای",
        "مناطق استثنایی": "مناطق کم‌جمعیت", "منطقه نامتعارف": "منطقه کم‌جمعیت", "مناطق نامتعارف": "مناطق کم‌جمعیت",
        "اولویت‌بندی": "اولویت‌گذاری", "تصمیم‌گیری شفاف": "شفافیت در تصمیم‌سازی", "ردیف‌های با": "ردیف‌هایی با",
        "PEFA PI": "پفا", "بودجه هزینه‌ای": "مصارف", "فروش دارایی": "واگذاری دارایی‌های سرمایه‌ای",
        "روبریک": "معیارنامه", "اطلاعات جغرافیایی داوطلبانه": "اطلاعات مکانی داوطلبانه", "برنامه ترازو": "سامانهٔ ترازو", "سامانه ترازو": "سامانهٔ ترازو", "جمع درآمدها (عملکرد)": "جمع منابع (درآمدها و استقراض)",
        "تاکنون": "تا پایان سال …", "تحقق کل هزینه‌ها نسبت به بودجه مصوب": "پفا ۱: عملکرد کل هزینه‌ها",
        "هزینه‌شده": "عملکرد", "هزینهٔ واقعی": "عملکرد", "هزینه واقعی": "عملکرد", "ناهنجاری": "ارقام نامتعارف",
        "انطباق با مصوبات": "رعایت مجوز شورا", "رویدادنگار": "گزارش ممیزی", "داشبورد شورا": "داشبورد تحلیلی شورا",
        "شاخص تعدیل": "شاخص قیمت", "مخزن تحلیلی": "مخزن دادهٔ واحد", "مخزن داده واحد": "مخزن دادهٔ واحد",
        "انبار داده": "مخزن دادهٔ واحد", "مخزن واحد": "مخزن دادهٔ واحد", "فایل‌های CSV": "پرونده‌های CSV",
        "برآورد کنونی": "برآورد فعلی", "هزینهٔ برنامه‌ریزی‌شده": "هزینهٔ برنامه‌ای", "نامتوازن": "نامتعادل",
        "فرامنطقه‌ای": "ستاد مرکزی", "ستاد مرکزی (شهر)": "ستاد مرکزی", "منطقه ۰": "ستاد مرکزی", "پرخطر": "پرریسک",
        "ریسک طرح": "ریسک پروژه", "طرح‌های پرریسک": "پروژه‌های پرریسک", "طرح‌های عمرانی": "پروژه‌های عمرانی",
        "طرح‌های کنارگذاشته": "پروژه‌های کنارگذاشته", "مصوب سرانه": "سرانهٔ مصوب", "پالایه": "فیلتر",
        "بودجه مصوب": "بودجهٔ مصوب", "بودجه عمرانی": "بودجهٔ عمرانی", "بودجه واقعی": "بودجهٔ واقعی",
        "بودجه شهرداری": "بودجهٔ شهرداری", "بودجه سال": "بودجهٔ سال", "بودجه پروژه": "بودجهٔ پروژه",
        "هزینه نهایی": "هزینهٔ نهایی", "هزینه برنامه‌ای": "هزینهٔ برنامه‌ای", "هزینه پروژه": "هزینهٔ پروژه",
        "سرانه اعتبار": "سرانهٔ اعتبار", "سرانه عملکرد": "سرانهٔ عملکرد", "طبقه اقتصادی": "طبقهٔ اقتصادی",
        "طبقه درآمدی": "طبقهٔ درآمدی", "طبقه مرجع": "طبقهٔ مرجع", "درآمدهای وصول‌شده سال": "درآمدهای وصول‌شدهٔ سال",
        "بر پایه ": "بر پایهٔ", "همه مناطق": "همهٔ مناطق", "همه بخش": "همهٔ بخش", "میانه انحراف": "میانهٔ انحراف",
        "کمینه مربعات": "کمینهٔ مربعات", "بازه ۸۰": "بازهٔ ۸۰", "بازه ۹۵": "بازهٔ ۹۵", "داده آموزشی": "دادهٔ آموزشی",
        "یکپارچه شهری": "یکپارچهٔ شهری", "نمونه فرضی": "نمونهٔ فرضی", "سامانه شفافیت": "سامانهٔ شفافیت", "به‌علاوه میانگین": "به‌علاوهٔ میانگین", "وظیفه تحلیل": "وظیفهٔ تحلیل",
        "درآمدها، شامل استقراض": "منابع (درآمدها و استقراض)", "از درآمدی که": "از کل منابع وصول‌شده (درآمدها و استقراض)", "سرانه بودجه": "سرانهٔ اعتبار مصوب (or سرانهٔ عملکرد)", "ارقام مضاعف": "ارقام تکراری",
    ]

    /// Words the glossary replaces where they stand alone (a word can be part of another: «طرح‌های
    /// تفصیلی» are plans, «واگذارکننده» is fine), with the term to use instead.
    static let replacedWords: [String: String] = ["امور": "مأموریت", "طرح": "پروژه", "کننده": "کاربر"]

    /// The replaced terms and words found in `text`, each as «found» → «term».
    static func replacedTermsFound(_ text: String) -> [String] {
        var found = replacedTerms.keys.sorted().filter { text.contains($0) }.map { "«\($0)» → «\(replacedTerms[$0] ?? "")»" }
        for (word, term) in replacedWords.sorted(by: { $0.key < $1.key }) {
            let letters = "\\p{L}\\p{M}\u{200C}\u{200D}"
            if text.range(of: "(^|[^\(letters)])\(word)($|[^\(letters)])", options: .regularExpression) != nil {
                found.append("«\(word)» → «\(term)»")
            }
        }
        return found
    }
}
