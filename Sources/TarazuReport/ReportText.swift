import TarazuAnalysis
import TarazuCore

/// The fixed texts of the report in Persian and English. Persian terms follow the source report
/// and the glossary (`/work/shared/reference/glossary.md`).
struct ReportText: Sendable {
    let language: ReportLanguage

    func pick(_ fa: String, _ en: String) -> String { language == .fa ? fa : en }

    // MARK: Title and purpose

    func title(city: String, year: String) -> String {
        pick("گزارش حکمرانی مالی و نهادی شهرداری \(city)، بودجهٔ سال \(year)",
             "Financial and institutional governance of the Municipality of \(city), budget year \(year)")
    }
    var subtitle: String {
        pick("گزارشی که ترازو از داده‌های کتاب بودجهٔ شهرداری ساخته است؛ گزاره‌های برآمده از داده‌ها رقم و شاهد خود را همراه دارند و گزاره‌های اظهارشده، که داده‌ها نمی‌توانند نشان دهند، جدا نشان داده شده‌اند.",
             "A report Tarazu made from the data of the municipality's budget book; statements drawn from the data cite their figures, and declared statements, which the data cannot show, are marked as such.")
    }
    var dataNote: String { pick("دربارهٔ داده‌ها:", "About the data:") }
    func bookTitle(_ title: String) -> String { pick("این گزارش بر پایهٔ «\(title)» است.", "This report rests on the budget book \"\(title)\".") }
    var purposeTitle: String { pick("هدف کلی گزارش", "Purpose") }
    var purposeIntro: String {
        pick("این تحلیل با استفاده از سامانهٔ ترازو و بر پایهٔ کتاب بودجهٔ شهرداری با دو هدف نوشته شده است:",
             "This analysis, made with Tarazu from the municipality's budget book, has two goals:")
    }
    func purposeGoal1(city: String, year: String) -> String {
        pick("ارزیابی کیفیت حکمرانی مالی و نهادی در شهرداری \(city) بر اساس کتاب بودجهٔ سال \(year).",
             "Evaluate the quality of financial and institutional governance in the Municipality of \(city), based on its budget book for \(year).")
    }
    var purposeGoal2: String {
        pick("بررسی سازگاری بودجه‌ریزی شهرداری با الگوهای نوین حکمرانی شهری، یعنی:",
             "Examine how well this fits modern patterns of urban governance:")
    }

    // MARK: Parts

    private static let faOrdinals = ["اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"]

    func part(_ number: Int, _ title: String) -> String {
        if language == .fa {
            let ordinal = number <= Self.faOrdinals.count ? Self.faOrdinals[number - 1] : String(number)
            return "بخش \(ordinal): \(title)"
        }
        return "Part \(number) - \(title)"
    }
    func lensPart(_ lens: String) -> String { pick("تحلیل از منظر \(lens)", "Analysis from the \(lens) perspective") }
    var concept: String { pick("مفهوم", "Concept") }
    var aspectsIntro: String { pick("جنبه‌هایی که این منظر می‌سنجد:", "What this lens looks for:") }
    func evaluation(of part: String) -> String { pick("ارزیابی در کتاب بودجه: \(part)", "Evaluation of the budget book - \(part)") }
    var positives: String { pick("نکات مثبت", "Positive points") }
    var challenges: String { pick("چالش‌ها", "Challenges") }
    var noneFound: String { pick("موردی یافت نشد.", "None found.") }
    /// The mark of a declared fact: «اظهارشده، نه سنجیده از داده‌ها» / "declared in governance.yaml".
    var declaredMark: Rich {
        language == .fa ? [.text("اظهارشده، نه سنجیده از داده‌ها")] : [.text("declared in "), .ltr("governance.yaml")]
    }
    var notePrefix: String { pick("توضیح:", "note:") }
    /// A declared fact the book's governance file does not give.
    var notDeclared: String { FigureText(language: language).notDeclared }
    /// What opens a declared statement, so the sentence itself says it is declared.
    func declaredOpening(asOf year: Int?) -> String { language.pick(DeclaredIndicators.opening(asOf: year)) + ":" }
    func declaredSource(_ source: String, asOf year: Int?) -> String {
        guard let year else {
            return pick("گزاره‌های اظهارشده از این منبع است و داده‌های بودجه آن‌ها را نشان نمی‌دهد: \(source).",
                        "The statements marked declared come from this source; the budget data cannot show them: \(source).")
        }
        let shown = Numerals(language: language).year(year)
        return pick("گزاره‌های اظهارشده از این منبع است، وضعیت سال \(shown) را بیان می‌کند، نه امروز را، و داده‌های بودجه آن‌ها را نشان نمی‌دهد: \(source).",
                    "The statements marked declared come from this source and describe \(shown), not today; the budget data cannot show them: \(source).")
    }

