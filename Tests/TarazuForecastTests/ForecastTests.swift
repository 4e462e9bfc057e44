import Foundation
import Testing
import TarazuCore
@testable import TarazuForecast

private let fixtureY: [Double] = [100, 104, 109, 113, 120, 124, 131, 135, 142, 147]
private let fixtureModel = ExponentialSmoothing(alpha: 0.5, beta: 0.3, phi: 0.9, l0: 96, b0: 4)

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }

@Suite("methods.md section 4 fixtures")
struct MethodsFixtureTests {
    @Test func dampedHoltKnownParameters() {
        let forecasts = fixtureModel.forecast(fixtureY, horizon: 3)
        for (got, want) in zip(forecasts, [149.458964, 153.123440, 156.421469]) { #expect(close(got, want)) }
        #expect(close(fixtureModel.sse(fixtureY), 108.344015))
    }

    @Test func holdoutMetrics() {
        let train = Array(fixtureY.prefix(7)), test = Array(fixtureY.suffix(3))
        let forecasts = fixtureModel.forecast(train, horizon: 3)
        for (got, want) in zip(forecasts, [132.318657, 135.766154, 138.868902]) { #expect(close(got, want)) }
        #expect(close(Accuracy.mape(actual: test, forecast: forecasts)!, 3.969191))
        #expect(close(Accuracy.smape(actual: test, forecast: forecasts)!, 4.061117))
        #expect(close(Accuracy.mase(actual: test, forecast: forecasts, training: train)!, 1.09976, 1e-5))
    }

    @Test func knownParametersThroughTheForecaster() {
        let result = Forecaster.forecast(key: "fx", years: Array(1390...1399), values: fixtureY.map { $0 * 1_000_000 },
                                         options: .init(horizon: 3, method: .dampedHolt, known: fixtureModel.scaled(1_000_000)))
        #expect(result.forecasts.map(\.value) == [149_458_964, 153_123_440, 156_421_469])
        #expect(result.forecasts.map(\.year) == [1400, 1401, 1402])
        #expect(close(result.sse! / 1e12, 108.344015))
    }
}

extension ExponentialSmoothing {
    func scaled(_ factor: Double) -> ExponentialSmoothing {
        ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: l0 * factor, b0: b0 * factor)
    }
}

@Suite("Forecast methods")
struct MethodTests {
    let line: [Double] = (0..<8).map { 10 + 5 * Double($0) }  // 10, 15, ..., 45

    @Test func naiveOnAConstantIsExact() {
        let model = FittedModel.fit(.naive, [7, 7, 7, 7], horizon: 3)
        #expect(model.forecasts == [7, 7, 7])
        let result = Forecaster.forecast(key: "c", years: Array(1395...1400), values: [7, 7, 7, 7, 7, 7])
        #expect(result.method == .naive)
        #expect(result.forecasts.map(\.value) == [7, 7, 7])
    }

    @Test func driftOnALineIsExact() {
        let model = FittedModel.fit(.drift, line, horizon: 3)
        #expect(model.forecasts == [50, 55, 60])
        #expect(model.parameters.slope == 5)
        // Hand-checked: 1, 4, 9 -> slope 4, forecasts 13, 17.
        #expect(FittedModel.fit(.drift, [1, 4, 9], horizon: 2).forecasts == [13, 17])
    }

