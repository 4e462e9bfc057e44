import TarazuCore
import TarazuForecast
import TarazuRisk

/// The fixed texts of the "advanced analysis" section and its methods paragraph.
extension ReportText {
    private func p(_ fa: String, _ en: String) -> String { language == .fa ? fa : en }

    var advancedTitle: String {
        p("تحلیل پیشرفته: روند هزینه‌ها، پروژه‌های پرریسک و مصارف و منابع آینده",
          "Advanced analysis: cost trends, risky projects and future costs")
    }
    var advancedIntro: String {
        p("ارقام این بخش از آمار شفاف و بازتولیدپذیر به دست آمده است، نه از مدلی پنهان: نرخ رشد مرکب سالانه و آزمون شکست مقاوم برای روند هزینه‌ها؛ پیش‌بینی با روش‌های ساده (ادامهٔ آخرین مقدار، رانش، هولت و هولت میراشونده) که با آزمون گذشته‌نگر با مبدأ غلتان برگزیده شده‌اند، همراه با بازه‌های پیش‌بینی ۸۰٪ و ۹۵٪؛ امتیاز ریسک وزنی پروژه‌ها با پیش‌فرض‌های طبقهٔ مرجع برای افزایش هزینه؛ و امتیاز z مقاوم با میانهٔ انحراف مطلق برای یافتن ارقام نامتعارف. هر رقم از کتاب بودجه دوباره قابل محاسبه است.",
          "The figures in this section are transparent, reproducible statistics, not a hidden model: compound annual growth and a robust break test for cost trends; forecasts by simple methods (naive, drift, Holt and damped Holt) chosen by a rolling-origin backtest, with 80 % and 95 % prediction intervals; a weighted project risk score with reference-class priors for cost overrun; and robust z-scores with the median absolute deviation to find outlying figures. Every figure can be recomputed from the budget book.")
    }

    // MARK: Trends

    var trendsHeading: String { p("روند هزینه‌ها به تفکیک مأموریت", "Cost trends by function") }
    func trendsIntro(constantPrices: Bool) -> String {
        let prices = constantPrices ? p("به قیمت ثابت سال پایه", "at constant prices of the base year")
                                    : p("به قیمت جاری (کتاب شاخص قیمت ندارد)", "at current prices (the book has no price index)")
        return p("اعتبار مصوب مصارف هر مأموریت در سال‌های کتاب بودجه، \(prices). نرخ رشد مرکب سالانه = (مقدار آخر ÷ مقدار اول) به توان (۱ ÷ شمار فاصله‌های سالانه) منهای یک؛ روند صعودی یا نزولی است اگر قدر مطلق این نرخ از ۲٪ در سال بیشتر باشد. شکست، تغییری سالانه با امتیاز z مقاوم بیش از ۳٫۵ است که دست‌کم ۱۰ واحد درصد با میانهٔ تغییرها فاصله دارد (با دست‌کم چهار تغییر).",
                 "Approved expenditure of each function over the book's years, \(prices). CAGR = (last / first)^(1 / yearly intervals) - 1; a trend is rising or falling when |CAGR| exceeds 2 % a year. A break is a year-on-year change with a robust z-score above 3.5 that lies at least 10 percentage points from the median change (needs at least four changes).")
    }
    /// A report on an earlier year: trends and forecasts read every year of the book.
    func advancedOfEarlierYear(first: String, last: String, year: String) -> String {
        p("روند هزینه‌ها و پیش‌بینی‌های این بخش همهٔ سال‌های کتاب (\(first) تا \(last)) را در بر می‌گیرد، نه فقط سال‌های تا \(year)، سال این گزارش.",
          "The cost trends and forecasts of this section cover every year of the book (\(first) to \(last)), not only the years up to \(year), this report's year.")
    }
    var from: String { p("آغاز دوره", "First year") }
    var to: String { p("پایان دوره", "Last year") }
    var cagr: String { p("رشد مرکب سالانه", "CAGR") }
    var direction: String { p("جهت روند", "Direction") }
    var breaks: String { p("شکست‌ها", "Breaks") }
    func realBasis(_ baseYear: String?) -> String {
        guard let baseYear else { return p("قیمت ثابت", "constant prices") }
        return p("قیمت ثابت سال \(baseYear)", "\(baseYear) prices")
    }
    var nominalBasis: String { p("قیمت جاری", "current prices") }
    func directionWord(_ direction: TrendDirection) -> String {
        switch direction {
        case .rising: p("صعودی", "rising")
        case .falling: p("نزولی", "falling")
        case .flat: p("تقریباً ثابت", "flat")
        case .undetermined: p("نامعین", "undetermined")
        }
    }
    var noBreaks: String { p("ندارد", "none") }
    var noTrends: String { p("سری سالانه‌ای از هزینه مأموریت‌ها در ورودی نیست.", "The input has no yearly series of expenditure by function.") }
    var inBillionRialsPlain: String { p("ارقام به میلیارد ریال.", "Figures in billion rials.") }
    var allFunctions: String { p("کل مصارف", "All functions") }

