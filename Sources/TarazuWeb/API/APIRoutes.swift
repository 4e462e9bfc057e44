import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuImport
import TarazuRisk
import TarazuStore
import Vapor

/// The JSON API under /api/v1. Keys are snake_case as in `tarazu analyze --format json`; money is whole
/// rials; ratios are fractions.
enum APIRoutes {
    static let maxPageSize = 1000
    static let defaultPageSize = 100

    static func register(_ app: Application, catalog: BookCatalog) {
        let api = app.grouped("api", "v1")
        api.get("books") { _ async throws -> Response in
            let books = try await catalog.summaries().map(BookEntry.init)
            return try json(BooksDocument(books: books))
        }
        api.get("cities") { _ async throws -> Response in
            try json(CitiesDocument(cities: CityEntry.grouping(try await catalog.summaries())))
        }
        api.get("books", ":name", "years") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let summary = try await catalog.summary(named: name)
            let book = try await catalog.book(named: name)
            return try json(YearsDocument(book: name, contentHash: summary.contentHash, years: summary.years,
                                          realizedYears: Array(Set(book.budgetLines.lazy.filter { $0.realized != nil }.map(\.year))).sorted(),
                                          defaultYear: BookAssessment.defaultYear(of: book)))
        }
        api.get("books", ":name", "indicators") { request async throws -> Response in
            let analysis = try await catalog.analysis(named: try QueryParameters.bookName(request), year: try QueryParameters.year(request))
            let entries = IndicatorEntry.keyed(analysis.indicators)
            return try json(IndicatorsDocument(book: analysis.book.metadata.name, contentHash: analysis.contentHash,
                                               year: analysis.year, indicators: entries))
        }
        api.get("books", ":name", "assessment") { request async throws -> Response in
            let analysis = try await catalog.analysis(named: try QueryParameters.bookName(request), year: try QueryParameters.year(request))
            let assessment = analysis.assessment
            return try json(AssessmentDocument(book: analysis.book.metadata.name, contentHash: analysis.contentHash, year: analysis.year,
                                               rubric: RubricReference(assessment),
                                               criteria: assessment.criteria, recommendations: assessment.recommendations))
        }
        api.get("books", ":name", "projects") { request async throws -> Response in
            let name = try QueryParameters.bookName(request)
            let summary = try await catalog.summary(named: name)
            let (book, scored) = try await catalog.risks(named: name)
            let byId = Dictionary(scored.risks.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
            let leftOut = Dictionary(scored.leftOut.map { ($0.projectId, $0.errors) }, uniquingKeysWith: { first, _ in first })
            let projects = book.projects.map {
                ProjectEntry(project: $0, risk: byId[$0.projectId], likelyDataErrors: leftOut[$0.projectId])
            }
            return try json(ProjectsDocument(book: name, contentHash: summary.contentHash, year: RiskScorer.defaultYear(of: book),
                                             projects: projects))
        }
        api.get("aggregate") { request async throws -> Response in
            try await aggregate(request, catalog: catalog)
        }
    }

    // MARK: Aggregate

