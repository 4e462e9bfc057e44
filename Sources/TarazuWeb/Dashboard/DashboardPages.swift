import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuReport
import TarazuStore
import Vapor

/// The council dashboard's HTML: the portal's stylesheet and conventions (no script, inline SVG, every
/// figure also as a table), plus an account bar, a filters form and download links on every view.
enum DashboardPages {
    /// The signed-in user, the areas their role may open and the sign-out form.
    static func accountBar(for request: Request) -> String {
        TarazuWebApp.accountBar(for: request, language: WebLanguage(request: request))
    }

    /// Where one page sits: its book, path, filters and language.
    struct Context {
        var name: String
        var book: BudgetBook
        /// The page's path (without query).
        var path: String
        var filters: DashboardFilters?
        var language: WebLanguage
        var accountBar: String
        var base: String { DashboardLinks.base(name) }
    }

    static func layout(title: String, language: WebLanguage, switchPath: String, accountBar: String, body: String) -> String {
        PortalPages.layout(
            title: title, language: language, switchPath: switchPath, body: body,
            brand: "<a href=\"\(DashboardLinks.query(language, nil).isEmpty ? "/dashboard" : "/dashboard?lang=en")\">\(language.pick("ترازو: داشبورد شورا", "Tarazu: council dashboard"))</a>",
            accountBar: accountBar,
            footer: language.pick("ترازو، نرم‌افزار آزاد سنجش بودجهٔ شهری. مبالغ به ریال؛ ارقام دقیق در فایل‌های CSV و JSON.",
                                  "Tarazu, free software for judging a city budget. Amounts in rials; exact figures in the CSV and JSON files."),
            noindex: true)
    }

    static func bookList(_ books: [BookSummary], language: WebLanguage, accountBar: String) -> String {
        var body = "<h1>\(language.pick("داشبورد شورا: کتاب‌های بودجه", "Council dashboard: budget books"))</h1>\n"
        if books.isEmpty {
            body += "<p>\(language.pick("هنوز هیچ کتاب بودجه‌ای وارد نشده است.", "No budget book has been imported yet."))</p>\n"
        } else {
            body += "<ul class=\"books\">\n"
            for book in books {
                let years = book.years.map { WebFormat.year($0, language) }.joined(separator: language.pick("، ", ", "))
                body += "<li><a href=\"\(DashboardLinks.base(book.name))\(DashboardLinks.query(language, nil))\">\(htmlEscape(book.title))</a>"
                body += "<br><small>\(language.pick("سال‌ها", "Years")): \(years)</small></li>\n"
            }
            body += "</ul>\n"
        }
        return layout(title: language.pick("داشبورد شورا · ترازو", "Council dashboard · Tarazu"), language: language,
                      switchPath: "/dashboard" + DashboardLinks.query(language.other, nil), accountBar: accountBar, body: body)
    }

    /// A whole view page. `figure` replaces the default bar figure (the regions view passes its own).
    static func page(_ view: DashboardView, _ context: Context, figure: String? = nil, overview: Bool = false) -> String {
        let language = context.language
        let query = DashboardLinks.query(language, context.filters)
        var body = crumbs(view.crumbs, query: query, language: language)
        body += "<h1>\(htmlEscape(language.pick(view.title)))</h1>\n"
        body += "<p class=\"lead\">\(htmlEscape(context.book.metadata.title))"
        if let filters = context.filters { body += " · \(language.pick("سال", "Year")) \(WebFormat.year(filters.year, language))" }
        body += "</p>\n"
        body += sections(context, query: query)
        if let filters = context.filters { body += filtersForm(filters, context) }
        for note in view.notes { body += "<p class=\"note\">\(htmlEscape(language.pick(note)))</p>\n" }
        if !view.cards.isEmpty { body += cards(view.cards, context, query: query) }
        if !view.criteria.isEmpty { body += criteria(view.criteria, language: language) }
        body += figure ?? view.bars.map { DashboardFigures.bars($0, id: "figure", language: language) } ?? ""
        for chart in view.charts { body += DashboardFigures.lineChart(chart, language: language) }
        for table in view.tables { body += DashboardTableWriter.html(table, language: language, query: query) }
        body += downloads(view, context, overview: overview)
        let title = "\(language.pick(view.title)) · \(context.book.metadata.title)"
        return layout(title: title, language: language,
                      switchPath: context.path + DashboardLinks.query(language.other, context.filters),
                      accountBar: context.accountBar, body: body)
    }

