import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuRisk
import TarazuSample
import Testing

/// Likely data errors (issue 13, point 3): found with their rows, listed in the report, kept out of
/// the risk scores; compliance by named region; borrowing apart from revenue.
@Suite struct DataErrorTests {
    static let tabriz = SampleCity.tabriz()
    static let generated = SampleCity.cities(1, lines: 600, seed: 7)[0].book()
    static let billion: Int64 = 1_000_000_000

    /// `generated` with one row of each kind of likely error planted, in the analysis year.
    static func planted() throws -> (book: BudgetBook, year: Int) {
        var book = generated
        let year = try #require(RiskScorer.defaultYear(of: book))
        let region = try #require(book.regions.first?.code)
        let function = try #require(book.functions.first?.code)
        func project(_ id: String, planned: Int64, estimate: Int64? = nil, progress: Decimal? = nil, start: Int? = nil, end: Int? = nil) -> Project {
            Project(projectId: id, nameFa: "پروژه کاشته \(id)", nameEn: "Planted \(id)", regionCode: region, function: function, type: .building,
                    startYear: start, plannedEndYear: end, plannedCost: Money(rials: planned * billion),
                    currentCostEstimate: estimate.map { Money(rials: $0 * billion) }, physicalProgress: progress)
        }
        func line(_ id: String, project: String? = nil, approved: Int64, revised: Int64? = nil, realized: Int64?) -> BudgetLine {
            BudgetLine(year: year, lineId: id, department: "آزمون", regionCode: region, function: function, projectId: project,
                       economicClass: .capital, approved: Money(rials: approved * billion), revised: revised.map { Money(rials: $0 * billion) },
                       realized: realized.map { Money(rials: $0 * billion) })
        }
        book.projects += [
            project("PX1", planned: 80, estimate: 100, progress: 40, start: year - 1, end: year + 1),
            project("PX2", planned: 50, progress: 120, start: year - 1, end: year + 1),
            project("PX3", planned: 50, progress: 10, start: year, end: year - 2),
        ]
        book.budgetLines += [
            line("PLANT-1", project: "PX1", approved: 400, realized: 390),
            line("PLANT-2", approved: 0, realized: 5),
            line("PLANT-3", approved: 10, revised: 12, realized: 30),
        ]
        book.revenues.append(RevenueLine(year: year, lineId: "PLANT-R1", revenueClass: .serviceCharges, regionCode: region,
                                         approved: Money(rials: -1 * billion), realized: Money(rials: 2 * billion)))
        return (book, year)
    }

