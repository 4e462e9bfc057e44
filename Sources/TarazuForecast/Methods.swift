import Foundation

/// The forecasting methods, in order of simplicity (the order that breaks ties).
public enum ForecastMethod: String, CaseIterable, Codable, Sendable, Comparable {
    /// The last value, carried forward.
    case naive
    /// The last value plus h times the average change (last - first) / (n - 1).
    case drift
    /// Holt's linear method (phi = 1), fitted by least squares.
    case holt
    /// Damped Holt, phi in [0.8, 0.98], fitted by least squares.
    case dampedHolt = "damped_holt"

    public static func < (lhs: ForecastMethod, rhs: ForecastMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The fewest observations the method is fitted on.
    public var minimumLength: Int {
        switch self {
        case .naive: 1
        case .drift: 2
        case .holt, .dampedHolt: 4
        }
    }
}

/// A method's parameters as fitted (values of the series' unit; `nil` when not used).
public struct ForecastParameters: Hashable, Codable, Sendable {
    public var alpha: Double?
    public var beta: Double?
    public var phi: Double?
    public var l0: Double?
    public var b0: Double?
    /// The drift's slope per year.
    public var slope: Double?

    public init(alpha: Double? = nil, beta: Double? = nil, phi: Double? = nil, l0: Double? = nil, b0: Double? = nil, slope: Double? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.l0 = l0
        self.b0 = b0
        self.slope = slope
    }
}

/// A method fitted to a series: point forecasts, the one-step error variance and the h-step
/// variance multipliers used for the prediction intervals.
public struct FittedModel: Hashable, Sendable {
    public var method: ForecastMethod
    public var parameters: ForecastParameters
    /// Point forecasts for h = 1...horizon.
    public var forecasts: [Double]
    /// Mean squared one-step in-sample error (`nil` when there are no residuals).
    public var sigma2: Double?
    /// Var(h-step error) / sigma2 for h = 1...horizon.
    public var varianceMultipliers: [Double]
    /// Sum of squared one-step errors over the fitted values (Holt family), else of the residuals.
    public var sse: Double?

    /// Fits `method` to `y` (`y.count >= method.minimumLength`, checked by the caller) and forecasts.
    /// `known` fixes the Holt parameters instead of fitting them.
    ///
    /// Variances: naive (random walk) h; drift h (1 + h / (n - 1)) (the slope's error included);
    /// Holt family the ETS(A,Ad,N) analytic 1 + sum_{j<h} c_j^2. sigma2 is the mean of the squared
    /// one-step residuals (n - 1 of them for naive and drift, n for Holt) - the maximum-likelihood
    /// value, which understates the spread of very short series.
    public static func fit(_ method: ForecastMethod, _ y: [Double], horizon: Int, known: ExponentialSmoothing? = nil) -> FittedModel {
        let n = y.count
        switch method {
        case .naive, .drift:
            let last = y[n - 1]
            let slope = method == .drift && n >= 2 ? (last - y[0]) / Double(n - 1) : 0
            let forecasts = (1...max(horizon, 1)).map { last + Double($0) * slope }.prefix(horizon)
            var sse = 0.0
            for t in 1..<max(n, 1) { let e = y[t] - y[t - 1] - slope; sse += e * e }
            let sigma2: Double? = n >= 2 ? sse / Double(n - 1) : nil
            let multipliers = (1...max(horizon, 1)).map { h -> Double in
                let hd = Double(h)
                return method == .drift ? hd * (1 + hd / Double(max(n - 1, 1))) : hd
            }.prefix(horizon)
            return FittedModel(method: method, parameters: ForecastParameters(slope: method == .drift ? slope : nil),
                               forecasts: Array(forecasts), sigma2: sigma2, varianceMultipliers: Array(multipliers), sse: n >= 2 ? sse : nil)
        case .holt, .dampedHolt:
            let model = known ?? HoltFit.fit(y, damped: method == .dampedHolt)
            let run = model.run(y)
            let forecasts = ExponentialSmoothing.forecast(level: run.level, trend: run.trend, phi: model.phi, horizon: horizon)
            return FittedModel(method: method,
                               parameters: ForecastParameters(alpha: model.alpha, beta: model.beta, phi: model.phi, l0: model.l0, b0: model.b0),
                               forecasts: forecasts, sigma2: run.sse / Double(n),
                               varianceMultipliers: model.varianceMultipliers(horizon: horizon), sse: run.sse)
        }
    }
}
