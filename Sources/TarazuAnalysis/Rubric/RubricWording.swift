import Foundation
import TarazuCore

/// The rubric's rules and reasoning in words, in Persian and English, with the rubric's own status
/// labels and thresholds formatted as the figures they are compared with.
struct RubricWording: Sendable {
    let labels: [Status: Bilingual]

    private func label(_ status: Status, _ language: TextLanguage) -> String {
        labels[status].map(language.pick) ?? status.rawValue
    }

    private func both(_ make: (TextLanguage) -> String) -> Bilingual { Bilingual(fa: make(.fa), en: make(.en)) }

    /// The rule of `check`, e.g. «کمتر بهتر است: قوی تا ۵٪، مطلوب تا ۱۰٪، ...؛ در غیر این صورت ضعیف».
    func rule(_ check: Rubric.Check, unit: String) -> Bilingual {
        both { language in
            let separator = language.pick("، ", ", ")
            let figures = FigureText(language: language)
            if let grades = check.grades {
                let pairs = grades.sorted { $0.key < $1.key }.compactMap { letter, name in
                    Status(rawValue: name).map { "\(letter) \(label($0, language))" }
                }
                return language.pick("امتیاز پفا: ", "PEFA score: ") + pairs.joined(separator: separator)
            }
            if let flags = check.flags {
                let pairs = [(true, "true"), (false, "false")].compactMap { flag, key in
                    flags[key].flatMap(Status.init(rawValue:)).map { "\(flag ? figures.yes : figures.no) \(label($0, language))" }
                }
                return language.pick("واقعیت اظهارشده (بله یا خیر): ", "declared fact (yes or no): ") + pairs.joined(separator: separator)
            }
            let lower = check.better == "lower"
            let bands = Status.allCases.compactMap { status -> String? in
                guard let text = check.bands?[status.rawValue],
                      let threshold = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
                if lower, threshold == 0 { return label(status, language) + " " + language.pick("در صفر", "at 0") }
                if !lower, threshold == 1, unit == "ratio" { return label(status, language) + " " + language.pick("فقط در ۱۰۰٪", "only at 100 %") }
                let shown = figures.stated(.decimal(threshold), unit: unit) ?? text
                return label(status, language) + " " + (lower ? language.pick("تا ", "≤ ") : language.pick("از ", "≥ ")) + shown
            }
            var text = (lower ? language.pick("کمتر بهتر است: ", "lower is better: ") : language.pick("بیشتر بهتر است: ", "higher is better: "))
                + bands.joined(separator: separator)
            if let beyond = check.beyond.flatMap(Status.init(rawValue:)) {
                text += language.pick("؛ در غیر این صورت ", "; otherwise ") + label(beyond, language)
            }
            if let cap = check.caps.flatMap(Status.init(rawValue:)) {
                text += language.pick("؛ وضعیت «\(label(.weak, language))» یا «\(label(.absent, language))» در این آزمون، یا نبودِ رقم آن، وضعیت معیار را حداکثر «\(label(cap, language))» می‌کند",
                                      "; caps the criterion at \(label(cap, language)) when weak, absent or without a figure")
            }
            return text
        }
    }

    /// «میانگین امتیاز ۴ آزمون سنجیده‌شده ۱٫۵۰ از ۴ است؛ نتیجهٔ میانگین: ضعیف».
    func mean(of count: Int, _ mean: Decimal, gives status: Status) -> Bilingual {
        both { language in
            let numerals = Numerals(language: language)
            let scale = Status.allCases.map { "\(label($0, language)) \(numerals.integer(Int64($0.score)))" }.joined(separator: language.pick("، ", ", "))
            let shown = numerals.fixed(mean, places: 2)
            return language.pick(
                "میانگین امتیاز \(numerals.integer(Int64(count))) آزمون سنجیده‌شده \(shown) از ۴ است (\(scale))؛ نتیجهٔ میانگین: \(label(status, language))",
                "the mean score of \(count) assessed \(count == 1 ? "check" : "checks") is \(shown) of 4 (\(scale)): \(label(status, language))")
        }
    }

    /// «سنجیده نشد: «X»، «Y»».
    func skipped(_ names: [Bilingual]) -> Bilingual {
        both { language in
            let list = names.map { language.pick("«\($0.fa)»", $0.en) }.joined(separator: language.pick("، ", ", "))
            return language.pick("بدون رقم و کنار گذاشته: ", "left out for want of a figure: ") + list
        }
    }

    /// «وضعیت معیار حداکثر «ناقص» است، چون وضعیت «X» «ضعیف» است».
    func capped(at cap: Status, by check: Bilingual, being status: Status) -> Bilingual {
        both { language in
            language.pick("ولی وضعیت نهایی معیار حداکثر «\(label(cap, language))» است، چون وضعیت «\(check.fa)» «\(label(status, language))» است",
                          "capped at \(label(cap, language)) because \(check.en) is \(label(status, language))")
        }
    }

    /// «وضعیت معیار حداکثر «ناقص» است، چون رقم «X» در دسترس نیست».
    func capped(at cap: Status, unmeasured check: Bilingual) -> Bilingual {
        both { language in
            language.pick("ولی وضعیت نهایی معیار حداکثر «\(label(cap, language))» است، چون رقم «\(check.fa)» در دسترس نیست و بدون آن نمی‌توان بیش از این داوری کرد",
                          "capped at \(label(cap, language)) because \(check.en) has no figure, and without it no better status can be shown")
        }
    }

    /// No check could be assessed, and every check reads a declared fact: none was declared.
    var nothingDeclared: Bilingual {
        Bilingual(fa: "هیچ‌یک از واقعیت‌های این معیار اظهار نشده است؛ سنجیده نشده", en: "none of this criterion's facts is declared: not assessed")
    }

    /// No check could be assessed.
    var notAssessed: Bilingual {
        Bilingual(fa: "هیچ آزمونی رقم نداشت؛ سنجیده نشده", en: "no check could be assessed: not assessed")
    }

    /// Two pieces of reasoning in one.
    func joined(_ first: Bilingual, _ second: Bilingual) -> Bilingual {
        Bilingual(fa: first.fa + "؛ " + second.fa, en: first.en + "; " + second.en)
    }
}
