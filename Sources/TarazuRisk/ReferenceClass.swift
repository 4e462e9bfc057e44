import Foundation
import TarazuCore

/// A reference class for cost-overrun priors (reference-class forecasting, methods.md section 4).
///
/// Priors come from two sources:
/// - Flyvbjerg, Holm and Buhl (2002), 258 transport projects: mean cost overrun of roads 20.4 %,
///   bridges and tunnels 33.8 % (rail 44.7 %; no municipal project type maps to rail yet).
/// - The UK Green Book optimism-bias upper bounds for capital cost: standard buildings 24 %,
///   non-standard buildings 51 %, standard civil engineering 44 %, non-standard civil engineering 66 %.
///
/// Each class has a ``typicalOverrun`` (the prior used to judge a project's overrun and the P50
/// uplift) and an ``upperOverrun`` (the P80 uplift). Where Flyvbjerg gives a mean it is the typical
/// overrun, and the Green Book upper bound of the matching category is the upper overrun; where only a
/// Green Book upper bound exists, the typical overrun is half of it.
public enum ReferenceClass: String, Codable, Sendable, CaseIterable {
    /// Roads: Flyvbjerg roads 20.4 %; Green Book standard civil engineering 44 %.
    case roads
    /// Bridges and tunnels: Flyvbjerg 33.8 %; Green Book non-standard civil engineering 66 %.
    case bridgesTunnels = "bridges_tunnels"
    /// Standard buildings: half of the Green Book upper bound (12 %); upper bound 24 %.
    case standardBuildings = "standard_buildings"
    /// Standard civil engineering (networks, parks, other works): half of the Green Book upper
    /// bound (22 %); upper bound 44 %.
    case standardCivilEngineering = "standard_civil_engineering"

    /// The reference class of a project type:
    /// road → roads; bridge, tunnel → bridges and tunnels; building → standard buildings;
    /// park, network, other → standard civil engineering.
    public init(_ type: ProjectType) {
        switch type {
        case .road: self = .roads
        case .bridge, .tunnel: self = .bridgesTunnels
        case .building: self = .standardBuildings
        case .park, .network, .other: self = .standardCivilEngineering
        }
    }

    /// The typical (mean) overrun of the class, as a ratio (0.204 = 20.4 %).
    public var typicalOverrun: Decimal {
        switch self {
        case .roads: Decimal(string: "0.204")!
        case .bridgesTunnels: Decimal(string: "0.338")!
        case .standardBuildings: Decimal(string: "0.12")!
        case .standardCivilEngineering: Decimal(string: "0.22")!
        }
    }

    /// The upper-bound overrun of the class (Green Book), as a ratio, used for P80.
    public var upperOverrun: Decimal {
        switch self {
        case .roads: Decimal(string: "0.44")!
        case .bridgesTunnels: Decimal(string: "0.66")!
        case .standardBuildings: Decimal(string: "0.24")!
        case .standardCivilEngineering: Decimal(string: "0.44")!
        }
    }

    public var nameEn: String {
        switch self {
        case .roads: "roads"
        case .bridgesTunnels: "bridges and tunnels"
        case .standardBuildings: "standard buildings"
        case .standardCivilEngineering: "standard civil engineering"
        }
    }

    public var nameFa: String {
        switch self {
        case .roads: "راه‌ها"
        case .bridgesTunnels: "پل‌ها و تونل‌ها"
        case .standardBuildings: "ساختمان‌های متعارف"
        case .standardCivilEngineering: "کارهای عمرانی متعارف"
        }
    }
}
