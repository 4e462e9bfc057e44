import Foundation
import TarazuCore
import TarazuHTML
import TarazuStore

/// The audit log as people read it: each kind of event by name, and its detail (written in English by
/// the code that records it) in the page's language, with file names, hashes and addresses as data
/// isolated left to right.
enum AuditText {
    /// The kinds of events the web and the command line record, by name.
    static let actions: [String: Bilingual] = [
        "login.success": Bilingual(fa: "ورود به سامانه", en: "Sign-in"),
        "login.failure": Bilingual(fa: "ورود ناموفق به سامانه", en: "Failed sign-in"),
        "logout": Bilingual(fa: "خروج از سامانه", en: "Sign-out"),
        "user.add": Bilingual(fa: "افزودن کاربر", en: "User added"),
        "user.role": Bilingual(fa: "تغییر نقش کاربر", en: "Role changed"),
        "user.disable": Bilingual(fa: "غیرفعال کردن کاربر", en: "User disabled"),
        "user.passwd": Bilingual(fa: "تغییر گذرواژه", en: "Password changed"),
        "upload.accept": Bilingual(fa: "بارگذاری پذیرفته", en: "Upload accepted"),
        "upload.reject": Bilingual(fa: "بارگذاری ردشده", en: "Upload rejected"),
        "import.confirm": Bilingual(fa: "ورود کتاب بودجه", en: "Book imported"),
        "book.rollback": Bilingual(fa: "بازگشت به نسخهٔ پیشین کتاب", en: "Book rolled back"),
        "pb.process.add": Bilingual(fa: "افزودن فرایند بودجه‌ریزی مشارکتی", en: "Participatory budgeting process added"),
    ]

    /// The name of an event kind; an unknown kind as written, isolated left to right.
    static func action(_ code: String, _ language: WebLanguage) -> HTMLNode {
        if let name = actions[code] { return .text(language.pick(name)) }
        return data(code)
    }

    /// A detail as recorded: parts separated by «; », each said in the page's language when it is one of
    /// the forms the code writes, else shown as data.
    static func detail(_ text: String, _ language: WebLanguage) -> HTMLNode {
        let parts = text.components(separatedBy: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .group {
            for (index, part) in parts.enumerated() {
                if index > 0 { language.pick("؛ ", "; ") }
                self.part(part, language)
            }
        }
    }

    private static func part(_ part: String, _ language: WebLanguage) -> HTMLNode {
        guard language == .fa else { return .text(part) }
        let numerals = Numerals(language: .fa)
        switch part {
        case "unknown account": return "حساب ناشناخته"
        case "wrong password or disabled account": return "گذرواژهٔ نادرست یا حساب غیرفعال"
        default: break
        }
        if part.hasPrefix("role "), let role = AccountRole(rawValue: String(part.dropFirst(5))) {
            return .text("نقش: " + AccountPages.roleName(role, .fa))
        }
        if part.hasPrefix("to import #"), let id = Int64(part.dropFirst(11)) {
            return .text("بازگشت به ورود شمارهٔ " + numerals.integer(id))
        }
        if part.hasPrefix("import #"), let id = Int64(part.dropFirst(8)) {
            return .text("ورود شمارهٔ " + numerals.integer(id))
        }
        if part.hasSuffix(" errors"), let count = Int64(part.dropLast(7)) {
            return .text(numerals.integer(count) + " خطا")
        }
        if part.hasPrefix("upload: ") { return .group { "بارگذاری پروندهٔ "; data(String(part.dropFirst(8))) } }
        if part.hasPrefix("source ") { return .group { "از "; data(String(part.dropFirst(7))) } }
        if let range = part.range(of: ", content ", options: .backwards) {
            return .group {
                "پروندهٔ "; data(String(part[..<range.lowerBound])); "، چکیدهٔ محتوا "; data(String(part[range.upperBound...]))
            }
        }
        return data(part)
    }

    /// A value of the data (a username, a file, an address), isolated left to right.
    static func data(_ text: String) -> HTMLNode {
        .element("bdi", ["dir": "ltr"]) { text }
    }

    /// Who acted or from where: a username or an address as typed, and the command line in words.
    static func party(_ text: String, _ language: TextLanguage) -> HTMLNode {
        text == "cli" ? .text(language.pick("خط فرمان", "command line")) : data(text)
    }
}