    func statusTablePart(city: String) -> String {
        pick("جدول تحلیلی وضعیت حکمرانی شهرداری \(city)", "Governance status table of the Municipality of \(city)")
    }
    var criterion: String { pick("معیار", "Criterion") }
    var status: String { pick("وضعیت", "Status") }
    var verdict: String { pick("شرح وضعیت", "Verdict") }
    var keyEvidence: String { pick("شواهد کلیدی", "Key evidence") }
    var notAssessed: String { pick("ارزیابی نشده", "not assessed") }

    var recommendationsPart: String {
        pick("پیشنهادهای راهبردی برای اصلاح ساختاری نظام بودجه‌ریزی و حکمرانی شهری",
             "Strategic proposals (structural reform of budgeting and urban governance)")
    }
    var noRecommendations: String {
        pick("هیچ معیاری در وضعیت ناقص یا بدتر نیست؛ معیارنامه پیشنهادی تولید نکرد.",
             "No criterion is partial or worse; the rubric generated no recommendations.")
    }
    var answers: String { pick("در پاسخ به:", "Answers:") }
    /// A lens's findings outside the status table, which an observation's recommendation answers.
    func lensFindings(_ lens: String) -> String { pick("یافته‌های منظر \(lens)", "findings of the \(lens) lens") }
    var target: String { pick("هدف سنجش‌پذیر:", "Measurable target:") }

    // MARK: Target sentences

    // MARK: Charts

    var chartsTitle: String { pick("نمودارهای کلیدی", "Key charts") }
    func chartExecution(year: String) -> String {
        pick("بودجهٔ مصوب و عملکرد به تفکیک مأموریت، سال \(year)", "Approved and realized budget by function, \(year)")
    }
    func chartExecutionByRegion(year: String) -> String {
        pick("بودجهٔ مصوب و عملکرد به تفکیک منطقه، سال \(year) (با نرخ تحقق)", "Approved and realized budget by region, \(year) (with the execution rate)")
    }
    func chartPerCapita(year: String) -> String {
        pick("سرانهٔ اعتبار مصوب به تفکیک منطقه، سال \(year)", "Approved budget per capita by region, \(year)")
    }
    func chartRevenue(year: String, realized: Bool) -> String {
        realized ? pick("ترکیب درآمدهای وصول‌شده به تفکیک طبقهٔ درآمدی، سال \(year)", "Composition of realized revenue by class, \(year)")
            : pick("ترکیب درآمدهای مصوب به تفکیک طبقهٔ درآمدی، سال \(year)", "Composition of approved revenue by class, \(year)")
    }
    var chartTrends: String { pick("روند بودجهٔ مصوب و عملکرد در سال‌های کتاب بودجه", "Approved and realized budget over the book's years") }
    var approved: String { pick("مصوب", "Approved") }
    var realized: String { pick("عملکرد", "Realized") }
    var total: String { pick("کل", "Total") }
    var capital: String { pick("عمرانی", "Capital") }
    var share: String { pick("سهم", "Share") }
    var function: String { pick("مأموریت", "Function") }
    var region: String { pick("منطقه", "Region") }
    var revenueClass: String { pick("طبقهٔ درآمدی", "Revenue class") }
    var yearWord: String { pick("سال", "Year") }
    var inBillionRials: String {
        pick("ارقام به میلیارد ریال؛ درصدها نرخ تحقق هر مأموریت است، از شاخص «نرخ تحقق به تفکیک مأموریت».",
             "Figures in billion rials; the percentages are each function's execution rate, from the indicator \"Execution rate by function\".")
    }
    /// `citywide`: a book with entities, where region code 0 is citywide spending of every entity.
    func inBillionRialsByRegion(citywide: Bool) -> String {
        citywide
            ? pick("ارقام به میلیارد ریال؛ درصدها نرخ تحقق هر منطقه است، از شاخص «نرخ تحقق به تفکیک منطقه»؛ «سطح شهر» هزینه‌هایی است که به منطقهٔ مشخصی نسبت داده نشده است، هر دستگاهی که آن را خرج کند.",
                   "Figures in billion rials; the percentages are each region's execution rate, from the indicator \"Execution rate by region\"; \"citywide\" is spending assigned to no single region, whichever entity spends it.")
            : pick("ارقام به میلیارد ریال؛ درصدها نرخ تحقق هر منطقه است، از شاخص «نرخ تحقق به تفکیک منطقه»؛ ستاد مرکزی هزینه‌های سطح شهر است.",
                   "Figures in billion rials; the percentages are each region's execution rate, from the indicator \"Execution rate by region\"; the central administration is citywide spending.")
    }
    var inRialsPerPerson: String {
        pick("ارقام به میلیون ریال به ازای هر نفر، از شاخص «سرانهٔ اعتبار مصوب مناطق»؛ مناطق کم‌جمعیت در شاخص‌های نابرابری «بدون مناطق کم‌جمعیت» کنار گذاشته می‌شوند.",
             "Figures in million rials per person, from the indicator \"Approved budget per person by region\"; low-population regions are left out of the inequality measures \"without low-population regions\".")
    }
    var inShares: String {
        pick("سهم هر طبقه از جمع درآمدهای سال، از ردیف‌های درآمدی کتاب بودجه؛ استقراض (واگذاری دارایی‌های مالی) درآمد نیست و در این سهم‌ها نیامده است.",
             "Share of each class in the year's revenue, from the book's revenue lines; borrowing (sale of financial assets) is not revenue and is left out of these shares.")
    }
    /// The borrowing of the year, stated apart from revenue.
    func borrowingLine(amount: String, shareOfSources: String?, realized: Bool) -> String {
        let phaseFa = realized ? "وصول‌شده" : "مصوب"
        let phaseEn = realized ? "realized" : "approved"
        let shareFa = shareOfSources.map { "، برابر \($0) از کل منابع \(phaseFa) سال" } ?? ""
        let shareEn = shareOfSources.map { ", \($0) of the year's \(phaseEn) sources" } ?? ""
        return pick("تأمین مالی از محل استقراض (واگذاری دارایی‌های مالی، \(phaseFa)): \(amount)\(shareFa)، جدا از درآمدها.",
                    "Financing from borrowing (sale of financial assets, \(phaseEn)): \(amount)\(shareEn), apart from revenue.")
    }
    var trendNote: String { pick("جمع ردیف‌های مصارف هر سال، به میلیارد ریال.", "Sums of each year's spending lines, in billion rials.") }
    var noChartData: String { pick("داده‌ای برای این نمودار نیست.", "No data for this chart.") }

