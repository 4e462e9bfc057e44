import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuStore
import Vapor

/// The public portal's server-rendered pages: semantic HTML built as ``HTMLNode``s (so every text and
/// attribute is escaped), no script, one stylesheet at /assets/tarazu.css, charts as inline SVG drawn
/// with presentation attributes only (no style attributes, so the strict Content-Security-Policy holds).
enum PortalPages {
    static func htmlResponse(_ page: HTMLNode, language: WebLanguage, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.rawValue)
        response.body = .init(string: page.render())
        return response
    }

    /// `path?lang=X` keeping the other query items of the page (year).
    static func link(_ path: Link, _ language: WebLanguage, year: Int? = nil, extra: [(String, String)] = []) -> Link {
        var items: [(String, String)] = language == .en ? [("lang", "en")] : []
        if let year { items.append(("year", String(year))) }
        return path.adding(items + extra)
    }

    /// A whole page: the portal's head, skip link, header (brand, the signed-in bar if any, the language
    /// switch), `body` as the main content, and a footer. The dashboard passes its own brand and footer;
    /// a kiosk page passes the link it goes back to after 20 seconds (`refresh`).
    static func layout(title: String, language: WebLanguage, switchPath: Link, body: HTMLNode, brand: HTMLNode? = nil,
                       accountBar: HTMLNode? = nil, footer: HTMLNode? = nil, noindex: Bool = false, refresh: Link? = nil) -> HTMLNode {
        .group {
            HTMLNode.documentType
            HTMLNode.block("html", ["lang": language.rawValue, "dir": language.direction]) {
                HTMLNode.block("head") {
                    HTMLNode.line("meta", ["charset": "utf-8"])
                    if let refresh { HTMLNode.line("meta", ["http-equiv": "refresh", "content": "20;url=\(refresh)"]) }
                    HTMLNode.line("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    if noindex { HTMLNode.line("meta", ["name": "robots", "content": "noindex"]) }
                    HTMLNode.line("title") { title }
                    HTMLNode.line("link", ["rel": "stylesheet", "href": "/assets/tarazu.css"])
                }
                HTMLNode.block("body") {
                    HTMLNode.line("a", ["class": "skip", "href": "#main"]) { language.pick("پرش به محتوا", "Skip to content") }
                    HTMLNode.block("header", ["class": "site"]) {
                        HTMLNode.line("p", ["class": "brand"]) { brand ?? portalBrand(language) }
                        if let accountBar { accountBar; "\n" }
                        if brand == nil { siteNavigation(language) }
                        HTMLNode.line("nav", ["aria-label": language.pick("زبان", "Language")]) {
                            HTMLNode.element("a", ["href": switchPath, "lang": language.other.rawValue, "hreflang": language.other.rawValue]) {
                                language.switchLabel
                            }
                        }
                    }
                    HTMLNode.block("main", ["id": "main"]) { body; "\n" }
                    HTMLNode.line("footer", ["class": "site"]) { HTMLNode.element("p") { footer ?? portalFooter(language) } }
                }
            }
        }
    }

    private static func portalBrand(_ language: WebLanguage) -> HTMLNode {
        .group {
            HTMLNode.element("a", ["href": link("/", language)]) { language.pick("ترازو", "Tarazu") }
            " "
            HTMLNode.element("span") { language.pick("بودجهٔ شهر، روشن و خوانا", "The city budget, in plain view") }
        }
    }

    /// The public site's sections: the city budgets and participatory budgeting.
    private static func siteNavigation(_ language: WebLanguage) -> HTMLNode {
        .line("nav", ["aria-label": language.pick("بخش‌های سایت", "Site sections"), "class": "site-sections"]) {
            HTMLNode.element("ul") {
                HTMLNode.element("li") { HTMLNode.element("a", ["href": link("/", language)]) { language.pick("بودجهٔ شهر", "City budget") } }
                HTMLNode.element("li") {
                    HTMLNode.element("a", ["href": link("/pb", language)]) { language.pick("بودجه‌ریزی مشارکتی", "Participatory budgeting") }
                }
            }
        }
    }

    private static func portalFooter(_ language: WebLanguage) -> HTMLNode {
        .group {
            language.pick("سامانهٔ ترازو، نرم‌افزار آزاد سنجش بودجهٔ شهری. همهٔ داده‌ها و روش‌ها باز است.",
                          "Tarazu, free software for judging a city budget. All data and methods are open.")
            " "
            HTMLNode.element("a", ["href": "/openapi.json"]) { language.pick("رابط برنامه‌نویسی (API)", "API") }
            " · "
            // The dashboard asks for a sign-in only when there is none, so the link is right signed in or not.
            HTMLNode.element("a", ["href": link("/dashboard", language)]) { language.pick("داشبورد تحلیلی شورا (برای اعضای شورا و کارشناسان)", "Council dashboard (members and staff)") }
        }
    }

    /// A list of books, each linked, with its years (the portal's home and the dashboard's).
    static func books(_ books: [BookSummary], language: WebLanguage, link: (BookSummary) -> Link, city: (BookSummary) -> String?) -> HTMLNode {
        guard !books.isEmpty else {
            return .line("p") { language.pick("هنوز هیچ کتاب بودجه‌ای وارد نشده است.", "No budget book has been imported yet.") }
        }
        return .block("ul", ["class": "books"]) {
            for book in books {
                HTMLNode.line("li") {
                    HTMLNode.element("a", ["href": link(book)]) { book.title(language) }
                    if let city = city(book) { " · "; HTMLNode.element("span") { city } }
                    HTMLNode.element("br")
                    HTMLNode.element("small") {
                        "\(language.pick("سال‌ها", "Years")): "
                        book.years.map { WebFormat.year($0, language) }.joined(separator: language.pick("، ", ", "))
                    }
                }
            }
        }
    }

    // MARK: Home

    static func bookList(_ books: [BookSummary], language: WebLanguage) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("بودجهٔ شهرها", "City budgets") }
            Self.books(books, language: language, link: { link(Link(path: "/books").appending(segment: $0.name), language) },
                       city: { language == .fa ? $0.cityFa ?? $0.cityEn : $0.cityEn ?? $0.cityFa })
        }
        return layout(title: language.pick("ترازو: بودجهٔ شهرها", "Tarazu: city budgets"), language: language,
                      switchPath: link("/", language.other), body: body)
    }

    // MARK: One book

    static func bookPage(_ summary: BookSummary, _ analysis: BookAssessment, language: WebLanguage, explicitYear: Bool) -> HTMLNode {
        let book = analysis.book
        let base = Link(path: "/books").appending(segment: summary.name)
        let yearParam: Int? = explicitYear ? analysis.year : nil
        let city = (language == .fa ? book.metadata.cityFa ?? book.metadata.cityEn : book.metadata.cityEn ?? book.metadata.cityFa) ?? book.metadata.title(language)
        let body = HTMLNode.group {
            HTMLNode.line("h1") { book.metadata.title(language) }
            HTMLNode.line("p", ["class": "lead"]) {
                "\(language.pick("شهر", "City")): "
                HTMLNode.element("strong") { city }
                " · \(language.pick("سال بودجه", "Budget year")): "
                HTMLNode.element("strong") { WebFormat.year(analysis.year, language) }
                " · \(language.pick("تاریخ ورود داده‌ها به ترازو", "Imported into Tarazu")): "
                HTMLNode.element("time", ["datetime": ISO8601DateFormatter().string(from: summary.lastImport.importedAt)]) {
                    WebFormat.date(summary.lastImport.importedAt, language)
                }
            }
            if book.years.count > 1 {
                HTMLNode.line("nav", ["aria-label": language.pick("سال", "Year"), "class": "years"]) {
                    HTMLNode.element("ul") {
                        for year in book.years {
                            HTMLNode.element("li") {
                                HTMLNode.element("a", ["href": link(base, language, year: year)]) { WebFormat.year(year, language) }
                                    .attribute("aria-current", year == analysis.year ? "page" : nil)
                            }
                        }
                    }
                }
            }
            if ApprovedOnlyYear.isApprovedOnly(analysis.year, in: book) {
                HTMLNode.line("p", ["class": "note"]) { language.pick(ApprovedOnlyYear.note(year: analysis.year, in: book)) }
            }
            headlines(analysis, language: language)
            groupNote(book: book, year: analysis.year, language: language)
            functionChart(book: book, year: analysis.year, language: language)
            PortalRegions.section(book: book, year: analysis.year, language: language)
            statusTable(analysis.assessment, asOf: DeclaredIndicators.asOf(analysis.indicators), language: language)
            downloads(base: base, year: yearParam ?? analysis.year, name: summary.name, language: language)
            if book.hasTransfers {
                HTMLNode.line("p", ["class": "note"]) {
                    language.pick("در پرونده‌های ردیف‌های بودجه و درآمدها، ردیف‌هایی که ستون ",
                                  "In the budget lines and revenues files, the rows with a value in the column ")
                    HTMLNode.element("code") { "counterpart_entity_code" }
                    language.pick(" آن‌ها پر است، انتقال میان دستگاه‌ها (ارقام تکراری) هستند؛ برای جمع بدون احتساب ارقام تکراری آن‌ها را کنار بگذارید.",
                                  " are transfers between entities (duplicated figures); leave them out for sums without duplicated figures.")
                }
            }
        }
        return layout(title: "\(book.metadata.title(language)) · \(language.pick("ترازو", "Tarazu"))", language: language,
                      switchPath: link(base, language.other, year: yearParam), body: body)
    }

    /// In a book whose entities pass money to each other: the year's budget with and without duplicated
    /// figures, and what every amount on the page leaves out.
    static func groupNote(book: BudgetBook, year: Int, language: WebLanguage) -> HTMLNode {
        guard book.hasTransfers, let totals = try? GroupFigures.approvedTotals(book: book, year: year) else { return .empty }
        let numerals = Numerals(language: language)
        return .line("p", ["class": "note"]) {
            language.pick(ComputedOn.consolidationNote) + " "
                + language.pick(
                    "اعتبار مصوب سال \(numerals.year(year)) بدون احتساب ارقام تکراری \(numerals.billionRials(totals.without.rials)) و با احتساب آن‌ها \(numerals.billionRials(totals.with.rials)) است.",
                    "The approved budget of \(year) is \(numerals.billionRials(totals.without.rials)) without duplicated figures and \(numerals.billionRials(totals.with.rials)) with them.")
        }
    }

    /// The headline figures (``Headlines``), each under its indicator's name with its basis and a sentence
    /// in plain language.
    static func headlines(_ analysis: BookAssessment, language: WebLanguage) -> HTMLNode {
        .block("section", ["aria-labelledby": "headline-title"]) {
            HTMLNode.line("h2", ["id": "headline-title"]) { language.pick("نگاه کلی", "At a glance") }
            HTMLNode.block("div", ["class": "figures"]) {
                for figure in Headlines.figures(analysis) {
                    HTMLNode.line("dl") {
                        figureName(figure, language: language)
                        HTMLNode.element("dd") { sentence(figure, language: language) }
                        if let basis = figure.computedOn { figureBasis(basis, language: language) }
                    }
                }
            }
        }
    }

    /// A headline figure's name and value, as the portal and the dashboard show it.
    static func figureName(_ figure: HeadlineFigure, language: WebLanguage) -> HTMLNode {
        .group {
            HTMLNode.element("dt") { language.pick(figure.name) }
            HTMLNode.element("dd", ["class": "figure"]) {
                HTMLNode.element("bdi") { figure.value == .unavailable ? "—" : WebFormat.value(figure.value, unit: figure.unit, language) }
                if let without = figure.withoutBorrowing { HTMLNode.element("small") { " (" + language.pick(without) + ")" } }
            }
        }
    }

    /// What a headline figure is computed on.
    static func figureBasis(_ basis: Bilingual, language: WebLanguage) -> HTMLNode {
        .element("dd", ["class": "basis"]) { language.pick("مبنا: ", "Computed on: ") + language.pick(basis) }
    }

    /// A plain sentence about a headline figure, with its value where that reads better.
    private static func sentence(_ figure: HeadlineFigure, language: WebLanguage) -> String {
        guard case .decimal(let value) = figure.value else {
            guard figure.value == .unavailable else { return language.pick(figure.meaning) }
            // A PEFA score needs the outturn of at least two of the last three years.
            return figure.id.hasPrefix("pefa.")
                ? language.pick("امتیاز پفا به عملکرد دست‌کم دو سال از سه سال اخیر نیاز دارد؛ کتاب برای این سال چنین عملکردی ندارد.",
                                "A PEFA score needs the outturn of at least two of the last three years; the book has no such outturn for this year.")
                : language.pick("برای این سال داده‌ای نیست.", "No data for this year.")
        }
        let percent = WebFormat.percent(value, language)
        switch figure.id {
        case "execution.rate.total":
            let per100 = WebFormat.fixed(value * 100, places: 0, language)
            return language.pick("از هر ۱۰۰ ریال بودجهٔ مصوب، \(per100) ریال واقعاً خرج شد.", "Of every 100 rials approved, \(per100) were actually spent.")
        case "expenditure.capital_share":
            return language.pick("\(percent) از بودجهٔ مصوب برای ساختن و خریدن دارایی‌های شهر (پروژه‌های عمرانی) است.",
                                 "\(percent) of the approved budget is for building and buying city assets (capital projects).")
        case "revenue.fees_share":
            return language.pick("\(percent) از کل منابع وصول‌شده (درآمدها و استقراض) از عوارض بود.",
                                 "\(percent) of all sources collected (revenue and borrowing) came from fees and charges.")
        case "equity.max_min_ratio.capital_without_outliers":
            let times = WebFormat.value(figure.value, unit: figure.unit, language)
            return language.pick("بیشترین سرانهٔ عمرانی یک منطقه \(times) کمترین آن است (مناطق کم‌جمعیت جدا).",
                                 "The highest capital budget per person of a region is \(times) the lowest (low-population regions apart).")
        default:
            return language.pick(figure.meaning)
        }
    }

    /// Approved and realized spending by function in the year: an inline SVG bar chart and the same
    /// figures as a table.
    static func functionChart(book: BudgetBook, year: Int, language: WebLanguage) -> HTMLNode {
        guard let rows = try? FunctionSpending.rows(book.budgetLines.filter { $0.year == year }), !rows.isEmpty else { return .empty }
        let names = Dictionary(book.functions.map { ($0.code, language == .fa ? $0.nameFa : $0.nameEn) }, uniquingKeysWith: { first, _ in first })
        let chart = BarChart(id: "chart", title: language.pick("بودجهٔ مصوب و عملکرد به تفکیک مأموریت", "Approved and actual spending by function"),
                             bars: rows.map { BarChart.Bar(label: names[$0.code] ?? $0.code, first: $0.totals.approved.rials,
                                                           second: $0.totals.realizedIfReported?.rials) },
                             legend: (language.pick("مصوب", "approved"), language.pick("عملکرد", "spent")))
        return .block("section", ["aria-labelledby": "functions-title"]) {
            HTMLNode.line("h2", ["id": "functions-title"]) { language.pick("پول به کجا می‌رود؟", "Where does the money go?") }
            chart.figure(language)
            HTMLNode.element("table") {
                HTMLNode.element("caption") { language.pick("ارقام نمودار", "The chart's figures") }
                tableHead([language.pick("مأموریت", "Function"), language.pick("مصوب", "Approved"), language.pick("عملکرد", "Spent")])
                HTMLNode.element("tbody") {
                    for row in rows {
                        HTMLNode.element("tr") {
                            HTMLNode.element("th", ["scope": "row"]) { names[row.code] ?? row.code }
                            HTMLNode.element("td") { WebFormat.billions(row.totals.approved.rials, language) }
                            HTMLNode.element("td") { row.totals.realizedIfReported.map { WebFormat.billions($0.rials, language) } ?? "—" }
                        }
                    }
                }
            }
            "\n"
        }
    }

    /// `<thead>` with one row of column headers.
    static func tableHead(_ headers: [String]) -> HTMLNode {
        .element("thead") { HTMLNode.element("tr") { for header in headers { HTMLNode.element("th", ["scope": "col"]) { header } } } }
    }

    /// The status table: criterion, status, verdict.
    static func statusTable(_ assessment: Assessment, asOf: Int?, language: WebLanguage) -> HTMLNode {
        statusSection(assessment.criteria.map { criterion in
            StatusRow(name: language.pick(criterion.name), status: criterion.status?.rawValue ?? "none",
                      statusName: criterion.status.map { status in assessment.statusLabels[status].map(language.pick) ?? status.rawValue }
                        ?? language.pick("ارزیابی نشده", "not assessed"),
                      verdict: StatusVerdict.text(of: criterion, asOf: asOf, analysisYear: assessment.year).map(language.pick) ?? "")
        }, language: language, scroll: false)
    }

    /// One row of a status table.
    struct StatusRow {
        var name: String
        /// The status's key, for the `status-KEY` class.
        var status: String
        var statusName: String
        var verdict: String
    }

    /// The status table's section (the portal's and the dashboard's; the dashboard's table scrolls).
    static func statusSection(_ rows: [StatusRow], language: WebLanguage, scroll: Bool) -> HTMLNode {
        let table = HTMLNode.element("table", ["class": "status"]) {
            tableHead([language.pick("معیار", "Criterion"), language.pick("وضعیت", "Status"), language.pick("شرح وضعیت", "Verdict")])
            HTMLNode.element("tbody") {
                "\n"
                for row in rows {
                    HTMLNode.line("tr") {
                        HTMLNode.element("th", ["scope": "row"]) { row.name }
                        HTMLNode.element("td", ["class": "status-\(row.status)"]) { row.statusName }
                        HTMLNode.element("td") { row.verdict }
                    }
                }
            }
        }
        return .block("section", ["aria-labelledby": "status-title"]) {
            HTMLNode.line("h2", ["id": "status-title"]) { language.pick("جدول وضعیت", "Status table") }
            if scroll { HTMLNode.line("div", ["class": "scroll"]) { table } } else { table; "\n" }
        }
    }

    static func downloads(base: Link, year: Int, name: String, language: WebLanguage) -> HTMLNode {
        let report = base.appending(path: "/report").adding([("lang", language.rawValue), ("year", String(year))])
        let api = Link(path: "/api/v1/books").appending(segment: name)
        return downloadsSection(language.pick("گزارش و دادهٔ باز", "Report and open data"), [
            (report, language.pick("گزارش حکمرانی بودجه (HTML)", "Budget governance report (HTML)")),
            (report.adding("format", "md"), language.pick("گزارش حکمرانی بودجه (Markdown)", "Budget governance report (Markdown)")),
            (base.appending(path: "/data/budget_lines.csv"), language.pick("ردیف‌های بودجه (CSV، ریال)", "Budget lines (CSV, rials)")),
            (base.appending(path: "/data/revenues.csv"), language.pick("درآمدها (CSV، ریال)", "Revenues (CSV, rials)")),
            (base.appending(path: "/datapackage.zip"),
             language.pick("کتاب بودجه در قالب استاندارد بستهٔ داده‌های مالی (ZIP)", "The budget book as a Fiscal Data Package (ZIP)")),
            (api.appending(path: "/indicators").adding("year", String(year)), language.pick("شاخص‌ها (JSON)", "Indicators (JSON)")),
        ])
    }

    /// A section of download links (the portal's and the dashboard's).
    static func downloadsSection(_ title: String, _ links: [(Link, String)]) -> HTMLNode {
        .block("section", ["aria-labelledby": "downloads-title"]) {
            HTMLNode.line("h2", ["id": "downloads-title"]) { title }
            HTMLNode.block("ul", ["class": "links"]) {
                for (link, label) in links { HTMLNode.line("li") { HTMLNode.element("a", ["href": link]) { label } } }
            }
        }
    }

    // MARK: Errors

    /// An error page; `inDashboard` for the signed-in areas, which keep their own layout and link back to the dashboard.
    static func errorPage(status: HTTPResponseStatus, reason: String, language: WebLanguage, inDashboard: Bool = false) -> HTMLNode {
        let title: String = switch status.code {
        case 404: language.pick("پیدا نشد", "Not found")
        case 400: language.pick("درخواست نادرست", "Bad request")
        case 403: language.pick("اجازه ندارید", "Forbidden")
        case 413: language.pick("پرونده بیش از اندازه بزرگ است", "Too large")
        case 429: language.pick("تلاش‌های زیاد", "Too many attempts")
        default: language.pick("خطا", "Error")
        }
        let body = HTMLNode.group {
            HTMLNode.line("h1") { title }
            HTMLNode.line("p") { reason }
            HTMLNode.element("p") {
                if inDashboard {
                    HTMLNode.element("a", ["href": link("/dashboard", language)]) { language.pick("بازگشت به داشبورد", "Back to the dashboard") }
                } else {
                    HTMLNode.element("a", ["href": link("/", language)]) { language.pick("بازگشت به صفحهٔ اصلی", "Back to the home page") }
                }
            }
        }
        if inDashboard {
            return DashboardPages.layout(title: "\(title) · \(language.pick("ترازو", "Tarazu"))", language: language,
                                         switchPath: link("/dashboard", language.other), accountBar: nil, body: body, amounts: false)
        }
        return layout(title: "\(title) · \(language.pick("ترازو", "Tarazu"))", language: language, switchPath: link("/", language.other), body: body)
    }
}

