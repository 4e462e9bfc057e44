import Foundation
import TarazuApplication
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuRisk
import Vapor

/// The council dashboard's routes, all under /dashboard. Every response is `Cache-Control: private,
/// no-store`; every view also answers `?format=csv` and `?format=json` (one table, `?table=` picks it).
enum DashboardRoutes {
    static func register(_ routes: any RoutesBuilder, catalog: BookCatalog) {
        let dashboard = routes.grouped(DashboardPrivacyMiddleware()).grouped("dashboard")
        dashboard.get { request async throws -> Response in
            let language = WebLanguage(request: request)
            let books = try await catalog.summaries()
            if books.count == 1 {
                return request.redirect(to: DashboardLinks.base(books[0].name).adding(DashboardLinks.query(language, nil)).description,
                                        redirectType: .normal)
            }
            return PortalPages.htmlResponse(DashboardPages.bookList(books, language: language, accountBar: DashboardPages.accountBar(for: request)),
                                            language: language)
        }
        dashboard.get(":name") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let book = try await catalog.book(named: name)
            let filters = try DashboardFilters.read(request, book: book)
            let analysis = try await catalog.analysis(named: name, year: filters.year)
            let base = DashboardLinks.base(name)
            let view = try OverviewModel.view(analysis: analysis, filters: filters, base: base.path)
            return try respond(view, request, name: name, book: book, path: base, filters: filters, overview: true)
        }
        dashboard.get(":name", "functions") { request async throws -> Response in
            try await filtered(request, catalog: catalog, suffix: "/functions") { book, filters, base in
                try FunctionDrillDown.functions(book: book, filters: filters, base: base)
            }
        }
        dashboard.get(":name", "functions", ":function") { request async throws -> Response in
            let function = try pathParameter(request, "function")
            return try await filtered(request, catalog: catalog, suffix: "/functions/" + PercentEncoding.pathSegment(function)) { book, filters, base in
                try checkFunction(function, in: book)
                return try FunctionDrillDown.programs(book: book, filters: filters, function: function, base: base)
            }
        }
        dashboard.get(":name", "functions", ":function", "programs", ":program") { request async throws -> Response in
            let function = try pathParameter(request, "function")
            let program = try pathParameter(request, "program")
            let suffix = "/functions/" + PercentEncoding.pathSegment(function) + "/programs/" + PercentEncoding.pathSegment(program)
            return try await filtered(request, catalog: catalog, suffix: suffix) { book, filters, base in
                try checkFunction(function, in: book)
                guard book.budgetLines.contains(where: { $0.function == function && FunctionDrillDown.programKey($0) == program }) else {
                    throw WebError.notFound("function '\(function)' has no program '\(program)' in this book",
                                            fa: "این مأموریت برنامه‌ای به نام «\(program)» ندارد.")
                }
                return try FunctionDrillDown.program(book: book, filters: filters, function: function, program: program, base: base)
            }
        }
        dashboard.get(":name", "regions") { request async throws -> Response in
            try await filtered(request, catalog: catalog, suffix: "/regions", figure: { view, book, language in
                DashboardFigures.regionFigure(view, map: book.regionMap, language: language)
            }) { book, filters, base in
                try RegionBreakdown.view(book: book, filters: filters, base: base)
            }
        }
        dashboard.get(":name", "economic") { request async throws -> Response in
            try await filtered(request, catalog: catalog, suffix: "/economic") { book, filters, base in
                try EconomicBreakdown.view(book: book, filters: filters, base: base)
            }
        }
        dashboard.get(":name", "trends") { request async throws -> Response in
            try await filtered(request, catalog: catalog, suffix: "/trends") { book, filters, base in
                try TrendsModel.view(book: book, filters: filters, base: base, madeIn: catalog.madeIn)
            }
        }
        dashboard.get(":name", "entities") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let book = try await catalog.book(named: name)
            guard !book.entities.isEmpty else {
                throw WebError.notFound("book '\(name)' has no entities", fa: "کتاب \(PersianText.identifier(name)) دستگاه‌های جداگانه ندارد.")
            }
            return try await analysed(request, catalog: catalog, book: book, suffix: "/entities") { filters, indicators, base in
                try GroupModel.view(book: book, filters: filters, indicators: indicators, base: base)
            }
        }
        dashboard.get(":name", "peers") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let book = try await catalog.book(named: name)
            guard let peers = PublishedPeerBudgets.shipped else {
                throw WebError.notFound("no published peer budgets in this build", fa: "ارقام شهرهای هم‌تراز در این نسخه نیست.")
            }
            let base = DashboardLinks.base(name)
            let view = try PeerModel.view(book: book, peers: peers, base: base.path)
            return try respond(view, request, name: name, book: book, path: base.appending(path: "/peers"), filters: nil)
        }
        dashboard.get(":name", "compliance") { request async throws -> Response in
            let book = try await catalog.book(named: try QueryParameters.bookName(request))
            return try await analysed(request, catalog: catalog, book: book, suffix: "/compliance") { filters, indicators, base in
                try ComplianceModel.view(book: book, filters: filters, indicators: indicators, base: base)
            }
        }
        dashboard.get(":name", "risks") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let (book, projects) = try await catalog.risks(named: name)
            let filters = try DashboardFilters.read(request, book: book)
            let year = filters.year
            let anomalies = await Task.detached(priority: .userInitiated) { AnomalyDetector.detect(book: book, year: year) }.value
            let base = DashboardLinks.base(name)
            let view = RiskModel.view(risks: projects.risks, leftOut: projects.leftOut, anomalies: anomalies, filters: filters, book: book,
                                      base: base.path)
            return try respond(view, request, name: name, book: book, path: base.appending(path: "/risks"), filters: filters)
        }
        dashboard.get(":name", "projects", ":id") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let id = try pathParameter(request, "id")
            let (book, projects) = try await catalog.risks(named: name)
            guard let project = book.projects.first(where: { $0.projectId == id }) else {
                throw WebError.notFound("book '\(name)' has no project '\(id)'", fa: "پروژه‌ای با کد \(PersianText.identifier(id)) در کتاب نیست.")
            }
            let base = DashboardLinks.base(name)
            let view = try ProjectModel.view(book: book, project: project, risk: projects.risks.first { $0.projectId == id },
                                             leftOut: projects.leftOut.first { $0.projectId == id }, base: base.path)
            return try respond(view, request, name: name, book: book, path: base.appending(path: "/projects").appending(segment: id), filters: nil)
        }
        dashboard.get(":name", "indicators", ":id") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let id = try pathParameter(request, "id")
            let book = try await catalog.book(named: name)
            let filters = try DashboardFilters.read(request, book: book)
            let analysis = try await catalog.analysis(named: name, year: filters.year)
            guard let indicator = analysis.indicator(id) else {
                throw WebError.notFound("no indicator '\(id)' for \(filters.year)",
                                        fa: "شاخصی با شناسهٔ \(PersianText.identifier(id)) برای سال \(Numerals(language: .fa).year(filters.year)) نیست.")
            }
            let base = DashboardLinks.base(name)
            let view = IndicatorEvidenceModel.view(indicator, book: book, year: filters.year, base: base.path)
            return try respond(view, request, name: name, book: book, path: base.appending(path: "/indicators").appending(segment: id), filters: filters)
        }
    }

    /// A view built from the book and the request's filters.
    static func filtered(_ request: Request, catalog: BookCatalog, suffix: String,
                         figure: (@Sendable (DashboardView, BudgetBook, WebLanguage) -> HTMLNode)? = nil,
                         _ build: (BudgetBook, DashboardFilters, String) throws -> DashboardView) async throws -> Response {
        let name = try QueryParameters.bookName(request)
        let book = try await catalog.book(named: name)
        let filters = try DashboardFilters.read(request, book: book)
        let base = DashboardLinks.base(name)
        let view = try build(book, filters, base.path)
        return try respond(view, request, name: name, book: book, path: Link(path: base.path + suffix), filters: filters, figure: figure)
    }

    /// A view built from the book, the request's filters and the analysis of the filtered year.
    static func analysed(_ request: Request, catalog: BookCatalog, book: BudgetBook, suffix: StaticString,
                         _ build: (DashboardFilters, [Indicator], String) throws -> DashboardView) async throws -> Response {
        let name = book.metadata.name
        let filters = try DashboardFilters.read(request, book: book)
        let analysis = try await catalog.analysis(named: name, year: filters.year)
        let base = DashboardLinks.base(name)
        let view = try build(filters, analysis.indicators, base.path)
        return try respond(view, request, name: name, book: book, path: base.appending(path: suffix), filters: filters)
    }

    static func pathParameter(_ request: Request, _ key: String) throws -> String {
        guard let raw = request.parameters.get(key), !raw.isEmpty else { throw WebError.badRequest("missing \(key)", fa: "نشانی ناقص است.") }
        return raw.removingPercentEncoding ?? raw
    }

    static func checkFunction(_ function: String, in book: BudgetBook) throws {
        guard DashboardFilters.functionCodes(book).contains(function) else {
            throw WebError.notFound("no function '\(function)' in book '\(book.metadata.name)'",
                                   fa: "مأموریتی با کد \(PersianText.identifier(function)) در کتاب نیست.")
        }
    }

    /// The view as HTML, or one of its tables as CSV or JSON (`format`, `table`).
    static func respond(_ view: DashboardView, _ request: Request, name: String, book: BudgetBook, path: Link,
                        filters: DashboardFilters?, overview: Bool = false,
                        figure: (@Sendable (DashboardView, BudgetBook, WebLanguage) -> HTMLNode)? = nil) throws -> Response {
        let language = WebLanguage(request: request)
        let format = try QueryParameters.choice(request, "format", ["html", "csv", "json"], default: "html")
        if format == "html" {
            let context = DashboardPages.Context(name: name, book: book, path: path, filters: filters, language: language,
                                                 accountBar: DashboardPages.accountBar(for: request))
            return PortalPages.htmlResponse(DashboardPages.page(view, context, figure: figure?(view, book, language), overview: overview),
                                            language: language)
        }
        let table = try view.table(QueryParameters.string(request, "table"))
        var file = QueryParameters.fileSafe(name) + "-" + QueryParameters.fileSafe(table.id)
        if let filters { file += "-\(filters.year)" }
        if format == "csv" { return SpreadsheetCSV.response(Data(DashboardTableWriter.csv(table).utf8), fileName: "\(file).csv") }
        let response = Response(status: .ok)
        response.headers.contentType = .json
        response.body = .init(string: DashboardTableWriter.json(table) + "\n")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file).\(format)\"")
        return response
    }
}

/// Marks every dashboard response, errors included, `Cache-Control: private, no-store` (pages for
/// signed-in users must not be kept by shared caches). ``ETagMiddleware`` keeps an existing Cache-Control.
struct DashboardPrivacyMiddleware: AsyncMiddleware {
    static let cacheControl = "private, no-store"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = TarazuErrorMiddleware.response(for: error, request: request, logger: request.logger)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: Self.cacheControl)
        return response
    }
}