    static func crumbs(_ crumbs: [DashboardView.Crumb], query: String, language: WebLanguage) -> String {
        var html = "<nav aria-label=\"\(language.pick("مسیر", "Breadcrumb"))\" class=\"crumbs\"><ol>"
        for crumb in crumbs {
            let label = htmlEscape(language.pick(crumb.fa, crumb.en))
            html += crumb.path.map { "<li><a href=\"\(htmlEscape($0 + query))\">\(label)</a></li>" } ?? "<li aria-current=\"page\">\(label)</li>"
        }
        return html + "</ol></nav>\n"
    }

    static let sectionPaths: [(path: String, fa: String, en: String)] = [
        ("", "نمای کلی", "Overview"), ("/functions", "امور، برنامه، طرح", "Functions, programs, projects"),
        ("/regions", "مناطق", "Regions"), ("/economic", "طبقهٔ اقتصادی", "Economic classes"),
        ("/trends", "روندها و پیش‌بینی", "Trends and forecasts"), ("/compliance", "انطباق با مصوبات شورا", "Compliance"),
        ("/risks", "ریسک طرح‌ها", "Project risks"),
    ]

    static func sections(_ context: Context, query: String) -> String {
        var html = "<nav aria-label=\"\(context.language.pick("بخش‌ها", "Sections"))\" class=\"years\"><ul>"
        for section in sectionPaths {
            let path = context.base + section.path
            let current = path == context.path ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(htmlEscape(path + query))\"\(current)>\(htmlEscape(context.language.pick(section.fa, section.en)))</a></li>"
        }
        return html + "</ul></nav>\n"
    }

    static func filtersForm(_ filters: DashboardFilters, _ context: Context) -> String {
        let language = context.language
        let book = context.book
        var html = "<form method=\"get\" action=\"\(htmlEscape(context.path))\" class=\"filters\">\n"
        html += "<fieldset><legend>\(language.pick("پالایه‌ها", "Filters"))</legend>\n"
        if language == .en { html += "<input type=\"hidden\" name=\"lang\" value=\"en\">\n" }
        html += "<label>\(language.pick("سال", "Year")) <select name=\"year\">"
        for year in book.years {
            html += "<option value=\"\(year)\"\(year == filters.year ? " selected" : "")>\(WebFormat.year(year, language))</option>"
        }
        html += "</select></label>\n"
        let regionNames = Dictionary(book.regions.map { ($0.code, language.pick($0.nameFa, $0.nameEn ?? $0.nameFa)) }, uniquingKeysWith: { first, _ in first })
        html += "<label>\(language.pick("منطقه", "Region")) <select name=\"region\"><option value=\"\">\(language.pick("همه", "All"))</option>"
        for code in DashboardFilters.regionCodes(book).sorted(by: { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }) {
            let name = regionNames[code] ?? language.pick(RegionBreakdown.centralFa, RegionBreakdown.centralEn)
            html += "<option value=\"\(htmlEscape(code))\"\(code == filters.region ? " selected" : "")>\(htmlEscape(name))</option>"
        }
        html += "</select></label>\n"
        html += "<label>\(language.pick("امور", "Function")) <select name=\"function\"><option value=\"\">\(language.pick("همه", "All"))</option>"
        for code in DashboardFilters.functionCodes(book).sorted() {
            let name = FunctionDrillDown.functionName(code, in: book)
            html += "<option value=\"\(htmlEscape(code))\"\(code == filters.function ? " selected" : "")>\(htmlEscape(language.pick(name.fa, name.en)))</option>"
        }
        html += "</select></label>\n"
        html += "<button type=\"submit\">\(language.pick("اعمال", "Apply"))</button>\n</fieldset>\n</form>\n"
        var active: [(String, String)] = []
        if filters.explicitYear { active.append(("year", language.pick("سال", "Year") + ": " + WebFormat.year(filters.year, language))) }
        if let region = filters.region { active.append(("region", language.pick("منطقه", "Region") + ": " + (regionNames[region] ?? region))) }
        if let function = filters.function {
            let name = FunctionDrillDown.functionName(function, in: book)
            active.append(("function", language.pick("امور", "Function") + ": " + language.pick(name.fa, name.en)))
        }
        if !active.isEmpty {
            html += "<ul class=\"links active-filters\" aria-label=\"\(language.pick("پالایه‌های کنونی", "Current filters"))\">"
            for (key, label) in active {
                let link = context.path + DashboardLinks.query(language, filters.removing(key))
                html += "<li>\(htmlEscape(label)) <a href=\"\(htmlEscape(link))\">\(language.pick("حذف این پالایه", "remove this filter"))</a></li>"
            }
            html += "</ul>\n"
        }
        return html
    }

