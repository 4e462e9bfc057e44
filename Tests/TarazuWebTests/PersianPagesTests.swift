import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuSample
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The Persian pages of the portal and the dashboard as a native reader sees them, on the sample city
/// and on the small book: no Latin word outside identifiers (in `<code>` or isolated left to right)
/// and the glossary's short allowlist (docs/glossary.md).
@Suite struct PersianPagesTests {
    /// The text a reader sees, without what is not ours to translate: markup, styles and scripts;
    /// identifiers (`<code>`, `<bdi dir="ltr">`) and formulas (isolated left to right with U+2066...U+2069);
    /// data typed by people (`<bdi>`: a user's name); the link to the English page (`lang="en"`).
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in ["<style[^>]*>[\\s\\S]*?</style>", "<script[^>]*>[\\s\\S]*?</script>", "<code[^>]*>[\\s\\S]*?</code>",
                        "<bdi[^>]*>[\\s\\S]*?</bdi>", "<a [^>]*lang=\"en\"[^>]*>[^<]*</a>", "\u{2066}[^\u{2069}]*\u{2069}", "<[^>]*>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The Persian pages of `book`: the portal's, then the dashboard's (every indicator and a project).
    static func paths(_ book: BudgetBook, indicators: [String]) -> [String] {
        let name = book.metadata.name
        let dashboard = "/dashboard/\(name)"
        var paths = ["/", "/books/\(name)", dashboard, dashboard + "/functions", dashboard + "/regions", dashboard + "/economic",
                     dashboard + "/trends", dashboard + "/compliance", dashboard + "/risks", dashboard + "/peers"]
        if !book.entities.isEmpty { paths.append(dashboard + "/entities") }
        if let function = book.functions.first { paths.append(dashboard + "/functions/\(function.code)") }
        if let project = book.projects.first { paths.append(dashboard + "/projects/\(project.projectId)") }
        paths += indicators.map { dashboard + "/indicators/\($0)" }
        return paths
    }

    /// `word` with a few characters around its first appearance in `text`.
    static func context(_ word: String, in text: String) -> String {
        guard let range = text.range(of: word) else { return word }
        let start = text.index(range.lowerBound, offsetBy: -25, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 25, limitedBy: text.endIndex) ?? text.endIndex
        return "«" + text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ") + "»"
    }

    /// The sample city (named `tabriz`, as the portal serves it), a generated book (as `tarazu sample
    /// --lines 3000 --seed 11` makes it) or the small book.
    static func book(_ which: String) -> BudgetBook {
        switch which {
        case "sample":
            var book = SampleCity.tabriz()
            book.metadata.name = "tabriz"
            return book
        case "generated": return SampleCity.cities(1, lines: 3_000, seed: 11)[0].book()
        default: return WebHarness.smallBook
        }
    }

    /// The problems of a Persian page's visible text beyond foreign words: Latin digits or an ASCII
    /// decimal point in Persian text, a sign before a number outside a left-to-right isolate, a term
    /// the glossary replaces, and a code made of digits written in Latin digits inside an identifier
    /// (the report and the tables write line ids such as «۱۴۰۳-۰۵۰۶» in Persian digits).
    static func numberAndTermProblems(html: String, text: String) -> [String] {
        var problems: [String] = []
        var words = text
        for word in PersianProse.allowedLatin where word.contains(where: \.isNumber) { words = words.replacingOccurrences(of: word, with: " ") }
        if let digit = words.range(of: "[0-9]", options: .regularExpression) {
            problems.append("Latin digits " + context(String(words[digit]), in: words))
        }
        if let point = text.range(of: "[۰-۹]\\.[۰-۹]", options: .regularExpression) {
            problems.append("an ASCII decimal point " + context(String(text[point]), in: text))
        }
        if let sign = text.range(of: "(^|[\\s(:،؛«|])[-−+][۰-۹]", options: [.regularExpression]) {
            problems.append("a sign outside an isolate " + context(String(text[sign]), in: text))
        }
        problems += PersianProse.replacedTermsFound(text).map { "glossary: " + $0 }
        let identifiers = html.matches(of: /<bdi[^>]*>([^<]*)<\/bdi>/).map { String($0.output.1) }
        if let code = identifiers.flatMap({ $0.split(separator: " ") }).first(where: { token in
            token.contains(where: \.isASCII) && token.allSatisfy { ("0"..."9").contains($0) || $0 == "-" } && token.contains(where: \.isNumber)
        }) {
            problems.append("a code in Latin digits: \(code)")
        }
        return problems
    }

    @Test(arguments: ["sample", "generated", "small"])
    func persianPagesReadAsPersian(book which: String) async throws {
        let book = Self.book(which)
        let year = try #require(IndicatorEngine.latestRealizedYear(in: book))
        let indicators = try IndicatorEngine.compute(book: book, year: year).map(\.id)
        var paths = Self.paths(book, indicators: indicators)
        if let function = book.functions.first, let program = book.budgetLines.first(where: { $0.function == function.code })?.program {
            paths.append("/dashboard/\(book.metadata.name)/functions/\(function.code)/programs/"
                         + (program.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? program))
        }
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            for path in paths {
                let response = try await DashboardProbe.get(app, path)
                #expect(response.status == .ok, "\(path): \(response.status)")
                // A book without a Persian title is named by its own title (here the fixture's folder name).
                var text = Self.visibleText(response.body.string)
                if book.metadata.titleFa == nil { text = text.replacingOccurrences(of: book.metadata.title, with: " ") }
                let foreign = PersianProse.foreignWords(text)
                #expect(foreign.isEmpty, "\(path): \(foreign.sorted().map { Self.context($0, in: text) })")
                let problems = Self.numberAndTermProblems(html: response.body.string, text: text)
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
        }
    }

    /// An error page speaks the page's language: Persian by default, English with `lang=en`; the API
    /// answers in English JSON.
    @Test(arguments: [
        ("/books/nonexist", "کتابی به نام", "no book named 'nonexist'"),
        ("/books/\(DashboardProbe.name)?year=1390", "سال ۱۳۹۰ در کتاب", "year 1390 is not in book"),
        ("/books/\(DashboardProbe.name)?year=abc", "سال باید عدد", "year must be an integer"),
        ("/nowhere", "این صفحه", "no such page"),
        (DashboardProbe.base + "/projects/P99", "پروژه‌ای با کد", "no project 'P99'"),
        (DashboardProbe.base + "/indicators/nope", "شاخصی با شناسهٔ", "no indicator 'nope'"),
        (DashboardProbe.base + "/functions/nope", "مأموریتی با کد", "no function 'nope'"),
        (DashboardProbe.base + "/regions?region=99", "منطقه‌ای با کد", "region '99' is not in the book"),
        (DashboardProbe.base + "/functions?format=xml", "قالب", "format must be one of"),
    ])
    func errorPagesSpeakThePageLanguage(path: String, persian: String, english: String) async throws {
        try await DashboardProbe.withSignedInApp { app, _ in
            let page = try await DashboardProbe.get(app, path)
            #expect(page.status.code >= 400, "\(path)")
            let text = Self.visibleText(page.body.string)
            #expect(PersianProse.foreignWords(text).isEmpty, "\(path): \(text)")
            #expect(Self.numberAndTermProblems(html: page.body.string, text: text).isEmpty, "\(path): \(text)")
            #expect(text.contains(persian), "\(path): \(text)")
            let separator = path.contains("?") ? "&" : "?"
            let englishPage = try await DashboardProbe.get(app, path + separator + "lang=en")
            #expect(englishPage.body.string.contains(htmlEscape(english)), "\(path): \(englishPage.body.string.suffix(300))")
        }
    }

    @Test func theAPIAnswersErrorsInEnglish() async throws {
        try await WebHarness.withApp { app, _ in
            let response = try await WebHarness.get(app, "/api/v1/books/nonexist/indicators")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("no book named 'nonexist'"), "\(response.body.string)")
        }
    }

