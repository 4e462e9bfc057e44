import Foundation

/// Settings of the indicator engine.
public struct IndicatorOptions: Hashable, Sendable {
    /// A line is volatile when its revised or realized amount deviates from the approved one by more
    /// than this fraction (default 0.25, i.e. 25 %).
    public var volatilityThreshold: Decimal
    /// A region is an outlier for per-capita figures when its population is under this fraction of
    /// the city's (default 0.01, i.e. 1 %).
    public var outlierPopulationShare: Decimal
    /// Decimal places of ratios and statistical indices in the output (default 6).
    public var scale: Int
    /// Per-capita figures are rounded to this many decimal places of a rial (default 2).
    public var perCapitaScale: Int
    /// At most this many row ids are listed in each piece of evidence (the count is always given).
    public var evidenceRowLimit: Int
    /// The Jalali year the analysis is made: the timeliness of execution data is judged against the year
    /// before it. Nil: against the book's latest budget year (output that depends on the book alone).
    public var assessedIn: Int?

    /// The defaults: 25 % volatility, 1 % outlier population, 6 decimals, 2 decimals per capita, 50 rows,
    /// no date.
    public init(volatilityThreshold: Decimal = Decimal(string: "0.25")!, outlierPopulationShare: Decimal = Decimal(string: "0.01")!,
                scale: Int = 6, perCapitaScale: Int = 2, evidenceRowLimit: Int = 50, assessedIn: Int? = nil) {
        self.volatilityThreshold = volatilityThreshold
        self.outlierPopulationShare = outlierPopulationShare
        self.scale = scale
        self.perCapitaScale = perCapitaScale
        self.evidenceRowLimit = evidenceRowLimit
        self.assessedIn = assessedIn
    }
}