    // MARK: Forecasts

    var forecastHeading: String { p("مصارف و منابع آینده", "Future spending and sources") }
    var forecastIntro: String {
        p("پیش‌بینی جمع مصارف و جمع منابع (درآمدها و استقراض) شهرداری بر پایهٔ روند سال‌های کتاب بودجه، به قیمت جاری.",
          "Forecasts of total expenditure and total revenue from the trend of the book's years, at current prices.")
    }
    var expenditureTotal: String { p("جمع مصارف", "Total expenditure") }
    var revenueTotal: String { p("جمع منابع (درآمدها و استقراض)", "Total sources (revenue and borrowing)") }
    func measureWord(_ measure: SeriesKey.Measure) -> String {
        measure == .realized ? p("عملکرد", "realized") : p("مصوب", "approved")
    }
    func forecastChartTitle(_ series: String, measure: String, until: String) -> String {
        p("\(series) بر پایهٔ \(measure): روند و پیش‌بینی تا سال \(until)", "\(series), \(measure): history and forecast to \(until)")
    }
    var forecastUnitNote: String { p("ارقام به میلیارد ریال، به قیمت جاری.", "Figures in billion rials, at current prices.") }
    var observed: String { p("ثبت‌شده", "Observed") }
    var forecast: String { p("پیش‌بینی", "Forecast") }
    var interval80: String { p("بازهٔ ۸۰٪", "80 % interval") }
    var interval95: String { p("بازهٔ ۹۵٪", "95 % interval") }
    func range(_ low: String, _ high: String) -> String { p("\(low) تا \(high)", "\(low) to \(high)") }
    func noForecast(_ series: String) -> String {
        p("پیش‌بینی‌ای برای «\(series)» در ورودی نیست.", "The input has no forecast of \(series.lowercased()).")
    }
    func methodName(_ method: ForecastMethod) -> String {
        switch method {
        case .naive: p("ادامهٔ آخرین مقدار (ساده)", "naive (last value carried forward)")
        case .drift: p("رانش (آخرین مقدار به‌علاوهٔ میانگین تغییر سالانه)", "drift (last value plus the average yearly change)")
        case .holt: p("هموارسازی نمایی هولت", "Holt's linear exponential smoothing")
        case .dampedHolt: p("هموارسازی نمایی هولت با روند میراشونده", "damped Holt exponential smoothing")
        }
    }
    var methodLabel: String { p("روش:", "Method:") }
    var chosenByMASE: String { p("برگزیده با کمترین میانگین قدر مطلق خطای مقیاس‌شده در آزمون گذشته‌نگر", "chosen by the lowest mean absolute scaled error (MASE) in the backtest") }
    var chosenByMAE: String { p("برگزیده با کمترین میانگین خطای مطلق در آزمون گذشته‌نگر", "chosen by the lowest mean absolute error in the backtest") }
    var chosenByCaller: String { p("روش از پیش تعیین شده است", "fixed in advance") }
    var noBacktest: String { p("سری برای آزمون گذشته‌نگر کوتاه است", "series too short to backtest") }
    func backtestErrors(origins: String) -> String {
        p("خطای آزمون گذشته‌نگر (طول دادهٔ آموزشی در مبدأها: \(origins) سال):", "Backtest errors (training years at the forecast origins: \(origins)):")
    }
    /// Below this many backtest origins the errors say little about the forecast's accuracy.
    static let fewOriginsLimit = 3
    func fewOrigins(_ count: Int) -> String {
        count == 1
            ? p("این خطاها از یک آزمون به دست آمده‌اند و برای داوری دربارهٔ دقت پیش‌بینی کافی نیستند.",
                "These errors come from a single test and are not enough to judge the forecast's accuracy.")
            : p("این خطاها تنها از \(PersianText.persianDigits(String(count))) آزمون به دست آمده‌اند و برای داوری دربارهٔ دقت پیش‌بینی کافی نیستند.",
                "These errors come from only \(count) tests and are not enough to judge the forecast's accuracy.")
    }
    /// What a MASE says, in words a finance officer follows: under 1 the method beat repeating last year's figure.
    func maseMeaning(_ mase: Double) -> String {
        mase < 1
            ? p("خطای مقیاس‌شدهٔ کمتر از ۱ یعنی این روش در آزمون گذشته‌نگر از تکرار رقم سال پیش دقیق‌تر بوده است.",
                "A MASE under 1 means the method beat repeating the previous year's figure in the backtest.")
            : p("خطای مقیاس‌شدهٔ ۱ یا بیشتر یعنی در این سری هیچ روشی در آزمون گذشته‌نگر از تکرار رقم سال پیش دقیق‌تر نبود؛ این ارقام را با احتیاط و تنها به‌عنوان ادامهٔ روند بخوانید.",
                "A MASE of 1 or more means no method did better than repeating the previous year's figure in the backtest: read these figures with caution, only as the trend continued.")
    }
    var seriesWord: String { p("سری", "series") }
    /// The backtest errors by name (in Persian by their Persian name; the methods give the abbreviations once).
    var mapeName: String { p("میانگین درصد قدر مطلق خطا", "MAPE") }
    var smapeName: String { p("میانگین متقارن درصد قدر مطلق خطا", "sMAPE") }
    var maseName: String { p("میانگین قدر مطلق خطای مقیاس‌شده", "MASE") }
    var enumerationSeparator: String { p("، ", ", ") }
    var notesLabel: String { p("یادداشت‌ها:", "Notes:") }

