import Foundation
import TarazuCore

/// What distinguishes one generated city from another: its regions, their weights, its size and
/// the situations planted in its data.
struct CityProfile {
    var metadata: BookMetadata
    /// The real regions (the central organisation, code "0", has no row).
    var regions: [Region]
    /// Relative regional spending; against population it sets the per-capita imbalance.
    var spendWeights: [Int64]
    /// Relative fee collection by region.
    var feeWeights: [Int64]
    /// Relative capital asset sales (property sales) by region.
    var saleWeights: [Int64]
    /// Approved expenditure per year of `Scenario.years`, in rials (multiples of the quantum).
    var totals: [Int64]
    /// Per year, the regions whose capital asset sales exceed the council's authorization.
    var overAuthorization: [Int: Set<String>]
    /// Projects to draw; nil means "draw until `projectLineTarget` project-year lines".
    var projectCount: Int?
    var projectLineTarget: Int
    /// Current lines per function at the centre and in each region, and minor capital lines.
    var centralCurrentLines: Int
    var regionCurrentLines: Int
    var capitalLines: Int
    var governanceYAML: String?
    /// The regions' shapes (GeoJSON), when the sample ships a map.
    var regionsGeoJSON: String?
    /// The central organisation's share of each current envelope, per-mille.
    var centralCurrentPermille: Int64 = 450
    /// The central organisation's share of minor capital works, per-mille.
    var centralCapitalPermille: Int64 = 250
    /// The central organisation's weight in the general and specific fees it shares with the regions, per-mille of
    /// the regions' weights (service charges: two thirds, as in every generated city).
    var centralFeePermille: Int64 = 667
    /// A year after `Scenario.years` whose budget is approved but not yet executed: its approved total (rials, a
    /// multiple of the quantum) and its price index.
    var approvedOnlyYear: (year: Int, total: Int64, deflator: Decimal)? = nil
    /// The entities of the municipal group and the transfers between them; nil: the book is one budget.
    var group: MunicipalGroup? = nil
    /// Per year, the realized share of approved spending and of approved sources, per-mille, when a published
    /// figure sets it.
    var realizationPermille: [Int: Int64] = [:]

    /// Share of each capital envelope that goes to projects, per-mille.
    static let projectPermille: Int64 = 700
    /// Share of projects that are citywide (region "0"), per-mille.
    static let citywideProjectPermille: Int64 = 200
}