    /// OpenSpending semantics: `measure` (`approved` or `approved.sum`), `drilldown` (`DIM[.ATTR]|...`),
    /// `cut` (`DIM.ATTR:VALUE|...`), `order` (`REF[:asc|desc]|...`, REF a measure, `_count` or a drilldown
    /// attribute), `page` (from 1) and `pagesize` (1 to 1000).
    static func aggregate(_ request: Request, catalog: BookCatalog) async throws -> Response {
        guard let measure = QueryParameters.string(request, "measure") else {
            throw WebError.badRequest("measure is required (e.g. measure=approved)")
        }
        let page = try QueryParameters.integer(request, "page") ?? 1
        let pageSize = try QueryParameters.integer(request, "pagesize") ?? defaultPageSize
        guard page >= 1 else { throw WebError.badRequest("page must be 1 or more") }
        guard (1...maxPageSize).contains(pageSize) else { throw WebError.badRequest("pagesize must be between 1 and \(maxPageSize)") }
        let query: AggregateQuery
        do {
            query = try AggregateQuery.parse(measure: measure, drilldown: QueryParameters.string(request, "drilldown"),
                                             cut: QueryParameters.string(request, "cut"))
        } catch {
            throw WebError.badRequest(error.description)
        }
        let cube = try await catalog.cube(named: QueryParameters.string(request, "book"))
        let result: AggregateResult
        do {
            result = try Aggregator.run(query, on: cube)
        } catch {
            throw WebError.badRequest(error.description)
        }
        let order = try parseOrder(QueryParameters.string(request, "order"), result: result)
        let cells = sorted(result.cells, by: order, result: result)
        // A page past the end is empty, however large its number (no overflow).
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: pageSize)
        let start = overflow ? cells.count : min(cells.count, offset)
        let pageCells = cells[start..<(start + min(pageSize, cells.count - start))]
        var out = "{\"dataset\": \(JSONText.string(cube.name)), \"measure\": \(JSONText.string(result.measure)), "
        out += "\"aggregates\": [\(JSONText.string(result.measure + ".sum")), \"_count\"], "
        out += "\"drilldown\": [\(result.columns.map(JSONText.string).joined(separator: ", "))], "
        out += "\"cut\": [\(query.cuts.map { "{\"ref\": \(JSONText.string($0.ref)), \"value\": \(JSONText.string($0.value))}" }.joined(separator: ", "))], "
        out += "\"order\": [\(order.map { "[\(JSONText.string($0.ref)), \(JSONText.string($0.descending ? "desc" : "asc"))]" }.joined(separator: ", "))], "
        out += "\"page\": \(page), \"pagesize\": \(pageSize), \"total_cell_count\": \(cells.count), "
        out += "\"total\": \(plain(result.total)), "
        out += "\"summary\": {\(JSONText.string(result.measure + ".sum")): \(plain(result.total)), \"_count\": \(result.factCount)}, "
        out += "\"cells\": ["
        out += pageCells.map { cell in
            var fields = zip(result.columns, cell.keys).map { "\(JSONText.string($0)): \(JSONText.string($1))" }
            fields.append("\(JSONText.string(result.measure + ".sum")): \(plain(cell.value))")
            fields.append("\"_count\": \(cell.count)")
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ")
        out += "]}\n"
        let response = Response(status: .ok)
        response.headers.contentType = .json
        response.body = .init(string: out)
        return response
    }

    struct OrderKey: Equatable {
        /// A drilldown column, the measure (`measure.sum` in the reply) or `_count`.
        var ref: String
        var descending: Bool
    }

    static func parseOrder(_ text: String?, result: AggregateResult) throws -> [OrderKey] {
        guard let text else { return [] }
        var keys: [OrderKey] = []
        for part in text.split(whereSeparator: { $0 == "|" || $0 == "," }) {
            let pieces = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var ref = pieces[0]
            let direction = pieces.count > 1 ? pieces[1].lowercased() : "asc"
            guard direction == "asc" || direction == "desc" else {
                throw WebError.badRequest("order direction must be asc or desc, not '\(pieces[1])'")
            }
            if ref.hasSuffix(".sum") { ref.removeLast(4) }
            let measure = result.measure
            if ref.lowercased() == measure.lowercased() || ref == "amount" {
                ref = measure
            } else if ref != "_count" && !result.columns.contains(ref),
                      case let matching = result.columns.filter({ $0.hasPrefix(ref + ".") }), matching.count == 1 {
                ref = matching[0]   // a dimension with one drilldown attribute: `year` means `year.year`
            } else if ref != "_count" && !result.columns.contains(ref) {
                let choices = [measure, "_count"] + result.columns
                throw WebError.badRequest("cannot order by '\(pieces[0])' (order by one of: \(choices.joined(separator: ", ")))")
            }
            keys.append(OrderKey(ref: ref, descending: direction == "desc"))
        }
        return keys
    }

    /// Cells in the order asked for; ties keep the aggregator's natural order of the drilldown keys.
    static func sorted(_ cells: [AggregateResult.Cell], by order: [OrderKey], result: AggregateResult) -> [AggregateResult.Cell] {
        guard !order.isEmpty else { return cells }
        let indexed = Array(cells.enumerated())
        return indexed.sorted { lhs, rhs in
            for key in order {
                let comparison: ComparisonResult
                if key.ref == result.measure {
                    comparison = lhs.element.value == rhs.element.value ? .orderedSame : (lhs.element.value < rhs.element.value ? .orderedAscending : .orderedDescending)
                } else if key.ref == "_count" {
                    comparison = lhs.element.count == rhs.element.count ? .orderedSame : (lhs.element.count < rhs.element.count ? .orderedAscending : .orderedDescending)
                } else {
                    let column = result.columns.firstIndex(of: key.ref)!
                    let (a, b) = (lhs.element.keys[column], rhs.element.keys[column])
                    comparison = a.compare(b, options: [.numeric])
                }
                if comparison != .orderedSame {
                    return key.descending ? comparison == .orderedDescending : comparison == .orderedAscending
                }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// An exact decimal without exponent or grouping.
    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    // MARK: Documents

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every JSON Tarazu writes has snake_case keys.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let response = Response(status: .ok)
        response.headers.contentType = .json
        var data = try encoder.encode(value)
        data.append(0x0A)
        response.body = .init(data: data)
        return response
    }

    struct BooksDocument: Encodable {
        var books: [BookEntry]
    }

    struct BookEntry: Encodable {
        var name: String
        var title: String
        var cityFa: String?
        var cityEn: String?
        var titleFa: String?
        var years: [Int]
        var contentHash: String
        var importedAt: String

        init(_ summary: BookSummary) {
            name = summary.name
            title = summary.title
            titleFa = summary.titleFa
            cityFa = summary.cityFa
            cityEn = summary.cityEn
            years = summary.years
            contentHash = summary.contentHash
            importedAt = ISO8601DateFormatter().string(from: summary.lastImport.importedAt)
        }

        enum CodingKeys: String, CodingKey {
            case name, title, years
            case cityFa = "city_fa", cityEn = "city_en", contentHash = "content_hash", importedAt = "imported_at", titleFa = "title_fa"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(title, forKey: .title)
            try container.encode(titleFa, forKey: .titleFa)
            try container.encode(cityFa, forKey: .cityFa)
            try container.encode(cityEn, forKey: .cityEn)
            try container.encode(years, forKey: .years)
            try container.encode(contentHash, forKey: .contentHash)
            try container.encode(importedAt, forKey: .importedAt)
        }
    }

    struct CitiesDocument: Encodable {
        var cities: [CityEntry]
    }

    /// A city and its books: books with the same city name (English, else Persian, else the book's own
    /// name) belong to one city; years are the union of theirs.
    struct CityEntry: Encodable {
        var id: String
        var nameFa: String?
        var nameEn: String?
        var books: [String]
        var years: [Int]

        static func grouping(_ summaries: [BookSummary]) -> [CityEntry] {
            var cities: [String: CityEntry] = [:]
            for summary in summaries {
                let label = summary.cityEn ?? summary.cityFa ?? summary.name
                let id = BookLoader.slug(label).isEmpty ? summary.name : BookLoader.slug(label)
                var city = cities[id] ?? CityEntry(id: id, nameFa: summary.cityFa, nameEn: summary.cityEn, books: [], years: [])
                city.nameFa = city.nameFa ?? summary.cityFa
                city.nameEn = city.nameEn ?? summary.cityEn
                city.books.append(summary.name)
                city.years = Array(Set(city.years + summary.years)).sorted()
                cities[id] = city
            }
            return cities.values.sorted { $0.id < $1.id }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(nameFa, forKey: .nameFa)
            try container.encode(nameEn, forKey: .nameEn)
            try container.encode(books, forKey: .books)
            try container.encode(years, forKey: .years)
        }

        enum CodingKeys: String, CodingKey { case id, nameFa, nameEn, books, years }
    }

    struct YearsDocument: Encodable {
        var book: String
        var contentHash: String
        var years: [Int]
        var realizedYears: [Int]
        var defaultYear: Int?

        enum CodingKeys: String, CodingKey {
            case book, years
            case contentHash = "content_hash", realizedYears = "realized_years", defaultYear = "default_year"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(book, forKey: .book)
            try container.encode(contentHash, forKey: .contentHash)
            try container.encode(years, forKey: .years)
            try container.encode(realizedYears, forKey: .realizedYears)
            try container.encode(defaultYear, forKey: .defaultYear)
        }
    }

    struct IndicatorsDocument: Encodable {
        var book: String
        var contentHash: String
        var year: Int
        var indicators: [String: IndicatorEntry]

        enum CodingKeys: String, CodingKey {
            case book, year, indicators
            case contentHash = "content_hash"
        }
    }

    struct AssessmentDocument: Encodable {
        var book: String
        var contentHash: String
        var year: Int
        var rubric: RubricReference
        var criteria: [CriterionResult]
        var recommendations: [Recommendation]

        enum CodingKeys: String, CodingKey {
            case book, year, rubric, criteria, recommendations
            case contentHash = "content_hash"
        }
    }

    /// A project with its risk, or, when it is left out of the risk model, the likely data errors why.
    struct ProjectEntry: Encodable {
        var project: Project
        var risk: ProjectRisk?
        var likelyDataErrors: [LikelyDataError]?

        enum CodingKeys: String, CodingKey {
            case project, risk
            case likelyDataErrors = "likely_data_errors"
        }
    }

    struct ProjectsDocument: Encodable {
        var book: String
        var contentHash: String
        var year: Int?
        var projects: [ProjectEntry]

        enum CodingKeys: String, CodingKey {
            case book, year, projects
            case contentHash = "content_hash"
        }
    }
}
