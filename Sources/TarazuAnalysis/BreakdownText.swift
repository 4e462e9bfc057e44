import Foundation
import TarazuCore

/// The parts of an indicator's breakdown and evidence as people read them: each key named (a
/// function, economic or revenue class, region, project, year, or one of the engine's own keys) and
/// each value formatted by what the key says it is. The report and the dashboard both write
/// breakdowns through it, so a key reads the same on every surface.
public struct BreakdownText: Sendable {
    public let figures: FigureText
    private let functions: [String: BudgetFunction]
    private let regions: [String: Region]
    /// The low-population regions, named with their mark.
    private let lowPopulation: Set<String>
    private let projects: [String: Project]
    private let entities: [String: Entity]
    /// The name of region code "0" in the book (``BudgetBook/centralRegionName``).
    private let centralName: Bilingual
    /// Whether the book's entities pass money to each other (sums are then said to leave it out).
    private let consolidated: Bool

    /// The names of `book`'s codes in `language` (looked up by code: a breakdown by project has a key
    /// per project).
    public init(book: BudgetBook, language: TextLanguage) {
        functions = Dictionary(book.functions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        regions = Dictionary(book.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        lowPopulation = PerResident.lowPopulationRegions(of: book)
        projects = Dictionary(book.projects.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
        entities = Dictionary(book.entities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        centralName = book.centralRegionName
        consolidated = book.hasTransfers
        figures = FigureText(language: language)
    }

    private var language: TextLanguage { figures.numerals.language }

    /// The mark of a low-population region (``PerResident/lowPopulationRegions(of:share:)``).
    public static let lowPopulationMark = Bilingual(fa: "کم‌جمعیت", en: "low population")

    /// A region's `name` with the low-population mark when `lowPopulation`, in one pair of parentheses:
    /// «منطقه ۹ (صنعتی، کم‌جمعیت)», «منطقه ۱۱ (کم‌جمعیت)»; every surface that lists regions writes it so.
    public static func regionName(_ name: String, lowPopulation: Bool, language: TextLanguage) -> String {
        guard lowPopulation else { return name }
        let mark = language.pick(lowPopulationMark)
        return name.hasSuffix(")") ? String(name.dropLast()) + language.pick("، ", ", ") + mark + ")" : name + " (" + mark + ")"
    }

    /// The name of `key`: a code of the book by its name, a year in the language's digits, a key of
    /// the engine by ``engineKeys``. An unknown key is shown as written.
    public func label(_ key: String) -> String {
        if let function = functions[key] {
            return language.pick(function.nameFa, function.nameEn)
        }
        // «هزینه‌ای» alone reads as an adjective without its noun in a sentence: «اعتبارات هزینه‌ای».
        if let economic = EconomicClass(rawValue: key) {
            return language.pick(economic == .current ? "اعتبارات " + economic.nameFa : economic.nameFa, economic.nameEn)
        }
        if let revenue = RevenueClass(rawValue: key) { return language.pick(revenue.nameFa, revenue.nameEn) }
        if let region = regions[key] {
            return Self.regionName(language.pick(region.nameFa, region.nameEn ?? region.nameFa),
                                   lowPopulation: lowPopulation.contains(key), language: language)
        }
        if key == Region.centralCode { return language.pick(centralName) }
        if let project = projects[key] {
            return language.pick(project.nameFa, (project.nameEn ?? project.nameFa) + " (" + key + ")")
        }
        if let entity = entities[key] { return entity.name(language) }
        let pair = key.split(separator: ">", omittingEmptySubsequences: false).map(String.init)
        if pair.count == 3, let payer = entities[pair[0]], let receiver = entities[pair[1]], Self.isYear(pair[2]) {
            return payer.name(language) + language.pick(" به ", " to ") + receiver.name(language) + language.pick("، ", ", ") + figures.numerals.digits(pair[2])
        }
        if Self.isYear(key) { return figures.numerals.digits(key) }
        if let year = key.split(separator: "_").last.map(String.init), Self.isYear(year),
           let stem = Self.engineKeys[String(key.dropLast(year.count + 1))] {
            let basis = consolidated && key.hasPrefix("sources_equal_uses") ? " (" + language.pick(ComputedOn.withoutDuplicatedFigures) + ")" : ""
            return language.pick(stem) + " " + figures.numerals.digits(year) + basis
        }
        if key.hasPrefix("pi"), let pefa = pefaName(String(key.dropFirst(2))) { return pefa }
        if let words = Self.engineKeys[key] { return language.pick(words) }
        return key
    }

    /// A PEFA indicator number such as `2.1` named as the glossary writes it: «پفا ۲-۱» / "PEFA PI-2.1".
    private func pefaName(_ number: String) -> String? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return language.pick("پفا " + figures.numerals.digits(parts.joined(separator: "-")), "PEFA PI-" + number)
    }

    /// A breakdown value found under `key` of an indicator whose unit is `indicatorUnit`: the key says
    /// what it is when the unit cannot (a year, a share, an amount); a record as «name: value» pairs.
    public func value(_ value: IndicatorValue, key: String, indicatorUnit: String) -> String {
        // A year is a count or a number; an amount under a key such as `approved_this_year` is money.
        if key == "year" || key.hasSuffix("_year") || key == "assessed_in" || key == "as_of", FigureText.number(value) != nil {
            if case .rials = value { return scalar(value, unit: "rials") }
            return scalar(value, unit: "year")
        }
        if key == "cut_functions" { return scalar(value, unit: "named_changes") }
        if key == "table", case .text(let name) = value { return table(name) }
        if key == "check", case .text(let code) = value, let words = Self.engineKeys[code] { return language.pick(words) }
        if Self.changeKeys.contains(key), let number = FigureText.number(value) { return figures.change(number) }
        if key == "difference", case .rials(let rials) = value { return figures.signedBillionRials(rials) }
        switch value {
        case .record(let record): return self.record(record, indicatorUnit: indicatorUnit)
        case .list(let items):
            guard !items.isEmpty else { return language.pick("هیچ", "none") }
            let names = items.map { item in
                if case .text(let code) = item { return label(code) }
                if case .record(let fields) = item, case .text(let code)? = fields["region"], regions[code] != nil { return label(code) }
                return self.value(item, key: key, indicatorUnit: indicatorUnit)
            }
            // Names that hold a comma themselves (a project's) are told apart by «؛».
            let comma = names.contains { $0.contains("،") || $0.contains(",") }
            return names.joined(separator: comma ? figures.listSeparator : language.pick("، ", ", "))
        case .text(let code) where key == "region" || key.hasSuffix("_id"):
            return language == .fa ? PersianText.identifier(code) : code
        case .count: return scalar(value, unit: "count")
        case .rials: return scalar(value, unit: "rials")
        case .decimal:
            if key.hasSuffix("per_person") { return scalar(value, unit: "rials_per_person") }
            if Self.ratioKeys.contains(where: { key.contains($0) }) { return scalar(value, unit: "ratio") }
            if ["ratio", "index", "rials_per_person"].contains(indicatorUnit) { return scalar(value, unit: indicatorUnit) }
            if Self.moneyKeys.contains(key) { return scalar(value, unit: "rials") }
            return scalar(value, unit: "index")
        default: return scalar(value, unit: indicatorUnit)
        }
    }

    /// The «name: value» pairs of a record, in key order (``Region/codeOrder(_:_:)``: region 2 before 10).
    /// A note or a name given in both languages (`note` and `note_fa`, `name_fa` and `name_en`) is
    /// shown in the text's language only.
    public func record(_ record: [String: IndicatorValue], indicatorUnit: String) -> String {
        var hidden: Set<String> = record["note_fa"] == nil ? [] : [language.pick("note", "note_fa")]
        if record["name_fa"] != nil, record["name_en"] != nil { hidden.insert(language.pick("name_en", "name_fa")) }
        // A check's result: «برقرار (۰ ردیف)», «برقرار نیست (اختلاف ⁦+۳٫۲⁩ میلیارد ریال)», one colon deep.
        if case .flag(let passed)? = record["passed"] {
            let status = passed ? language.pick("برقرار", "holds") : language.pick("برقرار نیست", "fails")
            let details = record.keys.sorted(by: Region.codeOrder).filter { $0 != "passed" && !hidden.contains($0) }.map { key in
                let field = record[key] ?? .unavailable
                if key == "rows", FigureText.number(field) != nil { return scalar(field, unit: "rows") }
                return label(key) + " " + value(field, key: key, indicatorUnit: indicatorUnit)
            }
            return details.isEmpty ? status : status + " (" + details.joined(separator: language.pick("، ", ", ")) + ")"
        }
        // A sentence among the pairs (a declarant's note) loses its full stop before the separator.
        return record.keys.sorted(by: Region.codeOrder).filter { !hidden.contains($0) }.map { key in
            var shown = value(record[key] ?? .unavailable, key: key, indicatorUnit: indicatorUnit)
            while shown.hasSuffix(".") { shown.removeLast() }
            return label(key) + ": " + shown
        }.joined(separator: figures.listSeparator)
    }

    /// A piece of evidence's key (`1403/capital`, `years`) with each part named.
    public func evidenceKey(_ key: String) -> String {
        key.split(separator: "/").map { label(String($0)) }.joined(separator: " / ")
    }

    /// The name of a table of the book (the source of a piece of evidence).
    public func table(_ name: String) -> String {
        name.split(separator: "+").map { Self.tables[String($0)].map(language.pick) ?? String($0) }
            .joined(separator: language.pick(" و ", " and "))
    }

    private func scalar(_ value: IndicatorValue, unit: String) -> String {
        figures.scalar(value, unit: unit) ?? figures.notAvailable
    }

    private static func isYear(_ key: String) -> Bool {
        key.count == 4 && key.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Keys of signed changes, written in words (``FigureText/change(_:)``).
    static let changeKeys: Set<String> = ["nominal", "real", "since_first", "change", "share_change"]
    static let ratioKeys = ["share", "outturn", "variance", "rate", "ratio", "average", "threshold", "deviation"]
    static let moneyKeys: Set<String> = ["capital", "total", "approved", "realized", "actual", "budget", "authorized",
                                         "difference", "total_excess", "previous", "approved_without_borrowing",
                                         "realized_without_borrowing", "linked_to_projects", "excess", "contingency_vote",
                                         "contingency_actual", "total_budget", "current", "financial", "realized_uses", "realized_sources", "realized_borrowing",
                                         "realized_revenue", "deficit_without_borrowing",
                                         "approved_this_year", "approved_previous_year", "with_duplicated_figures",
                                         "without_duplicated_figures", "paid", "received", "paid_realized", "received_realized"]

    static let tables: [String: Bilingual] = [
        "budget_lines": Bilingual(fa: "ردیف‌های بودجه", en: "budget lines"),
        "revenues": Bilingual(fa: "درآمدها", en: "revenues"),
        "projects": Bilingual(fa: "پروژه‌ها", en: "projects"),
        "regions": Bilingual(fa: "مناطق", en: "regions"),
        "functions": Bilingual(fa: "مأموریت‌ها", en: "functions"),
        "authorizations": Bilingual(fa: "مجوزهای شورا", en: "council authorizations"),
        "deflator": Bilingual(fa: "شاخص قیمت", en: "price index"),
        "governance": Bilingual(fa: "واقعیت‌های اظهارشده", en: "declared facts"),
        "governance.yaml": Bilingual(fa: "پروندهٔ واقعیت‌های اظهارشده", en: "the declared facts file"),
        "pb_processes": Bilingual(fa: "فرایندهای بودجه‌ریزی مشارکتی", en: "participatory budgeting processes"),
        "pb_ballots": Bilingual(fa: "آرای بودجه‌ریزی مشارکتی", en: "participatory budgeting ballots"),
    ]

    /// The keys the indicator engine writes into breakdowns and evidence, by name.
    public static let engineKeys: [String: Bilingual] = [
        "approved": Bilingual(fa: "مصوب", en: "approved"),
        "realized": Bilingual(fa: "عملکرد", en: "realized"),
        "revised": Bilingual(fa: "اصلاحیه", en: "revised"),
        "actual": Bilingual(fa: "عملکرد", en: "actual"),
        "budget": Bilingual(fa: "رقم مصوب", en: "approved"),
        "outturn": Bilingual(fa: "نسبت عملکرد به رقم مصوب", en: "outturn"),
        "grade": Bilingual(fa: "امتیاز", en: "grade"),
        "share": Bilingual(fa: "سهم", en: "share"),
        "heads": Bilingual(fa: "تعداد سرفصل", en: "heads"),
        "composition_variance": Bilingual(fa: "واریانس ترکیب", en: "composition variance"),
        "average": Bilingual(fa: "میانگین سهم هزینه از محل اعتبارات پیش‌بینی‌نشده", en: "average share charged to contingency"),
        "contingency_vote": Bilingual(fa: "بودجه ردیف اعتبارات پیش‌بینی‌نشده دارد", en: "the budget has a contingency vote"),
        "contingency_actual": Bilingual(fa: "عملکرد اعتبارات پیش‌بینی‌نشده", en: "contingency actual"),
        "total": Bilingual(fa: "کل", en: "total"),
        "population": Bilingual(fa: "جمعیت", en: "population"),
        "outlier": Bilingual(fa: "منطقه کم‌جمعیت", en: "low-population region"),
        "count": Bilingual(fa: "تعداد", en: "count"),
        "total_budget": Bilingual(fa: "کل بودجه", en: "total budget"),
        "score": Bilingual(fa: "امتیاز", en: "score"),
        "rows": Bilingual(fa: "ردیف‌ها", en: "rows"),
        "threshold": Bilingual(fa: "آستانه", en: "threshold"),
        "share_of_budget": Bilingual(fa: "سهم از بودجه", en: "share of the budget"),
        "regions_over": Bilingual(fa: "شمار مناطق فراتر از مجوز شورا", en: "regions over the council authorization"),
        "total_excess": Bilingual(fa: "جمع مازاد بر مجوز شورا", en: "total excess over the council authorization"),
        "central_share": Bilingual(fa: "سهم ستاد مرکزی", en: "central administration's share"),
        "top10": Bilingual(fa: "ده پروژهٔ بزرگ", en: "ten largest projects"),
        "top10_share": Bilingual(fa: "سهم ده پروژهٔ بزرگ", en: "share of the ten largest projects"),
        "hhi": Bilingual(fa: "شاخص هرفیندال", en: "Herfindahl index"),
        "lines": Bilingual(fa: "ردیف‌ها", en: "lines"),
        "projects": Bilingual(fa: "پروژه‌ها", en: "projects"),
        "real": Bilingual(fa: "تغییر واقعی", en: "real change"),
        "since_first": Bilingual(fa: "تغییر واقعی از نخستین سال کتاب", en: "real change since the book's first year"),
        "first_year": Bilingual(fa: "نخستین سال کتاب", en: "the book's first year"),
        "first_share": Bilingual(fa: "سهم در نخستین سال کتاب", en: "share in the book's first year"),
        "lowest_share": Bilingual(fa: "کمترین سهم در سال‌های کتاب", en: "lowest share over the book's years"),
        "highest_share": Bilingual(fa: "بیشترین سهم در سال‌های کتاب", en: "highest share over the book's years"),
        "share_change": Bilingual(fa: "تغییر سهم از نخستین سال کتاب", en: "change of the share since the book's first year"),
        "with_duplicated_figures": Bilingual(fa: "با احتساب ارقام تکراری", en: "with duplicated figures"),
        "without_duplicated_figures": Bilingual(fa: "بدون احتساب ارقام تکراری", en: "without duplicated figures"),
        "paid": Bilingual(fa: "پرداختی در مصارف پرداخت‌کننده", en: "paid, in the payer's spending"),
        "received": Bilingual(fa: "دریافتی در منابع دریافت‌کننده", en: "received, in the receiver's sources"),
        "paid_realized": Bilingual(fa: "عملکرد پرداختی در مصارف پرداخت‌کننده", en: "paid (realized), in the payer's spending"),
        "received_realized": Bilingual(fa: "عملکرد دریافتی در منابع دریافت‌کننده", en: "received (realized), in the receiver's sources"),
        "outside": Bilingual(fa: "سازمان‌ها و شرکت‌های تابعه", en: "organizations and companies"),
        "transfers": Bilingual(fa: "انتقال میان دستگاه‌ها", en: "transfers between entities"),
        "cut_functions": Bilingual(fa: "مأموریت‌هایی با کاهش واقعی اعتبار", en: "functions cut in real terms"),
        "table": Bilingual(fa: "جدول", en: "table"),
        "realized_uses": Bilingual(fa: "مصارف تحقق‌یافته", en: "realized spending"),
        "realized_sources": Bilingual(fa: "منابع وصول‌شده", en: "sources collected"),
        "realized_borrowing": Bilingual(fa: "استقراض وصول‌شده", en: "borrowing collected"),
        "realized_revenue": Bilingual(fa: "درآمدهای وصول‌شده (بدون استقراض)", en: "revenue collected (borrowing left out)"),
        "deficit_without_borrowing": Bilingual(fa: "کسری بدون استقراض", en: "deficit without borrowing"),
        "ballots": Bilingual(fa: "آرا", en: "ballots"),
        "ballots_by_district": Bilingual(fa: "آرا به تفکیک منطقه", en: "ballots by district"),
        "citywide": Bilingual(fa: "سطح شهر", en: "citywide"),
        "decided_by_citizens": Bilingual(fa: "بودجهٔ تعیین‌شده با رأی شهروندان", en: "budget decided by citizens"),
        "web": Bilingual(fa: "وب", en: "web"),
        "sms": Bilingual(fa: "پیامک", en: "SMS"),
        "paper": Bilingual(fa: "برگهٔ کاغذی", en: "paper"),
        "kiosk": Bilingual(fa: "کیوسک", en: "kiosk"),
        "year": Bilingual(fa: "سال", en: "year"),
        "function": Bilingual(fa: "مأموریت", en: "function"),
        "change": Bilingual(fa: "تغییر واقعی نسبت به سال پیش", en: "real change on the year before"),
        "highest": Bilingual(fa: "بیشترین سرانه", en: "highest per person"),
        "lowest": Bilingual(fa: "کمترین سرانه", en: "lowest per person"),
        "per_person": Bilingual(fa: "سرانه", en: "per person"),
        "left_out": Bilingual(fa: "مناطق کم‌جمعیتِ کنارگذاشته", en: "low-population regions left out"),
        "as_of": Bilingual(fa: "سالی که وصف می‌کنند", en: "the year they describe"),
        "approved_per_person": Bilingual(fa: "سرانهٔ اعتبار مصوب", en: "approved per person"),
        "capital_approved_per_person": Bilingual(fa: "سرانهٔ اعتبار عمرانی مصوب", en: "capital approved per person"),
        "likely_errors": Bilingual(fa: "خطای احتمالی داده", en: "likely data errors"),
        "row_id": Bilingual(fa: "ردیف", en: "row"),
        "check": Bilingual(fa: "علت", en: "reason"),
        "spent_above_estimate": Bilingual(fa: "عملکرد پروژه بیش از ۱۵۰٪ برآورد فعلی هزینه", en: "project spending above 150 % of its cost estimate"),
        "progress_out_of_range": Bilingual(fa: "پیشرفت فیزیکی بیرون از ۰ تا ۱۰۰٪", en: "physical progress outside 0-100 %"),
        "end_before_start": Bilingual(fa: "پایان برنامه‌ای پیش از شروع", en: "planned end before the start"),
        "realized_without_approved": Bilingual(fa: "عملکرد بی رقم مصوب و اصلاحیه", en: "realized without approved or revised amounts"),
        "realized_far_above_approved": Bilingual(fa: "عملکرد بیش از ۲۰۰٪ بزرگ‌ترِ مصوب و اصلاحیه", en: "realized above 200 % of approved or revised"),
        "negative_amount": Bilingual(fa: "مبلغ منفی", en: "negative amount"),
        "nominal": Bilingual(fa: "تغییر اسمی", en: "nominal change"),
        "previous": Bilingual(fa: "سال پیش", en: "previous year"),
        "approved_this_year": Bilingual(fa: "مصوب سال تحلیل", en: "approved in the analysis year"),
        "approved_previous_year": Bilingual(fa: "مصوب سال پیش", en: "approved in the previous year"),
        "cut": Bilingual(fa: "کاهش", en: "cut"),
        "passed": Bilingual(fa: "برقرار", en: "passed"),
        "gap": Bilingual(fa: "اختلاف", en: "gap"),
        "difference": Bilingual(fa: "اختلاف", en: "difference"),
        "authorized": Bilingual(fa: "مجوز شورا", en: "council authorization"),
        "authorization_found": Bilingual(fa: "مجوز یافت شد", en: "authorization found"),
        "by_region": Bilingual(fa: "به تفکیک منطقه", en: "by region"),
        "by_function": Bilingual(fa: "به تفکیک مأموریت", en: "by function"),
        "by_economic_class": Bilingual(fa: "به تفکیک طبقهٔ اقتصادی", en: "by economic class"),
        "asset_sales_by_region": Bilingual(fa: "واگذاری دارایی‌های سرمایه‌ای نسبت‌داده‌شده به منطقه", en: "capital asset sales assigned to a region"),
        "capital_linked_to_projects": Bilingual(fa: "اعتبار عمرانی پیوسته به پروژه", en: "capital spending linked to a project"),
        "linked_to_projects": Bilingual(fa: "پیوسته به پروژه", en: "linked to a project"),
        "approved_without_borrowing": Bilingual(fa: "مصوب بدون استقراض", en: "approved without borrowing"),
        "realized_without_borrowing": Bilingual(fa: "عملکرد بدون استقراض", en: "realized without borrowing"),
        "latest_year": Bilingual(fa: "آخرین سال بودجهٔ کتاب", en: "the book's latest budget year"),
        "latest_realized_year": Bilingual(fa: "آخرین سال عملکرد", en: "latest realized year"),
        "expected_year": Bilingual(fa: "سالی که عملکردش باید منتشر شده باشد", en: "the year whose execution should be out"),
        "assessed_in": Bilingual(fa: "سال تهیهٔ تحلیل", en: "year the analysis is made"),
        "authorizations": Bilingual(fa: "مجوز مناطق واگذارکننده", en: "authorizations of selling regions"),
        "budget_lines_realized": Bilingual(fa: "ردیف‌های هزینه با عملکرد", en: "spending lines with realized amounts"),
        "budget_lines_revised": Bilingual(fa: "ردیف‌های هزینه با اصلاحیه", en: "spending lines with revised amounts"),
        "revenues_realized": Bilingual(fa: "ردیف‌های درآمدی با عملکرد", en: "revenue lines with realized amounts"),
        "regions_population": Bilingual(fa: "مناطق با جمعیت ثبت‌شده", en: "regions with a population"),
        "deflator": Bilingual(fa: "شاخص قیمت", en: "price index"),
        "amounts_not_negative": Bilingual(fa: "نبودِ مبلغ منفی", en: "no negative amount"),
        "project_references": Bilingual(fa: "ارجاع ردیف‌ها به پروژه‌ها", en: "lines' project references"),
        "transfers_agree": Bilingual(fa: "برابری دو سوی انتقال‌های میان دستگاه‌ها", en: "both sides of transfers between entities agree"),
        "region_codes": Bilingual(fa: "کد منطقهٔ ردیف‌ها", en: "lines' region codes"),
        "sources_equal_uses": Bilingual(fa: "برابری منابع و مصارف", en: "sources equal uses"),
        "between_zones": Bilingual(fa: "سهم میان پهنه‌ها", en: "between zones"),
        "within_zones": Bilingual(fa: "سهم درون پهنه‌ها", en: "within zones"),
        "n_minus_1": Bilingual(fa: "ضریب تغییرات با انحراف معیار نمونه", en: "coefficient of variation, sample standard deviation"),
        "williamson": Bilingual(fa: "ضریب تغییرات وزنی با جمعیت (ویلیامسون)", en: "population-weighted coefficient of variation (Williamson)"),
        "years": Bilingual(fa: "سال‌ها", en: "years"),
        "value": Bilingual(fa: "رقم شاخص", en: "the indicator's figure"),
        "top10_approved": Bilingual(fa: "مصوب ده پروژهٔ بزرگ", en: "approved for the ten largest projects"),
        "central_approved": Bilingual(fa: "مصوب ستاد مرکزی", en: "approved for the central administration"),
        "capital_approved": Bilingual(fa: "مصوب تملک دارایی‌های سرمایه‌ای", en: "approved capital spending"),
        "total_approved": Bilingual(fa: "کل مصوب", en: "total approved"),
        "project_approved": Bilingual(fa: "مصوب پروژه‌ها", en: "approved for projects"),
        "source": Bilingual(fa: "منبع", en: "source"),
        "sources": Bilingual(fa: "منابع", en: "sources"),
        "uses": Bilingual(fa: "مصارف", en: "uses"),
        "fees": Bilingual(fa: "عوارض", en: "fees"),
        "unsustainable": Bilingual(fa: "درآمدهای ناپایدار", en: "unsustainable revenue"),
        "outliers": Bilingual(fa: "مناطق کم‌جمعیت", en: "low-population regions"),
        "excluded_without_population": Bilingual(fa: "مناطق کنارگذاشته برای نبودِ جمعیت", en: "regions left out for lack of a population"),
        "lines_of_unknown_regions": Bilingual(fa: "ردیف‌هایی با کد منطقهٔ ناشناخته", en: "lines of unknown regions"),
        "volatile": Bilingual(fa: "ردیف‌های پرنوسان", en: "volatile lines"),
        "failing_rows": Bilingual(fa: "ردیف‌های ناسازگار", en: "failing rows"),
        "with_realized": Bilingual(fa: "با عملکرد", en: "with realized amounts"),
        "note": Bilingual(fa: "توضیح", en: "note"),
        "note_fa": Bilingual(fa: "توضیح", en: "note in Persian"),
        "line_id": Bilingual(fa: "ردیف", en: "line"),
        "over": Bilingual(fa: "مناطق فراتر از مجوز شورا", en: "regions over the council authorization"),
        "excess": Bilingual(fa: "مازاد بر مجوز شورا", en: "excess over the council authorization"),
        "region": Bilingual(fa: "کد منطقه", en: "region code"),
        "name_fa": Bilingual(fa: "نام", en: "Persian name"),
        "name_en": Bilingual(fa: "نام انگلیسی", en: "name"),
        "realized_deviation": Bilingual(fa: "انحراف عملکرد از مصوب", en: "deviation of the realized amount"),
        "revised_deviation": Bilingual(fa: "انحراف اصلاحیه از مصوب", en: "deviation of the revised amount"),
        "citizen_participation_in_budgeting": Bilingual(fa: "مشارکت شهروندان در انتخاب اولویت‌های بودجه", en: "citizen participation in choosing budget priorities"),
        "participatory_budget_share": Bilingual(fa: "سهم بودجهٔ عمرانی تعیین‌شده با رأی شهروندان", en: "share of the capital budget decided by citizens' votes"),
        "council_dashboards": Bilingual(fa: "داشبورد تحلیلی شورا", en: "council dashboards"),
        "contracts_published": Bilingual(fa: "انتشار قراردادها", en: "contracts published"),
        "budget_report_has_policy_analysis": Bilingual(fa: "تحلیل سیاستی در گزارش بودجه", en: "policy analysis in the budget report"),
        "regular_official_reporting": Bilingual(fa: "گزارش‌دهی منظم و رسمی بودجه", en: "regular official budget reporting"),
        "connected_source_systems": Bilingual(fa: "اتصال سامانه‌های منبع", en: "connected source systems"),
    ]
}