    /// A forecaster note in the report language; unknown notes are returned as nil (shown as written).
    func forecastNote(_ note: String) -> String? {
        guard language == .fa else { return note }
        func match(_ pattern: String) -> [String]? {
            guard let regex = try? Regex(pattern), let m = note.wholeMatch(of: regex) else { return nil }
            return (1..<m.output.count).map { m.output[$0].substring.map(String.init) ?? "" }
        }
        if let g = match(#"years are not consecutive \((\d+) -> (\d+)\); each is treated as one step"#) {
            return "سال‌ها پیاپی نیستند (\(g[0]) به \(g[1]))؛ هر فاصله یک گام شمرده شد."
        }
        if let g = match(#"short series \((\d+) values, fewer than (\d+)\): only naive and drift considered"#) {
            return "سری کوتاه است (\(g[0]) مقدار، کمتر از \(g[1])): تنها روش‌های ساده و رانش سنجیده شدند."
        }
        if let g = match(#"(\w+) needs (\d+) values; (\w+) used"#) {
            return "روش \(methodWord(g[0])) دست‌کم \(g[1]) مقدار لازم دارد؛ روش \(methodWord(g[2])) به کار رفت."
        }
        if note == "method fixed by the caller" { return "روش از پیش تعیین شده است." }
        if note == "parameters fixed by the caller" { return "پارامترها از پیش تعیین شده‌اند." }
        if let g = match(#"too short to backtest; (\w+) used without an error estimate"#) {
            return "سری برای آزمون گذشته‌نگر کوتاه است؛ روش \(methodWord(g[0])) بدون برآورد خطا به کار رفت."
        }
        if note.hasPrefix("MASE undefined") {
            return "میانگین قدر مطلق خطای مقیاس‌شده تعریف‌نشده است (بخشی از دادهٔ آموزشی ثابت است)؛ انتخاب با میانگین خطای مطلق انجام شد."
        }
        if note == "no residuals: prediction intervals unavailable" { return "باقیمانده‌ای نیست: بازه پیش‌بینی در دست نیست." }
        if let g = match(#"intervals from (\d+) values understate uncertainty"#) {
            return "بازه‌هایی که از \(g[0]) مقدار به دست آمده‌اند عدم قطعیت را کمتر از واقع نشان می‌دهند."
        }
        return nil
    }

