import Foundation

/// What kind of body of the municipal group an entity is; Iranian municipal budgets are published
/// per entity (DESIGN.md section 3, entities and duplicated figures).
public enum EntityKind: String, CaseIterable, Codable, Classified {
    /// The central municipality (ستاد مرکزی).
    case central
    /// A region's municipality (شهرداری منطقه).
    case region
    /// A municipal organization (سازمان), e.g. parks, fire, transit.
    case organization
    /// An affiliated company (شرکت تابعه).
    case company

    public var code: String { rawValue }
    public var nameFa: String {
        switch self {
        case .central: "ستاد"
        case .region: "شهرداری منطقه"
        case .organization: "سازمان تابعه"
        case .company: "شرکت تابعه"
        }
    }
    public var nameEn: String {
        switch self {
        case .central: "Central administration"
        case .region: "Region's municipality"
        case .organization: "Affiliated organization"
        case .company: "Affiliated company"
        }
    }

    /// Other spellings: plurals and the words budget documents use.
    public static let aliases: [String: EntityKind] = [
        "مرکزی": .central, "ستاد مرکزی": .central, "شهرداری مرکز": .central,
        "منطقه": .region, "مناطق": .region, "شهرداری مناطق": .region,
        "سازمان": .organization, "سازمان‌ها": .organization, "سازمان ها": .organization, "سازمانها": .organization,
        "شرکت": .company, "شرکت‌ها": .company, "شرکت ها": .company, "شرکت‌های تابعه": .company, "شرکت های تابعه": .company,
        "organisation": .organization,
    ]

    public static func parse(_ text: String) -> EntityKind? { matching(text, aliases: aliases) }

    /// Whether the entity sits outside the council's line-by-line budget of the municipality itself
    /// (organizations and companies).
    public var isOutsideMunicipality: Bool { self == .organization || self == .company }
}

/// A body of the municipal group that has its own sources-and-uses table.
public struct Entity: Hashable, Codable, Sendable {
    public var code: String
    public var kind: EntityKind
    public var nameFa: String
    public var nameEn: String?
    /// The entity it reports to (an organization's or company's parent is usually the central municipality).
    public var parent: String?
    /// The region it serves: a region's municipality its own region; nil for the whole city.
    public var regionCode: String?

    public init(code: String, kind: EntityKind, nameFa: String, nameEn: String? = nil, parent: String? = nil, regionCode: String? = nil) {
        self.code = code
        self.kind = kind
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.parent = parent
        self.regionCode = regionCode
    }

    /// The name in `language` (the Persian one when there is no English name).
    public func name(_ language: TextLanguage) -> String { language == .fa ? nameFa : nameEn ?? nameFa }
}

extension Region {
    /// What region code "0" is in a book with entities: spending citywide, whichever entity spends it.
    public static let citywideName = Bilingual(fa: "سطح شهر (بدون منطقهٔ مشخص)", en: "Citywide (no single region)")
}

extension BudgetBook {
    /// The name of region code "0" on every surface: the central administration in a book that is one budget;
    /// citywide spending in a book with entities, where organizations and companies spend citywide too.
    public var centralRegionName: Bilingual { entities.isEmpty ? Region.centralName : Region.citywideName }

    /// Whether money moves between the book's entities: then every consolidated figure differs from the
    /// figure with duplicated figures.
    public var hasTransfers: Bool { !transferPayments.isEmpty || !transferReceipts.isEmpty }

    /// Every spending line as published, transfers to other entities included (with duplicated figures).
    public var budgetLinesWithTransfers: [BudgetLine] { budgetLines + transferPayments }

    /// Every revenue line as published, transfers from other entities included (with duplicated figures).
    public var revenuesWithTransfers: [RevenueLine] { revenues + transferReceipts }

    /// The entity a line without an `entity_code` belongs to: the region's entity for a region's line when
    /// the book names exactly one, else the central entity (nil when the book has none).
    public static func defaultEntity(regionCode: String?, in entities: [Entity]) -> String? {
        if let regionCode, regionCode != Region.centralCode {
            let serving = entities.filter { $0.kind == .region && $0.regionCode == regionCode }
            if serving.count == 1 { return serving[0].code }
        }
        let central = entities.filter { $0.kind == .central }
        return central.count == 1 ? central[0].code : nil
    }

    /// Moves the lines with a counterpart entity out of `budgetLines` and `revenues` into the transfers,
    /// in their order: how an importer or a store builds a consolidated book from the lines as published.
    public mutating func separateTransfers() {
        let payments = budgetLines.filter { $0.counterpartEntityCode != nil }
        let receipts = revenues.filter { $0.counterpartEntityCode != nil }
        if !payments.isEmpty {
            transferPayments += payments
            budgetLines.removeAll { $0.counterpartEntityCode != nil }
        }
        if !receipts.isEmpty {
            transferReceipts += receipts
            revenues.removeAll { $0.counterpartEntityCode != nil }
        }
    }
}