/// The portal's stylesheet, served at /assets/tarazu.css (the CSP allows styles from 'self' only).
enum PortalAssets {
    static let css = """
    :root { --ink: #1b1f24; --muted: #55606b; --line: #d5dbe1; --accent: #1f5f99; --bg: #ffffff; --soft: #f3f6f9; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: Vazirmatn, Tahoma, "Noto Sans Arabic", system-ui, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.7; }
    html[lang="en"] body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .skip { position: absolute; inset-inline-start: -999px; }
    .skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
    header.site, footer.site { background: var(--soft); padding: .75rem 1rem; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
    .brand { margin: 0; font-weight: bold; } .brand span { font-weight: normal; color: var(--muted); margin-inline-start: .5rem; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
    a { color: var(--accent); } a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
    h1 { font-size: 1.6rem; line-height: 1.3; } h2 { font-size: 1.25rem; margin-top: 2rem; }
    .lead { color: var(--muted); }
    .years ul, .links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
    .links { display: block; } .links li { margin: .25rem 0; }
    .years a[aria-current] { font-weight: bold; text-decoration: none; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; margin: 0; }
    .figures dl { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem; margin: 0; }
    .figures dt { font-weight: bold; } .figures dd { margin: 0; }
    .figures .figure { font-size: 1.6rem; color: var(--accent); }
    figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
    figure.bars svg, figure.trend svg { display: block; } figure.bars svg { max-width: 30rem; } figure.trend { overflow-x: auto; } figure.trend svg { max-width: 48rem; min-width: 36rem; }
    figure.trend figcaption { font-weight: bold; } figure.trend figcaption span { display: block; font-weight: normal; color: var(--muted); }
    .site-sections ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; display: block; overflow-x: auto; }
    caption { text-align: start; color: var(--muted); }
    th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: start; vertical-align: top; }
    thead th { background: var(--soft); }
    .status-strong, .status-adequate { color: #1e6b34; } .status-partial { color: #8a5a00; } .status-weak, .status-absent { color: #a32020; }
    .books li { margin: .5rem 0; }
    figure.map svg { display: block; max-width: 36rem; margin-inline: auto; }
    .map-legend { list-style: none; margin: .5rem 0 .75rem; padding: 0; display: flex; flex-wrap: wrap; justify-content: center; gap: .3rem 1.25rem; font-size: 1rem; }
    .map-legend li { display: flex; align-items: center; gap: .4rem; white-space: nowrap; }
    figure.map .map-legend svg { display: inline; flex: none; margin: 0; }
    .scroll { overflow-x: auto; max-width: 100%; }
    .crumbs ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
    .crumbs li + li::before { content: "›"; margin-inline-end: .75rem; color: var(--muted); }
    .filters fieldset { border: 1px solid var(--line); border-radius: .5rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
    .filters label { display: flex; flex-direction: column; } .filters select, .filters button { font: inherit; padding: .3rem .5rem; min-height: 2.5rem; }
    .note { color: var(--muted); }
    .account { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
    .account p { margin: 0; } .account ul { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; margin: 0; padding: 0; }
    .error { color: #a32020; font-weight: bold; }
    input, select, button { font: inherit; padding: .35rem .5rem; max-width: 100%; }
    button { cursor: pointer; } :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    td form { display: inline-block; margin: .15rem; }
    @media (max-width: 40rem) { h1 { font-size: 1.3rem; } .figures .figure { font-size: 1.3rem; } main { padding: .75rem; } }
    """
}