    private func methodWord(_ raw: String) -> String {
        ForecastMethod(rawValue: raw).map { ForecastMethodText.shortName($0, language) } ?? raw
    }

    // MARK: Risks

    var risksHeading: String { p("پروژه‌های پرریسک", "Risky projects") }
    func risksOfEarlierYear(latest: String, year: String) -> String {
        p("پیشرفت فیزیکی و برآورد فعلی هزینهٔ پروژه‌ها از آخرین وضعیت کتاب (تا \(latest)) است، نه از پایان سال این گزارش؛ هزینهٔ نهایی از همین وضعیت و عملکرد پروژه تا پایان \(year) برآورد شده است.",
          "Physical progress and current cost estimates are the book's latest state (up to \(latest)), not the state at the end of this report's year; final costs are estimated from that state and the project's spending up to the end of \(year).")
    }
    func risksIntro(shown: String, total: String) -> String {
        p("\(shown) پروژه با بیشترین امتیاز ریسک از میان \(total) پروژه (امتیاز از ۰ تا ۱۰۰). برای هر پروژه دو عاملی که بیشترین سهم را در امتیاز دارند و برآورد هزینهٔ نهایی محتمل (میانه) و سقف آن با اطمینان ۸۰٪ در برابر هزینهٔ برنامه‌ای آمده است.",
          "The \(shown) riskiest of \(total) projects by risk score (0 to 100), each with the two factors that add most to its score and the estimated final cost at P50 and P80 against the planned cost.")
    }
    /// The projects left out of the risk scores as likely data errors (``AdvancedAnalysis/leftOut``).
    func leftOutIntro(count: Int, numerals: Numerals) -> String {
        count == 1
            ? p("یک پروژه به سبب خطای احتمالی در داده‌هایش از امتیاز ریسک و برآورد هزینهٔ نهایی کنار گذاشته شد: چنین رقمی یا خطای ثبت است یا نشانهٔ افزایش هزینه‌ای بسیار شدید، و این پروژه باید پیش از هر پروژهٔ دیگری با سند اصلی تطبیق داده شود (دلیلش در کنار آن آمده است و در بخش «کیفیت داده‌ها» نیز فهرست شده است):",
                "1 project left out of the risk scores and final-cost estimates as a likely data error: such a figure is either an entry error or an extreme overrun, and this project should be checked against the source documents before any other (the reason is given beside it and under \"Data quality\"):")
            : p("\(numerals.integer(Int64(count))) پروژه به سبب خطای احتمالی در داده‌هایشان از امتیاز ریسک و برآورد هزینهٔ نهایی کنار گذاشته شد: چنین رقمی یا خطای ثبت است یا نشانهٔ افزایش هزینه‌ای بسیار شدید، و این پروژه‌ها باید پیش از هر پروژهٔ دیگری با سند اصلی تطبیق داده شوند (دلیل هر پروژه در کنار آن آمده است و در بخش «کیفیت داده‌ها» نیز فهرست شده است):",
                "\(count) projects left out of the risk scores and final-cost estimates as likely data errors: such a figure is either an entry error or an extreme overrun, and these projects should be checked against the source documents before any other (each reason is given beside its project and under \"Data quality\"):")
    }
    var noProjects: String { p("کتاب بودجه داده‌ای از پروژه‌ها ندارد؛ ریسک پروژه‌ها سنجیده نشد.", "The budget book has no project data; no project risk was scored.") }
    var rank: String { p("رتبه", "Rank") }
    var project: String { p("پروژه", "Project") }
    var riskScore: String { p("امتیاز ریسک", "Risk score") }
    var mainReasons: String { p("مهم‌ترین دلایل", "Main reasons") }
    var plannedCost: String { p("هزینهٔ برنامه‌ای", "Planned cost") }
    var p50: String { p("هزینهٔ نهایی محتمل (میانه)", "Final cost P50") }
    var p80: String { p("سقف هزینهٔ نهایی با اطمینان ۸۰٪", "Final cost P80") }
    func coverage(_ share: String) -> String { p("وزن عامل‌های دارای داده: \(share)", "weight of factors with data: \(share)") }
    var noReason: String { p("هیچ عاملی به امتیاز نیفزود.", "No factor adds to the score.") }
    var costNote: String {
        p("ارقام هزینه به میلیارد ریال؛ درصد داخل پرانتز فاصله با هزینهٔ برنامه‌ای است. برآورد هزینهٔ نهایی از بزرگ‌ترین رقم پایه آغاز می‌شود: اگر عملکرد پروژه تا پایان سال تحلیل از برآورد فعلی هزینه بیشتر باشد، پایه همان عملکرد است.",
          "Costs in billion rials; the percentage in brackets is the difference from the planned cost. The final-cost estimate starts from the largest base: when what the project has realized so far exceeds its current cost estimate, the base is that realized amount.")
    }

