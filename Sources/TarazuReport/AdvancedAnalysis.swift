import TarazuAnalysis
import TarazuForecast
import TarazuRisk

/// The statistics behind the report's "advanced analysis" section: cost trends, future costs,
/// risky projects and anomalies. The renderer only formats them; it computes nothing.
///
/// Build it from the same book as the report:
/// - `trends`: `CostSeries.build(book:)` (all series; the section picks what it shows),
/// - `forecasts`: `series.forecast(options:)` for the series to project (at least the totals
///   `expenditure/total/all/realized/nominal` and `revenue/total/all/realized/nominal`, or their
///   `approved` versions, which are used when no realized series is forecast),
/// - `risks`: `RiskScorer.score(book:)` (ranked, riskiest first), without the projects in `leftOut`,
/// - `anomalies`: `AnomalyDetector.detect(book:)` (largest |z| first).
public struct AdvancedAnalysis: Sendable {
    /// Yearly series of the book with growth (CAGR), direction and breaks. The section shows the
    /// expenditure by function, approved, real basis (nominal when a function has no real series).
    public var trends: [CostSeries]
    /// Forecasts of series, matched by `ForecastResult.key` (a `SeriesKey.description`).
    public var forecasts: [ForecastResult]
    /// Projects ranked by risk score; the section shows the first ten by score.
    public var risks: [ProjectRisk]
    /// Outlying budget lines by robust z-score; the section counts them and shows the five largest |z|.
    public var anomalies: [Anomaly]
    /// Projects left out of `risks` because their data are likely errors (`ProjectLeftOut.of`); the
    /// section names them.
    public var leftOut: [ProjectLeftOut]

    /// An advanced analysis from its parts (any may be empty).
    public init(trends: [CostSeries] = [], forecasts: [ForecastResult] = [], risks: [ProjectRisk] = [], anomalies: [Anomaly] = [],
                leftOut: [ProjectLeftOut] = []) {
        self.leftOut = leftOut
        self.trends = trends
        self.forecasts = forecasts
        self.risks = risks
        self.anomalies = anomalies
    }
}
