import Foundation
import NIOCore
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuImport
import TarazuReport
import TarazuRisk
import TarazuStore
import Vapor

/// The web application: the public portal (server-rendered HTML, Persian first) and the JSON API
/// under /api/v1, described by the OpenAPI document at /openapi.json.
///
/// One function builds the application for `tarazu serve`, other hosts and the tests:
///
/// ```swift
/// let store = try await BudgetStore.open(location)
/// let app = try await Application.make(.production)
/// app.http.server.configuration.port = 8080
/// try await TarazuWebApp.configure(app, repositories: Repositories(store))
/// try await app.execute()        // or app.startup() in a host
/// try await app.asyncShutdown()
/// await store.shutdown()
/// ```
///
/// The repositories may also be in memory (``TarazuStore/Repositories/inMemory(books:)``, as in the tests).
/// The store belongs to the caller, who shuts it down after the application.
public enum TarazuWebApp {
    /// Registers middleware and routes on `app`, over `repositories`.
    /// - Parameter rubric: the rubric for the status table (default: the shipped one).
    /// - Parameter auth: the security settings (bcrypt cost, session lifetime, sign-in limits).
    /// - Parameter pb: the participatory budgeting settings (SMS gateway, webhook token, voter-hash key).
    /// - Parameter assessedIn: the Jalali year assessments are made in (recommendations are due counting
    ///   from it): today's by default; nil makes pages depend on the books alone (as `report --date none`).
    public static func configure(_ app: Application, repositories: Repositories, rubric: Rubric? = nil,
                                 auth: AuthSettings = AuthSettings(), pb: PBWebSettings = .fromEnvironment(),
                                 assessedIn: @escaping @Sendable () -> Int? = { Numerals.jalaliYear(of: Date()) }) async throws {
        let catalog = BookCatalog(repository: repositories.books, rubric: try rubric ?? Rubric.standard(), assessedIn: assessedIn)
        try configure(app, repositories: repositories, catalog: catalog, auth: auth, pb: pb)
    }

