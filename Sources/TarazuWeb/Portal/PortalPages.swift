import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuReport
import TarazuStore
import Vapor

/// The public portal's server-rendered pages: semantic HTML, escaped, no script, one stylesheet at
/// /assets/tarazu.css, charts as inline SVG drawn with presentation attributes only (no style attributes,
/// so the strict Content-Security-Policy holds).
enum PortalPages {
    static func htmlResponse(_ html: String, language: WebLanguage, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.rawValue)
        response.body = .init(string: html)
        return response
    }

    /// `path?lang=X` keeping the other query items of the page (year).
    static func link(_ path: String, _ language: WebLanguage, year: Int? = nil, extra: [(String, String)] = []) -> String {
        var items: [(String, String)] = language == .en ? [("lang", "en")] : []
        if let year { items.append(("year", String(year))) }
        return path + DashboardLinks.queryString(items + extra)
    }

    /// A whole page: the portal's head, skip link, header (brand, the signed-in bar if any, the language
    /// switch), `body` as the main content, and a footer. The dashboard passes its own brand and footer.
    static func layout(title: String, language: WebLanguage, switchPath: String, body: String,
                       brand: String? = nil, accountBar: String = "", footer: String? = nil, noindex: Bool = false) -> String {
        let lang = language.rawValue
        let brand = brand ?? "<a href=\"\(link("/", language))\">\(language.pick("ترازو", "Tarazu"))</a> <span>\(language.pick("بودجهٔ شهر، روشن و خوانا", "The city budget, in plain view"))</span>"
        let footer = footer ?? "\(language.pick("ترازو، نرم‌افزار آزاد سنجش بودجهٔ شهری. همهٔ داده‌ها و روش‌ها باز است.", "Tarazu, free software for judging a city budget. All data and methods are open.")) <a href=\"/openapi.json\">API</a> · <a href=\"\(link("/login", language))\">\(language.pick("ورود اعضای شورا و کارشناسان", "Sign in (council and staff)"))</a>"
        return """
        <!DOCTYPE html>
        <html lang="\(lang)" dir="\(language.direction)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(noindex ? "<meta name=\"robots\" content=\"noindex\">\n" : "")<title>\(htmlEscape(title))</title>
        <link rel="stylesheet" href="/assets/tarazu.css">
        </head>
        <body>
        <a class="skip" href="#main">\(language.pick("پرش به محتوا", "Skip to content"))</a>
        <header class="site">
        <p class="brand">\(brand)</p>
        \(accountBar.isEmpty ? "" : accountBar + "\n")<nav aria-label="\(language.pick("زبان", "Language"))"><a href="\(htmlEscape(switchPath))" lang="\(language.other.rawValue)" hreflang="\(language.other.rawValue)">\(language.switchLabel)</a></nav>
        </header>
        <main id="main">
        \(body)
        </main>
        <footer class="site"><p>\(footer)</p></footer>
        </body>
        </html>

        """
    }

    // MARK: Home

    static func bookList(_ books: [BookSummary], language: WebLanguage) -> String {
        var body = "<h1>\(language.pick("بودجهٔ شهرها", "City budgets"))</h1>\n"
        if books.isEmpty {
            body += "<p>\(language.pick("هنوز هیچ کتاب بودجه‌ای وارد نشده است.", "No budget book has been imported yet."))</p>\n"
        } else {
            body += "<ul class=\"books\">\n"
            for book in books {
                let city = language == .fa ? book.cityFa ?? book.cityEn : book.cityEn ?? book.cityFa
                let years = book.years.map { WebFormat.year($0, language) }.joined(separator: language.pick("، ", ", "))
                body += "<li><a href=\"\(link("/books/" + HTML.segment(book.name), language))\">\(htmlEscape(book.title))</a>"
                if let city { body += " <span>(\(htmlEscape(city)))</span>" }
                body += "<br><small>\(language.pick("سال‌ها", "Years")): \(years)</small></li>\n"
            }
            body += "</ul>\n"
        }
        return layout(title: language.pick("ترازو: بودجهٔ شهرها", "Tarazu: city budgets"), language: language,
                      switchPath: link("/", language.other), body: body)
    }

    // MARK: One book

    static func bookPage(_ summary: BookSummary, _ analysis: BookAssessment, language: WebLanguage, explicitYear: Bool) -> String {
        let book = analysis.book
        let base = "/books/" + HTML.segment(summary.name)
        let yearParam: Int? = explicitYear ? analysis.year : nil
        let city = (language == .fa ? book.metadata.cityFa ?? book.metadata.cityEn : book.metadata.cityEn ?? book.metadata.cityFa) ?? book.metadata.title
        var body = "<h1>\(htmlEscape(book.metadata.title))</h1>\n"
        body += "<p class=\"lead\">\(language.pick("شهر", "City")): <strong>\(htmlEscape(city))</strong> · "
        body += "\(language.pick("سال بودجه", "Budget year")): <strong>\(WebFormat.year(analysis.year, language))</strong> · "
        body += "\(language.pick("آخرین به‌روزرسانی", "Last updated")): <time datetime=\"\(ISO8601DateFormatter().string(from: summary.lastImport.importedAt))\">\(WebFormat.date(summary.lastImport.importedAt, language))</time></p>\n"
        if book.years.count > 1 {
            body += "<nav aria-label=\"\(language.pick("سال", "Year"))\" class=\"years\"><ul>"
            for year in book.years {
                let current = year == analysis.year ? " aria-current=\"page\"" : ""
                body += "<li><a href=\"\(link(base, language, year: year))\"\(current)>\(WebFormat.year(year, language))</a></li>"
            }
            body += "</ul></nav>\n"
        }
        body += headlines(analysis, language: language)
        body += functionChart(book: book, year: analysis.year, language: language)
        body += PortalRegions.section(book: book, year: analysis.year, language: language)
        body += statusTable(analysis.assessment, language: language)
        body += downloads(base: base, year: yearParam ?? analysis.year, name: summary.name, language: language)
        return layout(title: "\(book.metadata.title) · \(language.pick("ترازو", "Tarazu"))", language: language,
                      switchPath: link(base, language.other, year: yearParam), body: body)
    }

    /// The headline figures (``Headlines``), each under its indicator's name with its basis and a sentence
    /// in plain language.
    static func headlines(_ analysis: BookAssessment, language: WebLanguage) -> String {
        var html = "<section aria-labelledby=\"headline-title\">\n<h2 id=\"headline-title\">\(language.pick("نگاه کلی", "At a glance"))</h2>\n<dl class=\"figures\">\n"
        for figure in Headlines.figures(analysis) {
            let text = figure.value == .unavailable ? "—" : WebFormat.value(figure.value, unit: figure.unit, language)
            html += "<div><dt>\(htmlEscape(language.pick(figure.name)))</dt><dd class=\"figure\"><bdi>\(htmlEscape(text))</bdi></dd>"
            html += "<dd>\(htmlEscape(sentence(figure, language: language)))</dd>"
            if let basis = figure.computedOn {
                html += "<dd class=\"basis\">\(htmlEscape(language.pick("مبنا: ", "Computed on: ") + language.pick(basis)))</dd>"
            }
            html += "</div>\n"
        }
        return html + "</dl>\n</section>\n"
    }

    /// A plain sentence about a headline figure, with its value where that reads better.
    private static func sentence(_ figure: HeadlineFigure, language: WebLanguage) -> String {
        guard case .decimal(let value) = figure.value else {
            return figure.value == .unavailable ? language.pick("برای این سال داده‌ای نیست.", "No data for this year.") : language.pick(figure.meaning)
        }
        let percent = WebFormat.percent(value, language)
        switch figure.id {
        case "execution.rate.total":
            let per100 = WebFormat.fixed(value * 100, places: 0, language)
            return language.pick("از هر ۱۰۰ ریال بودجهٔ مصوب، \(per100) ریال واقعاً خرج شد.", "Of every 100 rials approved, \(per100) were actually spent.")
        case "expenditure.capital_share":
            return language.pick("\(percent) از بودجهٔ مصوب برای ساختن و خریدن دارایی‌های شهر (طرح‌های عمرانی) است.",
                                 "\(percent) of the approved budget is for building and buying city assets (capital projects).")
        case "revenue.fees_share":
            return language.pick("\(percent) از درآمدی که واقعاً وصول شد از عوارض بود.", "\(percent) of the revenue actually collected came from fees and charges.")
        default:
            return language.pick(figure.meaning)
        }
    }

    /// Approved and realized spending by function in the year: an inline SVG bar chart and the same
    /// figures as a table.
    static func functionChart(book: BudgetBook, year: Int, language: WebLanguage) -> String {
        guard let rows = try? FunctionSpending.rows(book.budgetLines.filter { $0.year == year }), !rows.isEmpty else { return "" }
        let names = Dictionary(book.functions.map { ($0.code, language == .fa ? $0.nameFa : $0.nameEn) }, uniquingKeysWith: { first, _ in first })
        let largest = max(1, rows.map { max($0.totals.approved.rials, $0.totals.realized.rials) }.max() ?? 1)
        let width = 640.0, labelWidth = 250.0, barArea = width - labelWidth - 10, rowHeight = 34.0
        let height = Double(rows.count) * rowHeight + 30
        let rtl = language == .fa
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"chart-title\">\(language.pick("بودجهٔ مصوب و هزینهٔ واقعی به تفکیک امور", "Approved and actual spending by function"))</title>"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 4
            let name = names[row.code] ?? row.code
            let label = name.count > 30 ? String(name.prefix(29)) + "…" : name   // the table below has the full name
            let a = barArea * Double(row.totals.approved.rials) / Double(largest)
            let r = barArea * Double(row.totals.realized.rials) / Double(largest)
            let labelX = rtl ? width - 4 : 4
            let barStart = rtl ? width - labelWidth : labelWidth
            func bar(_ length: Double, _ dy: Double, _ fill: String) -> String {
                let x = rtl ? barStart - length : barStart
                return "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + dy))\" width=\"\(fmt(max(length, 0)))\" height=\"12\" fill=\"\(fill)\"/>"
            }
            svg += "<text x=\"\(fmt(labelX))\" y=\"\(fmt(y + 16))\" font-size=\"13\" text-anchor=\"start\"\(rtl ? " direction=\"rtl\"" : "")>\(htmlEscape(label))</text>"
            svg += bar(a, 2, "#8fb3d9") + bar(r, 16, "#1f5f99")
        }
        let legendY = height - 8
        svg += "<rect x=\"\(rtl ? fmt(width - 20) : "10")\" y=\"\(fmt(legendY - 10))\" width=\"10\" height=\"10\" fill=\"#8fb3d9\"/>"
        svg += "<text x=\"\(rtl ? fmt(width - 26) : "26")\" y=\"\(fmt(legendY))\" font-size=\"12\"\(rtl ? " direction=\"rtl\"" : "")>\(language.pick("مصوب", "approved"))</text>"
        svg += "<rect x=\"\(rtl ? fmt(width - 120) : "110")\" y=\"\(fmt(legendY - 10))\" width=\"10\" height=\"10\" fill=\"#1f5f99\"/>"
        svg += "<text x=\"\(rtl ? fmt(width - 126) : "126")\" y=\"\(fmt(legendY))\" font-size=\"12\"\(rtl ? " direction=\"rtl\"" : "")>\(language.pick("هزینه‌شده", "spent"))</text>"
        svg += "</svg>"
        var table = "<table><caption>\(language.pick("ارقام نمودار", "The chart's figures"))</caption><thead><tr>"
        table += "<th scope=\"col\">\(language.pick("امور", "Function"))</th><th scope=\"col\">\(language.pick("مصوب", "Approved"))</th>"
        table += "<th scope=\"col\">\(language.pick("هزینه‌شده", "Spent"))</th></tr></thead><tbody>"
        for row in rows {
            table += "<tr><th scope=\"row\">\(htmlEscape(names[row.code] ?? row.code))</th><td>\(WebFormat.billions(row.totals.approved.rials, language))</td>"
            table += "<td>\(row.totals.realizedIfReported.map { WebFormat.billions($0.rials, language) } ?? "—")</td></tr>"
        }
        table += "</tbody></table>"
        return """
        <section aria-labelledby="functions-title">
        <h2 id="functions-title">\(language.pick("پول به کجا می‌رود؟", "Where does the money go?"))</h2>
        <figure>\(svg)</figure>
        \(table)
        </section>

        """
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The status table: criterion, status, verdict.
    static func statusTable(_ assessment: Assessment, language: WebLanguage) -> String {
        var html = "<section aria-labelledby=\"status-title\">\n<h2 id=\"status-title\">\(language.pick("جدول وضعیت", "Status table"))</h2>\n"
        html += "<table class=\"status\"><thead><tr><th scope=\"col\">\(language.pick("معیار", "Criterion"))</th>"
        html += "<th scope=\"col\">\(language.pick("وضعیت", "Status"))</th><th scope=\"col\">\(language.pick("داوری", "Verdict"))</th></tr></thead><tbody>\n"
        for criterion in assessment.criteria {
            let status = criterion.status.map { status in assessment.statusLabels[status].map(language.pick) ?? status.rawValue }
                ?? language.pick("ارزیابی نشده", "not assessed")
            let statusClass = criterion.status?.rawValue ?? "none"
            html += "<tr><th scope=\"row\">\(htmlEscape(language.pick(criterion.name)))</th>"
            html += "<td class=\"status-\(statusClass)\">\(htmlEscape(status))</td>"
            html += "<td>\(htmlEscape(criterion.verdict.map(language.pick) ?? ""))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func downloads(base: String, year: Int, name: String, language: WebLanguage) -> String {
        let api = "/api/v1/books/" + HTML.segment(name)
        return """
        <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">\(language.pick("گزارش و دادهٔ باز", "Report and open data"))</h2>
        <ul class="links">
        <li><a href="\(base)/report?lang=\(language.rawValue)&amp;year=\(year)">\(language.pick("گزارش حکمرانی بودجه (HTML)", "Budget governance report (HTML)"))</a></li>
        <li><a href="\(base)/report?lang=\(language.rawValue)&amp;year=\(year)&amp;format=md">\(language.pick("گزارش به قالب Markdown", "Report as Markdown"))</a></li>
        <li><a href="\(base)/data/budget_lines.csv">\(language.pick("ردیف‌های بودجه (CSV، ریال)", "Budget lines (CSV, rials)"))</a></li>
        <li><a href="\(base)/data/revenues.csv">\(language.pick("درآمدها (CSV، ریال)", "Revenues (CSV, rials)"))</a></li>
        <li><a href="\(base)/datapackage.zip">\(language.pick("کتاب بودجه به صورت Fiscal Data Package (ZIP)", "The budget book as a Fiscal Data Package (ZIP)"))</a></li>
        <li><a href="\(api)/indicators?year=\(year)">\(language.pick("شاخص‌ها (JSON)", "Indicators (JSON)"))</a></li>
        </ul>
        </section>

        """
    }

    // MARK: Errors

    static func errorPage(status: HTTPResponseStatus, reason: String, language: WebLanguage) -> String {
        let title: String = switch status.code {
        case 404: language.pick("پیدا نشد", "Not found")
        case 400: language.pick("درخواست نادرست", "Bad request")
        case 403: language.pick("اجازه ندارید", "Forbidden")
        case 413: language.pick("پرونده بیش از اندازه بزرگ است", "Too large")
        case 429: language.pick("تلاش‌های زیاد", "Too many attempts")
        default: language.pick("خطا", "Error")
        }
        let body = """
        <h1>\(title)</h1>
        <p>\(htmlEscape(reason))</p>
        <p><a href="\(link("/", language))">\(language.pick("بازگشت به صفحهٔ اصلی", "Back to the home page"))</a></p>
        """
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
    .figures div { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem; }
    .figures dt { font-weight: bold; } .figures dd { margin: 0; }
    .figures .figure { font-size: 1.6rem; color: var(--accent); }
    figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; display: block; overflow-x: auto; }
    caption { text-align: start; color: var(--muted); }
    th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: start; vertical-align: top; }
    thead th { background: var(--soft); }
    .status-strong, .status-adequate { color: #1e6b34; } .status-partial { color: #8a5a00; } .status-weak, .status-absent { color: #a32020; }
    .books li { margin: .5rem 0; }
    figure.map svg { display: block; max-width: 36rem; margin-inline: auto; }
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