    // MARK: Tables

    var pefaTitle: String { pick("امتیازهای پفا (اتکاپذیری بودجه)", "PEFA scores (budget reliability)") }
    var pefaIntro: String {
        pick("امتیازهای چارچوب پفا (ارزیابی هزینه‌های عمومی و پاسخ‌گویی مالی، PEFA) برای اتکاپذیری بودجه، از ارقام سالانهٔ کتاب بودجه؛ در هر خانه رقم سال و امتیاز آن آمده است.",
             "Scores of the PEFA framework for budget reliability, from the book's yearly figures; each cell shows the year's figure and its score.")
    }
    var indicatorColumn: String { pick("شاخص", "Indicator") }
    var score: String { pick("امتیاز", "Score") }
    var components: String { pick("اجزا و سایر ارقام", "Components and other figures") }
    var indicatorsTitle: String { pick("جدول شاخص‌ها", "Indicators") }
    var identifier: String { pick("شناسه", "Id") }
    var value: String { pick("مقدار", "Value") }
    var unit: String { pick("واحد", "Unit") }
    var basis: String { pick("مبنای محاسبه", "Computed on") }
    var prices: String { pick("قیمت", "Prices") }
    func basisLabel(_ basis: Basis) -> String {
        switch basis {
        case .data: pick("داده‌های بودجه", "budget data")
        case .declared: pick("اظهارشده", "declared")
        }
    }
    func unitLabel(_ unit: String) -> String { FigureText(language: language).unitName(unit) }
    var dataQualityTitle: String { pick("کیفیت داده‌ها", "Data quality") }
    var noDataQuality: String {
        pick("شاخص‌های کیفیت داده (data_quality) در ورودی این گزارش نیست.",
             "The input has no data-quality indicators (data_quality.*).")
    }
    var item: String { pick("مورد", "Item") }
    var dataErrorsHeading: String { pick("موارد خطای احتمالی داده", "Entries with likely data errors") }
    func dataErrorsIntro(_ numerals: Numerals) -> String {
        let spent = numerals.exactPercent(LikelyDataErrors.spentLimit), realized = numerals.exactPercent(LikelyDataErrors.realizedLimit)
        return pick("موردی (ردیف هزینه یا درآمد، پروژه یا مجوز) در این فهرست می‌آید که رقمش در بودجهٔ واقعی باورپذیر نیست: پروژه‌ای که عملکرد ردیف‌هایش تا پایان سال تحلیل بیش از \(spent) برآورد فعلی هزینه (یا هزینهٔ برنامه‌ای، اگر برآوردی نیست) باشد، "
                    + "پیشرفت فیزیکی بیرون از ۰ تا ۱۰۰٪، سال پایان برنامه‌ای پیش از سال شروع، ردیف هزینه یا درآمدی که عملکرد دارد ولی رقم مصوب و اصلاحیه ندارد یا عملکردش بیش از \(realized) رقم مصوب یا اصلاحیه (هر کدام بیشتر است) است، و هر مبلغ منفی. "
                    + "در گزارش سالی پیش از آخرین سال کتاب، پروژه‌ای هم که در آخرین سال کتاب چنین است در فهرست می‌آید، چون امتیاز ریسک آخرین وضعیت پروژه را می‌خواند. "
                    + "این موارد پیش از هر داوری باید با سند اصلی سنجیده شوند؛ پروژه‌های آن‌ها در امتیاز ریسک و برآورد هزینهٔ نهایی به شمار نمی‌آیند.",
                    "An entry (a spending or revenue line, a project or an authorization) is listed when its figure is not plausible in a real budget: a project whose lines realized more than \(spent) of its current cost estimate (its planned cost when it has none) by the end of the analysis year, "
                    + "physical progress outside 0 to 100 %, a planned end before the start, a budget or revenue line with a realized amount but no approved or revised amount, or realizing more than \(realized) of the larger of the two, and any negative amount. "
                    + "In a report on a year before the book's latest, a project that is so in the book's latest year is listed too, since the risk scores read each project's latest state. "
                    + "These entries need checking against the source documents before any judgement; their projects are left out of the risk scores and final-cost estimates.")
    }
    var noDataErrors: String { pick("در کتاب بودجه موردی با خطای احتمالی داده یافت نشد.", "No entry of the budget book has a likely data error.") }
    func dataErrorCount(_ count: Int, shown: Int, _ numerals: Numerals) -> String {
        let all = numerals.integer(Int64(count)), listed = numerals.integer(Int64(shown))
        if count == shown {
            return pick("\(all) مورد خطای احتمالی داده یافت شد:", count == 1 ? "1 entry with a likely data error:" : "\(all) entries with likely data errors:")
        }
        return pick("\(all) مورد خطای احتمالی داده یافت شد؛ \(listed) مورد نخست در جدول آمده است:",
                    "\(all) entries with likely data errors; the first \(listed) are listed:")
    }
    var bookTable: String { pick("جدول کتاب بودجه", "Book table") }
    var bookRow: String { pick("ردیف", "Row") }
    var reasonAndFigure: String { pick("علت و رقم", "Reason and figure") }
    /// The name of a table of the budget book.
    func tableName(_ table: String) -> String {
        switch table {
        case "projects": pick("پروژه‌ها", "projects")
        case "budget_lines": pick("ردیف‌های هزینه", "budget lines")
        case "revenues": pick("ردیف‌های درآمد", "revenues")
        case "authorizations": pick("مجوزهای شورا", "council authorizations")
        default: table
        }
    }

