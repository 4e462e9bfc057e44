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

    public init(name: String, title: String, cityFa: String? = nil, cityEn: String? = nil,
                calendar: BookCalendar = .jalali, amountUnit: AmountUnit = .rial, description: String? = nil) {
        self.name = name
        self.title = title
        self.cityFa = cityFa
        self.cityEn = cityEn
        self.calendar = calendar
        self.amountUnit = amountUnit
        self.description = description
    }
}

/// A city's budget book: the budget and its execution for one or more years, with the reference
/// tables that give it meaning. All amounts are in rials.
public struct BudgetBook: Hashable, Codable, Sendable {
    public var metadata: BookMetadata
    public var functions: [BudgetFunction]
    public var regions: [Region]
    public var budgetLines: [BudgetLine]
    public var revenues: [RevenueLine]
    public var projects: [Project]
    public var authorizations: [Authorization]
    public var deflator: [DeflatorPoint]
    /// The book's governance.yaml as written: declared facts the data cannot show.
    public var governanceYAML: String?

    public init(metadata: BookMetadata, functions: [BudgetFunction] = BudgetFunction.defaults, regions: [Region] = [],
                budgetLines: [BudgetLine] = [], revenues: [RevenueLine] = [], projects: [Project] = [],
                authorizations: [Authorization] = [], deflator: [DeflatorPoint] = [], governanceYAML: String? = nil) {
        self.metadata = metadata
        self.functions = functions
        self.regions = regions
        self.budgetLines = budgetLines
        self.revenues = revenues
        self.projects = projects
        self.authorizations = authorizations
        self.deflator = deflator
        self.governanceYAML = governanceYAML
    }

    /// The years that have budget lines, ascending.
    public var years: [Int] { Array(Set(budgetLines.map(\.year))).sorted() }

    /// A SHA-256 of the book's content, independent of row order and of the unit amounts were
    /// written in: the identity of the data for history and reproducibility footers.
    /// Each row is hashed on its own; the sorted row digests of each table are hashed together.
    public var contentHash: String {
        var sha = SHA256()
        func feed(_ section: String, _ rows: [[String?]]) {
            sha.update(data: Data("[\(section)]".utf8))
            var digests = rows.map { fields -> [UInt8] in
                var row = SHA256()
                for field in fields {
                    if let field { row.update(data: Data(field.utf8)) } else { row.update(data: Data([0])) }
                    row.update(data: Data([0x1F]))
                }
                return Array(row.finalize())
            }
            digests.sort { $0.lexicographicallyPrecedes($1) }
            for digest in digests { sha.update(data: digest) }
        }
        func money(_ value: Money?) -> String? { value.map { String($0.rials) } }
        func number(_ value: Decimal?) -> String? { value.map { "\($0)" } }
        func int(_ value: Int?) -> String? { value.map(String.init) }
        let meta = metadata
        feed("metadata", [[meta.name, meta.title, meta.cityFa, meta.cityEn, meta.calendar.rawValue, meta.description]])
        feed("functions", functions.map { [$0.code, $0.nameFa, $0.nameEn] })
        feed("regions", regions.map { [$0.code, $0.nameFa, $0.nameEn, String($0.population), number($0.areaKm2), $0.zone] })
        feed("budget_lines", budgetLines.map {
            [String($0.year), $0.lineId, $0.department, $0.regionCode, $0.function, $0.program, $0.projectId,
             $0.economicClass.rawValue, $0.isContingency ? "1" : "0", money($0.approved), money($0.revised), money($0.realized)]
        })
        feed("revenues", revenues.map {
            [String($0.year), $0.lineId, $0.revenueClass.rawValue, $0.regionCode, $0.sustainable ? "1" : "0",
             money($0.approved), money($0.revised), money($0.realized)]
        })
        feed("projects", projects.map {
            [$0.projectId, $0.nameFa, $0.nameEn, $0.regionCode, $0.function, $0.type.rawValue, int($0.startYear),
             int($0.plannedEndYear), money($0.plannedCost), money($0.currentCostEstimate), number($0.physicalProgress), $0.status]
        })
        feed("authorizations", authorizations.map {
            [String($0.year), $0.regionCode, $0.kind, money($0.authorizedAmount), $0.resolutionRef, $0.resolutionDate]
        })
        feed("deflator", deflator.map { [String($0.year), number($0.index)] })
        feed("governance", [[governanceYAML]])
        return sha.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
