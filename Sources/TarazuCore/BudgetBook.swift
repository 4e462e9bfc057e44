import Crypto
import Foundation

/// Who a book is about and where it came from.
public struct BookMetadata: Hashable, Codable, Sendable {
    /// A stable machine name for the city's book (the datapackage `name`), e.g. `tabriz`.
    public var name: String
    public var title: String
    public var cityFa: String?
    public var cityEn: String?
    public var calendar: BookCalendar
    /// The unit amounts were written in (they are stored in rials whatever it was).
    public var amountUnit: AmountUnit
    /// Free text such as "amounts are illustrative".
    public var description: String?
    /// The title in Persian, for Persian pages and reports (`title_fa` of the data package).
    public var titleFa: String?
    /// The description in Persian (`description_fa`).
    public var descriptionFa: String?

    public init(name: String, title: String, cityFa: String? = nil, cityEn: String? = nil,
                calendar: BookCalendar = .jalali, amountUnit: AmountUnit = .rial, description: String? = nil,
                titleFa: String? = nil, descriptionFa: String? = nil) {
        self.name = name
        self.title = title
        self.titleFa = titleFa
        self.descriptionFa = descriptionFa
        self.cityFa = cityFa
        self.cityEn = cityEn
        self.calendar = calendar
        self.amountUnit = amountUnit
        self.description = description
    }
}

extension BookMetadata {
    /// The title in `language`: the Persian one on Persian pages when the book gives it.
    public func title(_ language: TextLanguage) -> String { language == .fa ? titleFa ?? title : title }

    /// The description in `language`, falling back to the other one.
    public func description(_ language: TextLanguage) -> String? {
        language == .fa ? descriptionFa ?? description : description ?? descriptionFa
    }
}

/// A city's budget book: the budget and its execution for one or more years, with the reference
/// tables that give it meaning. All amounts are in rials.
public struct BudgetBook: Hashable, Codable, Sendable {
    public var metadata: BookMetadata
    public var functions: [BudgetFunction]
    public var regions: [Region]
    /// The bodies of the municipal group with their own budgets (empty: the book is one budget).
    public var entities: [Entity]
    /// Spending lines, without transfers to other entities of the group: every consolidated figure
    /// (without duplicated figures, the default everywhere) sums these.
    public var budgetLines: [BudgetLine]
    /// Revenue lines, without transfers from other entities of the group.
    public var revenues: [RevenueLine]
    /// Spending lines that move money to another entity of the group (transfers out): duplicated figures.
    public var transferPayments: [BudgetLine]
    /// Revenue lines that receive money from another entity of the group (transfers in): duplicated figures.
    public var transferReceipts: [RevenueLine]
    public var projects: [Project]
    public var authorizations: [Authorization]
    public var deflator: [DeflatorPoint]
    /// The book's governance.yaml as written: declared facts the data cannot show.
    public var governanceYAML: String?
    /// The book's regions.geojson as written: the regions' shapes for maps (``RegionMap``).
    public var regionsGeoJSON: String?

    public init(metadata: BookMetadata, functions: [BudgetFunction] = BudgetFunction.defaults, regions: [Region] = [],
                budgetLines: [BudgetLine] = [], revenues: [RevenueLine] = [], projects: [Project] = [],
                authorizations: [Authorization] = [], deflator: [DeflatorPoint] = [], governanceYAML: String? = nil,
                regionsGeoJSON: String? = nil, entities: [Entity] = [], transferPayments: [BudgetLine] = [],
                transferReceipts: [RevenueLine] = []) {
        self.metadata = metadata
        self.functions = functions
        self.regions = regions
        self.entities = entities
        self.budgetLines = budgetLines
        self.revenues = revenues
        self.transferPayments = transferPayments
        self.transferReceipts = transferReceipts
        self.projects = projects
        self.authorizations = authorizations
        self.deflator = deflator
        self.governanceYAML = governanceYAML
        self.regionsGeoJSON = regionsGeoJSON
    }

    /// The regions' shapes, when the book has a valid regions.geojson.
    public var regionMap: RegionMap? {
        guard let regionsGeoJSON, case .success(let map) = RegionMap.parse(regionsGeoJSON) else { return nil }
        return map
    }

    /// The years that have budget lines, ascending.
    public var years: [Int] { Array(Set(budgetLines.map(\.year))).sorted() }

    /// The latest year with a realized figure on any budget line: the default year of every analysis.
    public var latestRealizedYear: Int? {
        var latest: Int?
        for line in budgetLines where line.realized != nil && latest.map({ line.year > $0 }) ?? true { latest = line.year }
        return latest
    }

