import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuParticipation

/// How the participatory budgeting pages name a ballot's district: as the budget pages do, by the name
/// the process's budget book gives the region («منطقه ۹ (صنعتی)») with the low-population mark when its
/// population (`settings.populations`) is under 1 % of the regions' total; «منطقه N» without a book.
struct PBRegionNames: Sendable {
    /// The book's region names by code (empty without a book).
    var names: [String: Bilingual] = [:]
    var lowPopulation: Set<String> = []

    init(populations: [String: Int64], names: [String: Bilingual] = [:]) {
        self.names = names
        lowPopulation = PerResident.lowPopulationRegions(populations: populations)
    }

    func name(_ district: PBDistrict, _ language: WebLanguage) -> String {
        guard district != .citywide else { return PBPages.districtName(district, language) }
        let plain = names[district.code].map(language.pick) ?? PBPages.districtName(district, language)
        return BreakdownText.regionName(plain, lowPopulation: lowPopulation.contains(district.code), language: language)
    }
}