    @Test func holtOnALineIsExact() {
        for method in [ForecastMethod.holt] {
            let model = FittedModel.fit(method, line, horizon: 3)
            for (got, want) in zip(model.forecasts, [50.0, 55, 60]) { #expect(close(got, want, 1e-6)) }
            #expect(model.sse! < 1e-9)
        }
        // Damped Holt cannot follow a line exactly (phi <= 0.98) but stays close.
        let damped = FittedModel.fit(.dampedHolt, line, horizon: 1)
        #expect(abs(damped.forecasts[0] - 50) < 1)
        #expect(damped.parameters.phi! <= 0.98 && damped.parameters.phi! >= 0.8)
    }

    @Test func fittedParametersRespectBounds() {
        let y: [Double] = [5, 9, 8, 14, 13, 19, 22, 21, 27]
        for damped in [false, true] {
            let m = HoltFit.fit(y, damped: damped)
            #expect(m.alpha >= 0.0001 && m.alpha <= 0.9999)
            #expect(m.beta >= 0.0001 && m.beta <= m.alpha)
            #expect(damped ? (0.8...0.98).contains(m.phi) : m.phi == 1)
        }
    }

    @Test func linearSeriesSelectsDriftOrHolt() {
        let noisy: [Double] = (0..<10).map { (i: Int) -> Double in
            let wiggle: Double = i % 2 == 0 ? 3_000 : -3_000
            return 1_000_000 + 50_000 * Double(i) + wiggle
        }
        for series in [line, noisy] {
            let result = Forecaster.forecast(key: "l", years: Array(1391..<(1391 + series.count)), values: series)
            #expect(result.method == .drift || result.method == .holt)
            #expect(result.backtest != nil)
            #expect(result.backtest!.candidates.count == 4)
        }
        // A perfect line: drift and Holt both score 0; the tie goes to the simpler drift.
        #expect(Forecaster.forecast(key: "l", years: Array(1391...1398), values: line).method == .drift)
    }

    @Test func intervalsWidenWithHorizon() {
        let y: [Double] = [120, 131, 129, 140, 152, 149, 163, 170, 168, 181]
        for method in ForecastMethod.allCases {
            let result = Forecaster.forecast(key: "w", years: Array(1391...1400), values: y.map { $0 * 1e9 },
                                             options: .init(horizon: 3, method: method))
            let widths80 = result.forecasts.map { $0.hi80! - $0.lo80! }
            let widths95 = result.forecasts.map { $0.hi95! - $0.lo95! }
            #expect(widths80[0] > 0)
            #expect(widths80[0] < widths80[1] && widths80[1] < widths80[2])
            #expect(zip(widths80, widths95).allSatisfy { $0 < $1 })
            #expect(result.forecasts.allSatisfy { $0.lo95! <= $0.lo80! && $0.lo80! <= $0.value && $0.value <= $0.hi80! })
        }
    }

    @Test func deterministic() {
        let y: [Double] = [120, 131, 129, 140, 152, 149, 163, 170, 168, 181].map { $0 * 1e9 }
        let a = Forecaster.forecast(key: "d", years: Array(1391...1400), values: y)
        let b = Forecaster.forecast(key: "d", years: Array(1391...1400), values: y)
        #expect(a == b)
    }

    @Test func shortSeriesUseNaiveAndDrift() {
        let three = Forecaster.forecast(key: "s", years: [1400, 1401, 1402], values: [10, 12, 14])
        #expect(three.method == .drift)
        #expect(three.backtest?.candidates.map(\.method) == [.naive, .drift])
        #expect(three.notes.contains { $0.contains("short series") })
        #expect(three.forecasts.map(\.value) == [16, 18, 20])
        let one = Forecaster.forecast(key: "s", years: [1402], values: [10])
        #expect(one.method == .naive && one.backtest == nil && one.forecasts[0].lo80 == nil)
        #expect(Forecaster.forecast(key: "s", years: [1401, 1402], values: [10, 11]).method == .drift)
    }

    @Test func wholeRialsRoundHalfAwayFromZero() {
        #expect(Forecaster.wholeRials(2.5) == 3)
        #expect(Forecaster.wholeRials(-2.5) == -3)
        #expect(Forecaster.wholeRials(2.4999) == 2)
    }
}

@Suite("statsmodels fixtures")
struct StatsmodelsFixtureTests {
    struct Fit: Decodable { var alpha: Double; var beta: Double; var phi: Double; var l0: Double; var b0: Double; var sse: Double; var forecasts: [Double] }
    struct Series: Decodable { var name: String; var y: [Double]; var holt: Fit; var damped_holt: Fit }
    struct Known: Decodable { var y: [Double]; var alpha: Double; var beta: Double; var phi: Double; var l0: Double; var b0: Double; var sse: Double; var forecasts: [Double] }
    struct File: Decodable { var known: Known; var series: [Series] }

