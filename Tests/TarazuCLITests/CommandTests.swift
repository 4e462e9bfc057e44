import Foundation
import Testing
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuForecast
import TarazuImport
import TarazuRisk
import TarazuStore
@testable import TarazuCLI

@Suite struct ExitCodeTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func usageErrorsExitWithTwo() async {
        #expect(await TarazuCommand.run(arguments: ["aggregate"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["aggregate", "x", "--measure", "m", "--format", "xml"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["no-such-command"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["aggregate", "x", "--measure", "m", "--cut", "nocolon"]) == 2)
    }

    @Test func helpExitsWithZero() async {
        #expect(await TarazuCommand.run(arguments: ["--help"]) == 0)
    }

    @Test func badInputExitsWithOneAndWritesNothing() async throws {
        let folder = temporaryPath("book")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "year,line_id,department,region_code,function,economic_class,approved,realized\n1403,1,d,0,urban_planning,capital,12x,1\n"
            .write(toFile: folder + "/budget_lines.csv", atomically: true, encoding: .utf8)
        let db = temporaryPath("store.sqlite")
        #expect(await TarazuCommand.run(arguments: ["import", folder, "--db", db]) == 1)
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(await TarazuCommand.run(arguments: ["aggregate", folder + "/missing", "--measure", "approved"]) == 1)
    }

    @Test func reportAndAnalyzeRejectBadInputClearly() async throws {
        let book = GoldenTests.fixture
        #expect(await TarazuCommand.run(arguments: ["report", book, "--date", "yesterday"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["report", book, "--lang", "de"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["analyze", book, "--rubric", temporaryPath("missing.yaml")]) == 1)
        let broken = temporaryPath("rubric.yaml")
        try "rubric: x\nversion: 1\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(await TarazuCommand.run(arguments: ["analyze", book, "--rubric", broken]) == 1)
        #expect(await TarazuCommand.run(arguments: ["analyze", book, "--year", "1390"]) == 1)
        #expect(await TarazuCommand.run(arguments: ["analyze", book, "--volatility-threshold", "0"]) == 2)
        let out = temporaryPath("report.md")
        #expect(await TarazuCommand.run(arguments: ["report", book, "--lang", "en", "--format", "md", "--date", "2026-11-26", "--out", out]) == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("1405/09/05")) // 2026-11-26 in the Jalali calendar
    }

    @Test func theVolatilityThresholdIsAnOption() async throws {
        let strict = try AnalysisOptions.parse([GoldenTests.fixture, "--volatility-threshold", "0.9"])
        let loose = try AnalysisOptions.parse([GoldenTests.fixture])
        let count = { (analysis: BookAssessment) in analysis.indicators.first { $0.id == "projects.volatility" }?.value }
        let strictCount = try await count(strict.analysis())
        let looseCount = try await count(loose.analysis())
        #expect(strictCount != looseCount)
        #expect(try await strict.analysis().indicators.first { $0.id == "projects.volatility" }?.breakdown["threshold"] == .decimal(Decimal(string: "0.9")!))
    }

    @Test func aCustomRubricChangesTheJudgement() async throws {
        let shipped = try String(contentsOf: GoldenTests.root.appendingPathComponent("Sources/TarazuAnalysis/Resources/rubric.yaml"), encoding: .utf8)
        // A lenient council: any PEFA letter is strong.
        let lenient = shipped.replacingOccurrences(of: "grades: {A: strong, B: adequate, C: partial, D: weak}", with: "grades: {A: strong, B: strong, C: strong, D: strong}")
            .replacingOccurrences(of: "version: \"1.8.0\"", with: "version: \"1.8.0-lenient\"")
        let path = temporaryPath("lenient.yaml")
        try lenient.write(toFile: path, atomically: true, encoding: .utf8)
        let custom = try await Analysis.run(path: GoldenTests.fixture, bookName: nil, year: nil, rubricPath: path)
        let standard = try await Analysis.run(path: GoldenTests.fixture, bookName: nil, year: nil, rubricPath: nil)
        #expect(custom.assessment.rubricVersion == "1.8.0-lenient")
        let check = { (analysis: BookAssessment) in analysis.assessment.criteria[0].checks.first { $0.id == "aggregate_outturn" }?.status }
        #expect(check(standard) == .weak)
        #expect(check(custom) == .strong)
    }

    @Test func forecastChecksItsArgumentsAndForecastsRawSeries() async throws {
        #expect(await TarazuCommand.run(arguments: ["forecast"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["forecast", GoldenTests.fixture, "--horizon", "5"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["forecast", GoldenTests.fixture, "--dimension", "colour"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["forecast", "--series", temporaryPath("none.json")]) == 1)
        let bad = temporaryPath("bad.json")
        try #"{"values": []}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(await TarazuCommand.run(arguments: ["forecast", "--series", bad]) == 1)
        #expect(await TarazuCommand.run(arguments: ["forecast", GoldenTests.fixture, "--format", "json"]) == 0)
    }

    @Test func everyBookSeriesIsForecastWithItsBacktest() async throws {
        let book = try await Analysis.loadBook(path: GoldenTests.fixture, bookName: nil)
        let series = try CostSeries.build(book: book)
        let forecasts = ForecastRun.all(series, horizon: 2)
        #expect(forecasts.count == series.count)
        #expect(zip(series, forecasts).allSatisfy { $0.key.description == $1.key })
        #expect(forecasts.allSatisfy { $0.forecasts.map(\.year) == [1404, 1405] })
        let total = try #require(series.first { $0.key.description == "expenditure/total/all/approved/nominal" })
        // 1401-1403 approved totals of the fixture, in rials.
        #expect(total.points.map(\.value) == [2_820_000_000, 3_666_000_000, 4_260_000_000])
        // Text for people: billions with one decimal, the 80 % interval as "low to high", grouped.
        let sample = try await Analysis.loadBook(path: GoldenTests.root.appendingPathComponent("samples/tabriz").path, bookName: nil)
        let sampleSeries = try CostSeries.build(book: sample)
        let sampleForecasts = ForecastRun.all(sampleSeries, horizon: 2)
        let text = ForecastOutput.text(book: sample, trends: sampleSeries, forecasts: sampleForecasts, madeIn: nil)
        #expect(text.contains("expenditure/total/all/approved/nominal | +61.8 % | rising | drift | 1.64 | 1405: 472,781.2 (418,246.7 to 527,315.7)"))
        // Read in 1405: the approved budgets of 1404 and 1405 are passed, not forecast; realized 1404 is marked as over.
        let in1405 = ForecastOutput.text(book: sample, trends: sampleSeries, forecasts: sampleForecasts, madeIn: 1405)
        #expect(in1405.contains("expenditure/total/all/approved/nominal | +61.8 % | rising | drift | 1.64 | 1406: 545,562.4"))
        #expect(in1405.contains("| 1404 [year already over]: 341,531.2"))
        #expect(in1405.contains("; 1405 [current year]: 404,062.4"))
        #expect(in1405.contains("Approved budgets of 1405 are not forecast"))
    }

    @Test func riskChecksItsWeightsAndRanksTheSampleProjects() async throws {
        let sample = GoldenTests.root.appendingPathComponent("samples/tabriz").path
        #expect(await TarazuCommand.run(arguments: ["risk", sample, "--threshold", "0"]) == 2)
        #expect(await TarazuCommand.run(arguments: ["risk", sample, "--weights", temporaryPath("none.json")]) == 1)
        let zero = temporaryPath("zero.json")
        try #"{"cost_overrun": 0, "schedule_slip": 0, "budget_volatility": 0, "low_execution": 0, "spending_ahead_of_progress": 0}"#
            .write(toFile: zero, atomically: true, encoding: .utf8)
        #expect(await TarazuCommand.run(arguments: ["risk", sample, "--weights", zero]) == 1)
        let book = try await Analysis.loadBook(path: sample, bookName: nil)
        let projects = try ProjectRisks.build(book: book)
        let risks = projects.risks
        // The sample's four projects that spent far beyond their cost estimates are left out as likely data errors.
        #expect(projects.leftOut.map(\.projectId) == ["P0076", "P0092", "P0105", "P0154"])
        #expect(risks.count == book.projects.count - 4)
        #expect(risks.map(\.rank) == Array(1...risks.count))
        #expect(zip(risks, risks.dropFirst()).allSatisfy { $0.score >= $1.score })
        // With the data errors left out (P0092, a spending error read as a cost overrun, led before), the
        // leading project is not one of them.
        #expect(risks.first.map { !["P0076", "P0092", "P0105", "P0154"].contains($0.projectId) } == true)
        let json = try RiskOutput.json(book: book, weights: .default, projects: projects, anomalies: AnomalyDetector.detect(book: book))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["projects"] as? [Any])?.count == risks.count)
        #expect(((parsed?["left_out"] as? [[String: Any]])?.compactMap { $0["project_id"] as? String }) == ["P0076", "P0092", "P0105", "P0154"])
        #expect(((parsed?["anomalies"] as? [Any])?.count ?? 0) > 0)
        // Text for people: billions with grouping and one decimal; the projects left out named.
        let text = RiskOutput.text(book: book, projects: projects, anomalies: [], top: 1)
        #expect(text.contains("4 projects left out as likely data errors: P0076, P0092, P0105, P0154"))
        #expect(text.contains("P0092: The project's lines realized 196.6 % of its current cost estimate"))
        #expect(text.contains("final cost P50 "))
    }

    @Test func demoFillsTheStoreWithTheSampleCityAndWritesItsReports() async throws {
        let db = temporaryPath("demo.sqlite")
        let reports = temporaryPath("reports")
        #expect(await TarazuCommand.run(arguments: ["demo", "--db", db, "--reports", reports]) == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(written == ["tabriz-1403.en.html", "tabriz-1403.en.md", "tabriz-1403.fa.html", "tabriz-1403.fa.md"])
        let persian = try String(contentsOfFile: reports + "/tabriz-1403.fa.html", encoding: .utf8)
        #expect(persian.contains("dir=\"rtl\""))
        #expect(persian.contains("اولویت‌گذاری کاستی دارد (زیر حد مطلوب: «سهم ستاد مرکزی از اعتبار مصوب»"))
        let store = try await BudgetStore.open(.sqlite(path: db))
        let books = try await store.books()
        await store.shutdown()
        #expect(books.map(\.name) == ["tabriz"])
        #expect(books.first?.years == [1399, 1400, 1401, 1402, 1403, 1404])
    }
}