    /// The portal and the dashboard say the basis of each figure, and mark the low-population regions
    /// as the report does.
    @Test func theSampleCitysFiguresSayTheirBasis() async throws {
        let book = Self.book("sample")
        let low = try #require(book.regions.first { $0.code == "9" })
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            let portal = Self.visibleText(try await DashboardProbe.get(app, "/books/tabriz").body.string)
            #expect(portal.contains("از کل منابع وصول‌شده (درآمدها و استقراض) از عوارض بود"))
            #expect(portal.contains("سرانهٔ عملکرد") && portal.contains("سرانهٔ اعتبار مصوب"))
            #expect(portal.contains(low.nameFa + " (کم‌جمعیت)") || portal.contains("(صنعتی، کم‌جمعیت)"), "\(portal)")
            #expect(portal.range(of: "[۰-۹]+٫[۰-۹] برابر کمترین آن است", options: .regularExpression) != nil)
            let regions = Self.visibleText(try await DashboardProbe.get(app, "/dashboard/tabriz/regions").body.string)
            #expect(regions.contains("(صنعتی، کم‌جمعیت)"), "\(regions)")
            #expect(regions.contains("سرانهٔ عملکرد"))
            let ratio = Self.visibleText(try await DashboardProbe.get(app, "/dashboard/tabriz/indicators/equity.max_min_ratio.capital_without_outliers").body.string)
            #expect(ratio.range(of: "[۰-۹]+٫[۰-۹] برابر", options: .regularExpression) != nil, "\(ratio)")
            let volatility = Self.visibleText(try await DashboardProbe.get(app, "/dashboard/tabriz/indicators/projects.volatility").body.string)
            #expect(volatility.range(of: "آستانه\\s+۲۵٫۰٪", options: .regularExpression) != nil, "\(volatility)")
            #expect(volatility.range(of: "انحراف عملکرد از مصوب: [۰-۹]+٫[۰-۹]٪", options: .regularExpression) != nil, "\(volatility)")
        }
    }

    /// The breakdown of the change by function names its two amounts by year, not by an economic class.
    @Test func theChangeByFunctionNamesItsAmounts() async throws {
        try await DashboardProbe.withSignedInApp(books: [Self.book("sample")]) { app, _ in
            let page = Self.visibleText(try await DashboardProbe.get(app, "/dashboard/tabriz/indicators/expenditure.change.by_function").body.string)
            #expect(!page.contains("هزینه‌ای:"), "\(page)")
            #expect(page.range(of: "مصوب سال تحلیل: [۰-۹٬٫]+ میلیارد ریال", options: .regularExpression) != nil, "\(page)")
            #expect(page.range(of: "مصوب سال پیش: [۰-۹٬٫]+ میلیارد ریال", options: .regularExpression) != nil, "\(page)")
        }
    }

    /// The pages show functions and economic classes by name; the downloads keep the codes.
    @Test func codesStayInTheDownloads() async throws {
        let book = Self.book("sample")
        let codes = book.functions.map(\.code) + EconomicClass.allCases.map(\.code)
        let project = try #require(book.projects.first)
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            for path in ["functions", "trends", "economic", "projects/\(project.projectId)"].map({ "/dashboard/tabriz/" + $0 }) {
                let html = try await DashboardProbe.get(app, path).body.string
                let text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                let shown = codes.filter { text.range(of: "(^|[^a-z_])\($0)($|[^a-z_])", options: .regularExpression) != nil }
                #expect(shown.isEmpty, "\(path): \(shown)")
            }
            let csv = DashboardProbe.csv(try await DashboardProbe.get(app, "/dashboard/tabriz/functions?format=csv").body.string)
            #expect(csv.header.first == "function" && csv.rows.contains { codes.contains($0.first ?? "") })
        }
    }

    /// Regions are listed by their number (۱، ۲، …، ۱۰), not as text (۱، ۱۰، ۲).
    @Test func regionsAreInNumericOrder() async throws {
        try await DashboardProbe.withSignedInApp(books: [Self.book("sample")]) { app, _ in
            for (path, table) in [("/dashboard/tabriz/indicators/equity.per_capita.by_region", "breakdown"),
                                  ("/dashboard/tabriz/indicators/equity.cv", "evidence"),
                                  ("/dashboard/tabriz/compliance", "asset_sales")] {
                let html = try await DashboardProbe.get(app, path).body.string
                let text = Self.visibleText(DashboardProbe.table(html, id: table))
                let one = try #require(text.range(of: "منطقه ۱ "), "\(path)")
                let two = try #require(text.range(of: "منطقه ۲ "), "\(path)")
                let ten = try #require(text.range(of: "منطقه ۱۰ "), "\(path)")
                #expect(one.lowerBound < two.lowerBound && two.lowerBound < ten.lowerBound, "\(path)")
            }
        }
    }

    /// A piece of evidence lists at most 50 row ids and says how many it leaves out.
    @Test func evidenceSaysHowManyRowsItLeavesOut() async throws {
        let book = Self.book("sample")
        let year = try #require(IndicatorEngine.latestRealizedYear(in: book))
        let indicator = try #require(try IndicatorEngine.compute(book: book, year: year).first { $0.evidence.contains { $0.rowCount > $0.rows.count } })
        let evidence = try #require(indicator.evidence.first { $0.rowCount > $0.rows.count })
        try await DashboardProbe.withSignedInApp(books: [book]) { app, _ in
            let text = Self.visibleText(try await DashboardProbe.get(app, "/dashboard/tabriz/indicators/\(indicator.id)").body.string)
            // The page shows a sample of the listed ids; the downloads carry every listed one.
            let more = Numerals(language: .fa).integer(Int64(evidence.rowCount - min(evidence.rows.count, 12)))
            #expect(text.contains("و \(more) ردیف دیگر (فهرست در پرونده‌های CSV و JSON)"), "\(indicator.id): \(text.suffix(500))")
        }
    }

    @Test func theCheckSeesVisibleTextOnly() {
        let html = "<style>p{color:red}</style><p title=\"Title\">سلام <code>execution.rate</code> "
            + "<bdi dir=\"ltr\">C+</bdi> world &amp; more</p>"
        #expect(PersianProse.latinWords(Self.visibleText(html)) == ["world", "more"])
    }
}
