import Foundation

/// A value of a yearly series in whole rials.
public struct YearValue: Hashable, Codable, Sendable {
    /// The (Jalali) year.
    public var year: Int
    /// Whole rials.
    public var value: Int64

    public init(year: Int, value: Int64) {
        self.year = year
        self.value = value
    }
}

/// One forecast year: the point forecast and its 80 % and 95 % prediction intervals, in whole
/// rials rounded half away from zero. Interval bounds are `nil` when the spread is unknown.
public struct ForecastPoint: Hashable, Codable, Sendable {
    public var year: Int
    /// Steps ahead of the last observed year.
    public var horizon: Int
    public var value: Int64
    public var lo80: Int64?
    public var hi80: Int64?
    public var lo95: Int64?
    public var hi95: Int64?
}

/// The rolling-origin backtest error of the chosen method, reported beside its forecast.
public struct BacktestSummary: Hashable, Codable, Sendable {
    /// MAPE in percent (`nil` if every held-out value was 0).
    public var mape: Double?
    /// sMAPE in percent.
    public var smape: Double?
    /// Mean absolute scaled error (`nil` if a training prefix was constant).
    public var mase: Double?
    /// The training lengths used as forecast origins.
    public var origins: [Int]
    /// The longest horizon scored.
    public var horizon: Int
    /// Every candidate's score, simplest method first.
    public var candidates: [BacktestScore]
    /// The chosen method's errors by years ahead.
    public var byHorizon: [HorizonError]
}

/// A forecast of one series with the method chosen, its parameters and its backtest error.
public struct ForecastResult: Hashable, Codable, Sendable {
    /// The series' key (e.g. `expenditure/function/F01/approved/nominal`).
    public var key: String
    public var method: ForecastMethod
    public var parameters: ForecastParameters
    /// The observed values (whole rials).
    public var history: [YearValue]
    public var forecasts: [ForecastPoint]
    /// `nil` when the series is too short to backtest.
    public var backtest: BacktestSummary?
    /// Sum of squared one-step in-sample errors of the chosen method on the whole series.
    public var sse: Double?
    /// How the intervals were computed.
    public var intervalMethod: String
    /// Plain-language notes: short series, fixed method, missing intervals.
    public var notes: [String]
}

/// Chooses and applies a forecasting method per series.
public enum Forecaster {
    /// Options of a forecast.
    public struct Options: Hashable, Sendable {
        /// Years ahead, 1 to 3.
        public var horizon: Int
        /// `nil` chooses by backtest; otherwise this method is used (and still backtested).
        public var method: ForecastMethod?
        /// Fixed Holt parameters (used with `method` holt or damped_holt) instead of fitting.
        public var known: ExponentialSmoothing?
        /// The shortest training prefix of the backtest for the Holt methods.
        public var minimumTraining: Int

        public init(horizon: Int = 3, method: ForecastMethod? = nil, known: ExponentialSmoothing? = nil, minimumTraining: Int = 4) {
            self.horizon = horizon
            self.method = method
            self.known = known
            self.minimumTraining = minimumTraining
        }
    }

    /// z for two-sided 80 % and 95 % normal intervals.
    public static let z80 = 1.2815515655446004
    public static let z95 = 1.959963984540054

    /// The interval method stated in every result.
    public static let intervalMethod = "normal approximation: value +- z * sqrt(sigma2 * v_h), sigma2 the mean squared one-step "
        + "in-sample error of the chosen method, v_h its analytic h-step variance multiplier (naive h; drift h(1+h/(n-1)); "
        + "Holt/damped Holt ETS(A,Ad,N) 1+sum_{j<h} c_j^2); z80 = 1.2816, z95 = 1.9600"

