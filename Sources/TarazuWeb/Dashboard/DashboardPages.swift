import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuStore
import Vapor

/// The council dashboard's HTML: the portal's stylesheet and conventions (no script, inline SVG, every
/// figure also as a table), plus an account bar, a filters form and download links on every view.
enum DashboardPages {
    /// The signed-in user, the areas their role may open and the sign-out form.
    static func accountBar(for request: Request) -> HTMLNode? {
        TarazuWebApp.accountBar(for: request, language: WebLanguage(request: request))
    }

    /// Where one page sits: its book, path, filters and language.
    struct Context {
        var name: String
        var book: BudgetBook
        /// The page's path (without query).
        var path: Link
        var filters: DashboardFilters?
        var language: WebLanguage
        var accountBar: HTMLNode?
        var base: Link { DashboardLinks.base(name) }
        /// The query items every link of the page keeps: the language and the filters.
        var query: [(String, String)] { DashboardLinks.query(language, filters) }
    }

    /// The dashboard's page; `amounts`: the page shows amounts, and its footer says how they are rounded.
    static func layout(title: String, language: WebLanguage, switchPath: Link, accountBar: HTMLNode?, body: HTMLNode, amounts: Bool = true) -> HTMLNode {
        PortalPages.layout(
            title: title, language: language, switchPath: switchPath, body: body,
            brand: .element("a", ["href": Link(path: "/dashboard").adding(DashboardLinks.query(language, nil))]) {
                language.pick("ترازو: داشبورد تحلیلی شورا", "Tarazu: council dashboard")
            },
            accountBar: accountBar,
            footer: .text(amounts
                ? language.pick("سامانهٔ ترازو، نرم‌افزار آزاد سنجش بودجهٔ شهری. مبالغ این صفحه به میلیارد ریال گرد شده است؛ رقم دقیق به ریال در پرونده‌های CSV و JSON است.",
                                "Tarazu, free software for judging a city budget. Amounts in rials; exact figures in the CSV and JSON files.")
                : language.pick("سامانهٔ ترازو، نرم‌افزار آزاد سنجش بودجهٔ شهری.", "Tarazu, free software for judging a city budget.")),
            noindex: true)
    }

    static func bookList(_ books: [BookSummary], language: WebLanguage, accountBar: HTMLNode?) -> HTMLNode {
        let body = HTMLNode.group {
            HTMLNode.line("h1") { language.pick("داشبورد تحلیلی شورا: کتاب‌های بودجه", "Council dashboard: budget books") }
            PortalPages.books(books, language: language, link: { DashboardLinks.base($0.name).adding(DashboardLinks.query(language, nil)) },
                              city: { _ in nil })
        }
        return layout(title: language.pick("داشبورد تحلیلی شورا · ترازو", "Council dashboard · Tarazu"), language: language,
                      switchPath: Link(path: "/dashboard").adding(DashboardLinks.query(language.other, nil)), accountBar: accountBar, body: body,
                      amounts: false)
    }

    /// A whole view page. `figure` replaces the default bar figure (the regions view passes its own).
    static func page(_ view: DashboardView, _ context: Context, figure: HTMLNode? = nil, overview: Bool = false) -> HTMLNode {
        let language = context.language
        let body = HTMLNode.group {
            crumbs(view.crumbs, query: context.query, language: language)
            HTMLNode.line("h1") { language.pick(view.title) }
            HTMLNode.line("p", ["class": "lead"]) {
                context.book.metadata.title(context.language)
                if let filters = context.filters { " · \(language.pick("سال", "Year")) \(WebFormat.year(filters.year, language))" }
            }
            sections(context)
            if let filters = context.filters { filtersForm(filters, context) }
            if let year = context.filters?.year, ApprovedOnlyYear.isApprovedOnly(year, in: context.book) {
                HTMLNode.line("p", ["class": "note"]) { language.pick(ApprovedOnlyYear.note(year: year, in: context.book)) }
            }
            for note in view.notes { HTMLNode.line("p", ["class": "note"]) { language.pick(note) } }
            if view.showsAmounts, context.book.hasTransfers {
                HTMLNode.line("p", ["class": "note"]) { language.pick(ComputedOn.consolidationNote) }
            }
            if !view.cards.isEmpty { cards(view.cards, context) }
            if !view.criteria.isEmpty {
                PortalPages.statusSection(view.criteria.map {
                    PortalPages.StatusRow(name: language.pick($0.name), status: $0.status, statusName: language.pick($0.statusName),
                                          verdict: language.pick($0.verdict))
                }, language: language, scroll: true)
            }
            if let figure {
                figure
            } else if let bars = view.bars {
                DashboardFigures.bars(bars, id: "figure", language: language)
            }
            for chart in view.charts { DashboardFigures.lineChart(chart, language: language) }
            for table in view.tables { DashboardTableWriter.html(table, language: language, query: context.query) }
            downloads(view, context, overview: overview)
        }
        return layout(title: "\(language.pick(view.title)) · \(context.book.metadata.title(language))", language: language,
                      switchPath: context.path.adding(DashboardLinks.query(language.other, context.filters)),
                      accountBar: context.accountBar, body: body, amounts: view.showsAmounts)
    }

