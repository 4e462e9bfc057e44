import Foundation
import TarazuCore
import TarazuForecast
import TarazuRisk
@testable import TarazuReport

/// A hand-made advanced analysis for `ReportFixture`: a few cost series, two forecasts from the
/// real forecaster, project risks and anomalies from the real scorer and detector on a tiny book.
enum AdvancedFixture {
    static func rials(_ billions: Int64) -> Int64 { billions * 1_000_000_000 }

    static func series(_ dimension: SeriesKey.Dimension, _ member: String, _ basis: SeriesKey.Basis,
                       _ values: [(Int, Int64)], side: SeriesKey.Side = .expenditure) -> CostSeries {
        CostSeries(key: SeriesKey(side: side, dimension: dimension, member: member, measure: .approved, basis: basis),
                   points: values.map { YearValue(year: $0.0, value: rials($0.1)) }, baseYear: basis == .real ? 1403 : nil)
    }

    static var trends: [CostSeries] {
        [
            // Real series with a break in 1402 (five changes, one far from the others).
            series(.function, "social_cultural", .real, [(1398, 100), (1399, 105), (1400, 110), (1401, 116), (1402, 200), (1403, 210)]),
            series(.function, "social_cultural", .nominal, [(1401, 300), (1402, 350), (1403, 400)]),
            // Only nominal: the table falls back to it.
            series(.function, "transport_traffic", .nominal, [(1401, 500), (1402, 600), (1403, 800)]),
            series(.function, "urban_services_environment", .real, [(1401, 200), (1403, 190)]),
            series(.total, "all", .real, [(1401, 900), (1402, 1_000), (1403, 1_150)]),
            // Not shown: revenue and realized series.
            series(.total, "all", .nominal, [(1401, 1_000), (1403, 1_100)], side: .revenue),
        ]
    }

    static var forecasts: [ForecastResult] {
        let spending: [Double] = [800, 860, 930, 990, 1_080, 1_150, 1_230, 1_320].map { Double(rials($0)) }
        let revenue: [Double] = [900, 950, 1_100, 1_150].map { Double(rials($0)) }
        return [
            Forecaster.forecast(key: "expenditure/total/all/realized/nominal", years: Array(1396...1403), values: spending),
            // No realized revenue forecast: the approved one is used.
            Forecaster.forecast(key: "revenue/total/all/approved/nominal", years: Array(1400...1403), values: revenue),
        ]
    }

    /// The project whose name needs escaping.
    static let trickyFa = "بزرگراه <شرق> & غرب"
    static let trickyEn = "East <&> \"West\" highway"

    /// Twelve projects (the report lists ten) and six ordinary lines with one outlying execution rate.
    static var riskBook: BudgetBook {
        var projects = [
            Project(projectId: "P01", nameFa: trickyFa, nameEn: trickyEn, regionCode: "1", function: "transport_traffic", type: .road,
                    startYear: 1400, plannedEndYear: 1402, plannedCost: Money(rials: rials(1_000)),
                    currentCostEstimate: Money(rials: rials(1_500)), physicalProgress: 60),
            Project(projectId: "P02", nameFa: "ساختمان اداری", nameEn: "Office building", regionCode: "2", function: "social_cultural",
                    type: .building, startYear: 1402, plannedEndYear: 1405, plannedCost: Money(rials: rials(200)),
                    currentCostEstimate: Money(rials: rials(210)), physicalProgress: 30),
        ]
        for index in 3...12 {
            projects.append(Project(projectId: String(format: "P%02d", index), nameFa: "بوستان \(index)", nameEn: "Park \(index)",
                                    regionCode: "3", function: "urban_services_environment", type: .park, startYear: 1401,
                                    plannedEndYear: 1404, plannedCost: Money(rials: rials(50)),
                                    currentCostEstimate: Money(rials: rials(50 + Int64(index) * 3)), physicalProgress: Decimal(index * 5)))
        }
        var lines: [BudgetLine] = []
        for (index, year) in [1401, 1402, 1403].enumerated() {
            lines.append(BudgetLine(year: year, lineId: "PL\(index)", department: "D", regionCode: "1", function: "transport_traffic",
                                    projectId: "P01", economicClass: .capital, approved: Money(rials: rials(300)),
                                    revised: Money(rials: rials(400)), realized: Money(rials: rials(280))))
        }
        lines.append(BudgetLine(year: 1403, lineId: "PL9", department: "D", regionCode: "2", function: "social_cultural",
                                projectId: "P02", economicClass: .capital, approved: Money(rials: rials(60)), realized: Money(rials: rials(20))))
        for (index, rate) in [90, 92, 88, 91, 89, 10].enumerated() {
            lines.append(BudgetLine(year: 1403, lineId: "L\(index + 1)", department: "D", regionCode: "1",
                                    function: "social_cultural", program: "Program \(index + 1)", economicClass: .current, approved: Money(rials: rials(100)),
                                    realized: Money(rials: rials(Int64(rate)))))
        }
        let metadata = BookMetadata(name: "risk", title: "Risk book", cityFa: "آزمون‌آباد", cityEn: "Testville")
        return BudgetBook(metadata: metadata, budgetLines: lines, projects: projects)
    }

    static var risks: [ProjectRisk] { RiskScorer.score(book: riskBook) }

    /// The detected anomaly plus six made from it, to test the count and the five largest |z|.
    static var anomalies: [Anomaly] {
        let detected = AnomalyDetector.detect(book: riskBook)
        guard let first = detected.first else { return detected }
        var all = detected
        for index in 1...6 {
            var copy = first
            copy.key = "X\(index)"
            copy.z = Decimal(index) * (index.isMultiple(of: 2) ? 1 : -1)
            copy.textEn = "Made-up anomaly \(index) with robust z = \(copy.z)."
            copy.textFa = "رقم نامتعارف ساختگی \(PersianText.persianDigits(String(index))) با امتیاز z مقاوم \(PersianText.persianDigits("\(copy.z)"))."
            copy.pointEn = copy.textEn
            copy.pointFa = copy.textFa
            all.append(copy)
        }
        return all
    }

    static var advanced: AdvancedAnalysis {
        AdvancedAnalysis(trends: trends, forecasts: forecasts, risks: risks, anomalies: anomalies)
    }

    /// `ReportFixture`'s input on its book with the risk book's projects (the plan of each project
    /// comes from the report's book), with the advanced analysis.
    static var input: ReportInput {
        var book = ReportFixture.book
        book.projects = riskBook.projects
        let base = ReportFixture.input
        return ReportInput(book: book, year: base.year, indicators: base.indicators, assessment: base.assessment,
                           softwareVersion: base.softwareVersion, advanced: advanced)
    }
}
