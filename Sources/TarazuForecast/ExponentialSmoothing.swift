import Foundation

/// Damped (or plain) Holt linear exponential smoothing, ETS(A,Ad,N), with known parameters
/// (methods.md section 4):
///
///     l_t = alpha y_t + (1 - alpha)(l_{t-1} + phi b_{t-1})
///     b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
///     yhat_{t|t-1} = l_{t-1} + phi b_{t-1}
///     yhat_{n+h|n} = l_n + (phi + phi^2 + ... + phi^h) b_n
///
/// `phi = 1` gives Holt's linear method. `beta` is statsmodels' `smoothing_trend` (Hyndman's
/// beta* ; Hyndman's beta is alpha * beta*). Statistics only: values are `Double`.
public struct ExponentialSmoothing: Hashable, Codable, Sendable {
    /// Smoothing of the level, 0 to 1.
    public var alpha: Double
    /// Smoothing of the trend, 0 to 1.
    public var beta: Double
    /// Damping of the trend; 1 for Holt's linear method.
    public var phi: Double
    /// Initial level l_0 (the state before the first observation).
    public var l0: Double
    /// Initial trend b_0.
    public var b0: Double

    public init(alpha: Double, beta: Double, phi: Double = 1, l0: Double, b0: Double) {
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.l0 = l0
        self.b0 = b0
    }

    private enum CodingKeys: String, CodingKey { case alpha, beta, phi, l0, b0 }

    /// Decodes `alpha`, `beta`, `l0`, `b0` and optionally `phi` (default 1, Holt's linear method).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        alpha = try c.decode(Double.self, forKey: .alpha)
        beta = try c.decode(Double.self, forKey: .beta)
        phi = try c.decodeIfPresent(Double.self, forKey: .phi) ?? 1
        l0 = try c.decode(Double.self, forKey: .l0)
        b0 = try c.decode(Double.self, forKey: .b0)
    }

    /// The result of running the recursion over a series.
    public struct Run: Hashable, Sendable {
        /// One-step-ahead fitted values yhat_{t|t-1}, one per observation.
        public var fitted: [Double]
        /// The final level l_n.
        public var level: Double
        /// The final trend b_n.
        public var trend: Double
        /// Sum of squared one-step errors.
        public var sse: Double
    }

    /// Runs the recursion over `y`.
    public func run(_ y: [Double]) -> Run {
        var level = l0
        var trend = b0
        var fitted: [Double] = []
        fitted.reserveCapacity(y.count)
        var sse = 0.0
        for value in y {
            let prediction = level + phi * trend
            fitted.append(prediction)
            sse += (value - prediction) * (value - prediction)
            let newLevel = alpha * value + (1 - alpha) * prediction
            trend = beta * (newLevel - level) + (1 - beta) * phi * trend
            level = newLevel
        }
        return Run(fitted: fitted, level: level, trend: trend, sse: sse)
    }

    /// Sum of squared one-step errors over `y`.
    public func sse(_ y: [Double]) -> Double { run(y).sse }

    /// Forecasts 1...`horizon` steps after the end of `y`.
    public func forecast(_ y: [Double], horizon: Int) -> [Double] {
        let state = run(y)
        return Self.forecast(level: state.level, trend: state.trend, phi: phi, horizon: horizon)
    }

    /// l + (phi + ... + phi^h) b for h = 1...horizon.
    public static func forecast(level: Double, trend: Double, phi: Double, horizon: Int) -> [Double] {
        var out: [Double] = []
        var damp = 0.0
        var power = 1.0
        for _ in 0..<max(horizon, 0) {
            power *= phi
            damp += power
            out.append(level + damp * trend)
        }
        return out
    }

    /// Multipliers of the one-step variance for h = 1...horizon under ETS(A,Ad,N):
    /// 1 + sum_{j=1}^{h-1} c_j^2 with c_j = alpha (1 + beta (phi + ... + phi^j))
    /// (Hyndman et al. 2008, class 1 models, with beta = alpha * beta*).
    public func varianceMultipliers(horizon: Int) -> [Double] {
        var out: [Double] = []
        var sum = 1.0
        var damp = 0.0
        var power = 1.0
        for h in 1...max(horizon, 1) {
            if h > 1 {
                power *= phi
                damp += power
                let c = alpha * (1 + beta * damp)
                sum += c * c
            }
            out.append(sum)
        }
        return Array(out.prefix(horizon))
    }
}