    /// The trail to the page; none on the overview, whose trail would be its own name.
    static func crumbs(_ crumbs: [DashboardView.Crumb], query: [(String, String)], language: WebLanguage) -> HTMLNode {
        guard crumbs.count > 1 else { return .group {} }
        return .line("nav", ["aria-label": language.pick("مسیر", "Breadcrumb"), "class": "crumbs"]) {
            HTMLNode.element("ol") {
                for crumb in crumbs {
                    if let path = crumb.path {
                        HTMLNode.element("li") { HTMLNode.element("a", ["href": Link(path: path).adding(query)]) { language.pick(crumb.fa, crumb.en) } }
                    } else {
                        HTMLNode.element("li", ["aria-current": "page"]) { language.pick(crumb.fa, crumb.en) }
                    }
                }
            }
        }
    }

    static let sectionPaths: [(path: StaticString, fa: String, en: String)] = [
        ("", "نمای کلی", "Overview"), ("/functions", "مأموریت، برنامه، پروژه", "Functions, programs, projects"),
        ("/regions", "مناطق", "Regions"), ("/entities", "دستگاه‌ها", "Entities"), ("/economic", "طبقهٔ اقتصادی", "Economic classes"),
        ("/trends", "روندها و پیش‌بینی", "Trends and forecasts"), ("/compliance", "رعایت مجوز شورا", "Compliance"),
        ("/risks", "ریسک پروژه‌ها", "Project risks"), ("/peers", "شهرهای هم‌تراز", "Peer cities"),
    ]

    static func sections(_ context: Context) -> HTMLNode {
        .line("nav", ["aria-label": context.language.pick("بخش‌ها", "Sections"), "class": "years"]) {
            HTMLNode.element("ul") {
                for section in sectionPaths where section.path.description != "/entities" || !context.book.entities.isEmpty {
                    let path = context.base.appending(path: section.path)
                    HTMLNode.element("li") {
                        HTMLNode.element("a", ["href": path.adding(context.query)]) { context.language.pick(section.fa, section.en) }
                            .attribute("aria-current", path == context.path ? "page" : nil)
                    }
                }
            }
        }
    }

    /// `<label>LABEL <select name=NAME>OPTIONS</select></label>` and a newline.
    private static func select(_ label: String, name: String, @HTMLBuilder options: () -> [HTMLNode]) -> HTMLNode {
        .line("label") { "\(label) "; HTMLNode.element("select", ["name": name]) { HTMLNode.group(options()) } }
    }

