import Foundation

/// Forecast error metrics of methods.md section 4.
///
/// MAPE = 100/n sum |e|/|y|; sMAPE = 200/n sum |e| / (|y| + |yhat|);
/// MASE = mean |e| / mean_{t>1} |y_t - y_{t-1}| over the training data.
public enum Accuracy {
    /// MAPE in percent; terms with y = 0 are left out (`nil` if none remain).
    public static func mape(actual: [Double], forecast: [Double]) -> Double? {
        let terms = zip(actual, forecast).filter { $0.0 != 0 }.map { abs($0.0 - $0.1) / abs($0.0) }
        return terms.isEmpty ? nil : 100 * terms.reduce(0, +) / Double(terms.count)
    }

    /// sMAPE in percent; a term with |y| + |yhat| = 0 counts as 0.
    public static func smape(actual: [Double], forecast: [Double]) -> Double? {
        guard !actual.isEmpty else { return nil }
        let terms = zip(actual, forecast).map { pair -> Double in
            let denominator = abs(pair.0) + abs(pair.1)
            return denominator == 0 ? 0 : abs(pair.0 - pair.1) / denominator
        }
        return 200 * terms.reduce(0, +) / Double(terms.count)
    }

    /// The MASE scale: mean absolute first difference of the training data (`nil` if 0 or undefined).
    public static func maseScale(training: [Double]) -> Double? {
        guard training.count >= 2 else { return nil }
        var sum = 0.0
        for t in 1..<training.count { sum += abs(training[t] - training[t - 1]) }
        let scale = sum / Double(training.count - 1)
        return scale > 0 ? scale : nil
    }

    /// MASE with the naive in-sample scale of `training`.
    public static func mase(actual: [Double], forecast: [Double], training: [Double]) -> Double? {
        guard let scale = maseScale(training: training), !actual.isEmpty else { return nil }
        return zip(actual, forecast).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(actual.count) / scale
    }
}

/// The errors of one method over a rolling-origin backtest.
public struct BacktestScore: Hashable, Codable, Sendable {
    public var method: ForecastMethod
    /// MAPE in percent over every (origin, horizon) pair.
    public var mape: Double?
    /// sMAPE in percent over every (origin, horizon) pair.
    public var smape: Double?
    /// Mean over the pairs of |e| divided by the MASE scale of that origin's training data.
    public var mase: Double?
    /// Mean absolute error (used to choose when MASE is undefined, e.g. a constant series).
    public var mae: Double
    /// The training lengths used as forecast origins.
    public var origins: [Int]
    /// Number of (origin, horizon) errors.
    public var errors: Int
    /// The same errors split by how far ahead the forecast was (1, 2, 3 years).
    public var byHorizon: [HorizonError]
}

/// Backtest errors of the forecasts made `horizon` years ahead.
public struct HorizonError: Hashable, Codable, Sendable {
    /// Years ahead.
    public var horizon: Int
    /// MAPE in percent.
    public var mape: Double?
    /// sMAPE in percent.
    public var smape: Double?
    /// Mean absolute scaled error (nil when a training prefix was constant).
    public var mase: Double?
    /// Number of errors at this horizon.
    public var errors: Int
}

/// Rolling-origin evaluation: for each origin o (training length) from `minimumTraining` to n - 1,
/// the method is fitted to y[0..<o] and forecasts h = 1...min(horizon, n - o) are compared with
/// the held-out values.
public enum Backtest {
    /// `known` fixes the Holt parameters at every origin instead of refitting.
    public static func score(_ method: ForecastMethod, _ y: [Double], horizon: Int, minimumTraining: Int,
                             known: ExponentialSmoothing? = nil) -> BacktestScore? {
        let first = max(minimumTraining, method.minimumLength)
        guard first <= y.count - 1 else { return nil }
        var actual: [Double] = [], predicted: [Double] = [], scaled: [Double] = []
        var maseDefined = true
        var stepsAhead: [Int] = []
        let origins = Array(first..<y.count)
        for origin in origins {
            let training = Array(y[0..<origin])
            let steps = min(horizon, y.count - origin)
            let model = FittedModel.fit(method, training, horizon: steps, known: known)
            let scale = Accuracy.maseScale(training: training)
            for h in 0..<steps {
                let a = y[origin + h], f = model.forecasts[h]
                actual.append(a); predicted.append(f); stepsAhead.append(h + 1)
                if let scale { scaled.append(abs(a - f) / scale) } else { maseDefined = false }
            }
        }
        let mae = zip(actual, predicted).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(actual.count)
        let byHorizon = Set(stepsAhead).sorted().map { ahead -> HorizonError in
            let picked = stepsAhead.indices.filter { stepsAhead[$0] == ahead }
            let scaledAtHorizon = maseDefined ? picked.map { scaled[$0] } : []
            return HorizonError(horizon: ahead, mape: Accuracy.mape(actual: picked.map { actual[$0] }, forecast: picked.map { predicted[$0] }),
                                smape: Accuracy.smape(actual: picked.map { actual[$0] }, forecast: picked.map { predicted[$0] }),
                                mase: scaledAtHorizon.isEmpty ? nil : scaledAtHorizon.reduce(0, +) / Double(scaledAtHorizon.count),
                                errors: picked.count)
        }
        return BacktestScore(method: method, mape: Accuracy.mape(actual: actual, forecast: predicted),
                             smape: Accuracy.smape(actual: actual, forecast: predicted),
                             mase: maseDefined && !scaled.isEmpty ? scaled.reduce(0, +) / Double(scaled.count) : nil,
                             mae: mae, origins: origins, errors: actual.count, byHorizon: byHorizon)
    }
}
