import Foundation
import TarazuCore

/// equity.*: per-capita approved budget of the regions (region 0, the central organisation, and
/// regions without population excluded) and its inequality. Each statistic is four indicators, one per
/// basis: `equity.gini` (total approved, all regions), `equity.gini.without_outliers` (regions with a
/// population under `outlierPopulationShare` of the city left out), `equity.gini.capital` and
/// `equity.gini.capital_without_outliers` (capital approved).
enum EquityIndicators {
    /// The inequality statistics, each computed on every ``Variant``.
    struct Statistic: Sendable {
        let id: String
        let nameFa: String
        let nameEn: String
        let formula: Bilingual
        let compute: @Sendable ([EquityStatistics.Unit]) -> Double?
    }

    static let statistics: [Statistic] = [
        Statistic(id: "gini", nameFa: "ضریب جینی سرانهٔ مناطق", nameEn: "Gini of per-capita allocation",
                  formula: Bilingual(fa: "ضریب جینی وزنی به جمعیت: \(FormulaText.math("Σ_i Σ_j w_i w_j |y_i − y_j| ÷ 2μ"))، "
                                         + "که \(FormulaText.math("w_i")) سهم منطقهٔ \(FormulaText.math("i")) از جمعیت و \(FormulaText.math("μ")) سرانهٔ میانگین مناطق (کل اعتبار ÷ کل جمعیت) است",
                                     en: "population-weighted Gini: sum_i sum_j w_i w_j |y_i - y_j| / (2 mu)"),
                  compute: EquityStatistics.gini),
        Statistic(id: "theil_t", nameFa: "شاخص تایل T سرانهٔ مناطق", nameEn: "Theil T index",
                  formula: Bilingual(fa: "شاخص تایل \(FormulaText.math("T")): \(FormulaText.math("Σ s_i ln(s_i ÷ w_i)"))، که \(FormulaText.math("s_i")) سهم منطقهٔ \(FormulaText.math("i")) از اعتبار و \(FormulaText.math("w_i")) سهم آن از جمعیت است",
                                     en: "sum s_i ln(s_i / w_i)"),
                  compute: EquityStatistics.theilT),
        Statistic(id: "theil_l", nameFa: "شاخص تایل L سرانهٔ مناطق", nameEn: "Theil L index (mean log deviation)",
                  formula: Bilingual(fa: "شاخص تایل \(FormulaText.math("L")) (میانگین انحراف لگاریتمی): \(FormulaText.math("Σ w_i ln(w_i ÷ s_i)"))، "
                                         + "که \(FormulaText.math("w_i")) سهم منطقهٔ \(FormulaText.math("i")) از جمعیت و \(FormulaText.math("s_i")) سهم آن از اعتبار است",
                                     en: "sum w_i ln(w_i / s_i)"),
                  compute: EquityStatistics.theilL),
        Statistic(id: "cv", nameFa: "ضریب تغییرات سرانهٔ مناطق", nameEn: "Coefficient of variation of per-capita allocation",
                  formula: Bilingual(fa: "ضریب تغییرات = انحراف معیار \(FormulaText.math("σ")) ÷ میانگین ساده (بی‌وزن) سرانهٔ مناطق، با \(FormulaText.math("σ")) محاسبه‌شده با تقسیم بر \(FormulaText.math("n")) (شمار مناطق)؛ "
                                         + "در جزئیات: همین نسبت با تقسیم بر \(FormulaText.math("n − 1"))، و ضریب ویلیامسون، وزنی به جمعیت: "
                                         + "\(FormulaText.math("√(Σ w_i (y_i − μ)²) ÷ μ"))، که \(FormulaText.math("w_i")) سهم منطقهٔ \(FormulaText.math("i")) از جمعیت و \(FormulaText.math("μ")) سرانهٔ میانگین مناطق است",
                                     en: "sigma / mean of the regions' y_i, unweighted, sigma dividing by n; breakdown n_minus_1 divides by n - 1; "
                                         + "williamson = sqrt(sum w_i (y_i - mu)^2) / mu"),
                  compute: { EquityStatistics.coefficientOfVariation($0, sample: false) }),
        Statistic(id: "max_min_ratio", nameFa: "نسبت بیشترین به کمترین سرانهٔ مناطق", nameEn: "Max/min per-capita ratio",
                  formula: Bilingual(fa: "بیشترین سرانهٔ مناطق ÷ کمترین سرانهٔ مناطق", en: "max y_i / min y_i"),
                  compute: EquityStatistics.maxMinRatio),
    ]

