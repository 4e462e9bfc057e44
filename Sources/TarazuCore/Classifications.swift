import Foundation

/// A labelled code in one of the book's classifications.
public protocol Classified: Sendable {
    var code: String { get }
    var nameFa: String { get }
    var nameEn: String { get }
}

extension Classified where Self: CaseIterable {
    /// Finds the case whose code, Persian name, English name or alias matches `text` after normalization.
    public static func matching(_ text: String, aliases: [String: Self] = [:]) -> Self? {
        let key = PersianText.key(text).replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        let spaced = PersianText.key(text)
        for candidate in allCases {
            if candidate.code == key || PersianText.key(candidate.nameFa) == spaced
                || PersianText.key(candidate.nameEn) == spaced {
                return candidate
            }
        }
        return aliases[spaced]
    }
}

/// The economic classification of an expenditure line (Iranian municipal budget structure).
public enum EconomicClass: String, CaseIterable, Codable, Classified {
    /// Current expenditure (اعتبارات هزینه‌ای).
    case current
    /// Acquisition of capital assets: civil works (تملک دارایی‌های سرمایه‌ای).
    case capital
    /// Acquisition of financial assets: debt repayment (تملک دارایی‌های مالی).
    case financial

    public var code: String { rawValue }
    public var nameFa: String {
        switch self {
        case .current: "هزینه‌ای"
        case .capital: "تملک دارایی‌های سرمایه‌ای"
        case .financial: "تملک دارایی‌های مالی"
        }
    }
    public var nameEn: String {
        switch self {
        case .current: "Current expenditure"
        case .capital: "Capital (civil works)"
        case .financial: "Financial assets acquisition"
        }
    }

    /// Other spellings seen in Iranian budget documents.
    public static let aliases: [String: EconomicClass] = [
        "جاری": .current, "هزینه ای": .current, "اعتبارات هزینه‌ای": .current, "اعتبارات هزینه ای": .current,
        "عمرانی": .capital, "سرمایه‌ای": .capital, "سرمایه ای": .capital,
        "تملک دارایی های سرمایه ای": .capital, "تملک داراییهای سرمایه ای": .capital,
        "مالی": .financial, "تملک دارایی های مالی": .financial, "تملک داراییهای مالی": .financial,
    ]

    public static func parse(_ text: String) -> EconomicClass? { matching(text, aliases: aliases) }
}

/// Revenue classes of the municipal financial regulation (article 29), plus asset sales.
public enum RevenueClass: String, CaseIterable, Codable, Classified {
    case generalFees = "general_fees"
    case specificFees = "specific_fees"
    case serviceCharges = "service_charges"
    case propertyIncome = "property_income"
    case grants
    case donations
    case capitalAssetSales = "capital_asset_sales"
    case financialAssetSales = "financial_asset_sales"
    case other

    public var code: String { rawValue }
    public var nameFa: String {
        switch self {
        case .generalFees: "عوارض عمومی"
        case .specificFees: "عوارض اختصاصی"
        case .serviceCharges: "بهای خدمات و درآمدهای مؤسسات انتفاعی"
        case .propertyIncome: "درآمد حاصل از وجوه و اموال شهرداری"
        case .grants: "کمک‌های اعطایی دولت"
        case .donations: "اعانات و کمک‌های اهدایی"
        case .capitalAssetSales: "واگذاری دارایی‌های سرمایه‌ای"
        case .financialAssetSales: "واگذاری دارایی‌های مالی"
        case .other: "سایر منابع تأمین اعتبار"
        }
    }
    public var nameEn: String {
        switch self {
        case .generalFees: "General fees"
        case .specificFees: "Specific fees"
        case .serviceCharges: "Service charges and enterprise income"
        case .propertyIncome: "Income from municipal funds and property"
        case .grants: "Government grants"
        case .donations: "Donations"
        case .capitalAssetSales: "Sale of capital assets"
        case .financialAssetSales: "Sale of financial assets"
        case .other: "Other sources"
        }
    }

    /// Whether revenue of this class is sustainable when a line does not say.
    /// Fees on building permits and density sales (general fees), asset sales and borrowing are not.
    public var sustainableByDefault: Bool {
        switch self {
        case .generalFees, .capitalAssetSales, .financialAssetSales, .other: false
        case .specificFees, .serviceCharges, .propertyIncome, .grants, .donations: true
        }
    }

    /// Whether the class is a fee (عوارض), for the fees-share indicator.
    public var isFee: Bool { self == .generalFees || self == .specificFees }

    /// The regulation's numeric codes (1000 ... 7000) and common Persian names are accepted too.
    public static let aliases: [String: RevenueClass] = [
        "1000": .generalFees, "2000": .specificFees, "3000": .serviceCharges, "4000": .propertyIncome,
        "5000": .grants, "6000": .donations, "7000": .other,
        "عوارض": .generalFees, "بهای خدمات": .serviceCharges, "کمک های دولت": .grants,
        "واگذاری دارایی های سرمایه ای": .capitalAssetSales, "واگذاری دارایی های مالی": .financialAssetSales,
        "فروش اموال": .capitalAssetSales, "سایر": .other,
    ]

    public static func parse(_ text: String) -> RevenueClass? { matching(text, aliases: aliases) }
}

/// The kind of a project, used for reference-class cost-overrun priors.
public enum ProjectType: String, CaseIterable, Codable, Classified {
    case road, bridge, tunnel, building, park, network, other

    public var code: String { rawValue }
    public var nameFa: String {
        switch self {
        case .road: "راه و معبر"
        case .bridge: "پل"
        case .tunnel: "تونل"
        case .building: "ساختمان"
        case .park: "بوستان"
        case .network: "شبکه و تأسیسات"
        case .other: "سایر"
        }
    }
    public var nameEn: String { rawValue.capitalized }

    public static func parse(_ text: String) -> ProjectType? { matching(text) }
}

/// A function ("mission") of the municipality. The set is configurable per book; `defaults`
/// holds the six missions used by Iranian municipalities (Tehran 1401).
public struct BudgetFunction: Hashable, Codable, Classified {
    public var code: String
    public var nameFa: String
    public var nameEn: String

    public init(code: String, nameFa: String, nameEn: String) {
        self.code = code
        self.nameFa = nameFa
        self.nameEn = nameEn
    }

    public static let defaults: [BudgetFunction] = [
        BudgetFunction(code: "social_cultural", nameFa: "اجتماعی و فرهنگی", nameEn: "Social and cultural"),
        BudgetFunction(code: "transport_traffic", nameFa: "حمل‌ونقل و ترافیک", nameEn: "Transport and traffic"),
        BudgetFunction(code: "urban_services_environment", nameFa: "خدمات شهری و محیط زیست", nameEn: "Urban services and environment"),
        BudgetFunction(code: "safety_crisis", nameFa: "ایمنی و مدیریت بحران", nameEn: "Safety and crisis management"),
        BudgetFunction(code: "urban_planning", nameFa: "شهرسازی و معماری", nameEn: "Urban planning and architecture"),
        BudgetFunction(code: "management_development", nameFa: "توسعه مدیریت و شهر هوشمند", nameEn: "Management development and smart city"),
    ]

    /// Finds the function in `functions` whose code or name matches `text` after normalization.
    public static func find(_ text: String, in functions: [BudgetFunction]) -> BudgetFunction? {
        let key = PersianText.key(text)
        return functions.first {
            PersianText.key($0.code) == key || PersianText.key($0.nameFa) == key || PersianText.key($0.nameEn) == key
        }
    }
}
