import Foundation
import TarazuAnalysis
import TarazuCore

/// The data of the four charts, from the book's sums and the indicators' breakdowns.
extension ReportContext {
    /// The five charts in report order.
    var charts: [ChartSpec] { [executionChart, executionByRegionChart, perCapitaChart, revenueChart, trendChart] }

    /// (a) Approved and realized sums by function for the year, with the realization rate of
    /// `execution.rate.by_function`.
    var executionChart: ChartSpec {
        executionChart(id: "chart-execution", title: text.chartExecution(year: year), unitNote: text.inBillionRials,
                       header: text.function, rateIndicator: "execution.rate.by_function",
                       order: input.book.functions.map(\.code), key: \.function, label: functionName)
    }

    /// (a') The same by region (the central administration too), with the rate of `execution.rate.by_region`.
    var executionByRegionChart: ChartSpec {
        executionChart(id: "chart-execution-region", title: text.chartExecutionByRegion(year: year), unitNote: text.inBillionRialsByRegion(citywide: !input.book.entities.isEmpty),
                       header: text.region, rateIndicator: "execution.rate.by_region",
                       order: input.book.regions.map(\.code), key: \.regionCode, label: { regionName($0) })
    }

    /// Approved and realized sums of the year's lines grouped by `key`, the book's codes in `order`
    /// first, each realized sum with its rate from the breakdown of `rateIndicator`.
    private func executionChart(id: String, title: String, unitNote: String, header: String, rateIndicator: String,
                                order: [String], key: KeyPath<BudgetLine, String>, label: (String) -> String) -> ChartSpec {
        var approved: [String: MoneySum] = [:]
        var realized: [String: MoneySum] = [:]
        for line in input.book.budgetLines where line.year == input.year {
            approved[line[keyPath: key], default: MoneySum()].add(line.approved)
            realized[line[keyPath: key], default: MoneySum()].add(line.realized)
        }
        let rates = indicators[rateIndicator]?.breakdown ?? [:]
        let known = order.filter { approved[$0] != nil || rates[$0] != nil }
        let others = Set(approved.keys).union(rates.keys).subtracting(known).sorted()
        let rows = (known + others).map { code -> ChartRow in
            let planned = approved[code]?.value ?? 0
            let done = realized[code].flatMap { $0.count > 0 ? $0.value : nil }
            var doneText = done.map { numerals.fixed($0 / 1_000_000_000, places: 1) } ?? text.notAvailable
            if let rate = rates[code], let fraction = decimalValue(rate) { doneText += " (\(numerals.percent(fraction)))" }
            return ChartRow(label: label(code), values: [drawingValue(planned), done.map(drawingValue)],
                            display: [numerals.fixed(planned / 1_000_000_000, places: 1), doneText])
        }
        return ChartSpec(id: id, title: title, unitNote: unitNote, series: [text.approved, text.realized], rows: rows, categoryHeader: header)
    }

    /// (b) Per capita total and capital budget by region from `equity.per_capita.by_region`.
    var perCapitaChart: ChartSpec {
        let breakdown = indicators["equity.per_capita.by_region"]?.breakdown ?? [:]
        let codes = breakdown.keys.sorted(by: Region.codeOrder)
        func part(_ value: IndicatorValue, _ key: String) -> Decimal? {
            if case .record(let record) = value { return record[key].flatMap(decimalValue) }
            return key == "total" ? decimalValue(value) : nil
        }
        let hasCapital = breakdown.values.contains { part($0, "capital") != nil }
        let keys = hasCapital ? ["total", "capital"] : ["total"]
        let rows = codes.map { code -> ChartRow in
            let figures = keys.map { part(breakdown[code]!, $0) }
            // The indicator's own outlier flag marks the region (the same rule as the book's low-population regions).
            var outlier = false
            if case .record(let record)? = breakdown[code], case .flag(true)? = record["outlier"] { outlier = true }
            let label = regionName(code, lowPopulation: outlier)
            return ChartRow(label: label, values: figures.map { $0.map(drawingValue) },
                            display: figures.map { $0.map { numerals.fixed($0 / 1_000_000, places: 1) } ?? text.notAvailable })
        }
        return ChartSpec(id: "chart-per-capita", title: text.chartPerCapita(year: year), unitNote: text.inRialsPerPerson,
                         series: hasCapital ? [text.total, text.capital] : [text.total], rows: rows, categoryHeader: text.region)
    }

    /// (c) Shares of revenue classes in the year's realized revenue (approved when nothing is realized),
    /// borrowing left out: it is finance, not revenue (``RevenueComposition``; ``borrowingLine`` states it).
    var revenueChart: ChartSpec {
        let composition = revenueComposition
        let rows: [ChartRow] = composition.revenue.compactMap { revenueClass, rials in
            guard let share = composition.share(of: rials) else { return nil }
            return ChartRow(label: isPersian ? revenueClass.nameFa : revenueClass.nameEn, values: [drawingValue(share * 100)],
                            display: [numerals.percent(share)])
        }
        return ChartSpec(id: "chart-revenue", title: text.chartRevenue(year: year, realized: composition.realized), unitNote: text.inShares,
                         series: [text.share], rows: rows, categoryHeader: text.revenueClass)
    }

    /// The year's revenue composition, borrowing apart.
    var revenueComposition: RevenueComposition { RevenueComposition.of(book: input.book, year: input.year) }

    /// «تأمین مالی از محل استقراض: … میلیارد ریال، جدا از درآمدها» under the revenue chart; nil without borrowing.
    var borrowingLine: Rich? {
        let composition = revenueComposition
        guard let borrowing = composition.borrowing else { return nil }
        let amount = numerals.fixed(borrowing / 1_000_000_000, places: 1) + " " + text.billionRialsWords
        let share = composition.revenueTotal + borrowing == 0 ? nil : numerals.percent(borrowing / (composition.revenueTotal + borrowing))
        return [.text(text.borrowingLine(amount: amount, shareOfSources: share, realized: composition.realized))]
    }

    /// The charts in report order, the borrowing line right after the revenue chart.
    var chartBlocks: [Block] {
        charts.flatMap { chart -> [Block] in
            guard chart.id == "chart-revenue", let line = borrowingLine else { return [.chart(chart)] }
            return [.chart(chart), .paragraph(line)]
        }
    }

    /// (d) Approved and realized totals of every year of the book.
    var trendChart: ChartSpec {
        var approved: [Int: MoneySum] = [:]
        var realized: [Int: MoneySum] = [:]
        for line in input.book.budgetLines {
            approved[line.year, default: MoneySum()].add(line.approved)
            realized[line.year, default: MoneySum()].add(line.realized)
        }
        let rows = approved.keys.sorted().map { year -> ChartRow in
            let planned = approved[year]!.value
            let done = realized[year].flatMap { $0.count > 0 ? $0.value : nil }
            return ChartRow(label: numerals.year(year), values: [drawingValue(planned), done.map(drawingValue)],
                            display: [numerals.fixed(planned / 1_000_000_000, places: 1),
                                      done.map { numerals.fixed($0 / 1_000_000_000, places: 1) } ?? text.notAvailable])
        }
        return ChartSpec(id: "chart-trend", title: text.chartTrends, unitNote: text.trendNote,
                         series: [text.approved, text.realized], rows: rows, categoryHeader: text.yearWord)
    }
}
