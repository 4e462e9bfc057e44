import Foundation
import TarazuAnalysis
import TarazuCore

/// One region's spending in a set of budget lines: the sums and the amounts per resident, by the rules
/// of the indicators (``LineTotals`` and ``PerResident``), for the portal's and the dashboard's region tables.
public struct RegionSpending: Hashable, Sendable {
    /// The region code as the lines give it (region 0 is the central organisation).
    public var code: String
    /// The book's region, nil for a code only the lines know (the central organisation).
    public var region: Region?
    public var totals: LineTotals
    /// Approved per resident (nil without a population).
    public var approvedPerResident: Decimal?
    /// Realized per resident (nil without a population or when no line reports a realized amount).
    public var realizedPerResident: Decimal?
    /// Whether the region is a low-population one (``PerResident/lowPopulationRegions(of:share:)``).
    public var isLowPopulation = false
    /// The name of region code "0" in the book (``BudgetBook/centralRegionName``).
    public var centralName = Region.centralName

    /// The region's name in `language` with the low-population mark (``BreakdownText/regionName(_:lowPopulation:language:)``);
    /// the central administration by its name.
    public func name(_ language: TextLanguage) -> String {
        let name = region.map { language.pick($0.nameFa, $0.nameEn ?? $0.nameFa) }
            ?? (code == Region.centralCode ? language.pick(centralName) : code)
        return BreakdownText.regionName(name, lowPopulation: isLowPopulation, language: language)
    }

    /// The regions of `lines`: the book's regions in the book's order, then codes only the lines know, sorted.
    public static func rows(book: BudgetBook, lines: [BudgetLine]) throws(Money.Overflow) -> [RegionSpending] {
        let totals = try LineTotals.grouping(lines, by: \.regionCode)
        let regions = Dictionary(book.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let lowPopulation = PerResident.lowPopulationRegions(of: book)
        var codes = book.regions.map(\.code).filter { totals[$0] != nil }
        codes += totals.keys.filter { regions[$0] == nil }.sorted()
        return codes.compactMap { code in
            guard let sums = totals[code] else { return nil }
            let population = regions[code]?.population ?? 0
            return RegionSpending(code: code, region: regions[code], totals: sums,
                                  approvedPerResident: PerResident.amount(sums.approved, population: population),
                                  realizedPerResident: sums.realizedIfReported.flatMap { PerResident.amount($0, population: population) },
                                  isLowPopulation: lowPopulation.contains(code), centralName: book.centralRegionName)
        }
    }
}