@Suite struct OutputTests {
    @Test func amountsArePrintedExactlyWithoutExponent() {
        #expect(AggregateOutput.plain(Decimal(string: "400000000000000000")!) == "400000000000000000")
        #expect(AggregateOutput.plain(Decimal(string: "-2250.25")!) == "-2250.25")
    }

    @Test func csvQuotesWhatNeedsQuoting() throws {
        let result = AggregateResult(columns: ["org.title"], measure: "amount",
                                     cells: [.init(keys: ["Roads, \"north\""], value: 5, count: 1), .init(keys: ["Parks"], value: 7, count: 2)],
                                     total: 12, factCount: 3)
        #expect(AggregateOutput.csv(result) == "org.title,amount\n\"Roads, \"\"north\"\"\",5\nParks,7\n")
        let json = AggregateOutput.json(result, cube: "t")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let cells = parsed?["cells"] as? [[String: Any]]
        let title = cells?.first?["org.title"] as? String
        #expect(title == "Roads, \"north\"")
        let total = (parsed?["total"] as? NSNumber)?.intValue
        #expect(total == 12)
    }

    @Test func demoSummaryShowsEveryYear() throws {
        let book = BudgetBook(metadata: BookMetadata(name: "t", title: "T", cityEn: "Town"), budgetLines: [
            BudgetLine(year: 1402, lineId: "1", department: "d", regionCode: "0", function: "urban_planning", economicClass: .capital,
                       approved: Money(rials: 3_000_000_000), realized: Money(rials: 1_500_000_000)),
            BudgetLine(year: 1403, lineId: "1", department: "d", regionCode: "0", function: "urban_planning", economicClass: .current,
                       approved: Money(rials: 4_000_000_000), realized: Money(rials: 4_000_000_000)),
        ])
        let table = try DemoSummary.table(book)
        #expect(table.contains("1402"))
        #expect(table.contains("50.0 %"))
        #expect(table.contains("100.0 %"))
    }
}