    static let zonesFormula = Bilingual(
        fa: "؛ تفکیک تایل میان پهنه‌ها (گروه‌هایی از مناطق که جدول مناطق کتاب تعریف می‌کند): \(FormulaText.math("Σ_g S_g ln(S_g ÷ W_g)")) و درون پهنه‌ها: \(FormulaText.math("Σ_g S_g T_g"))، "
            + "که \(FormulaText.math("S_g")) و \(FormulaText.math("W_g")) سهم پهنهٔ \(FormulaText.math("g")) از اعتبار و از جمعیت و \(FormulaText.math("T_g")) شاخص تایل مناطق درون آن است (منطقهٔ بی‌پهنه خود یک گروه است)",
        en: "; between_zones = sum_g S_g ln(S_g / W_g), within_zones = sum_g S_g T_g over zones (a region without zone is its own group)")

    /// The bases of the statistics: the total or the capital budget, with or without outlier regions.
    enum Variant: CaseIterable, Sendable {
        case total, totalWithoutOutliers, capital, capitalWithoutOutliers

        var capital: Bool { self == .capital || self == .capitalWithoutOutliers }
        var withoutOutliers: Bool { self == .totalWithoutOutliers || self == .capitalWithoutOutliers }

        /// `equity.STATISTIC` plus the variant's suffix.
        func indicatorId(_ statistic: String) -> String {
            switch self {
            case .total: "equity.\(statistic)"
            case .totalWithoutOutliers: "equity.\(statistic).without_outliers"
            case .capital: "equity.\(statistic).capital"
            case .capitalWithoutOutliers: "equity.\(statistic).capital_without_outliers"
            }
        }

        var nameFa: String {
            switch self {
            case .total: "کل اعتبار مصوب، همهٔ مناطق"
            case .totalWithoutOutliers: "کل اعتبار مصوب، بدون مناطق کم‌جمعیت"
            case .capital: "اعتبار عمرانی مصوب، همهٔ مناطق"
            case .capitalWithoutOutliers: "اعتبار عمرانی مصوب، بدون مناطق کم‌جمعیت"
            }
        }

        /// What y_i, the per-person figure of region i, is on this basis.
        var perPersonFormula: Bilingual {
            capital ? Bilingual(fa: "؛ \(FormulaText.math("y_i")) سرانهٔ منطقهٔ \(FormulaText.math("i")) است: اعتبار عمرانی مصوب آن ÷ جمعیت آن", en: "; y_i = capital approved per person of region i")
                : Bilingual(fa: "؛ \(FormulaText.math("y_i")) سرانهٔ منطقهٔ \(FormulaText.math("i")) است: کل اعتبار مصوب آن ÷ جمعیت آن", en: "; y_i = total approved per person of region i")
        }

        var nameEn: String {
            switch self {
            case .total: "total approved, all regions"
            case .totalWithoutOutliers: "total approved, without outlier regions"
            case .capital: "capital approved, all regions"
            case .capitalWithoutOutliers: "capital approved, without outlier regions"
            }
        }
    }

    private struct RegionFigures {
        let region: Region
        let total: Money
        let capital: Money
        let isOutlier: Bool
    }

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let regions = context.book.regions.filter { $0.code != Region.centralCode && $0.population > 0 }
        let cityPopulation = regions.reduce(Int64(0)) { $0 + $1.population }
        let lowPopulation = PerResident.lowPopulationRegions(of: context.book, share: context.options.outlierPopulationShare)
        let byRegion = try LineTotals.grouping(context.lines) { $0.regionCode }
        let capitalByRegion = try LineTotals.grouping(context.lines.filter { $0.economicClass == .capital }) { $0.regionCode }
        let figures = regions.sorted { Region.codeOrder($0.code, $1.code) }.map {
            RegionFigures(region: $0, total: byRegion[$0.code]?.approved ?? .zero, capital: capitalByRegion[$0.code]?.approved ?? .zero,
                          isOutlier: lowPopulation.contains($0.code))
        }
        let outliers = figures.filter(\.isOutlier).map { IndicatorValue.text($0.region.code) }
        let scale = context.options.scale
        let zoned = figures.contains { $0.region.zone != nil }

        let variants = Variant.allCases.map { variant in
            (variant, figures.filter { !variant.withoutOutliers || !$0.isOutlier }.map {
                EquityStatistics.Unit(spending: Double((variant.capital ? $0.capital : $0.total).rials), population: Double($0.region.population),
                                      group: $0.region.zone ?? $0.region.code)
            })
        }
        func perCapita(_ amount: Money, _ population: Int64) -> IndicatorValue {
            PerResident.amount(amount, population: population, scale: context.options.perCapitaScale).map(IndicatorValue.decimal) ?? .unavailable
        }
        let evidence = [Evidence(
            table: "regions", rows: figures.map(\.region.code),
            sums: ["population": .count(Int(cityPopulation)), "outliers": .list(outliers),
                   "excluded_without_population": .list(context.book.regions.filter { $0.code != Region.centralCode && $0.population <= 0 }.map { .text($0.code) }),
                   "lines_of_unknown_regions": .list(Set(byRegion.keys).subtracting(context.book.regions.map(\.code)).subtracting([Region.centralCode]).sorted().map { .text($0) })])]
            + figures.map { figure in
                let totals = byRegion[figure.region.code] ?? LineTotals()
                return Evidence(table: "budget_lines", key: figure.region.code, rows: Arithmetic.smallest(totals.ids, limit: context.options.evidenceRowLimit),
                                rowCount: totals.ids.count,
                                sums: ["approved": .rials(figure.total.rials), "capital_approved": .rials(figure.capital.rials),
                                       "population": .count(Int(figure.region.population)),
                                       "approved_per_person": perCapita(figure.total, figure.region.population),
                                       "capital_approved_per_person": perCapita(figure.capital, figure.region.population)])
            }

