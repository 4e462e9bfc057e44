import Foundation
import Testing
import TarazuCore
import TarazuForecast
import TarazuRisk
@testable import TarazuReport

/// The "advanced analysis" section: goldens and structural checks.
///
/// To accept a deliberate change of the output, rewrite the goldens and review the diff by eye:
///
///     TARAZU_UPDATE_GOLDEN=1 swift test --filter AdvancedAnalysisTests
@Suite struct AdvancedAnalysisTests {
    let input = AdvancedFixture.input

    func render(_ language: ReportLanguage, _ format: ReportFormat) -> String {
        ReportRenderer.render(input, language: language, format: format)
    }

    @Test(arguments: GoldenTests.cases)
    func matchesGolden(language: ReportLanguage, format: ReportFormat) {
        GoldenTests.matches(render(language, format), "advanced", language, format)
    }

    @Test func withoutAdvancedTheReportIsUnchanged() {
        let base = ReportFixture.input
        #expect(base.advanced == nil)
        let plain = ReportInput(book: base.book, year: base.year, indicators: base.indicators, assessment: base.assessment,
                                softwareVersion: base.softwareVersion, contentHash: base.contentHash, advanced: nil)
        for language in ReportLanguage.allCases {
            for format in ReportFormat.allCases {
                let output = ReportRenderer.render(plain, language: language, format: format)
                #expect(output == ReportRenderer.render(ReportFixture.input, language: language, format: format))
                #expect(!output.contains("id=\"advanced\"") && !output.contains("chart-forecast"))
            }
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func forecastChartsHaveDashedForecastsAndIntervalBands(language: ReportLanguage) throws {
        let html = render(language, .html)
        #expect(HTMLChecks.count("<svg ", in: html) == 7)
        #expect(HTMLChecks.count("<title id=\"chart-", in: html) == 7)
        for id in ["chart-forecast-expenditure", "chart-forecast-revenue"] {
            let start = try #require(html.range(of: "<figure class=\"chart\" id=\"\(id)\">"))
            let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
            let figure = String(html[start.lowerBound..<end.upperBound])
            #expect(figure.contains("<path class=\"history\" d=\"M"))
            #expect(figure.contains("<path class=\"forecast\" d=\"M") && figure.contains("stroke-dasharray=\"6 4\""))
            #expect(HTMLChecks.count("<polygon class=\"interval-80\"", in: figure) == 1)
            #expect(HTMLChecks.count("<polygon class=\"interval-95\"", in: figure) == 1)
            // Three forecast years plus the history, each with a marker and a year label.
            #expect(HTMLChecks.count("<circle ", in: figure) >= 7)
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func wellFormedAndPlaceholderFree(language: ReportLanguage) {
        let html = render(language, .html)
        #expect(HTMLChecks.nestingProblems(html).isEmpty, "\(HTMLChecks.nestingProblems(html))")
        for format in ReportFormat.allCases {
            let output = HTMLChecks.withoutStyle(render(language, format))
            #expect(!output.contains("{") && !output.contains("}"), "\(language) \(format) has a brace")
        }
    }

    @Test func persianProseHasPersianDigitsOnly() {
        let prose = HTMLChecks.persianProseText(render(.fa, .html))
        let ascii = prose.range(of: "[0-9]", options: .regularExpression)
        let context = ascii.map { range -> String in
            let start = prose.index(range.lowerBound, offsetBy: -40, limitedBy: prose.startIndex) ?? prose.startIndex
            return String(prose[start..<range.upperBound])
        } ?? ""
        #expect(ascii == nil, "ASCII digit in Persian prose near: \(context)")
        let markdown = render(.fa, .markdown)
        #expect(markdown.contains("## تحلیل پیشرفته: روند هزینه‌ها، پروژه‌های پرریسک و مصارف و منابع آینده"))
    }

    @Test func sectionSitsAfterTheChartsAndMethodsExplainIt() throws {
        let markdown = render(.en, .markdown)
        let charts = try #require(markdown.range(of: "## Key charts"))
        let advanced = try #require(markdown.range(of: "## Advanced analysis: cost trends, risky projects and future costs"))
        let pefa = try #require(markdown.range(of: "## PEFA scores"))
        #expect(charts.lowerBound < advanced.lowerBound && advanced.lowerBound < pefa.lowerBound)
        let methods = try #require(markdown.range(of: "## Methods"))
        let advancedMethods = try #require(markdown.range(of: "### Methods of the advanced analysis"))
        #expect(methods.lowerBound < advancedMethods.lowerBound)
        #expect(markdown.contains("cost overrun 30; schedule slip 25; budget volatility 10; low execution 15; spending ahead of progress 20; contract red flags 0"))
    }

    @Test func trendTableCitesItsFigures() {
        let markdown = render(.en, .markdown)
        // Real basis with a break; nominal fallback; falling; the total row.
        #expect(markdown.contains("| Social and cultural | 1403 prices | 1398: 100.0 | 1403: 210.0 | +16.0 % | rising | 1402 (+72.4 %) |"))
        #expect(markdown.contains("| Transport and traffic | current prices | 1401: 500.0 | 1403: 800.0 | +26.5 % | rising | none |"))
        #expect(markdown.contains("| Urban services and environment | 1403 prices | 1401: 200.0 | 1403: 190.0 | -2.5 % | falling | none |"))
        #expect(markdown.contains("| **All functions** | 1403 prices | 1401: 900.0 | 1403: 1,150.0 |"))
        let persian = render(.fa, .markdown)
        #expect(persian.contains("| اجتماعی و فرهنگی | قیمت ثابت سال ۱۴۰۳ | ۱۳۹۸: ۱۰۰٫۰ | ۱۴۰۳: ۲۱۰٫۰ | \u{2066}+۱۶٫۰٪\u{2069} | صعودی | ۱۴۰۲ (\u{2066}+۷۲٫۴٪\u{2069}) |"))
    }

    @Test func forecastTablesAndMethodLines() throws {
        let markdown = render(.en, .markdown)
        let forecasts = AdvancedFixture.forecasts
        let spending = forecasts[0]
        let numerals = Numerals(language: .en)
        let first = try #require(spending.forecasts.first)
        let lo80 = try #require(first.lo80), hi80 = try #require(first.hi80)
        #expect(markdown.contains("| 1404 | **\(numerals.billions(first.value))** | \(numerals.billions(lo80)) to \(numerals.billions(hi80)) |"))
        #expect(markdown.contains("**Total expenditure, realized: history and forecast to 1406**"))
        #expect(markdown.contains("**Total sources (revenue and borrowing), approved: history and forecast to 1406**"))
        #expect(markdown.contains("| Year | Observed | Forecast |"))
        #expect(markdown.contains("| 1403 | 1,320.0 | - |"))
        #expect(markdown.contains("MAPE ") && markdown.contains("sMAPE ") && markdown.contains("MASE "))
        #expect(markdown.contains("only naive and drift considered"))
        #expect(!markdown.contains("<svg"))
        let persian = render(.fa, .html)
        #expect(persian.contains("تنها روش‌های ساده و رانش سنجیده شدند"))
    }

    @Test func riskyProjectsAreTheTopTenEscaped() throws {
        let markdown = render(.en, .markdown)
        let start = try #require(markdown.range(of: "### Risky projects"))
        let end = try #require(markdown.range(of: "### Anomalies"))
        let part = String(markdown[start.upperBound..<end.lowerBound])
        #expect(part.contains("The 10 riskiest of 12 projects"))
        #expect(HTMLChecks.count("\n| ", in: part) == 11) // header + 10 rows
        #expect(part.contains("East &lt;&amp;&gt; \"West\" highway `P01`"))
        let html = render(.en, .html)
        #expect(html.contains("East &lt;&amp;&gt; &quot;West&quot; highway"))
        #expect(!html.contains("East <&>"))
        let persian = render(.fa, .html)
        #expect(persian.contains("بزرگراه &lt;شرق&gt; &amp; غرب"))
        let top = try #require(AdvancedFixture.risks.first)
        let reason = try #require(top.reasons.first)
        #expect(markdown.contains(markdownEscape(reason.textEn)))
    }

    @Test func anomaliesAreCountedAndTheFiveLargestListed() throws {
        let markdown = render(.en, .markdown)
        let detected = AnomalyDetector.detect(book: AdvancedFixture.riskBook)
        #expect(detected.count == 2)
        #expect(markdown.contains("\(detected.count + 6) anomalies found"))
        // Each listed anomaly by its value and score; its set's median once, above the list.
        for anomaly in detected { #expect(markdown.contains(markdownEscape(anomaly.pointEn))) }
        let set = try #require(detected.first?.setEn)
        #expect(markdown.components(separatedBy: markdownEscape(set.prefix(1).uppercased() + set.dropFirst())).count == 2)
        for index in 4...6 { #expect(markdown.contains("Made-up anomaly \(index) ")) }
        for index in 1...3 { #expect(!markdown.contains("Made-up anomaly \(index) ")) }
    }

    @Test func emptyPartsSaySo() {
        var empty = input
        empty.advanced = AdvancedAnalysis()
        let markdown = ReportRenderer.render(empty, language: .en, format: .markdown)
        #expect(markdown.contains("The budget book has no project data; no project risk was scored."))
        #expect(markdown.contains("No anomaly found"))
        #expect(markdown.contains("The input has no forecast of total expenditure."))
        #expect(markdown.contains("The input has no yearly series of expenditure by function."))
        for language in ReportLanguage.allCases {
            let html = ReportRenderer.render(empty, language: language, format: .html)
            #expect(HTMLChecks.nestingProblems(html).isEmpty)
            #expect(HTMLChecks.count("<svg ", in: html) == 5)
        }
        let prose = HTMLChecks.persianProseText(ReportRenderer.render(empty, language: .fa, format: .html))
        #expect(prose.range(of: "[0-9]", options: .regularExpression) == nil)
    }
}
