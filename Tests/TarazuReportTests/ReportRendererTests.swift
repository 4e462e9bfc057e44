import Foundation
import Testing
import TarazuAnalysis
import TarazuCore
@testable import TarazuReport

@Suite struct ReportRendererTests {
    let input = ReportFixture.input

    func render(_ language: ReportLanguage, _ format: ReportFormat) -> String {
        ReportRenderer.render(input, language: language, format: format)
    }

    @Test func persianHTMLIsRightToLeftWithPersianDigits() {
        let html = render(.fa, .html)
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(html.contains("Vazirmatn, \"Noto Naskh Arabic\", \"Noto Sans Arabic\", Tahoma, sans-serif"))
        let prose = HTMLChecks.persianProseText(html)
        let ascii = prose.range(of: "[0-9]", options: .regularExpression)
        let context = ascii.map { range -> String in
            let start = prose.index(range.lowerBound, offsetBy: -40, limitedBy: prose.startIndex) ?? prose.startIndex
            return String(prose[start..<range.upperBound])
        } ?? ""
        #expect(ascii == nil, "ASCII digit in Persian prose near: \(context)")
        // The hash stays Latin, inside a left-to-right span.
        #expect(html.contains("<bdi dir=\"ltr\">\(input.book.contentHash)</bdi>"))
        #expect(html.contains("۱۴۰۳"))
    }

