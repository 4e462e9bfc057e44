import Foundation
import Testing
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuSample
import SnapshotTesting
@testable import TarazuCLI

/// Golden (snapshot) tests of `analyze --format json` and of the four reports, end to end from the
/// CSV files of fixtures/small-book (swift-snapshot-testing). Run with TARAZU_UPDATE_GOLDEN=1 to rewrite
/// the golden files after an intended change, then review the diff before committing it.
@Suite struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("fixtures/small-book").path
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `text` with `Golden/small-book.NAME.EXTENSION` (SnapshotTesting, a line diff on failure).
    func matchesGolden(_ text: String, _ name: String, _ pathExtension: String) {
        var strategy = Snapshotting<String, String>.lines
        strategy.pathExtension = pathExtension
        let update = ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1"
        let failure = verifySnapshot(of: text, as: strategy, named: name, record: update ? .all : .never,
                                     snapshotDirectory: Self.goldenFolder.path, testName: "small-book")
        if !update { #expect(failure == nil, "\(failure ?? "")") }
    }

    @Test func analyzeJSON() async throws {
        let analysis = try await Analysis.run(path: Self.fixture, bookName: nil, year: nil, rubricPath: nil)
        matchesGolden(try AnalysisOutput.json(analysis) + "\n", "analyze", "json")
    }

    @Test(arguments: ReportLanguage.allCases, [ReportFormat.html, .markdown])
    func report(language: ReportLanguage, format: ReportFormat) async throws {
        let analysis = try await Analysis.run(path: Self.fixture, bookName: nil, year: nil, rubricPath: nil)
        let advanced = try ReportWriter.advanced(book: analysis.book, year: analysis.year)
        let text = analysis.report(advanced: advanced, language: language, format: format, generatedOn: nil)
        matchesGolden(text, language.rawValue, format == .html ? "html" : "md")
    }
}

/// The report reaches the source report's findings on the sample city and not on its balanced counterfactual.
@Suite struct ReportFindingsTests {
    func render(_ book: BudgetBook, _ language: ReportLanguage) async throws -> String {
        let analysis = try await Analysis.analyze(book, source: "test", year: nil, rubric: try Analysis.loadRubric(nil))
        return analysis.report(advanced: try ReportWriter.advanced(book: book, year: analysis.year), language: language, format: .markdown, generatedOn: nil)
    }

    /// The source report's verdicts, as far as the data support them (its "lack of coordination between
    /// council and municipality" is a judgement no budget figure shows, so the first one states the gap).
    static let sourceReportVerdicts = [
        "Execution departs widely from what the council approved", "Prioritization falls short (below adequate: \"Central organisation's share of the approved budget\"",
        "Exists, but incomplete and not integrated", "Citizens had no part in budgeting", "Limited to statistics, without policy analysis",
    ]

