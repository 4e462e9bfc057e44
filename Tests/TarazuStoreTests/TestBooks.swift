import Foundation
import TarazuCore

/// Deterministic budget books for the store's tests, with every table filled, optional values both set
/// and missing, Persian text, fractional decimals and extreme amounts.
enum TestBooks {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// A book named `name` with `lines` budget lines over the years 1399...1403. `variant` changes the amounts,
    /// so two variants of one name are two versions of the same book.
    static func book(name: String, lines: Int, variant: Int64 = 0) -> BudgetBook {
        let regions = [
            Region(code: "0", nameFa: "مرکزی", nameEn: "Central", population: 0),
            Region(code: "1", nameFa: "منطقه یک", nameEn: "Region 1", population: 170_000, areaKm2: decimal("23.75"), zone: "north"),
            Region(code: "2", nameFa: "منطقه دو", population: 246_123, areaKm2: decimal("0.001")),
        ]
        let classes = EconomicClass.allCases
        let functions = BudgetFunction.defaults
        let budgetLines = (0..<lines).map { index in
            BudgetLine(
                year: 1399 + index % 5,
                lineId: "L\(index)",
                department: index % 2 == 0 ? "معاونت خدمات شهری" : "معاونت حمل‌ونقل",
                regionCode: regions[index % regions.count].code,
                function: functions[index % functions.count].code,
                program: index % 4 == 0 ? nil : "P\(index % 17)",
                projectId: index % 3 == 0 ? "PR\(index % 7)" : nil,
                economicClass: classes[index % classes.count],
                isContingency: index % 11 == 0,
                approved: Money(rials: 1_000_000 * Int64(index + 1) + variant),
                revised: index % 5 == 0 ? nil : Money(rials: 900_000 * Int64(index + 1) - variant),
                realized: index % 6 == 0 ? nil : Money(rials: Int64(index % 9 == 0 ? -1 : 1) * 800_000 * Int64(index + 1))
            )
        }
        let revenues = RevenueClass.allCases.enumerated().map { index, revenueClass in
            RevenueLine(year: 1403, lineId: "R\(index)", revenueClass: revenueClass,
                        regionCode: index % 2 == 0 ? nil : "1", sustainable: index == 0 ? true : nil,
                        approved: Money(rials: Int64.max - Int64(index) - variant),
                        revised: index % 3 == 0 ? nil : Money(rials: Int64.min + Int64(index) - 1),
                        realized: Money(rials: 5_000_000_000 * Int64(index)))
        }
        let projects = (0..<7).map { index in
            Project(projectId: "PR\(index)", nameFa: "پروژه \(index)", nameEn: index % 2 == 0 ? "Project \(index)" : nil,
                    regionCode: regions[1 + index % 2].code, function: functions[index % functions.count].code,
                    type: ProjectType.allCases[index % ProjectType.allCases.count],
                    startYear: index % 3 == 0 ? nil : 1398 + index, plannedEndYear: index % 4 == 0 ? nil : 1404,
                    plannedCost: Money(rials: 10_000_000_000 + Int64(index) + variant),
                    currentCostEstimate: index % 2 == 0 ? nil : Money(rials: 12_345_678_901),
                    physicalProgress: index % 3 == 1 ? nil : decimal(["0", "37.5", "100", "12.3456789"][index % 4]),
                    status: index % 2 == 0 ? "در حال اجرا" : nil)
        }
        let authorizations = [
            Authorization(year: 1403, regionCode: "1", kind: RevenueClass.capitalAssetSales.rawValue,
                          authorizedAmount: Money(rials: 40_000_000_000 + variant), resolutionRef: "۱۲۳/ش", resolutionDate: "1403-02-15"),
            Authorization(year: 1403, regionCode: "2", kind: RevenueClass.capitalAssetSales.rawValue,
                          authorizedAmount: Money(rials: 0)),
        ]
        let deflator = [
            DeflatorPoint(year: 1399, index: decimal("100")),
            DeflatorPoint(year: 1400, index: decimal("145.2")),
            DeflatorPoint(year: 1401, index: decimal("212.123456789012345678")),
        ]
        let metadata = BookMetadata(name: name, title: "بودجه \(name)", cityFa: "تبریز", cityEn: name.capitalized,
                                    calendar: .jalali, amountUnit: .millionRial,
                                    description: variant == 0 ? "amounts are illustrative" : nil)
        return BudgetBook(metadata: metadata, functions: functions, regions: regions, budgetLines: budgetLines,
                          revenues: revenues, projects: projects, authorizations: authorizations, deflator: deflator,
                          governanceYAML: "council_dashboards:\n  value: no\n  source: \"گزارش\"\n")
    }
}