    // MARK: Anomalies

    var anomaliesHeading: String { p("ارقام نامتعارف", "Anomalies") }
    func anomalyCount(_ count: String, shown: String) -> String {
        p("\(count) رقم نامتعارف یافت شد (نرخ تحقق ردیف‌ها و تغییر سالانهٔ بودجهٔ مصوب، با قدر مطلق امتیاز z مقاوم بیش از ۳٫۵). \(shown) مورد با بزرگ‌ترین قدر مطلق امتیاز:",
          "\(count) anomalies found (line execution rates and yearly changes of approved budgets with a robust |z| above 3.5). The \(shown) with the largest |z|:")
    }
    var noAnomalies: String {
        p("رقم نامتعارفی یافت نشد (هیچ نرخ تحقق یا تغییر سالانه‌ای با قدر مطلق امتیاز z مقاوم بیش از ۳٫۵ نیست).",
          "No anomaly found (no execution rate or yearly change has a robust |z| above 3.5).")
    }

    // MARK: Methods

    var advancedMethods: String { p("روش‌های تحلیل پیشرفته", "Methods of the advanced analysis") }
    var methodSeries: String {
        p("سری‌ها: جمع سالانهٔ دقیق ردیف‌های کتاب بودجه به ریال؛ مقدار به قیمت ثابت = مقدار جاری × شاخص قیمت سال پایه ÷ شاخص قیمت همان سال (سال پایه: آخرین سال کتاب با شاخص قیمت). نرخ رشد مرکب سالانه و شکست‌ها (امتیاز z اصلاح‌شدهٔ ایگلویچ و هوگلین روی تغییرهای سالانه، آستانهٔ ۳٫۵) از همین سری‌ها است.",
          "Series: exact yearly sums of the book's lines in rials; real value = nominal × price index of the base year ÷ price index of the year (base: the latest year of the book with an index). CAGR and breaks (Iglewicz and Hoaglin modified z-score of the yearly changes, threshold 3.5) come from these series.")
    }
    var methodForecast: String {
        p("پیش‌بینی: چهار روش (ساده، رانش، هولت و هولت میراشونده با ضریب میرایی بین ۰٫۸ و ۰٫۹۸، برازش با کمینهٔ مربعات خطا) با آزمون گذشته‌نگر با مبدأ غلتان سنجیده می‌شوند و روشی که کمترین میانگین قدر مطلق خطای مقیاس‌شده را دارد برگزیده می‌شود (در تساوی، روش ساده‌تر)؛ میانگین درصد قدر مطلق خطا و نسخهٔ متقارن آن نیز گزارش می‌شوند. با سه یا چهار مقدار تنها روش‌های ساده و رانش سنجیده می‌شوند. بازه‌ها با تقریب نرمال ساخته می‌شوند: مقدار ± z × جذر (واریانس خطای یک‌گامی × ضریب واریانس افق)، با z برابر ۱٫۲۸۱۶ برای ۸۰٪ و ۱٫۹۶۰۰ برای ۹۵٪؛ در سری‌های کوتاه این بازه‌ها عدم قطعیت را کمتر از واقع نشان می‌دهند.",
          "Forecasts: four methods (naive, drift, Holt, and damped Holt with damping between 0.8 and 0.98, fitted by least squares) are scored by a rolling-origin backtest and the one with the lowest MASE is chosen (ties go to the simpler method); with three or four values only naive and drift are scored. Intervals use the normal approximation: value ± z × sqrt(one-step error variance × the horizon's variance multiplier), z = 1.2816 for 80 % and 1.9600 for 95 %; on short series they understate the uncertainty.")
    }
    func methodRisk(weights: String) -> String {
        p("ریسک پروژه‌ها: شش عامل، هر یک با زیرامتیاز ۰ تا ۱ (افزایش هزینه در برابر پیش‌فرض طبقهٔ مرجع، تأخیر زمان‌بندی، نوسان بودجه، نرخ تحقق پایین، پیشی گرفتن عملکرد از پیشرفت فیزیکی و نشانه‌های هشدار قرارداد)، با وزن‌های \(weights). امتیاز = ۱۰۰ × (نیمی از میانگین وزنی زیرامتیازها + نیمی از بزرگ‌ترین زیرامتیاز، هر یک ضرب در وزن عاملش نسبت به بزرگ‌ترین وزن)؛ از این رو یک عامل شدید می‌تواند بیش از وزن خود امتیاز بیاورد؛ عاملی که داده ندارد کنار گذاشته می‌شود. هزینهٔ نهایی محتمل (میانه) و سقف آن با اطمینان ۸۰٪ = پایه × (۱ + سهم کار باقی‌مانده × افزایش معمول یا حد بالای افزایش هزینه در طبقهٔ مرجع، از فلیوبیرگ و کتاب سبز بریتانیا)؛ پایه بزرگ‌ترینِ این چهار رقم است: هزینهٔ برنامه‌ای، برآورد فعلی هزینه، عملکرد پروژه تا پایان سال تحلیل، و همین عملکرد به‌اضافهٔ سهم کار باقی‌مانده از بزرگ‌ترِ هزینهٔ برنامه‌ای و برآورد فعلی.",
          "Project risk: six factors, each with a sub-score from 0 to 1 (cost overrun against the reference-class prior, schedule slip, budget volatility, low execution, spending ahead of physical progress and contract red flags), weighted \(weights). Score = 100 × (half the weighted mean of the sub-scores + half the largest sub-score times its weight over the largest weight), so one severe factor can score above its weight; a factor without data is left out. Final cost P50 and P80 = base × (1 + remaining share of the work × the reference class's typical or upper overrun, from Flyvbjerg and the UK Green Book), base the largest of the planned cost, the current estimate, what the project has realized so far, and that plus the share of the work left at the larger of the planned cost and the estimate.")
    }
    var methodAnomalies: String {
        p("ارقام نامتعارف: امتیاز z مقاوم = ۰٫۶۷۴۵ × (مقدار − میانه) ÷ میانهٔ انحراف مطلق، با آستانهٔ ۳٫۵ (ایگلویچ و هوگلین)؛ اگر میانهٔ انحراف مطلق صفر باشد، میانگین انحراف مطلق از میانه × ۱٫۲۵۳۳ به جای آن می‌نشیند. مجموعه‌های آزموده: نرخ تحقق ردیف‌ها در سال تحلیل (بدون ردیف‌های اعتبارات پیش‌بینی‌نشده) و تغییر سالانهٔ بودجهٔ مصوب هر واحد؛ مجموعه‌ای با کمتر از پنج مقدار آزموده نمی‌شود.",
          "Anomalies: robust z = 0.6745 × (value − median) ÷ median absolute deviation (MAD), flagged above 3.5 (Iglewicz and Hoaglin); when MAD is 0, 1.2533 × the mean absolute deviation from the median is used instead. Populations: the execution rates of the lines in the analysis year (contingency lines left out) and the yearly change of each unit's approved budget; a population of fewer than five values is not tested.")
    }
    func riskFactorName(_ factor: RiskFactor) -> String { p(factor.name.fa, factor.name.en) }
}