    var methodsTitle: String { pick("روش‌ها", "Methods") }
    var formulas: String { pick("فرمول شاخص‌ها", "Indicator formulas") }
    var formula: String { pick("فرمول", "Formula") }
    var rubric: String { pick("معیارنامهٔ ارزیابی", "Rubric") }
    func rubricIntro() -> String {
        pick("وضعیت هر معیار با معیارنامهٔ نسخه‌دار زیر از ارقام شاخص‌ها به دست آمده است:",
             "The status of each criterion comes from the indicator figures through this versioned rubric:")
    }
    var reasoning: String { pick("استدلال", "Reasoning") }
    var check: String { pick("آزمون", "Check") }
    var rule: String { pick("قاعده", "Rule") }

    var reproducibilityTitle: String { pick("بازتولیدپذیری", "Reproducibility") }
    var contentHash: String { pick("چکیدهٔ محتوای کتاب بودجه (SHA-256):", "Budget book content hash (SHA-256):") }
    var rubricVersion: String { pick("معیارنامه و نسخهٔ آن:", "Rubric and version:") }
    var software: String { pick("نسخهٔ نرم‌افزار ترازو:", "Tarazu version:") }
    var analysisYear: String { pick("سال تحلیل:", "Analysis year:") }
    var generatedOn: String { pick("تاریخ تولید:", "Generated on:") }

    // MARK: Words

    var yes: String { FigureText(language: language).yes }
    var no: String { FigureText(language: language).no }
    var notAvailable: String { FigureText(language: language).notAvailable }
    var listSeparator: String { FigureText(language: language).listSeparator }
    var billionRialsWords: String { FigureText(language: language).billionRialsWords }
    var rialsPerPersonWords: String { FigureText(language: language).rialsPerPersonWords }
    var missingFigure: String { pick("نامعلوم", "unknown") }
}
