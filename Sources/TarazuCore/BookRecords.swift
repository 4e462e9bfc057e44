import Foundation

/// A municipal region. Code "0" stands for the central (citywide) organisation.
public struct Region: Hashable, Codable, Sendable {
    public static let centralCode = "0"
    /// The central organisation's name, as the glossary writes it (docs/glossary.md): every surface
    /// names code "0" so.
    public static let centralName = Bilingual(fa: "ستاد مرکزی", en: "Central administration")

    /// Code order: codes that are whole numbers by their value (1, 2, …, 10), before the others in text
    /// order; what every list of regions (and every breakdown keyed by codes) is sorted by.
    public static func codeOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case let (left?, right?): left != right ? left < right : lhs < rhs
        case (.some, nil): true
        case (nil, .some): false
        default: lhs < rhs
        }
    }

    public var code: String
    public var nameFa: String
    public var nameEn: String?
    public var population: Int64
    public var areaKm2: Decimal?
    public var zone: String?

    public init(code: String, nameFa: String, nameEn: String? = nil, population: Int64, areaKm2: Decimal? = nil, zone: String? = nil) {
        self.code = code
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.population = population
        self.areaKm2 = areaKm2
        self.zone = zone
    }
}

/// One line of the expenditure budget and its execution.
public struct BudgetLine: Hashable, Codable, Sendable {
    public var year: Int
    public var lineId: String
    public var department: String
    public var regionCode: String
    public var function: String
    public var program: String?
    public var projectId: String?
    public var economicClass: EconomicClass
    public var isContingency: Bool
    public var approved: Money
    public var revised: Money?
    public var realized: Money?
    /// The entity whose budget the line is in (``Entity``); nil in a book without entities.
    public var entityCode: String?
    /// For a transfer to another entity of the group, that entity; such a line is a duplicated figure.
    public var counterpartEntityCode: String?

    public init(year: Int, lineId: String, department: String, regionCode: String, function: String,
                program: String? = nil, projectId: String? = nil, economicClass: EconomicClass,
                isContingency: Bool = false, approved: Money, revised: Money? = nil, realized: Money? = nil,
                entityCode: String? = nil, counterpartEntityCode: String? = nil) {
        self.entityCode = entityCode
        self.counterpartEntityCode = counterpartEntityCode
        self.year = year
        self.lineId = lineId
        self.department = department
        self.regionCode = regionCode
        self.function = function
        self.program = program
        self.projectId = projectId
        self.economicClass = economicClass
        self.isContingency = isContingency
        self.approved = approved
        self.revised = revised
        self.realized = realized
    }
}

/// One line of the revenue (sources) budget and its realization.
public struct RevenueLine: Hashable, Codable, Sendable {
    public var year: Int
    public var lineId: String
    public var revenueClass: RevenueClass
    public var regionCode: String?
    public var sustainable: Bool
    public var approved: Money
    public var revised: Money?
    public var realized: Money?
    /// The entity whose budget the line is in (``Entity``); nil in a book without entities.
    public var entityCode: String?
    /// For a transfer from another entity of the group, that entity; such a line is a duplicated figure.
    public var counterpartEntityCode: String?

    public init(year: Int, lineId: String, revenueClass: RevenueClass, regionCode: String? = nil,
                sustainable: Bool? = nil, approved: Money, revised: Money? = nil, realized: Money? = nil,
                entityCode: String? = nil, counterpartEntityCode: String? = nil) {
        self.entityCode = entityCode
        self.counterpartEntityCode = counterpartEntityCode
        self.year = year
        self.lineId = lineId
        self.revenueClass = revenueClass
        self.regionCode = regionCode
        self.sustainable = sustainable ?? revenueClass.sustainableByDefault
        self.approved = approved
        self.revised = revised
        self.realized = realized
    }
}

/// A capital project with its plan and progress.
public struct Project: Hashable, Codable, Sendable {
    public var projectId: String
    public var nameFa: String
    public var nameEn: String?
    public var regionCode: String
    public var function: String
    public var type: ProjectType
    public var startYear: Int?
    public var plannedEndYear: Int?
    public var plannedCost: Money
    public var currentCostEstimate: Money?
    /// Physical progress in percent, 0 to 100.
    public var physicalProgress: Decimal?
    public var status: String?

    public init(projectId: String, nameFa: String, nameEn: String? = nil, regionCode: String, function: String,
                type: ProjectType = .other, startYear: Int? = nil, plannedEndYear: Int? = nil, plannedCost: Money,
                currentCostEstimate: Money? = nil, physicalProgress: Decimal? = nil, status: String? = nil) {
        self.projectId = projectId
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.regionCode = regionCode
        self.function = function
        self.type = type
        self.startYear = startYear
        self.plannedEndYear = plannedEndYear
        self.plannedCost = plannedCost
        self.currentCostEstimate = currentCostEstimate
        self.physicalProgress = physicalProgress
        self.status = status
    }
}

/// A council authorization, e.g. the ceiling on a region's capital asset sales in a year.
public struct Authorization: Hashable, Codable, Sendable {
    public var year: Int
    public var regionCode: String
    /// What is authorized; usually a revenue class code such as `capital_asset_sales`.
    public var kind: String
    public var authorizedAmount: Money
    public var resolutionRef: String?
    public var resolutionDate: String?

    public init(year: Int, regionCode: String, kind: String, authorizedAmount: Money,
                resolutionRef: String? = nil, resolutionDate: String? = nil) {
        self.year = year
        self.regionCode = regionCode
        self.kind = kind
        self.authorizedAmount = authorizedAmount
        self.resolutionRef = resolutionRef
        self.resolutionDate = resolutionDate
    }
}

/// A price index value for a year (any base), for real (inflation-adjusted) changes.
public struct DeflatorPoint: Hashable, Codable, Sendable {
    public var year: Int
    public var index: Decimal

    public init(year: Int, index: Decimal) {
        self.year = year
        self.index = index
    }
}
