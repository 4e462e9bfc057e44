import Foundation
import TarazuCore

/// Budgets of other cities as someone published them (not books in the store): what a comparison can show
/// when the store holds no book of a city's peers. Shipped: Tabriz's peers as reported in its council in
/// Bahman 1402 (`Resources/published-peer-budgets.json`, with its source).
public struct PublishedPeerBudgets: Sendable, Equatable {
    /// When in the budget cycle the figure was given.
    public enum Stage: String, Sendable, Decodable {
        /// The budget of the year the figure was reported in.
        case currentYear = "current_year"
        /// The budget planned for the following year.
        case nextYear = "next_year"
    }

    /// One city's published budget for a year.
    public struct Budget: Sendable, Equatable, Decodable {
        public var cityFa: String
        public var cityEn: String
        public var provinceFa: String
        public var provinceEn: String
        public var year: Int
        public var amount: Money
        public var stage: Stage

        enum CodingKeys: String, CodingKey {
            case cityFa = "city_fa", cityEn = "city_en", provinceFa = "province_fa", provinceEn = "province_en", year
            case billionRials = "billion_rials", stage
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            cityFa = try container.decode(String.self, forKey: .cityFa)
            cityEn = try container.decode(String.self, forKey: .cityEn)
            provinceFa = try container.decode(String.self, forKey: .provinceFa)
            provinceEn = try container.decode(String.self, forKey: .provinceEn)
            year = try container.decode(Int.self, forKey: .year)
            stage = try container.decode(Stage.self, forKey: .stage)
            let billions = try container.decode(Int64.self, forKey: .billionRials)
            let (rials, overflow) = billions.multipliedReportingOverflow(by: 1_000_000_000)
            guard billions >= 0, !overflow else {
                throw DecodingError.dataCorruptedError(forKey: .billionRials, in: container, debugDescription: "\(billions) billion rials is out of range")
            }
            amount = Money(rials: rials)
        }
    }

    /// Where the figures were published.
    public struct Source: Sendable, Equatable, Decodable {
        public var titleFa: String
        public var titleEn: String
        public var url: String

        enum CodingKeys: String, CodingKey { case titleFa = "title_fa", titleEn = "title_en", url }
    }

    /// What the figures are and how far they can be compared, in English.
    public var about: String
    public var source: Source
    public var budgets: [Budget]

    private struct File: Decodable {
        var about: String
        var source: Source
        var budgets: [Budget]
    }

    /// Reads a dataset in the shipped file's form.
    public init(json data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        about = file.about
        source = file.source
        budgets = file.budgets
    }

    /// The shipped dataset, or nil if its file is missing from the build.
    public static let shipped: PublishedPeerBudgets? = {
        guard let url = Bundle.module.url(forResource: "published-peer-budgets", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? PublishedPeerBudgets(json: data)
    }()

    /// The other cities' budgets, in year then city order, leaving out the city named `city` (Persian or English).
    public func peers(of city: String?) -> [Budget] {
        let key = city.map(PersianText.key)
        return budgets.filter { budget in key.map { $0 != PersianText.key(budget.cityFa) && $0 != PersianText.key(budget.cityEn) } ?? true }
            .sorted { ($0.year, $0.cityEn) < ($1.year, $1.cityEn) }
    }
}