    /// Serves the application over `repositories` on `hostname:port` until it is interrupted (Ctrl-C). Their
    /// store stays the caller's to shut down.
    public static func serve(repositories: Repositories, hostname: String, port: Int,
                             idleTimeoutSeconds: Int = defaultIdleTimeoutSeconds) async throws {
        // Vapor reads its command from these arguments, not from the host program's own.
        let app = try await Application.make(Environment(name: "production", arguments: ["tarazu"]))
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        do {
            try await configure(app, repositories: repositories)
            app.http.server.configuration.idleTimeout = .seconds(Int64(max(1, idleTimeoutSeconds)))
            print("Tarazu is serving http://\(hostname):\(port)/ (portal), /dashboard (after /login), /manage, /admin, /pb (participatory budgeting), /api/v1 and /openapi.json. Ctrl-C stops it.")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// The signed-in and form areas: never cached, never in the public OpenAPI document.
    /// /pb changes with every ballot and carries the voting forms.
    static let privatePrefixes = ["/dashboard", "/manage", "/admin", "/login", "/logout", "/pb", "/healthz"]

    /// How long a connection may stay silent (no byte read or written) before the server closes it. Long
    /// enough for the server's own slowest answer (checking a large upload), since the server writes
    /// nothing while it works.
    public static let defaultIdleTimeoutSeconds = 120

    /// ``configure(_:repositories:rubric:auth:pb:)`` with a catalog made by the caller (its books may come from
    /// another repository than `repositories.books`, which `/manage` imports into).
    public static func configure(_ app: Application, repositories: Repositories, catalog: BookCatalog,
                                 auth settings: AuthSettings = AuthSettings(), pb: PBWebSettings = .fromEnvironment()) throws {
        let auth = try AuthContext(repositories: repositories, settings: settings)
        app.lifecycle.use(PasswordChecksLifecycle(checks: auth.passwords))
        // Outermost first: security headers on everything, then ETag/Cache-Control, the cache of public
        // responses, then errors.
        app.middleware = Middlewares()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ETagMiddleware())
        app.middleware.use(ResponseCacheMiddleware(cache: ResponseCache(), books: repositories.books, privatePrefixes: privatePrefixes))
        app.middleware.use(TarazuErrorMiddleware(logger: app.logger))
        app.middleware.use(RequestGuardMiddleware())
        // Then who is signed in, then the CSRF check of every POST (before any route does anything).
        app.middleware.use(ViewerMiddleware(accounts: repositories.accounts))
        app.middleware.use(CSRFMiddleware(largeBodies: [ManageRoutes.uploadPath: .init(limit: settings.uploadLimit, role: .analyst)],
                                          maxLargeBodies: settings.maxUploadsInFlight, exemptPaths: [PBSMSRoutes.path]))
        app.http.server.configuration.serverName = nil
        // A connection that sends and receives nothing for this long is closed: half-sent requests from
        // slow or stalled clients do not hold sockets for ever.
        app.http.server.configuration.idleTimeout = .seconds(Int64(defaultIdleTimeoutSeconds))
        PortalRoutes.register(app, catalog: catalog)
        APIRoutes.register(app, catalog: catalog)
        LoginRoutes.register(app, auth: auth)
        AdminRoutes.register(app, auth: auth)
        ManageRoutes.register(app, auth: auth)
        PBRoutes.register(app, context: PBContext(repositories: repositories, settings: pb, catalog: catalog))
        DashboardRoutes.register(AccessPolicy.routes(app, requiring: .council), catalog: catalog)
        app.get("healthz") { _ async throws -> Response in
            do {
                try await repositories.ping()
            } catch {
                throw WebError(.serviceUnavailable, "the database does not answer", fa: "پایگاه داده پاسخ نمی‌دهد.")
            }
            let response = Response(status: .ok)
            response.headers.contentType = .json
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            response.body = .init(string: "{\"status\": \"ok\"}\n")
            return response
        }
        app.get("openapi.json") { _ async throws -> Response in
            let response = Response(status: .ok)
            response.headers.contentType = .json
            response.body = .init(string: OpenAPIDocument.json)
            return response
        }
    }
}

extension TarazuWebApp {
    /// The signed-in header for a page of `request` (name, role, links to the areas the role may open,
    /// the sign-out form with its CSRF token), or nil when nobody is signed in.
    public static func accountBar(for request: Request, language: WebLanguage) -> HTMLNode? {
        request.viewer.map { AccountPages.accountBar($0, language: language) }
    }
}

/// Query parameters read strictly: a malformed value is a 400, not a silent default.
enum QueryParameters {
    static func string(_ request: Request, _ name: String) -> String? {
        (try? request.query.get(String.self, at: name)).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func integer(_ request: Request, _ name: String) throws -> Int? {
        guard let text = string(request, name) else { return nil }
        guard let value = Int(PersianText.asciiDigits(text).trimmingCharacters(in: .whitespaces)) else {
            throw WebError.badRequest("\(name) must be an integer, not '\(text)'",
                                      fa: "\(QueryParameters.persianName(name)) باید عدد صحیح باشد، نه «\(PersianText.identifier(text))».")
        }
        return value
    }

    /// The years a request may name: anything else is a 400, so no year arithmetic downstream can overflow.
    static let years = 1...9999

    static func year(_ request: Request) throws -> Int? {
        guard let year = try integer(request, "year") else { return nil }
        guard years.contains(year) else {
            throw WebError.badRequest("year must be between 1 and 9999, not \(year)",
                                      fa: "سال باید میان ۱ و ۹۹۹۹ باشد، نه \(PersianText.identifier(String(year))).")
        }
        return year
    }

    static func choice(_ request: Request, _ name: String, _ allowed: [String], default value: String) throws -> String {
        guard let text = string(request, name) else { return value }
        guard allowed.contains(text) else {
            throw WebError.badRequest("\(name) must be one of \(allowed.joined(separator: ", ")), not '\(text)'",
                                      fa: "\(persianName(name)) باید یکی از \(allowed.map(PersianText.identifier).joined(separator: "، ")) باشد، نه «\(PersianText.identifier(text))».")
        }
        return text
    }

    /// `name` reduced to letters, digits, `-` and `_`, for a Content-Disposition file name.
    static func fileSafe(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
        return kept.isEmpty ? "book" : String(String.UnicodeScalarView(kept))
    }

    static func bookName(_ request: Request) throws -> String {
        guard let name = request.parameters.get("name"), !name.isEmpty else {
            throw WebError.badRequest("missing book name", fa: "نام کتاب نیامده است.")
        }
        return name
    }

    /// A query parameter's name as a Persian page says it.
    static func persianName(_ name: String) -> String {
        switch name {
        case "year": "سال"
        case "page": "شمارهٔ صفحه"
        case "format": "قالب"
        case "lang": "زبان"
        default: "پارامتر \(PersianText.identifier(name))"
        }
    }
}

/// The portal's HTML routes and files.
enum PortalRoutes {
    static func register(_ app: Application, catalog: BookCatalog) {
        app.get { request async throws -> Response in
            let language = WebLanguage(request: request)
            let books = try await catalog.summaries()
            if books.count == 1 {
                do {
                    return try await bookPage(request, catalog: catalog, name: books[0].name, language: language)
                } catch let error as WebError where error.status == .unprocessableEntity {
                    // A book that cannot be analyzed still gets listed, with its links.
                }
            }
            return PortalPages.htmlResponse(PortalPages.bookList(books, language: language), language: language)
        }
        app.get("books", ":name") { request async throws -> Response in
            try await bookPage(request, catalog: catalog, name: try QueryParameters.bookName(request), language: WebLanguage(request: request))
        }
        app.get("books", ":name", "report") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let language = try QueryParameters.choice(request, "lang", ["fa", "en"], default: "fa")
            let format = try QueryParameters.choice(request, "format", ["html", "md"], default: "html")
            let year = try QueryParameters.year(request)
            let text = try await catalog.report(named: name, year: year, language: ReportLanguage(rawValue: language)!,
                                                format: format == "md" ? .markdown : .html)
            let response = Response(status: .ok)
            if format == "md" {
                response.headers.replaceOrAdd(name: .contentType, value: "text/markdown; charset=utf-8")
                response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(QueryParameters.fileSafe(name))-report-\(language).md\"")
            } else {
                response.headers.contentType = .html
                // The report carries its own inline <style> and SVG: inline styles are allowed here, scripts never.
                response.headers.replaceOrAdd(name: "Content-Security-Policy", value: WebHeaders.reportCSP)
            }
            response.body = .init(string: text)
            return response
        }
        for file in ["budget_lines.csv", "revenues.csv"] {
            app.get("books", ":name", "data", PathComponent(stringLiteral: file)) { request async throws -> Response in
                let name = try QueryParameters.bookName(request)
                let data = try await catalog.openData(named: name)
                guard let bytes = data.files[file] else {
                    throw WebError.notFound("book '\(name)' has no \(file)",
                                            fa: "کتاب \(PersianText.identifier(name)) پروندهٔ \(PersianText.identifier(file)) ندارد.")
                }
                return SpreadsheetCSV.response(bytes, fileName: "\(QueryParameters.fileSafe(name))-\(file)")
            }
        }
        app.get("books", ":name", "datapackage.zip") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            guard let zip = try await catalog.openData(named: name).packageZip else {
                throw WebError(.internalServerError, "the data package of '\(name)' could not be zipped",
                               fa: "بستهٔ دادهٔ کتاب \(PersianText.identifier(name)) فشرده نشد.")
            }
            let response = Response(status: .ok)
            response.headers.replaceOrAdd(name: .contentType, value: "application/zip")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(QueryParameters.fileSafe(name))-datapackage.zip\"")
            response.body = .init(data: zip)
            return response
        }
        app.get("assets", "tarazu.css") { _ async throws -> Response in
            let response = Response(status: .ok)
            response.headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            response.body = .init(string: PortalAssets.css + "\n" + PBPages.css)
            return response
        }
    }

    static func bookPage(_ request: Request, catalog: BookCatalog, name: String, language: WebLanguage) async throws -> Response {
        let year = try QueryParameters.year(request)
        let summary = try await catalog.summary(named: name)
        let analysis = try await catalog.analysis(named: name, year: year)
        return PortalPages.htmlResponse(PortalPages.bookPage(summary, analysis, language: language, explicitYear: year != nil),
                                        language: language)
    }
}