    static func load() throws -> File {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/statsmodels.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    @Test func knownParametersMatchExactly() throws {
        let k = try Self.load().known
        let model = ExponentialSmoothing(alpha: k.alpha, beta: k.beta, phi: k.phi, l0: k.l0, b0: k.b0)
        for (got, want) in zip(model.forecast(k.y, horizon: 3), k.forecasts) { #expect(close(got, want, 1e-9)) }
        #expect(close(model.sse(k.y), k.sse, 1e-9))
    }

    /// Tolerance: forecasts within 2 % of the level (mean |y| of the last 3 values), or our SSE no
    /// larger than statsmodels' (both minimize the same SSE; where they differ statsmodels' SLSQP
    /// stopped at a worse point and a lower SSE is the better least-squares fit).
    @Test func fittedForecastsAgree() throws {
        for series in try Self.load().series {
            let level = series.y.suffix(3).reduce(0) { $0 + abs($1) } / 3
            for (damped, reference) in [(false, series.holt), (true, series.damped_holt)] {
                let model = HoltFit.fit(series.y, damped: damped)
                let ours = model.forecast(series.y, horizon: 3)
                let worst = zip(ours, reference.forecasts).map { abs($0 - $1) }.max()! / level
                let sse = model.sse(series.y)
                #expect(worst <= 0.02 || sse <= reference.sse * (1 + 1e-6),
                        "\(series.name) damped=\(damped): diff \(worst), SSE \(sse) vs \(reference.sse)")
                #expect(sse <= reference.sse * (1 + 1e-6), "\(series.name) damped=\(damped): SSE \(sse) > statsmodels \(reference.sse)")
            }
        }
    }
}

@Suite("JSON interface")
struct ForecastJSONTests {
    /// The output's keys are snake_case (as every JSON Tarazu writes).
    static let snakeCase: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    @Test func singleSeriesRoundTrip() throws {
        let input = #"{"key":"t","years":[1398,1399,1400,1401,1402],"values":[100,110,120,130,140]}"#
        let output = try ForecastJSON.run(input: Data(input.utf8))
        let response = try Self.snakeCase.decode(ForecastJSON.Response.self, from: output)
        #expect(response.results.count == 1)
        #expect(response.results[0].forecasts.map(\.value) == [150, 160, 170])
        #expect(response.results[0].forecasts.map(\.year) == [1403, 1404, 1405])
    }

    @Test func knownHoltParametersWithoutPhi() throws {
        // Holt's linear method with alpha = beta = 0.5, l0 = 0, b0 = 10 on 10, 20, 30, 40, 50 tracks the
        // line exactly: level 50, trend 10 -> 60, 70.
        let input = #"{"horizon":2,"method":"holt","parameters":{"alpha":0.5,"beta":0.5,"l0":0,"b0":10},"series":[{"values":[10,20,30,40,50]}]}"#
        let response = try Self.snakeCase.decode(ForecastJSON.Response.self, from: ForecastJSON.run(input: Data(input.utf8)))
        #expect(response.results[0].forecasts.map(\.value) == [60, 70])
        #expect(response.results[0].parameters.phi == 1)
    }

    @Test func rejectsUnknownMethod() {
        let input = #"{"method":"arima","series":[{"values":[1,2,3]}]}"#
        #expect(throws: ForecastJSON.InputError.self) { try ForecastJSON.run(input: Data(input.utf8)) }
    }
}

/// The backtest's errors split by years ahead add up to the pooled ones.
@Suite struct BacktestByHorizonTests {
    @Test func perHorizonErrorsPoolToTheWhole() throws {
        let y: [Double] = [100, 104, 109, 113, 120, 124, 131, 135, 142, 147]
        let known = ExponentialSmoothing(alpha: 0.5, beta: 0.3, phi: 0.9, l0: 96, b0: 4)
        let score = try #require(Backtest.score(.dampedHolt, y, horizon: 3, minimumTraining: 4, known: known))
        #expect(score.byHorizon.map(\.horizon) == [1, 2, 3])
        #expect(score.byHorizon.map(\.errors).reduce(0, +) == score.errors)
        #expect(score.byHorizon[0].errors == score.origins.count)
        let pooled = score.byHorizon.reduce(0.0) { $0 + ($1.mape ?? 0) * Double($1.errors) } / Double(score.errors)
        #expect(abs(pooled - (score.mape ?? 0)) < 1e-9)
        // Farther ahead is harder on a trending series.
        #expect((score.byHorizon[2].mape ?? 0) > (score.byHorizon[0].mape ?? 0))
    }
}