    static func filtersForm(_ filters: DashboardFilters, _ context: Context) -> HTMLNode {
        let language = context.language
        let book = context.book
        let names = BreakdownText(book: book, language: language)
        let regionNames = Dictionary(book.regions.map { ($0.code, names.label($0.code)) }, uniquingKeysWith: { first, _ in first })
        let all = language.pick("همه", "All")
        var active: [(String, String)] = []
        if filters.explicitYear { active.append(("year", language.pick("سال", "Year") + ": " + WebFormat.year(filters.year, language))) }
        if let region = filters.region {
            let name = regionNames[region] ?? (region == Region.centralCode ? language.pick(context.book.centralRegionName) : (language == .fa ? PersianText.identifier(region) : region))
            active.append(("region", language.pick("منطقه", "Region") + ": " + name))
        }
        if let function = filters.function {
            let name = FunctionDrillDown.functionName(function, in: book)
            active.append(("function", language.pick("مأموریت", "Function") + ": " + language.pick(name.fa, name.en)))
        }
        return .group {
            HTMLNode.block("form", ["method": "get", "action": context.path, "class": "filters"]) {
                HTMLNode.line("fieldset") {
                    HTMLNode.line("legend") { language.pick("فیلترها", "Filters") }
                    if language == .en { HTMLNode.line("input", ["type": "hidden", "name": "lang", "value": "en"]) }
                    select(language.pick("سال", "Year"), name: "year") {
                        for year in book.years {
                            HTMLNode.element("option", ["value": year, "selected": year == filters.year]) { WebFormat.year(year, language) }
                        }
                    }
                    select(language.pick("منطقه", "Region"), name: "region") {
                        HTMLNode.element("option", ["value": ""]) { all }
                        for code in DashboardFilters.regionCodes(book).sorted(by: Region.codeOrder) {
                            HTMLNode.element("option", ["value": code, "selected": code == filters.region]) {
                                regionNames[code] ?? (code == Region.centralCode ? language.pick(context.book.centralRegionName) : (language == .fa ? PersianText.identifier(code) : code))
                            }
                        }
                    }
                    select(language.pick("مأموریت", "Function"), name: "function") {
                        HTMLNode.element("option", ["value": ""]) { all }
                        for code in DashboardFilters.functionCodes(book).sorted() {
                            let name = FunctionDrillDown.functionName(code, in: book)
                            HTMLNode.element("option", ["value": code, "selected": code == filters.function]) { language.pick(name.fa, name.en) }
                        }
                    }
                    HTMLNode.line("button", ["type": "submit"]) { language.pick("اعمال", "Apply") }
                }
            }
            if !active.isEmpty {
                HTMLNode.line("ul", ["class": "links active-filters", "aria-label": language.pick("فیلترهای کنونی", "Current filters")]) {
                    for (key, label) in active {
                        HTMLNode.element("li") {
                            "\(label) "
                            HTMLNode.element("a", ["href": context.path.adding(DashboardLinks.query(language, filters.removing(key)))]) {
                                language.pick("حذف این فیلتر", "remove this filter")
                            }
                        }
                    }
                }
            }
        }
    }

    static func cards(_ cards: [HeadlineFigure], _ context: Context) -> HTMLNode {
        let language = context.language
        return .block("section", ["aria-labelledby": "cards-title"]) {
            HTMLNode.line("h2", ["id": "cards-title"]) { language.pick("نگاه کلی (همهٔ مناطق و مأموریت‌ها)", "At a glance (whole book)") }
            HTMLNode.block("div", ["class": "figures"]) {
                for card in cards {
                    HTMLNode.line("dl") {
                        PortalPages.figureName(card, language: language)
                        if let basis = card.computedOn { PortalPages.figureBasis(basis, language: language) }
                        HTMLNode.element("dd") { language.pick(card.meaning) }
                        HTMLNode.element("dd") {
                            HTMLNode.element("a", ["href": context.base.appending(path: "/indicators").appending(segment: card.id).adding(context.query)]) {
                                language.pick("شاهد و فرمول", "Evidence and formula")
                            }
                        }
                    }
                }
            }
        }
    }

    static func downloads(_ view: DashboardView, _ context: Context, overview: Bool) -> HTMLNode {
        let language = context.language
        var links: [(Link, String)] = []
        for table in view.tables {
            for format in ["csv", "json"] {
                links.append((context.path.adding(DashboardLinks.query(language, context.filters, extra: [("table", table.id), ("format", format)])),
                              "\(language.pick(table.caption)) (\(format.uppercased()))"))
            }
        }
        if overview {
            let report = Link(path: "/books").appending(segment: context.name).appending(path: "/report")
            let year = context.filters.map { [("year", String($0.year))] } ?? []
            let title = language.pick("گزارش حکمرانی بودجه", "Budget governance report")
            let comma = language.pick("، ", ", ")
            for (lang, label) in [("fa", language.pick("فارسی", "Persian")), ("en", language.pick("انگلیسی", "English"))] {
                links.append((report.adding([("lang", lang)] + year), "\(title) (\(label)\(comma)HTML)"))
                links.append((report.adding([("lang", lang), ("format", "md")] + year), "\(title) (\(label)\(comma)Markdown)"))
            }
        }
        return PortalPages.downloadsSection(language.pick("دریافت داده‌های این صفحه", "Download this page's data"), links)
    }
}