    /// Forecasts the series `values` observed in consecutive `years`.
    ///
    /// Selection: with at least `minimumTraining + 1` values, all four methods are scored by a
    /// rolling-origin backtest from `minimumTraining` and the lowest MASE wins (MAE when MASE is
    /// undefined; ties within 1e-9 relative go to the simpler method). With 3 or 4 values only naive
    /// and drift are scored (from 2 training values); with fewer there is no backtest and naive
    /// (one value) or drift (two) is used.
    public static func forecast(key: String, years: [Int], values: [Double], options: Options = Options()) -> ForecastResult {
        precondition(years.count == values.count && !values.isEmpty, "one year per value, at least one value")
        let horizon = min(max(options.horizon, 1), 10)
        let n = values.count
        var notes: [String] = []
        for i in 1..<max(years.count, 1) where years[i] != years[i - 1] + 1 {
            notes.append("years are not consecutive (\(years[i - 1]) -> \(years[i])); each is treated as one step")
            break
        }
        let holtPossible = n >= options.minimumTraining + 1
        var candidates: [ForecastMethod]
        var minimumTraining = options.minimumTraining
        if holtPossible {
            candidates = ForecastMethod.allCases
        } else {
            candidates = n >= 2 ? [.naive, .drift] : [.naive]
            minimumTraining = 2
            notes.append("short series (\(n) values, fewer than \(options.minimumTraining + 1)): only naive and drift considered")
        }
        var scores: [BacktestScore] = []
        for method in candidates {
            if let score = Backtest.score(method, values, horizon: horizon, minimumTraining: minimumTraining) { scores.append(score) }
        }
        var chosen: ForecastMethod
        if let fixed = options.method {
            chosen = fixed
            if n < fixed.minimumLength {
                chosen = n >= 2 ? .drift : .naive
                notes.append("\(fixed.rawValue) needs \(fixed.minimumLength) values; \(chosen.rawValue) used")
            } else {
                notes.append("method fixed by the caller")
                if options.known != nil, fixed == .holt || fixed == .dampedHolt { notes.append("parameters fixed by the caller") }
                let known = (fixed == .holt || fixed == .dampedHolt) ? options.known : nil
                if scores.first(where: { $0.method == chosen }) == nil || known != nil,
                   let score = Backtest.score(chosen, values, horizon: horizon, minimumTraining: options.minimumTraining, known: known) {
                    scores.removeAll { $0.method == chosen }
                    scores.append(score)
                }
            }
        } else if scores.isEmpty {
            chosen = n >= 2 ? .drift : .naive
            notes.append("too short to backtest; \(chosen.rawValue) used without an error estimate")
        } else {
            let useMASE = scores.allSatisfy { $0.mase != nil }
            func metric(_ s: BacktestScore) -> Double { useMASE ? s.mase! : s.mae }
            var best = scores[0]
            for score in scores.dropFirst() {
                let a = metric(score), b = metric(best)
                if a < b - 1e-9 * max(abs(b), 1e-300) { best = score }
            }
            chosen = best.method
            if !useMASE { notes.append("MASE undefined (a constant training prefix); chosen by mean absolute error") }
        }
        let known = (chosen == .holt || chosen == .dampedHolt) ? options.known : nil
        let model = FittedModel.fit(chosen, values, horizon: horizon, known: known)
        let lastYear = years[n - 1]
        var points: [ForecastPoint] = []
        for h in 0..<horizon {
            let value = model.forecasts[h]
            var point = ForecastPoint(year: lastYear + h + 1, horizon: h + 1, value: wholeRials(value))
            if let sigma2 = model.sigma2, sigma2.isFinite {
                let sd = (sigma2 * model.varianceMultipliers[h]).squareRoot()
                point.lo80 = wholeRials(value - z80 * sd); point.hi80 = wholeRials(value + z80 * sd)
                point.lo95 = wholeRials(value - z95 * sd); point.hi95 = wholeRials(value + z95 * sd)
            }
            points.append(point)
        }
        if model.sigma2 == nil { notes.append("no residuals: prediction intervals unavailable") }
        if chosen != .naive, chosen != .drift, n < 8 {
            notes.append("intervals from \(n) values understate uncertainty")
        }
        scores.sort { $0.method < $1.method }
        let backtest = scores.first { $0.method == chosen }.map {
            BacktestSummary(mape: $0.mape, smape: $0.smape, mase: $0.mase, origins: $0.origins, horizon: horizon, candidates: scores,
                            byHorizon: $0.byHorizon)
        }
        return ForecastResult(key: key, method: chosen, parameters: model.parameters,
                              history: zip(years, values).map { YearValue(year: $0.0, value: wholeRials($0.1)) },
                              forecasts: points, backtest: backtest, sse: model.sse, intervalMethod: intervalMethod, notes: notes)
    }

    /// Rounds half away from zero to whole rials, saturating at the Int64 range (NaN -> 0).
    public static func wholeRials(_ x: Double) -> Int64 {
        guard x.isFinite else { return 0 }
        let r = x.rounded(.toNearestOrAwayFromZero)
        if r >= 9.2e18 { return Int64.max }
        if r <= -9.2e18 { return Int64.min }
        return Int64(r)
    }
}
