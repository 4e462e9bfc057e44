import Foundation

/// The JSON interface behind `tarazu forecast --series FILE.json` (and the cross-check helper).
///
/// Input: either one series `{"key": "...", "years": [1395, ...], "values": [...]}` or
/// `{"horizon": 3, "method": "auto", "parameters": {...}, "series": [ ... ]}`. `method` is `auto`
/// (chosen by backtest) or one of `naive`, `drift`, `holt`, `damped_holt`; `parameters`
/// (`alpha`, `beta`, `phi`, `l0`, `b0`) fixes the Holt parameters. A series may carry its own
/// `method` and `parameters`. `years` may be omitted (then 1, 2, ...).
/// Output: `{"results": [ForecastResult, ...]}` with sorted keys.
public enum ForecastJSON {
    public struct Series: Codable, Sendable {
        public var key: String?
        public var years: [Int]?
        public var values: [Decimal]
        public var method: String?
        public var parameters: ExponentialSmoothing?
    }

    public struct Request: Codable, Sendable {
        public var horizon: Int?
        public var method: String?
        public var parameters: ExponentialSmoothing?
        public var series: [Series]
    }

    public struct Response: Codable, Sendable {
        public var results: [ForecastResult]
    }

    public struct InputError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func run(input: Data) throws -> Data {
        let decoder = JSONDecoder()
        let request: Request
        if let full = try? decoder.decode(Request.self, from: input) {
            request = full
        } else {
            do { request = Request(series: [try decoder.decode(Series.self, from: input)]) } catch {
                throw InputError(description: "not a series or a request: \(error)")
            }
        }
        var results: [ForecastResult] = []
        for (i, series) in request.series.enumerated() {
            guard !series.values.isEmpty else { throw InputError(description: "series \(i) has no values") }
            let years = series.years ?? Array(1...series.values.count)
            guard years.count == series.values.count else { throw InputError(description: "series \(i): \(years.count) years, \(series.values.count) values") }
            let name = series.method ?? request.method ?? "auto"
            var method: ForecastMethod?
            if name != "auto" {
                guard let m = ForecastMethod(rawValue: name) else { throw InputError(description: "unknown method \(name)") }
                method = m
            }
            let options = Forecaster.Options(horizon: request.horizon ?? 3, method: method,
                                             known: series.parameters ?? request.parameters)
            let values = series.values.map { NSDecimalNumber(decimal: $0).doubleValue }
            results.append(Forecaster.forecast(key: series.key ?? "series\(i + 1)", years: years, values: values, options: options))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Every JSON Tarazu writes has snake_case keys.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(Response(results: results))
        data.append(0x0A)
        return data
    }
}
