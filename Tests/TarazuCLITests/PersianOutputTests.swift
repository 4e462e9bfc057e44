import Foundation
import Testing
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuForecast
import TarazuReport
import TarazuRisk
import TarazuSample
@testable import TarazuCLI

/// The Persian report as a native reader sees it, on the sample city and on a generated book: no Latin
/// word outside identifiers and a short allowlist, and one term per concept (docs/glossary.md).
@Suite struct PersianOutputTests {
    static func books() -> [BudgetBook] {
        [SampleCity.tabriz()] + SampleCity.cities(1, lines: 2_000, seed: 7).map { $0.book() }
    }

    func persianReport(_ book: BudgetBook) async throws -> String {
        let analysis = try await Analysis.analyze(book, source: "test", year: nil, rubric: try Analysis.loadRubric(nil), madeIn: 1405)
        return analysis.report(advanced: try ReportWriter.advanced(book: book, year: analysis.year), language: .fa, format: .markdown,
                               generatedOn: nil)
    }

    /// The Latin words of `markdown` outside code spans (identifiers and formulas in code style).
    static func latinWords(_ markdown: String) -> [String] {
        PersianProse.latinWords(markdown.replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression))
    }

    @Test func thePersianReportHasNoEnglishWords() async throws {
        for book in Self.books() {
            let report = try await persianReport(book)
            let foreign = Set(Self.latinWords(report)).subtracting(PersianProse.allowedLatin)
            #expect(foreign.isEmpty, "\(book.metadata.name): \(foreign.sorted())")
        }
    }

    /// `analyze`, `risk` and `forecast --lang fa` read as Persian: no Latin word but identifiers (indicator,
    /// project and rubric ids) and the allowlist, one term per concept, no raw key.
    @Test func theTerminalTextInPersianHasNoEnglishWords() async throws {
        for book in Self.books() {
            let analysis = try await Analysis.analyze(book, source: "test", year: nil, rubric: try Analysis.loadRubric(nil), madeIn: 1405)
            let projects = try ProjectRisks.build(book: book, year: analysis.year)
            let anomalies = AnomalyDetector.detect(book: book, year: analysis.year, threshold: Decimal(string: "3.5")!)
            let trends = try CostSeries.build(book: book)
            let texts = [
                "analyze": AnalysisOutput.persianText(analysis),
                "risk": RiskOutput.persianText(book: book, projects: projects, anomalies: anomalies, top: 10),
                "forecast": ForecastOutput.persianText(book: book, trends: trends, forecasts: ForecastRun.all(trends, horizon: 3), madeIn: 1405),
            ]
            var identifiers = Set(analysis.indicators.flatMap { PersianProse.latinWords($0.id) } + book.projects.map(\.projectId))
            identifiers.formUnion(PersianProse.latinWords(analysis.assessment.rubric))
            for (command, text) in texts {
                let foreign = Set(PersianProse.latinWords(text)).subtracting(PersianProse.allowedLatin).subtracting(identifiers)
                #expect(foreign.isEmpty, "\(book.metadata.name) \(command): \(foreign.sorted())")
                #expect(PersianProse.replacedTermsFound(text).isEmpty, "\(book.metadata.name) \(command): \(PersianProse.replacedTermsFound(text))")
                #expect(!text.contains("?") && text.count > 200, "\(book.metadata.name) \(command)")
            }
            #expect(texts["analyze"]?.contains("جدول وضعیت") == true && texts["risk"]?.contains("امتیاز ریسک") == true
                    && texts["forecast"]?.contains("پیش‌بینی") == true)
        }
    }

    @Test func thePersianReportUsesOneTermPerConcept() async throws {
        for book in Self.books() {
            let report = try await persianReport(book)
            let replaced = PersianProse.replacedTermsFound(report)
            #expect(replaced.isEmpty, "\(book.metadata.name): \(replaced)")
        }
    }

    /// A signed number in Persian prose is said in words («۲۸٫۰٪ کاهش»); a sign appears only inside a
    /// left-to-right isolate (tables of changes), where it stays before its number.
    @Test func noMinusSignSitsInsidePersianProse() async throws {
        for book in Self.books() {
            var prose = try await persianReport(book)
            for pattern in ["`[^`]*`", "\u{2066}[^\u{2069}]*\u{2069}"] {
                prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            let signed = prose.ranges(of: /(^|[\s(:،؛])[-−+][۰-۹]/.anchorsMatchLineEndings())
            #expect(signed.isEmpty, "\(book.metadata.name): \(signed.prefix(5).map { String(prose[$0.lowerBound...].prefix(60)) })")
        }
    }

    /// Every key the engine writes into a breakdown or a piece of evidence has a Persian name, so no
    /// surface (the report's tables, the dashboard's indicator page) shows a raw key such as `top10_share`.
    @Test func everyBreakdownKeyHasAPersianName() throws {
        for book in Self.books() {
            let text = BreakdownText(book: book, language: .fa)
            let year = try #require(BookAssessment.defaultYear(of: book))
            var unnamed: Set<String> = []
            func visit(_ key: String, _ value: IndicatorValue) {
                let foreign = key.isEmpty ? [] : Set(Self.latinWords(text.label(key))).subtracting(PersianProse.allowedLatin)
                if !foreign.isEmpty { unnamed.insert(key) }
                if case .record(let record) = value { for (inner, part) in record { visit(inner, part) } }
                if case .list(let items) = value { for item in items { visit("", item) } }
            }
            for indicator in try IndicatorEngine.compute(book: book, year: year) {
                for (key, value) in indicator.breakdown { visit(key, value) }
                for evidence in indicator.evidence {
                    for (key, value) in evidence.sums { visit(key, value) }
                    for part in evidence.key.split(separator: "/") { visit(String(part), .unavailable) }
                    if !Set(Self.latinWords(text.table(evidence.table))).subtracting(PersianProse.allowedLatin).isEmpty {
                        unnamed.insert("table " + evidence.table)
                    }
                }
            }
            #expect(unnamed.isEmpty, "\(book.metadata.name): \(unnamed.sorted())")
        }
    }

    /// Code spans of the Persian report hold identifiers (indicator ids, project ids, hashes), never a
    /// raw breakdown key left without its name.
    @Test func thePersianReportShowsNoRawKeys() async throws {
        let key = try Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
        for book in Self.books() {
            let report = try await persianReport(book)
            let spans = report.matches(of: try Regex("`([^`]*)`")).compactMap { $0.output[1].substring.map(String.init) }
            let raw = Set(spans.filter { $0.wholeMatch(of: key) != nil })
            #expect(raw.isEmpty, "\(book.metadata.name): \(raw.sorted())")
        }
    }

    /// Every sentence among a lens's positives and challenges carries its figure (a number) or says it
    /// is declared, not measured: the report's subtitle promises it.
    @Test func everyFindingCarriesItsFigureOrSaysItIsDeclared() async throws {
        for book in Self.books() {
            let report = try await persianReport(book)
            var inFindings = false
            var findings = 0
            for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#") { inFindings = line.hasPrefix("### ارزیابی در کتاب بودجه"); continue }
                guard inFindings, line.hasPrefix("- ") else { continue }
                findings += 1
                let hasFigure = line.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) }
                #expect(hasFigure || line.contains("اظهارشده، نه سنجیده از داده‌ها"), "\(book.metadata.name): \(line)")
            }
            #expect(findings >= 5, "\(book.metadata.name): \(findings) findings")
        }
    }

    @Test func theCheckCatchesEnglish() {
        #expect(Self.latinWords("سهم `execution.rate.total` در سال ۱۴۰۳ (PEFA) and more") == ["PEFA", "and", "more"])
    }
}