    @Test func sampleCityReportHasTheSourceReportsStatusTable() async throws {
        let english = try await render(SampleCity.tabriz(), .en)
        for verdict in Self.sourceReportVerdicts { #expect(english.contains(verdict), "\(verdict)") }
        let persian = try await render(SampleCity.tabriz(), .fa)
        for verdict in ["اجرای بودجه از مصوبهٔ شورا فاصلهٔ زیاد دارد", "اولویت‌گذاری کاستی دارد (زیر حد مطلوب: «سهم ستاد مرکزی از اعتبار مصوب»، «ضریب جینی سرانهٔ مناطق، اعتبار عمرانی مصوب، بدون مناطق کم‌جمعیت»", "موجود، ولی ناقص و غیریکپارچه",
                        "محدود به آمار بود، بدون تحلیل سیاستی"] {
            #expect(persian.contains(verdict), "\(verdict)")
        }
    }

    /// The sample's declared facts describe 1403 (its governance.yaml's `as_of`): every declared statement,
    /// and every status resting on them, says so.
    @Test func declaredFactsSayTheYearTheyDescribe() async throws {
        let persian = try await render(SampleCity.tabriz(), .fa)
        #expect(persian.contains("*اظهارشده دربارهٔ وضعیت سال ۱۴۰۳، نه سنجیده از داده‌ها:*"))
        #expect(persian.contains("| شهروندان در بودجه‌ریزی سهمی نداشتند (اظهارشده دربارهٔ وضعیت سال ۱۴۰۳) |"))
        #expect(persian.contains("بخشی بر پایهٔ واقعیت‌های اظهارشده دربارهٔ وضعیت سال ۱۴۰۳)"))
        #expect(persian.contains("وضعیت سال ۱۴۰۳ را بیان می‌کند، نه امروز را"))
        #expect(!persian.contains("اظهارشده، نه سنجیده از داده‌ها:"))
        // A PEFA finding tells its multi-year score from the grade of the report's year.
        #expect(persian.contains("امتیاز پفا ۲-۱ بر پایهٔ حداکثر سه سال تا ۱۴۰۳ برابر B است؛ واریانس ترکیب در خود سال ۱۴۰۳ برابر ۵٫۴٪ بود (رتبهٔ همین سال: B)."))
    }

    /// A report on an earlier year says that its trends and forecasts read every year of the book, and
    /// a left-out project's reason carries no repeated tail.
    @Test func anEarlierYearsReportSaysWhatCoversTheWholeBook() async throws {
        let book = SampleCity.tabriz()
        let analysis = try await Analysis.analyze(book, source: "test", year: 1401, rubric: try Analysis.loadRubric(nil))
        let persian = analysis.report(advanced: try ReportWriter.advanced(book: book, year: 1401), language: .fa, format: .markdown, generatedOn: nil)
        #expect(persian.contains("روند هزینه‌ها و پیش‌بینی‌های این بخش همهٔ سال‌های کتاب (۱۳۹۹ تا ۱۴۰۴) را در بر می‌گیرد، نه فقط سال‌های تا ۱۴۰۱، سال این گزارش."))
        #expect(persian.contains("به قیمت ثابت سال پایه.") && !persian.contains("در نبود شاخص قیمت"))
        // Progress and estimates are the latest state; the final cost also reads spending up to the report's year.
        #expect(persian.contains("هزینهٔ نهایی از همین وضعیت و عملکرد پروژه تا پایان ۱۴۰۱ برآورد شده است."))
        #expect(persian.components(separatedBy: "یا خطای ثبت است یا").count <= 2)
        let latest = try await render(book, .fa)
        // 1403 is not the book's last year either: 1404 is approved, not executed.
        #expect(latest.contains("همهٔ سال‌های کتاب (۱۳۹۹ تا ۱۴۰۴) را در بر می‌گیرد، نه فقط سال‌های تا ۱۴۰۳، سال این گزارش."))
    }

    @Test func balancedVariantReportDoesNotReachThem() async throws {
        let english = try await render(SampleCity.balancedVariant(of: SampleCity.tabriz()), .en)
        for verdict in Self.sourceReportVerdicts { #expect(!english.contains(verdict), "\(verdict)") }
        #expect(!english.contains("**Weak**") && !english.contains("**Absent**") && !english.contains("**Partial**"))
    }
}

/// A year with its approved budget only (the sample's 1404): nothing is judged on execution that does not exist.
@Suite struct ApprovedOnlyYearTests {
    @Test func theReportOfAYearWithoutExecutionJudgesNothingOnExecution() async throws {
        let book = SampleCity.tabriz()
        let analysis = try await Analysis.analyze(book, source: "test", year: 1404, rubric: try Analysis.loadRubric(nil))
        #expect(analysis.assessment.criteria[0].status == nil)
        let persian = analysis.report(advanced: nil, language: .fa, format: .markdown, generatedOn: nil)
        #expect(persian.contains("برای سال ۱۴۰۴ فقط بودجهٔ مصوب در کتاب است و عملکرد آن هنوز ثبت نشده است"))
        // No «not available» where a sentence needs a number (tables may say it in a cell).
        let prose = persian.split(separator: "\n").filter { !$0.hasPrefix("|") }
        #expect(!prose.contains { $0.contains("در دسترس نیست") }, "\(prose.filter { $0.contains("در دسترس نیست") })")
        #expect(!persian.contains("انحراف‌ها از بودجهٔ مصوب محدود است"))
    }
}
