import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuForecast
import TarazuReport
import TarazuRisk

extension AdvancedAnalysis {
    /// The report's advanced analysis of `book` in `year`: every cost trend, forecasts of the total
    /// expenditure and revenue series three years ahead, the risky projects (reasons written for the ten
    /// shown; projects with likely data errors left out, ``ProjectRisks``) and the anomalies of the year.
    public static func build(book: BudgetBook, year: Int?) throws(AssessmentError) -> AdvancedAnalysis {
        let series: [CostSeries]
        do { series = try CostSeries.build(book: book) } catch { throw .overflow("\(error)") }
        let totals = series.filter { $0.key.dimension == .total && $0.key.basis == .nominal }
        let forecasts = ConcurrentMap.indices(totals.count) { totals[$0].forecast(options: Forecaster.Options(horizon: 3)) }
        let projects = try ProjectRisks.build(book: book, year: year, explain: 10)
        return AdvancedAnalysis(trends: series, forecasts: forecasts, risks: projects.risks,
                                anomalies: AnomalyDetector.detect(book: book, year: year), leftOut: projects.leftOut)
    }
}

extension BookAssessment {
    /// The governance report of this assessment; `generatedOn` nil keeps the bytes reproducible (forecast
    /// years are still marked as over or current by the year the assessment is made in).
    public func report(advanced: AdvancedAnalysis?, language: ReportLanguage, format: ReportFormat, generatedOn: Date?) -> String {
        let input = ReportInput(book: book, year: year, indicators: indicators, assessment: assessment,
                                softwareVersion: TarazuVersion.current, generatedOn: generatedOn, madeIn: madeIn, contentHash: contentHash,
                                advanced: advanced, dataErrors: dataErrors)
        return ReportRenderer.render(input, language: language, format: format)
    }
}