/// The short name of a forecast method, as the report's notes and the dashboard's trend pages write it
/// (the report's methods paragraph gives the long names).
public enum ForecastMethodText {
    public static func shortName(_ method: ForecastMethod, _ language: ReportLanguage) -> String {
        switch method {
        case .naive: language == .fa ? "ساده" : "naive"
        case .drift: language == .fa ? "رانش" : "drift"
        case .holt: language == .fa ? "هولت" : "Holt"
        case .dampedHolt: language == .fa ? "هولت میراشونده" : "damped Holt"
        }
    }
}

/// Where a forecast year stands when the forecast is read: over already (its execution should be
/// published, yet the book has no figure for it, so the forecast is an estimate of a past year), the
/// current year, or ahead. The report's forecast tables and the dashboard's trends page say it.
public enum ForecastYearStatus: String, Sendable {
    case elapsed, current, ahead

    /// The status of `year` for a forecast read in the Jalali year `madeIn` (nil: every year is ahead).
    public init(year: Int, madeIn: Int?) {
        guard let madeIn else { self = .ahead; return }
        self = year < madeIn ? .elapsed : year == madeIn ? .current : .ahead
    }

    /// The years of `years` whose approved budget the council has already passed when read in `madeIn`
    /// (the current year and earlier): not forecast on any surface.
    public static func passedBudgetYears(_ years: [Int], madeIn: Int?) -> Set<Int> {
        Set(years.filter { ForecastYearStatus(year: $0, madeIn: madeIn) != .ahead })
    }

    /// A short label for the year's cell (nil for a year ahead).
    public func label(_ language: ReportLanguage) -> String? {
        switch self {
        case .elapsed: language == .fa ? "سال سپری‌شده" : "year already over"
        case .current: language == .fa ? "سال جاری" : "current year"
        case .ahead: nil
        }
    }

    /// The sentence under a forecast table that has years already over (`years` in the reader's numerals).
    public static func elapsedNote(_ years: String, _ language: ReportLanguage) -> String {
        language == .fa
            ? "سال \(years) سپری شده است ولی رقم عملکردش در کتاب بودجه نیست؛ رقم این سال برآوردی از روند سال‌های پیشین است، نه عملکرد آن."
            : "\(years) is over, but the book has no realized figure for it: its figure is an estimate from the trend of the earlier years, not its outturn."
    }
}
