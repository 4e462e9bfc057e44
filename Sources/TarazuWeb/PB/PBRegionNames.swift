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

/// The region names of the books processes name, read once per version of a book (its content hash).
actor PBRegionNameCache {
    private var cached: [String: (hash: String, names: [String: Bilingual])] = [:]

    func names(of book: String, hash: String, load: () async throws -> BudgetBook?) async throws -> [String: Bilingual] {
        if let entry = cached[book], entry.hash == hash { return entry.names }
        let regions = try await load()?.regions ?? []
        let names = Dictionary(regions.map { ($0.code, Bilingual(fa: $0.nameFa, en: $0.nameEn ?? $0.nameFa)) }, uniquingKeysWith: { first, _ in first })
        cached[book] = (hash, names)
        return names
    }
}