    @Test func englishHTMLIsLeftToRight() {
        let html = render(.en, .html)
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(!html.contains("۱"))
        #expect(html.contains("Financial and institutional governance of the Municipality of Testville, budget year 1403"))
        #expect(html.contains("Illustrative amounts for tests: not real data."))
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyPlaceholderIsFilled(language: ReportLanguage) {
        for format in ReportFormat.allCases {
            let output = HTMLChecks.withoutStyle(render(language, format))
            #expect(!output.contains("{") && !output.contains("}"), "\(language) \(format) has an unfilled placeholder")
        }
    }

    @Test func findingsAppearWithTheirFigures() {
        let markdown = render(.en, .markdown)
        let expected = [
            "Realized spending departs from the approved budget: the score is D, and only 70.0 % of the 1403 budget was executed.",
            "No region sold assets beyond the council's authorization. (Asset sales beyond authorization: 0.0 billion rials)",
            "Composition variance by function: 14.1 %",
            "The book shows the share of fees: 60.0 %.",
            "*Declared, not measured from the data:* The council has no analytical dashboards (dashboards: no). *note: Letter 152 of the council secretariat, 1403*",
            "Set the budget's composition from the council's approved priorities; target: reduce the variance of the expenditure composition by function to under 10 % by the end of 1405.",
            "Install analytical dashboards in the council by the end of 1404.",
            "Measurable target: set up analytical dashboards for the council by the end of 1404",
            "Integration of systems: not available **not assessed**",
        ]
        for sentence in expected { #expect(markdown.contains(sentence), "missing: \(sentence)") }

        let persian = render(.fa, .html)
        let expectedFa = [
            "هزینه‌های تحقق‌یافته از بودجه مصوب فاصله دارد: امتیاز D و نرخ تحقق بودجه در سال ۱۴۰۳ تنها ۷۰٫۰٪ است.",
            "واریانس ترکیب هزینه‌ها: ۱۴٫۱٪",
            "<span class=\"declared\">اظهارشده، نه سنجیده از داده‌ها</span>",
            "کاهش واریانس ترکیب هزینه‌ها میان مأموریت‌ها به کمتر از ۱۰٪ تا پایان سال ۱۴۰۵",
            "(<bdi dir=\"ltr\" lang=\"en\">SHA-256</bdi>)",
            "<span class=\"badge badge-none\">ارزیابی نشده</span>",
            "<bdi dir=\"ltr\" lang=\"en\">Letter 152 of the council secretariat, 1403</bdi>",
            "راه‌اندازی داشبورد تحلیلی برای شورا تا پایان سال ۱۴۰۴",
        ]
        for sentence in expectedFa { #expect(persian.contains(sentence), "missing: \(sentence)") }
    }

    @Test func positivesAndChallengesAreSortedByStatus() throws {
        let markdown = render(.en, .markdown)
        let part1 = try #require(markdown.range(of: "## Part 1"))
        let part2 = try #require(markdown.range(of: "## Part 2"))
        let lens1 = String(markdown[part1.lowerBound..<part2.lowerBound])
        let challenges = try #require(lens1.range(of: "Challenges"))
        // The strong check is a positive point, the weak and partial ones are challenges.
        #expect(lens1.range(of: "No region sold assets")!.lowerBound < challenges.lowerBound)
        #expect(lens1.range(of: "Realized spending departs")!.lowerBound > challenges.lowerBound)
        #expect(lens1.range(of: "Composition variance by function: 14.1 %")!.lowerBound > challenges.lowerBound)
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsWellFormedWithFiveCharts(language: ReportLanguage) {
        let html = render(language, .html)
        #expect(HTMLChecks.nestingProblems(html).isEmpty, "\(HTMLChecks.nestingProblems(html))")
        #expect(HTMLChecks.count("<svg ", in: html) == 5)
        #expect(HTMLChecks.count("<figure ", in: html) == 5)
        #expect(HTMLChecks.count("<figcaption>", in: html) == 5)
        #expect(HTMLChecks.count("<title id=\"chart-", in: html) == 5)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        #expect(html.contains("@media print"))
    }

    @Test func markdownHasTablesAndNoSVG() {
        let markdown = render(.en, .markdown)
        #expect(!markdown.contains("<svg"))
        #expect(markdown.contains("| Function | Approved | Realized |"))
        #expect(markdown.contains("| Transport and traffic | 800.0 | 520.0 (65.0 %) |"))
        #expect(markdown.contains("| 1402 | 1,200.0 | 900.0 |"))
        #expect(markdown.contains("| General fees | 60.0 % |"))
        #expect(markdown.contains("| Region &lt;&amp;&gt; \"test\" (low population) | 3.0 | 3.0 |"))
    }

    @Test func textIsEscaped() {
        let html = render(.en, .html)
        #expect(html.contains("Region &lt;&amp;&gt; &quot;test&quot;"))
        #expect(!html.contains("Region <&>"))
        #expect(html.contains("council&#39;s authorization"))
        let persian = render(.fa, .html)
        #expect(persian.contains("منطقه &lt;&amp;&gt; آزمون"))
        #expect(!persian.contains("<&>"))
        let markdown = render(.en, .markdown)
        #expect(markdown.contains("Region &lt;&amp;&gt;"))
    }

    @Test func renderingIsDeterministic() {
        for language in ReportLanguage.allCases {
            for format in ReportFormat.allCases {
                let first = ReportRenderer.render(ReportFixture.input, language: language, format: format)
                let second = ReportRenderer.render(ReportFixture.input, language: language, format: format)
                #expect(first == second)
            }
        }
    }

    @Test func generatedDateIsJalali() {
        var dated = input
        dated.generatedOn = Date(timeIntervalSince1970: 1_710_936_000) // 2024-03-20 12:00 UTC = 1 Farvardin 1403
        #expect(ReportRenderer.render(dated, language: .fa, format: .html).contains("تاریخ تولید: ۱۴۰۳/۰۱/۰۱"))
        #expect(ReportRenderer.render(dated, language: .en, format: .markdown).contains("Generated on: 1403/01/01"))
        #expect(!render(.en, .markdown).contains("Generated on"))
    }

    @Test func missingDataQualityIsSkipped() {
        var bare = input
        bare.indicators.removeAll { $0.id.hasPrefix("data_quality.") }
        #expect(ReportRenderer.render(bare, language: .en, format: .markdown).contains("The input has no data-quality indicators"))
        #expect(render(.en, .markdown).contains("| Data completeness `data_quality.completeness` | 90.0 % |"))
    }

    /// The real indicator engine and shipped rubric on the fixture book: the report holds together
    /// whatever the rubric's texts are.
    @Test func rendersTheEnginesOwnAssessment() throws {
        let book = ReportFixture.book
        let indicators = try IndicatorEngine.compute(book: book, year: 1403)
        let assessment = RubricEngine.assess(indicators: indicators, year: 1403, rubric: try Rubric.standard())
        let real = ReportInput(book: book, year: 1403, indicators: indicators, assessment: assessment, softwareVersion: "test")
        for language in ReportLanguage.allCases {
            let html = ReportRenderer.render(real, language: language, format: .html)
            #expect(HTMLChecks.nestingProblems(html).isEmpty)
            #expect(HTMLChecks.count("<svg ", in: html) == 5)
            #expect(!HTMLChecks.withoutStyle(html).contains("{"))
            let markdown = ReportRenderer.render(real, language: language, format: .markdown)
            #expect(!markdown.contains("{"))
        }
        let prose = HTMLChecks.persianProseText(ReportRenderer.render(real, language: .fa, format: .html))
        #expect(prose.range(of: "[0-9]", options: .regularExpression) == nil)
    }
}