    /// A SHA-256 of the book's content, independent of row order and of the unit amounts were
    /// written in: the identity of the data for history and reproducibility footers.
    /// Each row is hashed on its own; the sorted row digests of each table are hashed together.
    public var contentHash: String {
        var sha = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        func feed<Row>(_ section: String, _ rows: [Row], _ fields: (Row) -> [String?]) {
            sha.update(data: Data("[\(section)]".utf8))
            var digests: [RowDigest] = []
            digests.reserveCapacity(rows.count)
            for row in rows {
                buffer.removeAll(keepingCapacity: true)
                for field in fields(row) {
                    if let field { buffer.append(contentsOf: field.utf8) } else { buffer.append(0) }
                    buffer.append(0x1F)
                }
                digests.append(RowDigest(SHA256.hash(data: buffer)))
            }
            digests.sort()
            for digest in digests { digest.feed(into: &sha) }
        }
        func money(_ value: Money?) -> String? { value.map { String($0.rials) } }
        func number(_ value: Decimal?) -> String? { value.map { "\($0)" } }
        func int(_ value: Int?) -> String? { value.map(String.init) }
        let meta = metadata
        feed("metadata", [meta]) { meta in
            // The Persian title and description count only when given, so books without them keep their hash.
            [meta.name, meta.title, meta.cityFa, meta.cityEn, meta.calendar.rawValue, meta.description]
                + (meta.titleFa == nil && meta.descriptionFa == nil ? [] : [meta.titleFa, meta.descriptionFa])
        }
        feed("functions", functions) { [$0.code, $0.nameFa, $0.nameEn] }
        feed("regions", regions) { [$0.code, $0.nameFa, $0.nameEn, String($0.population), number($0.areaKm2), $0.zone] }
        // The entity of a line counts only when given, so books without entities keep their hash; transfers
        // are rows of their tables as published.
        func entity(_ entity: String?, _ counterpart: String?) -> [String?] { entity == nil && counterpart == nil ? [] : [entity, counterpart] }
        if !entities.isEmpty {
            feed("entities", entities) { [$0.code, $0.kind.rawValue, $0.nameFa, $0.nameEn, $0.parent, $0.regionCode] }
        }
        feed("budget_lines", budgetLinesWithTransfers) {
            [String($0.year), $0.lineId, $0.department, $0.regionCode, $0.function, $0.program, $0.projectId,
             $0.economicClass.rawValue, $0.isContingency ? "1" : "0", money($0.approved), money($0.revised), money($0.realized)]
                + entity($0.entityCode, $0.counterpartEntityCode)
        }
        feed("revenues", revenuesWithTransfers) {
            [String($0.year), $0.lineId, $0.revenueClass.rawValue, $0.regionCode, $0.sustainable ? "1" : "0",
             money($0.approved), money($0.revised), money($0.realized)] + entity($0.entityCode, $0.counterpartEntityCode)
        }
        feed("projects", projects) {
            [$0.projectId, $0.nameFa, $0.nameEn, $0.regionCode, $0.function, $0.type.rawValue, int($0.startYear),
             int($0.plannedEndYear), money($0.plannedCost), money($0.currentCostEstimate), number($0.physicalProgress), $0.status]
        }
        feed("authorizations", authorizations) {
            [String($0.year), $0.regionCode, $0.kind, money($0.authorizedAmount), $0.resolutionRef, $0.resolutionDate]
        }
        feed("deflator", deflator) { [String($0.year), number($0.index)] }
        feed("governance", [governanceYAML]) { [$0] }
        // Only when present, so that the hashes of books without a map stay as they were.
        if let regionsGeoJSON { feed("regions_geojson", [regionsGeoJSON]) { [$0] } }
        return sha.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// A row's SHA-256 held inline as four big-endian words, so that a million of them sort without
/// a heap allocation each; ordered as their bytes are.
private struct RowDigest: Comparable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(_ digest: SHA256.Digest) {
        words = digest.withUnsafeBytes { raw in
            func word(_ index: Int) -> UInt64 { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            return (word(0), word(1), word(2), word(3))
        }
    }

    static func < (lhs: RowDigest, rhs: RowDigest) -> Bool {
        if lhs.words.0 != rhs.words.0 { return lhs.words.0 < rhs.words.0 }
        if lhs.words.1 != rhs.words.1 { return lhs.words.1 < rhs.words.1 }
        if lhs.words.2 != rhs.words.2 { return lhs.words.2 < rhs.words.2 }
        return lhs.words.3 < rhs.words.3
    }

    static func == (lhs: RowDigest, rhs: RowDigest) -> Bool { lhs.words == rhs.words }

    func feed(into sha: inout SHA256) {
        var bytes = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        withUnsafeBytes(of: &bytes) { sha.update(bufferPointer: $0) }
    }
}