    @Test func plantedRowsAreFoundWithTheirRowsAndFigures() throws {
        let (book, year) = try Self.planted()
        let before = try LikelyDataErrors.find(book: Self.generated, year: year)
        let after = try LikelyDataErrors.find(book: book, year: year)
        let new = after.filter { !before.contains($0) }
        let found = new.map { "\($0.table) \($0.row) \($0.check.rawValue)" }
        #expect(found == [
            "projects PX1 spent_above_estimate", "projects PX2 progress_out_of_range", "projects PX3 end_before_start",
            "budget_lines PLANT-2 realized_without_approved", "budget_lines PLANT-3 realized_far_above_approved",
            "revenues PLANT-R1 negative_amount", "revenues PLANT-R1 realized_without_approved",
        ])
        let spent = try #require(new.first { $0.row == "PX1" })
        #expect(spent.value == .decimal(Decimal(string: "3.9")!))
        #expect(spent.figures["spent"] == .rials(390 * Self.billion))
        #expect(spent.figures["current_cost_estimate"] == .rials(100 * Self.billion))
        #expect(spent.textFa.contains("۳۹۰٫۰٪") && spent.textFa.contains("برآورد فعلی هزینه") && spent.textFa.contains("میلیارد ریال"))
        #expect(spent.textEn.contains("390.0 % of its current cost estimate"))
        let far = try #require(new.first { $0.row == "PLANT-3" })
        #expect(far.value == .decimal(Decimal(string: "2.5")!) && far.year == year && far.textEn.contains("revised amount"))
        #expect(new.first { $0.row == "PX2" }?.value == .decimal(120))
        // A line within its authority, or a project within 150 % of its estimate, is not flagged.
        #expect(!after.contains { $0.row == "PX1" && $0.table == "budget_lines" })
    }

    @Test func riskScoresLeaveOutFlaggedProjectsAndSaySo() throws {
        let (book, year) = try Self.planted()
        let base = try ProjectRisks.build(book: Self.generated, year: year)
        let planted = try ProjectRisks.build(book: book, year: year)
        let added = Set(planted.leftOut.map(\.projectId)).subtracting(base.leftOut.map(\.projectId))
        #expect(added == ["PX1", "PX2", "PX3"])
        #expect(!planted.risks.contains { ["PX1", "PX2", "PX3"].contains($0.projectId) })
        // Every project left out is out of the scores, and the other projects score as before.
        let scored = Set(planted.risks.map(\.projectId))
        #expect(planted.leftOut.allSatisfy { !scored.contains($0.projectId) })
        #expect(planted.risks == base.risks)
        #expect(planted.risks.count + planted.leftOut.count == book.projects.count)
    }

    @Test func theSampleFlagsItsImplausibleProjectsAndScoresTheRest() throws {
        let assessed = try BookAssessment.assess(Self.tabriz, rubric: try Rubric.standard())
        let rows = assessed.dataErrors.map { "\($0.table) \($0.row) \($0.check.rawValue)" }
        #expect(rows == ["projects P0076 spent_above_estimate", "projects P0092 spent_above_estimate", "projects P0105 spent_above_estimate",
                         "projects P0154 spent_above_estimate"])
        // P0092's figures, from its rows.
        let p0092 = try #require(assessed.dataErrors.first { $0.row == "P0092" })
        let project = try #require(Self.tabriz.projects.first { $0.projectId == "P0092" })
        let spent = Self.tabriz.budgetLines.filter { $0.projectId == "P0092" }.reduce(Int64(0)) { $0 + ($1.realized?.rials ?? 0) }
        let estimate = try #require(project.currentCostEstimate).rials
        #expect(p0092.figures["spent"] == .rials(spent) && p0092.figures["current_cost_estimate"] == .rials(estimate))
        guard case .decimal(let value) = p0092.value else {
            Issue.record("P0092's figure is not a ratio")
            return
        }
        #expect(abs(value - Decimal(spent) / Decimal(estimate)) < Decimal(string: "0.000001")!)
        #expect(value > LikelyDataErrors.spentLimit)
        #expect(p0092.textEn.contains(Numerals(language: .en).percent(value)))
        let risks = try ProjectRisks.build(book: Self.tabriz)
        #expect(risks.leftOut.map(\.projectId) == ["P0076", "P0092", "P0105", "P0154"])
        #expect(!risks.risks.contains { $0.projectId == "P0092" })
        #expect(risks.risks.count == Self.tabriz.projects.count - 4)
        // Before, the error was read as risk: P0092's P50 final cost was several times its planned cost.
        let unfiltered = RiskScorer.score(book: Self.tabriz)
        let old = try #require(unfiltered.first { $0.projectId == "P0092" }?.estimate)
        #expect(old.p50.decimal / project.plannedCost.decimal > Decimal(3))
    }

    @Test func theReportListsTheRowsAndTheProjectsLeftOut() throws {
        let (book, year) = try Self.planted()
        let assessed = try BookAssessment.assess(book, year: year, rubric: try Rubric.standard())
        let advanced = try AdvancedAnalysis.build(book: book, year: year)
        #expect(advanced.leftOut.map(\.projectId).contains("PX1"))
        let fa = assessed.report(advanced: advanced, language: .fa, format: .markdown, generatedOn: nil)
        let en = assessed.report(advanced: advanced, language: .en, format: .markdown, generatedOn: nil)
        let faQuality = try #require(fa.components(separatedBy: "## کیفیت داده‌ها").last?.components(separatedBy: "\n## ").first)
        let enQuality = try #require(en.components(separatedBy: "## Data quality").last?.components(separatedBy: "\n## ").first)
        #expect(faQuality.contains("موارد خطای احتمالی داده") && faQuality.contains("PLANT-3") && faQuality.contains("۲۵۰٫۰٪"))
        #expect(faQuality.contains("ردیف‌های هزینه") && faQuality.contains("پروژه‌ها") && faQuality.contains("ردیف‌های درآمد"))
        #expect(enQuality.contains("Entries with likely data errors") && enQuality.contains("PLANT-3") && enQuality.contains("250.0 %"))
        #expect(fa.contains("پروژه به سبب خطای احتمالی در داده‌هایشان از امتیاز ریسک و برآورد هزینهٔ نهایی کنار گذاشته شد"))
        #expect(en.contains("left out of the risk scores and final-cost estimates as likely data errors"))
        // The risk table does not rank a project left out.
        let riskTable = try #require(en.components(separatedBy: "### Risky projects").last?.components(separatedBy: "###").first)
        #expect(!riskTable.contains("| Planted PX1"))
    }

    @Test func assetSalesOverAuthorizationAreNamedByRegionWithTheirExcess() throws {
        let assessed = try BookAssessment.assess(Self.tabriz, rubric: try Rubric.standard())
        let indicator = try #require(assessed.indicator("compliance.asset_sales_over_authorization"))
        guard case .list(let over)? = indicator.breakdown["over"] else { Issue.record("no list of regions over"); return }
        let rows = try AssetSalesAgainstAuthorization.rows(book: Self.tabriz, year: assessed.year).filter { $0.difference > .zero }
        #expect(Set(rows.map(\.region)) == ["1", "4", "10"])
        let codes = over.compactMap { item -> String? in if case .record(let r) = item, case .text(let c)? = r["region"] { c } else { nil } }
        let sorted = rows.sorted { $0.difference > $1.difference }
        #expect(codes == sorted.map(\.region))
        let fa = assessed.report(advanced: nil, language: .fa, format: .markdown, generatedOn: nil)
        let en = assessed.report(advanced: nil, language: .en, format: .markdown, generatedOn: nil)
        let first = try #require(sorted.first)
        let faAmount = Numerals(language: .fa).billionRials(first.difference.rials)
        let enAmount = Numerals(language: .en).billionRials(first.difference.rials)
        #expect(fa.contains("مازاد بر مجوز: منطقه \(PersianText.persianDigits(first.region)) با \(faAmount)"))
        #expect(en.contains("the excess: Region \(first.region) (\(enAmount))"))
        // Several regions end with their total; one alone would have none that repeats it.
        let total = rows.filter { $0.difference.rials > 0 }.reduce(Int64(0)) { $0 + $1.difference.rials }
        #expect(rows.filter { $0.difference.rials > 0 }.count < 2 || fa.contains("؛ در مجموع \(Numerals(language: .fa).billionRials(total))."))
    }

    /// Risk scores read each project's latest state: a report on an earlier year leaves out the projects
    /// that the latest year finds implausible, so two reports of one book never treat one project two ways.
    @Test func anEarlierYearLeavesOutWhatTheLatestStateMakesImplausible() throws {
        let latest = try ProjectRisks.build(book: Self.tabriz, year: 1403).leftOut.map(\.projectId)
        let earlier = try ProjectRisks.build(book: Self.tabriz, year: 1401)
        #expect(!latest.isEmpty && Set(latest).isSubset(of: Set(earlier.leftOut.map(\.projectId))))
        #expect(!earlier.risks.contains { latest.contains($0.projectId) })
        // The same projects are counted and listed as likely data errors of that year.
        let assessed = try BookAssessment.assess(Self.tabriz, year: 1401, rubric: try Rubric.standard())
        #expect(Set(latest).isSubset(of: Set(assessed.dataErrors.compactMap(\.projectId))))
        #expect(assessed.indicator("data_quality.likely_errors")?.value == .count(assessed.dataErrors.count))
    }

    @Test func borrowingIsFinanceNotRevenue() throws {
        let assessed = try BookAssessment.assess(Self.tabriz, rubric: try Rubric.standard())
        let composition = RevenueComposition.of(book: Self.tabriz, year: assessed.year)
        #expect(!composition.revenue.contains { $0.revenueClass == .financialAssetSales })
        let lines = Self.tabriz.revenues.filter { $0.year == assessed.year }
        let all = lines.reduce(Decimal(0)) { $0 + ($1.realized?.decimal ?? 0) }
        let borrowing = lines.filter { $0.revenueClass == .financialAssetSales }.reduce(Decimal(0)) { $0 + ($1.realized?.decimal ?? 0) }
        #expect(borrowing > 0 && composition.borrowing == borrowing && composition.revenueTotal + borrowing == all)
        let fa = assessed.report(advanced: nil, language: .fa, format: .markdown, generatedOn: nil)
        let en = assessed.report(advanced: nil, language: .en, format: .markdown, generatedOn: nil)
        let amount = Numerals(language: .fa).fixed(borrowing / 1_000_000_000, places: 1)
        #expect(fa.contains("تأمین مالی از محل استقراض (واگذاری دارایی‌های مالی، وصول‌شده): \(amount) میلیارد ریال"))
        #expect(fa.contains("جدا از درآمدها."))
        #expect(en.contains("Financing from borrowing (sale of financial assets, realized): "))
        // The revenue chart's rows are revenue classes only.
        let chart = try #require(en.components(separatedBy: "Composition of realized revenue by class").last?.components(separatedBy: "Financing from borrowing").first)
        #expect(!chart.contains("Sale of financial assets |") && chart.contains("Sale of capital assets"))
        // The shares the report quotes leave borrowing out, and say so.
        let unsustainable = try #require(assessed.indicator("revenue.unsustainable_share"))
        let judged = try #require(assessed.assessment.statements(of: "integrated_urban_management").first { $0.id == "revenue_sustainability" })
        #expect(judged.figures["value"]?.value == unsustainable.breakdown["realized_without_borrowing"])
        #expect(fa.contains("بدون استقراض"))
    }
}
