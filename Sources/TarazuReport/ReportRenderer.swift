/// Renders the bilingual governance report.
public enum ReportRenderer {
    /// The report of `input` in `language` and `format`. Deterministic: the same input gives the
    /// same bytes (dictionary keys are sorted, the current time is never read).
    ///
    /// Sections, in order: title (with the book's description when it has one), purpose, one part
    /// per lens (concept, positive points, challenges), the status table, strategic proposals,
    /// four charts, the advanced analysis when `input.advanced` is given (cost trends, forecast
    /// charts with intervals, risky projects, anomalies), PEFA scores, the indicator table, data quality, methods and a reproducibility footer.
    public static func render(_ input: ReportInput, language: ReportLanguage, format: ReportFormat) -> String {
        let context = ReportContext(input: input, language: language)
        let document = context.document
        switch format {
        case .html: return HTMLWriter(language: language, emptyChartText: context.text.noChartData).write(document)
        case .markdown: return MarkdownWriter(language: language, emptyChartText: context.text.noChartData).write(document)
        }
    }
}