        let totalSpending = try Arithmetic.sum(figures, \.total)
        let perCapitaBreakdown = Dictionary(uniqueKeysWithValues: figures.map { figure in
            (figure.region.code, IndicatorValue.record([
                "total": perCapita(figure.total, figure.region.population),
                "capital": perCapita(figure.capital, figure.region.population),
                "population": .count(Int(figure.region.population)), "outlier": .flag(figure.isOutlier)]))
        })
        var indices: [Indicator] = []
        let outlierShare = FormulaText.percent(context.options.outlierPopulationShare)
        let outlierNote = Bilingual(fa: "؛ بدون مناطق کم‌جمعیت: مناطقی که جمعیتشان کمتر از \(outlierShare.fa) جمعیت شهر است کنار گذاشته شده‌اند",
                                    en: "; without outliers: regions with a population under \(outlierShare.en) of the city left out")
        for statistic in statistics {
            for (variant, units) in variants {
                let value = Arithmetic.indexValue(statistic.compute(units), scale: scale)
                var breakdown: [String: IndicatorValue] = [:]
                switch statistic.id {
                case "theil_t" where zoned:
                    let parts = EquityStatistics.theilTDecomposition(units)
                    breakdown["between_zones"] = Arithmetic.indexValue(parts?.between, scale: scale)
                    breakdown["within_zones"] = Arithmetic.indexValue(parts?.within, scale: scale)
                case "max_min_ratio":
                    let pool = figures.filter { !variant.withoutOutliers || !$0.isOutlier }.compactMap { figure -> (RegionFigures, Decimal)? in
                        PerResident.amount(variant.capital ? figure.capital : figure.total, population: figure.region.population,
                                           scale: context.options.perCapitaScale).map { (figure, $0) }
                    }
                    let ordered = pool.sorted { ($0.1, $0.0.region.code) < ($1.1, $1.0.region.code) }
                    for (key, extreme) in [("lowest", ordered.first), ("highest", ordered.last)] {
                        guard let (figure, amount) = extreme else { continue }
                        breakdown[key] = .list([.record(["region": .text(figure.region.code), "name_fa": .text(figure.region.nameFa),
                                                         "name_en": .text(figure.region.nameEn ?? figure.region.nameFa),
                                                         "per_person": .decimal(amount)])])
                    }
                case "cv":
                    breakdown["n_minus_1"] = Arithmetic.indexValue(EquityStatistics.coefficientOfVariation(units, sample: true), scale: scale)
                    breakdown["williamson"] = Arithmetic.indexValue(EquityStatistics.williamson(units), scale: scale)
                default: break
                }
                if variant.withoutOutliers {
                    breakdown["left_out"] = .list(figures.filter(\.isOutlier).map { figure in
                        .record(["region": .text(figure.region.code), "name_fa": .text(figure.region.nameFa),
                                 "name_en": .text(figure.region.nameEn ?? figure.region.nameFa)])
                    })
                }
                var formula = statistic.formula
                if statistic.id == "theil_t", zoned { formula = formula + Self.zonesFormula }
                formula = formula + variant.perPersonFormula
                if variant.withoutOutliers { formula = formula + outlierNote }
                indices.append(Indicator(
                    id: variant.indicatorId(statistic.id), nameFa: statistic.nameFa + "، " + variant.nameFa,
                    nameEn: statistic.nameEn + ", " + variant.nameEn,
                    formula: formula,
                    unit: statistic.id == "max_min_ratio" ? "times" : "index", value: value, breakdown: breakdown, evidence: evidence))
            }
        }
        return [
            Indicator(id: "equity.per_capita.by_region", nameFa: "سرانهٔ اعتبار مصوب مناطق", nameEn: "Approved budget per person by region",
                      formula: Bilingual(fa: "برای هر منطقه: اعتبار مصوب ردیف‌های منطقه ÷ جمعیت آن (بدون ستاد مرکزی)؛ مقدار شاخص = اعتبار مصوب همهٔ مناطق ÷ جمعیت شهر",
                                         en: "approved of the region's budget lines / population (the central administration excluded); value = sum over regions / city population"),
                      unit: "rials_per_person", value: perCapita(totalSpending, cityPopulation),
                      breakdown: perCapitaBreakdown, evidence: evidence),
        ] + indices
    }
}
