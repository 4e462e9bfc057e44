import Foundation
import TarazuCore

/// equity.*: per-capita approved budget of the regions (region 0, the central organisation, and
/// regions without population excluded) and its inequality, each on the total and on the capital
/// budget, with and without outlier regions (population under `outlierPopulationShare` of the city).
/// Headline values are on the total budget over all regions; the breakdown keys are `total`,
/// `capital`, `total_without_outliers` and `capital_without_outliers`.
enum EquityIndicators {
    private struct RegionFigures {
        let region: Region
        let total: Money
        let capital: Money
        let isOutlier: Bool
    }

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let regions = context.book.regions.filter { $0.code != Region.centralCode && $0.population > 0 }
        let cityPopulation = regions.reduce(Int64(0)) { $0 + $1.population }
        let threshold = Decimal(cityPopulation) * context.options.outlierPopulationShare
        let byRegion = try Totals.grouping(context.lines) { $0.regionCode }
        let capitalByRegion = try Totals.grouping(context.lines.filter { $0.economicClass == .capital }) { $0.regionCode }
        let figures = regions.sorted { $0.code < $1.code }.map {
            RegionFigures(region: $0, total: byRegion[$0.code]?.approved ?? .zero, capital: capitalByRegion[$0.code]?.approved ?? .zero,
                          isOutlier: Decimal($0.population) < threshold)
        }
        let outliers = figures.filter(\.isOutlier).map { IndicatorValue.text($0.region.code) }
        let scale = context.options.scale
        let zoned = figures.contains { $0.region.zone != nil }

        var variants: [(String, [EquityStatistics.Unit])] = []
        for (basis, amount) in [("total", \RegionFigures.total), ("capital", \RegionFigures.capital)] {
            for (suffix, keep) in [("", { (_: RegionFigures) in true }), ("_without_outliers", { !$0.isOutlier })] {
                variants.append((basis + suffix, figures.filter(keep).map {
                    EquityStatistics.Unit(spending: Double($0[keyPath: amount].rials), population: Double($0.region.population),
                                          group: $0.region.zone ?? $0.region.code)
                }))
            }
        }
        func statistic(_ compute: ([EquityStatistics.Unit]) -> Double?) -> [String: IndicatorValue] {
            Dictionary(uniqueKeysWithValues: variants.map { ($0.0, Arithmetic.indexValue(compute($0.1), scale: scale)) })
        }
        let evidence = [Evidence(
            table: "regions", rows: figures.map(\.region.code),
            sums: ["population": .count(Int(cityPopulation)), "outliers": .list(outliers),
                   "excluded_without_population": .list(context.book.regions.filter { $0.code != Region.centralCode && $0.population <= 0 }.map { .text($0.code) }),
                   "lines_of_unknown_regions": .list(Set(byRegion.keys).subtracting(context.book.regions.map(\.code)).subtracting([Region.centralCode]).sorted().map { .text($0) })])]
            + figures.map { figure in
                let totals = byRegion[figure.region.code] ?? Totals()
                return Evidence(table: "budget_lines", key: figure.region.code, rows: Arithmetic.smallest(totals.ids, limit: context.options.evidenceRowLimit),
                                rowCount: totals.ids.count, sums: ["approved": .rials(figure.total.rials), "capital_approved": .rials(figure.capital.rials)])
            }

        func perCapita(_ amount: Money, _ population: Int64) -> IndicatorValue {
            Arithmetic.ratio(amount.decimal, Decimal(population), scale: context.options.perCapitaScale).map(IndicatorValue.decimal) ?? .unavailable
        }
        let totalSpending = try Arithmetic.sum(figures, \.total)
        let perCapitaBreakdown = Dictionary(uniqueKeysWithValues: figures.map { figure in
            (figure.region.code, IndicatorValue.record([
                "total": perCapita(figure.total, figure.region.population),
                "capital": perCapita(figure.capital, figure.region.population),
                "population": .count(Int(figure.region.population)), "outlier": .flag(figure.isOutlier)]))
        })
        let theil = statistic(EquityStatistics.theilT)
        var theilBreakdown = theil
        if zoned {
            for (key, units) in variants {
                let parts = EquityStatistics.theilTDecomposition(units)
                theilBreakdown[key + "_between"] = Arithmetic.indexValue(parts?.between, scale: scale)
                theilBreakdown[key + "_within"] = Arithmetic.indexValue(parts?.within, scale: scale)
            }
        }
        var cv = statistic { EquityStatistics.coefficientOfVariation($0, sample: false) }
        for (key, value) in statistic({ EquityStatistics.coefficientOfVariation($0, sample: true) }) { cv[key + "_n_minus_1"] = value }
        for (key, value) in statistic(EquityStatistics.williamson) { cv[key + "_williamson"] = value }
        let variantsNote = "; on total and capital approved per person, with and without outliers (population under \(context.options.outlierPopulationShare) of the city)"

        func index(_ id: String, _ nameFa: String, _ nameEn: String, _ formula: String, _ breakdown: [String: IndicatorValue]) -> Indicator {
            Indicator(id: id, nameFa: nameFa, nameEn: nameEn, formula: formula + variantsNote, unit: "index",
                      value: breakdown["total"] ?? .unavailable, breakdown: breakdown, evidence: evidence)
        }
        return [
            Indicator(id: "equity.per_capita.by_region", nameFa: "سرانه اعتبارات مصوب مناطق", nameEn: "Approved budget per person by region",
                      formula: "approved of the region's budget lines / population (region 0 excluded); value = sum over regions / city population",
                      unit: "rials_per_person", value: perCapita(totalSpending, cityPopulation),
                      breakdown: perCapitaBreakdown, evidence: evidence),
            index("equity.gini", "ضریب جینی سرانه مناطق", "Gini of per-capita allocation",
                  "population-weighted Gini: sum_i sum_j w_i w_j |y_i - y_j| / (2 mu)", statistic(EquityStatistics.gini)),
            index("equity.theil_t", "شاخص تایل T", "Theil T index",
                  "sum s_i ln(s_i / w_i)" + (zoned ? "; _between = sum_g S_g ln(S_g / W_g), _within = sum_g S_g T_g over zones (a region without zone is its own group)" : ""), theilBreakdown),
            index("equity.theil_l", "شاخص تایل L", "Theil L index (mean log deviation)",
                  "sum w_i ln(w_i / s_i)", statistic(EquityStatistics.theilL)),
            index("equity.cv", "ضریب تغییرات سرانه مناطق", "Coefficient of variation of per-capita allocation",
                  "sigma / mean of the regions' y_i, unweighted; sigma divides by n (key), by n - 1 (key_n_minus_1); key_williamson = sqrt(sum w_i (y_i - mu)^2) / mu", cv),
            index("equity.max_min_ratio", "نسبت بیشینه به کمینه سرانه", "Max/min per-capita ratio",
                  "max y_i / min y_i", statistic(EquityStatistics.maxMinRatio)),
        ]
    }
}
