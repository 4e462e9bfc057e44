import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuForecast
import TarazuRisk

/// The "advanced analysis" section (cost trends, future costs, risky projects, anomalies) and its
/// methods paragraph, built from `ReportInput.advanced`. Formatting only: every figure comes from
/// the series, forecasts, risk scores and anomalies given.
extension ReportContext {
    /// How many risky projects and anomalies are listed.
    static let riskRows = 10
    static let anomalyRows = 5

    /// The section, after the key charts.
    func advancedSection(_ advanced: AdvancedAnalysis) -> Section {
        var blocks: [Block] = [.paragraph([.text(text.advancedIntro)])]
        let years = Set(input.book.budgetLines.map(\.year))
        if let first = years.min(), let last = years.max(), input.year < last {
            blocks.append(.paragraph([.span("muted", [.text(text.advancedOfEarlierYear(
                first: numerals.year(first), last: numerals.year(last), year: numerals.year(input.year)))])]))
        }
        blocks += trendBlocks(advanced.trends)
        blocks += forecastBlocks(advanced.forecasts)
        blocks += riskBlocks(advanced.risks, leftOut: advanced.leftOut)
        blocks += anomalyBlocks(advanced.anomalies)
        return Section(id: "advanced", title: [.text(text.advancedTitle)], blocks: blocks)
    }

    // MARK: Numbers

    /// A signed percentage with one decimal from a `Double` statistic (CAGR, a change).
    func signedPercent(_ fraction: Double) -> String { signedPercent(fraction: Decimal(fraction)) }