    static func cards(_ cards: [HeadlineFigure], _ context: Context, query: String) -> String {
        let language = context.language
        var html = "<section aria-labelledby=\"cards-title\">\n<h2 id=\"cards-title\">\(language.pick("نگاه کلی (کل کتاب)", "At a glance (whole book)"))</h2>\n<dl class=\"figures\">\n"
        for card in cards {
            let figure = card.value == .unavailable ? "—" : WebFormat.value(card.value, unit: card.unit, language)
            let link = context.base + "/indicators/" + HTML.segment(card.id) + query
            html += "<div><dt>\(htmlEscape(language.pick(card.name)))</dt><dd class=\"figure\"><bdi>\(htmlEscape(figure))</bdi></dd>"
            if let basis = card.computedOn {
                html += "<dd class=\"basis\">\(htmlEscape(language.pick("مبنا: ", "Computed on: ") + language.pick(basis)))</dd>"
            }
            html += "<dd>\(htmlEscape(language.pick(card.meaning)))</dd>"
            html += "<dd><a href=\"\(htmlEscape(link))\">\(language.pick("شاهد و فرمول", "Evidence and formula"))</a></dd></div>\n"
        }
        return html + "</dl>\n</section>\n"
    }

    static func criteria(_ criteria: [DashboardView.Criterion], language: WebLanguage) -> String {
        var html = "<section aria-labelledby=\"status-title\">\n<h2 id=\"status-title\">\(language.pick("جدول وضعیت", "Status table"))</h2>\n"
        html += "<div class=\"scroll\"><table class=\"status\"><thead><tr><th scope=\"col\">\(language.pick("معیار", "Criterion"))</th>"
        html += "<th scope=\"col\">\(language.pick("وضعیت", "Status"))</th><th scope=\"col\">\(language.pick("داوری", "Verdict"))</th></tr></thead><tbody>\n"
        for criterion in criteria {
            html += "<tr><th scope=\"row\">\(htmlEscape(language.pick(criterion.name)))</th>"
            html += "<td class=\"status-\(htmlEscape(criterion.status))\">\(htmlEscape(language.pick(criterion.statusName)))</td>"
            html += "<td>\(htmlEscape(language.pick(criterion.verdict)))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    static func downloads(_ view: DashboardView, _ context: Context, overview: Bool) -> String {
        let language = context.language
        var html = "<section aria-labelledby=\"downloads-title\">\n<h2 id=\"downloads-title\">\(language.pick("دریافت داده‌های این صفحه", "Download this page's data"))</h2>\n<ul class=\"links\">\n"
        for table in view.tables {
            let caption = htmlEscape(language.pick(table.caption))
            for format in ["csv", "json"] {
                let link = context.path + DashboardLinks.query(language, context.filters, extra: [("table", table.id), ("format", format)])
                html += "<li><a href=\"\(htmlEscape(link))\">\(caption) (\(format.uppercased()))</a></li>\n"
            }
        }
        if overview {
            let report = "/books/" + HTML.segment(context.name) + "/report"
            let year = context.filters.map { "&year=\($0.year)" } ?? ""
            for (lang, label) in [("fa", "فارسی"), ("en", "English")] {
                html += "<li><a href=\"\(htmlEscape(report + "?lang=\(lang)" + year))\">\(language.pick("گزارش حکمرانی بودجه", "Budget governance report")) (\(label), HTML)</a></li>\n"
                html += "<li><a href=\"\(htmlEscape(report + "?lang=\(lang)&format=md" + year))\">\(language.pick("گزارش حکمرانی بودجه", "Budget governance report")) (\(label), Markdown)</a></li>\n"
            }
        }
        return html + "</ul>\n</section>\n"
    }
}