    /// A statistic (an error in percent, a MASE) with `places` decimals; "not available" for nil.
    func statistic(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return text.notAvailable }
        return numerals.fixed(Decimal(value), places: places)
    }

    /// A MASE with two decimals; one that rounds to zero is «کمتر از ۰٫۰۱», not a perfect «۰٫۰۰».
    func scaledError(_ value: Double?) -> String {
        guard let value, value.isFinite else { return text.notAvailable }
        return value < 0.005 ? (isPersian ? "کمتر از ۰٫۰۱" : "under 0.01") : statistic(value, places: 2)
    }

    /// "1403: 1,200.0" for a year's value in billion rials.
    func yearValue(_ point: YearValue) -> String { numerals.year(point.year) + ": " + numerals.billions(point.value) }

    // MARK: Trends

    func trendBlocks(_ trends: [CostSeries]) -> [Block] {
        var byKey: [String: CostSeries] = [:]
        for series in trends where byKey[series.key.description] == nil { byKey[series.key.description] = series }
        func series(_ dimension: SeriesKey.Dimension, _ member: String) -> CostSeries? {
            let real = SeriesKey(side: .expenditure, dimension: dimension, member: member, measure: .approved, basis: .real)
            var nominal = real
            nominal.basis = .nominal
            return byKey[real.description] ?? byKey[nominal.description]
        }
        let present = Set(trends.filter { $0.key.side == .expenditure && $0.key.dimension == .function }.map(\.key.member))
        let known = input.book.functions.map(\.code).filter(present.contains)
        let codes = known + present.subtracting(known).sorted()
        var rows: [[Rich]] = codes.compactMap { code in series(.function, code).map { trendRow([.text(functionName(code))], $0) } }
        if !rows.isEmpty, let total = series(.total, "all") { rows.append(trendRow([.strong([.text(text.allFunctions)])], total)) }
        var blocks: [Block] = [.subheading([.text(text.trendsHeading)])]
        guard !rows.isEmpty else { return blocks + [.paragraph([.text(text.noTrends)])] }
        let constantPrices = codes.contains { series(.function, $0)?.key.basis == .real }
        blocks.append(.paragraph([.text(text.trendsIntro(constantPrices: constantPrices))]))
        let header: [Rich] = [[.text(text.function)], [.text(text.prices)], [.text(text.from)], [.text(text.to)],
                              [.text(text.cagr)], [.text(text.direction)], [.text(text.breaks)]]
        blocks.append(.table(header: header, rows: rows))
        blocks.append(.paragraph([.span("muted", [.text(text.inBillionRialsPlain)])]))
        return blocks
    }

    func trendRow(_ name: Rich, _ series: CostSeries) -> [Rich] {
        let basis = series.key.basis == .real ? text.realBasis(series.baseYear.map(numerals.year)) : text.nominalBasis
        let breaks = series.breaks.sorted { $0.year < $1.year }.map { numerals.year($0.year) + " (" + signedPercent($0.change) + ")" }
        return [name, [.text(basis)],
                [.text(series.points.first.map(yearValue) ?? text.notAvailable)],
                [.text(series.points.last.map(yearValue) ?? text.notAvailable)],
                [.text(series.cagr.map(signedPercent) ?? text.notAvailable)],
                [.text(text.directionWord(series.direction))],
                [.text(breaks.isEmpty ? text.noBreaks : breaks.joined(separator: text.listSeparator))]]
    }

    // MARK: Forecasts

    func forecastBlocks(_ forecasts: [ForecastResult]) -> [Block] {
        var byKey: [String: ForecastResult] = [:]
        for result in forecasts where byKey[result.key] == nil { byKey[result.key] = result }
        var blocks: [Block] = [.subheading([.text(text.forecastHeading)]), .paragraph([.text(text.forecastIntro)])]
        for (side, name, id) in [(SeriesKey.Side.expenditure, text.expenditureTotal, "chart-forecast-expenditure"),
                                 (.revenue, text.revenueTotal, "chart-forecast-revenue")] {
            let candidates = SeriesKey.Measure.allCases.reversed().map {
                SeriesKey(side: side, dimension: .total, member: "all", measure: $0, basis: .nominal)
            }
            guard let key = candidates.first(where: { byKey[$0.description] != nil }), let result = byKey[key.description] else {
                blocks.append(.paragraph([.text(text.noForecast(name))]))
                continue
            }
            blocks += forecastSeriesBlocks(result, name: name, measure: key.measure, id: id)
        }
        return blocks
    }

    func forecastSeriesBlocks(_ result: ForecastResult, name: String, measure: SeriesKey.Measure, id: String) -> [Block] {
        func range(_ low: Int64?, _ high: Int64?) -> String {
            guard let low, let high else { return text.notAvailable }
            return text.range(numerals.billions(low), numerals.billions(high))
        }
        func band(_ low: Int64?, _ high: Int64?) -> ClosedRange<Double>? {
            guard let low, let high, low <= high else { return nil }
            return Double(low)...Double(high)
        }
        var points = result.history.map { point in
            LinePoint(year: point.year, yearLabel: numerals.year(point.year), isForecast: false, value: Double(point.value),
                      display: numerals.billions(point.value), band80: nil, band95: nil)
        }
        points += result.forecasts.map { point in
            LinePoint(year: point.year, yearLabel: numerals.year(point.year), isForecast: true, value: Double(point.value),
                      display: numerals.billions(point.value), band80: band(point.lo80, point.hi80), band95: band(point.lo95, point.hi95))
        }
        let values = result.history.map(\.value) + result.forecasts.flatMap { [$0.value, $0.lo95 ?? $0.value, $0.hi95 ?? $0.value] }
        let until = result.forecasts.last?.year ?? result.history.last?.year ?? input.year
        let title = text.forecastChartTitle(name, measure: text.measureWord(measure), until: numerals.year(until))
        let chart = LineChartSpec(id: id, title: title, unitNote: text.forecastUnitNote, points: points,
                                  legend: [text.observed, text.forecast, text.interval80, text.interval95],
                                  ticks: ticks(low: values.min() ?? 0, high: values.max() ?? 0),
                                  tableHeader: [text.yearWord, text.observed, text.forecast])
        let madeIn = input.madeIn
        let rows: [[Rich]] = result.forecasts.map { point in
            let label = ForecastYearStatus(year: point.year, madeIn: madeIn).label(language).map { " (\($0))" } ?? ""
            return [[.text(numerals.year(point.year) + label)], [.strong([.text(numerals.billions(point.value))])],
             [.text(range(point.lo80, point.hi80))], [.text(range(point.lo95, point.hi95))]]
        }
        var blocks: [Block] = [.lineChart(chart)]
        if !rows.isEmpty {
            blocks.append(.table(header: [[.text(text.yearWord)], [.text(text.forecast)], [.text(text.interval80)], [.text(text.interval95)]],
                                 rows: rows))
            let elapsed = result.forecasts.map(\.year).filter { ForecastYearStatus(year: $0, madeIn: madeIn) == .elapsed }
            if !elapsed.isEmpty {
                let years = elapsed.map(numerals.year).joined(separator: text.enumerationSeparator)
                blocks.append(.paragraph([.span("muted", [.text(ForecastYearStatus.elapsedNote(years, language))])]))
            }
        }
        // The method and its backtest, in words.
        var how: String
        if result.notes.contains("method fixed by the caller") {
            how = text.chosenByCaller
        } else if result.backtest == nil {
            how = text.noBacktest
        } else if result.notes.contains(where: { $0.hasPrefix("MASE undefined") }) {
            how = text.chosenByMAE
        } else {
            how = text.chosenByMASE
        }
        // The series' path is for the downloads and the command line; Persian prose names the series in words (the title).
        var method: Rich = [.strong([.text(text.methodLabel)]), .text(" " + text.methodName(result.method) + text.listSeparator + how)]
        if !isPersian { method += [.text(text.listSeparator + text.seriesWord + " "), .ltr(result.key)] }
        if let backtest = result.backtest {
            let origins = backtest.origins.map { numerals.integer(Int64($0)) }.joined(separator: text.enumerationSeparator)
            method.append(.text(". " + text.backtestErrors(origins: origins) + " "))
            method.append(.text(text.mapeName + " " + percentStatistic(backtest.mape) + text.listSeparator + text.smapeName + " "
                                + percentStatistic(backtest.smape) + text.listSeparator + text.maseName + " " + scaledError(backtest.mase) + "."))
            if let mase = backtest.mase, mase.isFinite { method.append(.text(" " + text.maseMeaning(mase))) }
            if backtest.origins.count < ReportText.fewOriginsLimit {
                method.append(.text(" " + text.fewOrigins(backtest.origins.count)))
            }
        } else {
            method.append(.text("."))
        }
        blocks.append(.paragraph(method))
        if !result.notes.isEmpty {
            let notes: [Rich] = result.notes.map { note in
                text.forecastNote(note).map { [.text($0)] } ?? [freeText(note)]
            }
            blocks.append(.paragraph([.span("muted", [.text(text.notesLabel)])]))
            blocks.append(.list(notes))
        }
        return blocks
    }

    /// A statistic given in percent (MAPE, sMAPE), one decimal.
    func percentStatistic(_ value: Double?) -> String {
        guard let value, value.isFinite else { return text.notAvailable }
        return numerals.percent(Decimal(value) / 100)
    }

    /// Four or five round ticks covering `low...high` rials (exact `Int64` steps of 1, 2 or 5 × 10^k),
    /// labelled in billion rials.
    func ticks(low: Int64, high: Int64) -> [LineTick] { LineTick.billions(low: low, high: high, numerals: numerals) }

    // MARK: Risks

    func riskBlocks(_ risks: [ProjectRisk], leftOut: [ProjectLeftOut] = []) -> [Block] {
        var blocks: [Block] = [.subheading([.text(text.risksHeading)])]
        if !leftOut.isEmpty {
            blocks.append(.paragraph([.text(text.leftOutIntro(count: leftOut.count, numerals: numerals))]))
            blocks.append(.list(leftOut.map { project in
                let name = isPersian ? project.nameFa : (project.nameEn ?? project.nameFa)
                let reasons = project.errors.map { $0.text(language) }.joined(separator: " ")
                return [.text(name + " "), .ltr(project.projectId), .text(": "), .span("evidence", [.text(reasons)])]
            }))
        }
        guard !risks.isEmpty else { return blocks + (leftOut.isEmpty ? [.paragraph([.text(text.noProjects)])] : []) }
        let top = risks.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }.prefix(Self.riskRows)
        blocks.append(.paragraph([.text(text.risksIntro(shown: numerals.integer(Int64(top.count)), total: numerals.integer(Int64(risks.count))))]))
        // A report on an earlier year: the project table holds one, latest state.
        let latest = Set(input.book.budgetLines.map(\.year)).max() ?? input.year
        if input.year < latest {
            blocks.append(.paragraph([.span("muted", [.text(text.risksOfEarlierYear(latest: numerals.year(latest), year: numerals.year(input.year)))])]))
        }
        let rows: [[Rich]] = top.map { risk in
            let name = isPersian ? risk.nameFa : (risk.nameEn ?? risk.nameFa)
            let reasons: [Rich] = risk.reasons.filter { $0.hasData && ($0.contribution ?? 0) > 0 }
                .sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }.prefix(2)
                .map { [.span("evidence", [.text(isPersian ? $0.textFa : $0.textEn)])] }
            // The plan comes from the book; without it the costs are shown without a comparison.
            let planned = input.book.projects.first { $0.projectId == risk.projectId }?.plannedCost
            func cost(_ money: Money?) -> String {
                guard let money else { return text.notAvailable }
                var cell = numerals.billions(money.rials)
                if let planned, planned.rials > 0, money != planned {
                    cell += " (" + signedPercent(fraction: money.decimal / planned.decimal - 1) + ")"
                }
                return cell
            }
            return [[.text(numerals.integer(Int64(risk.rank)))],
                    [.text(name + " "), .ltr(risk.projectId)],
                    [.strong([.text(numerals.integer(Int64(risk.score)))]), .text(" "),
                     .span("muted", [.text(text.coverage(numerals.percent(risk.coverage)))])],
                    reasons.isEmpty ? [.text(text.noReason)] : reasons.flatMap { $0 },
                    [.text(planned.map { numerals.billions($0.rials) } ?? text.notAvailable)],
                    [.text(cost(risk.estimate?.p50))], [.text(cost(risk.estimate?.p80))]]
        }
        let header: [Rich] = [[.text(text.rank)], [.text(text.project)], [.text(text.riskScore)], [.text(text.mainReasons)],
                              [.text(text.plannedCost)], [.text(text.p50)], [.text(text.p80)]]
        blocks.append(.table(header: header, rows: rows))
        blocks.append(.paragraph([.span("muted", [.text(text.costNote)])]))
        return blocks
    }

    /// A signed percentage with one decimal from an exact fraction. In Persian it is isolated left to
    /// right (U+2066 ... U+2069), with the minus sign U+2212, so that the sign stays before the digits
    /// inside right-to-left text.
    func signedPercent(fraction: Decimal) -> String {
        FigureText(language: isPersian ? .fa : .en).signedPercent(fraction)
    }

    // MARK: Anomalies

    func anomalyBlocks(_ anomalies: [Anomaly]) -> [Block] {
        var blocks: [Block] = [.subheading([.text(text.anomaliesHeading)])]
        guard !anomalies.isEmpty else { return blocks + [.paragraph([.text(text.noAnomalies)])] }
        let top = anomalies.enumerated().sorted { a, b in
            abs(a.element.z) != abs(b.element.z) ? abs(a.element.z) > abs(b.element.z) : a.offset < b.offset
        }.prefix(Self.anomalyRows).map(\.element)
        blocks.append(.paragraph([.text(text.anomalyCount(numerals.integer(Int64(anomalies.count)), shown: numerals.integer(Int64(top.count))))]))
        // Each set's median and spread once, then each value with its score.
        var sets: [String] = []
        for anomaly in top where !sets.contains(isPersian ? anomaly.setFa : anomaly.setEn) { sets.append(isPersian ? anomaly.setFa : anomaly.setEn) }
        if !sets.isEmpty {
            let joined = sets.joined(separator: text.listSeparator)
            blocks.append(.paragraph([.text((isPersian ? joined : joined.prefix(1).uppercased() + joined.dropFirst()) + ".")]))
        }
        blocks.append(.orderedList(top.map { [.text(isPersian ? $0.pointFa : $0.pointEn)] }))
        return blocks
    }

    // MARK: Methods

    /// The methods paragraphs of the advanced analysis.
    func advancedMethodBlocks(_ advanced: AdvancedAnalysis) -> [Block] {
        let reasons = advanced.risks.first?.reasons.sorted {
            RiskFactor.allCases.firstIndex(of: $0.factor)! < RiskFactor.allCases.firstIndex(of: $1.factor)!
        }
        let weights: [(RiskFactor, Decimal)] = reasons.map { $0.map { ($0.factor, $0.weight) } }
            ?? RiskFactor.allCases.map { ($0, RiskWeights.default[$0]) }
        let weightText = weights.map { text.riskFactorName($0.0) + " " + numerals.fixed($0.1, places: $0.1 == $0.1.rounded0 ? 0 : 2) }.joined(separator: text.listSeparator)
        return [
            .subheading([.text(text.advancedMethods)]),
            .paragraph([.text(text.methodSeries)]),
            .paragraph([.text(text.methodForecast)]),
            .paragraph([.text(text.methodRisk(weights: "(" + weightText + ")"))]),
            .paragraph([.text(text.methodAnomalies)]),
        ]
    }
}
