import Foundation
import Testing
import TarazuCore
@testable import TarazuRisk

/// A hand-made book, analysis year 1403: three projects with known problems and five healthy ones.
enum RiskFixture {
    static let million: Int64 = 1_000_000

    static func m(_ amount: Int64) -> Money { Money(rials: amount * million) }

    static func line(_ project: String, _ year: Int, approved: Int64, revised: Int64? = nil, realized: Int64?) -> BudgetLine {
        BudgetLine(year: year, lineId: "\(year)-\(project)", department: "معاونت فنی و عمرانی", regionCode: "1",
                   function: "urban_development", program: "عمران", projectId: project, economicClass: .capital,
                   approved: m(approved), revised: revised.map(m), realized: realized.map(m))
    }

    static func project(_ id: String, _ type: ProjectType, start: Int?, end: Int?, plan: Int64, estimate: Int64?,
                        progress: Decimal?) -> Project {
        Project(projectId: id, nameFa: "پروژه \(id)", nameEn: "Project \(id)", regionCode: "1", function: "urban_development",
                type: type, startYear: start, plannedEndYear: end, plannedCost: m(plan),
                currentCostEstimate: estimate.map(m), physicalProgress: progress)
    }

    static var projects: [Project] {
        [
            // 80 % cost overrun on a road, otherwise on track.
            project("ROAD80", .road, start: 1402, end: 1404, plan: 1_000, estimate: 1_800, progress: Decimal(string: "66.7")!),
            // Three years late at 40 % progress.
            project("LATE3", .building, start: 1398, end: 1400, plan: 1_000, estimate: 1_000, progress: 40),
            // Spent 90 % of its cost at 30 % progress.
            project("SPEND90", .network, start: 1403, end: 1405, plan: 1_000, estimate: 1_000, progress: 30),
            // Healthy.
            project("H1", .building, start: 1400, end: 1402, plan: 1_000, estimate: 1_020, progress: 100),
            project("H2", .park, start: 1402, end: 1404, plan: 900, estimate: 920, progress: 67),
            project("H3", .road, start: 1401, end: 1404, plan: 2_000, estimate: 2_050, progress: 75),
            project("H4", .bridge, start: 1402, end: 1405, plan: 4_000, estimate: 4_100, progress: 50),
            project("H5", .network, start: 1403, end: 1403, plan: 500, estimate: 500, progress: 100),
        ]
    }

    static var lines: [BudgetLine] {
        [
            line("ROAD80", 1402, approved: 600, realized: 570),
            line("ROAD80", 1403, approved: 600, realized: 630),
            line("LATE3", 1401, approved: 140, realized: 130),
            line("LATE3", 1402, approved: 140, realized: 130),
            line("LATE3", 1403, approved: 140, realized: 130),
            line("SPEND90", 1403, approved: 900, realized: 900),
            line("H1", 1401, approved: 500, realized: 480),
            line("H1", 1402, approved: 500, realized: 490),
            line("H2", 1402, approved: 300, realized: 290),
            line("H2", 1403, approved: 320, realized: 310),
            line("H3", 1401, approved: 500, realized: 480),
            line("H3", 1402, approved: 500, realized: 490),
            line("H3", 1403, approved: 520, realized: 500),
            line("H4", 1402, approved: 1_000, realized: 950),
            line("H4", 1403, approved: 1_050, realized: 1_000),
            line("H5", 1403, approved: 500, realized: 490),
        ]
    }

    static var book: BudgetBook {
        BudgetBook(metadata: BookMetadata(name: "fixture", title: "Fixture"), budgetLines: lines, projects: projects)
    }
}

@Suite struct RiskScorerTests {
    /// A final cost is never below what is spent plus the work left at the reference cost: SPEND90 spent
    /// 900 of 1,000 for 30 % of the work, so it cannot end near 1,000.
    @Test func theFinalCostCoversWhatIsSpentAndTheWorkLeft() throws {
        let spend90 = try #require(RiskScorer.score(book: RiskFixture.book).first { $0.projectId == "SPEND90" })
        let estimate = try #require(spend90.estimate)
        #expect(estimate.base == RiskFixture.m(900 + 700))
        #expect(estimate.p50 >= RiskFixture.m(1_600) && estimate.p80 >= estimate.p50)
        // Without progress, nothing says how much work is left: the base is the largest amount known.
        var book = RiskFixture.book
        book.projects = book.projects.map { var project = $0; if project.projectId == "SPEND90" { project.physicalProgress = nil }; return project }
        let unknown = try #require(RiskScorer.score(book: book).first { $0.projectId == "SPEND90" }?.estimate)
        #expect(unknown.base == RiskFixture.m(1_000))
    }

    /// A project that starts after the analysis year is not scored.
    @Test func aProjectNotYetStartedIsNotScored() {
        let ids = RiskScorer.score(book: RiskFixture.book, year: 1402).map(\.projectId)
        #expect(!ids.contains("SPEND90") && !ids.contains("H5"))
        #expect(ids.contains("ROAD80") && ids.contains("LATE3"))
    }

    @Test func defaultWeightsSumToOneHundred() {
        let total = RiskFactor.allCases.reduce(Decimal(0)) { $0 + RiskWeights.default[$1] }
        #expect(total == 100)
        #expect(RiskWeights.default.contractRedFlags == 0)
    }

    @Test func knownProblemsRankTopWithTheRightReason() throws {
        let risks = RiskScorer.score(book: RiskFixture.book)
        #expect(risks.first?.year == 1403)
        #expect(risks.map(\.projectId).prefix(3) == ["ROAD80", "LATE3", "SPEND90"])
        #expect(risks[0].mainFactor == .costOverrun)
        #expect(risks[1].mainFactor == .scheduleSlip)
        #expect(risks[2].mainFactor == .spendingAheadOfProgress)
        #expect(risks.map(\.rank) == Array(1...8))
        for healthy in risks.dropFirst(3) { #expect(healthy.score < 10, "\(healthy.projectId) scored \(healthy.score)") }
        // The top factor's sentence quotes its figure.
        #expect(risks[0].reasons[0].textEn.contains("80.0 % above the planned cost"))
        #expect(risks[0].reasons[0].textEn.contains("for roads the typical overrun is 20.4 % and the upper bound 44 %"))
        #expect(risks[0].reasons[0].textFa.contains("۸۰٫۰٪"))
        #expect(risks[1].reasons[0].textEn.contains("3 year(s) past the planned end (1400) at the end of 1403; physical progress (the book's latest figure) 40.0 %"))
        #expect(risks[2].reasons[0].textEn.contains("Spent 90.0 % of the current cost estimate"))
        // Exact sub-scores: 80 % overrun against twice the 44 % upper bound; a 60-point gap is past 50.
        #expect(risks[0].reasons[0].subScore == Decimal(string: "0.9091")!)
        #expect(risks[2].reasons[0].subScore == 1)
        // Weighted mean (30 × 0.90909 + 10 × 0.1) / 100 = 0.28273; peak 30 × 0.90909 / 30 = 0.90909;
        // score = 100 × (0.5 × 0.28273 + 0.5 × 0.90909) = 59.59 → 60.
        #expect(risks[0].score == 60)
    }

    @Test func contributionsSumToTheScore() {
        for risk in RiskScorer.score(book: RiskFixture.book) {
            let total = risk.reasons.compactMap(\.contribution).reduce(Decimal(0), +)
            #expect(abs(total - Decimal(risk.score)) <= Decimal(string: "0.5")!)
        }
    }

    @Test func weightsChangeTheOrder() {
        let slipFirst = RiskScorer.score(book: RiskFixture.book,
                                         weights: RiskWeights(costOverrun: 10, scheduleSlip: 60, budgetVolatility: 0,
                                                              lowExecution: 10, spendingAheadOfProgress: 20))
        #expect(slipFirst.first?.projectId == "LATE3")
        let spendOnly = RiskScorer.score(book: RiskFixture.book,
                                         weights: RiskWeights(costOverrun: 0, scheduleSlip: 0, budgetVolatility: 0,
                                                              lowExecution: 0, spendingAheadOfProgress: 1))
        #expect(spendOnly.first?.projectId == "SPEND90")
        #expect(spendOnly.first?.score == 100)
    }

    @Test func peakZeroIsThePlainWeightedMean() throws {
        var plain = RiskWeights.default
        plain.peak = 0
        let risks = RiskScorer.score(book: RiskFixture.book, weights: plain)
        #expect(risks.map(\.projectId).prefix(3) == ["ROAD80", "LATE3", "SPEND90"])
        // (30 × 0.90909 + 10 × 0.1) / 100 = 28.27 → 28; late: 25 + 10 × (1/14) / 0.5 = 26.43 → 26; spend: 20 + 0.93 → 21.
        #expect(risks.prefix(3).map(\.score) == [28, 26, 21])
    }

    @Test func weightsDecodeFromAPartialDocument() throws {
        let json = Data(#"{"schedule_slip": 50, "contract_red_flags": 5}"#.utf8)
        let weights = try JSONDecoder().decode(RiskWeights.self, from: json)
        #expect(weights.scheduleSlip == 50)
        #expect(weights.contractRedFlags == 5)
        #expect(weights.costOverrun == 30)
        let roundTrip = try JSONDecoder().decode(RiskWeights.self, from: JSONEncoder().encode(weights))
        #expect(roundTrip == weights)
    }

    @Test func missingDataIsLeftOutNotCountedSafe() throws {
        var book = RiskFixture.book
        // No cost estimate and no budget lines: only schedule slip has data.
        book.projects.append(RiskFixture.project("BARE", .road, start: 1398, end: 1400, plan: 1_000, estimate: nil, progress: 40))
        let risk = try #require(RiskScorer.score(book: book).first { $0.projectId == "BARE" })
        let cost = try #require(risk.reasons.first { $0.factor == .costOverrun })
        #expect(!cost.hasData)
        #expect(cost.subScore == nil && cost.contribution == nil)
        #expect(cost.textEn.contains("left out"))
        #expect(risk.reasons.filter(\.hasData).map(\.factor) == [.scheduleSlip])
        #expect(risk.coverage == Decimal(25) / 100)
        // Fully late, judged on the only factor with data: mean 1, peak 1 × 25 / 30 → 50 + 41.67 = 92.
        #expect(risk.score == 92)
        var plain = RiskWeights.default
        plain.peak = 0
        #expect(RiskScorer.score(book: book, weights: plain).first { $0.projectId == "BARE" }?.score == 100)
        let contract = try #require(risk.reasons.first { $0.factor == .contractRedFlags })
        #expect(!contract.hasData && contract.textEn.contains("No contract data"))
        // The factors without data come last.
        #expect(risk.reasons.first?.factor == .scheduleSlip)
    }

    @Test func noDataAtAllScoresZeroWithZeroCoverage() throws {
        let bare = RiskFixture.project("NONE", .other, start: nil, end: nil, plan: 0, estimate: nil, progress: nil)
        let book = BudgetBook(metadata: BookMetadata(name: "x", title: "x"), projects: [bare])
        let risk = try #require(RiskScorer.score(book: book, year: 1403).first)
        #expect(risk.score == 0 && risk.coverage == 0 && risk.mainFactor == nil && risk.estimate == nil)
    }

    @Test func finalCostEstimates() throws {
        let risks = RiskScorer.score(book: RiskFixture.book)
        for risk in risks {
            let estimate = try #require(risk.estimate)
            let project = RiskFixture.projects.first { $0.projectId == risk.projectId }!
            #expect(estimate.p50 >= project.plannedCost)
            #expect(estimate.p80 >= estimate.p50)
            if (project.physicalProgress ?? 0) < 100 { #expect(estimate.p50 < estimate.p80) }
            else { #expect(estimate.p50 == estimate.base && estimate.p80 == estimate.base) }
        }
        // Road, 80 % overrun, 66.7 % done: base 1,800 million; remaining 33.3 %.
        let road = try #require(risks.first { $0.projectId == "ROAD80" }?.estimate)
        #expect(road.base == RiskFixture.m(1_800))
        // 1,800e6 × (1 + 0.333 × 0.204) = 1,922,277,600; × (1 + 0.333 × 0.44) = 2,063,736,000.
        #expect(road.p50 == Money(rials: 1_922_277_600))
        #expect(road.p80 == Money(rials: 2_063_736_000))
        // Unknown progress: the full uplift applies. Bridge 1,000 → P50 1,338, P80 1,660.
        let bridge = RiskFixture.project("B", .bridge, start: 1403, end: 1405, plan: 1_000, estimate: nil, progress: nil)
        let book = BudgetBook(metadata: BookMetadata(name: "x", title: "x"), projects: [bridge])
        let only = try #require(RiskScorer.score(book: book, year: 1403).first?.estimate)
        #expect(only.p50 == RiskFixture.m(1_338) && only.p80 == RiskFixture.m(1_660))
    }

    @Test func referenceClassMapping() {
        #expect(ReferenceClass(.road) == .roads)
        #expect(ReferenceClass(.bridge) == .bridgesTunnels && ReferenceClass(.tunnel) == .bridgesTunnels)
        #expect(ReferenceClass(.building) == .standardBuildings)
        #expect(ReferenceClass(.park) == .standardCivilEngineering && ReferenceClass(.network) == .standardCivilEngineering)
        #expect(ReferenceClass(.other) == .standardCivilEngineering)
        for refClass in ReferenceClass.allCases { #expect(refClass.typicalOverrun < refClass.upperOverrun) }
    }

    @Test func rowOrderDoesNotMatter() throws {
        var shuffled = RiskFixture.book
        shuffled.projects.reverse()
        shuffled.budgetLines = shuffled.budgetLines.enumerated().sorted { ($0.offset * 7) % 11 < ($1.offset * 7) % 11 }.map(\.element)
        let a = RiskScorer.score(book: RiskFixture.book)
        let b = RiskScorer.score(book: shuffled)
        #expect(a == b)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(a) == encoder.encode(b))
    }

    @Test func scoresAreBoundedAndTiesBreakOnProjectId() {
        var book = RiskFixture.book
        book.projects.append(RiskFixture.project("A-TWIN", .road, start: 1402, end: 1404, plan: 1_000, estimate: 1_800,
                                                 progress: Decimal(string: "66.7")!))
        book.budgetLines += RiskFixture.lines.filter { $0.projectId == "ROAD80" }.map {
            var line = $0; line.projectId = "A-TWIN"; line.lineId += "-twin"; return line
        }
        let risks = RiskScorer.score(book: book)
        #expect(risks.prefix(2).map(\.projectId) == ["A-TWIN", "ROAD80"])
        #expect(risks.allSatisfy { (0...100).contains($0.score) })
    }
}

/// Physical progress is the book's one, latest figure: a report on an earlier year projects the end of
/// works from the pace up to the book's latest year, and says so.
@Suite struct ScheduleOfAnEarlierYearTests {
    let project = RiskFixture.project("P", .building, start: 1399, end: 1402, plan: 1_000, estimate: 1_000, progress: 50)

    @Test func theLatestYearAssumesNothingLater() {
        let raw = RiskScorer.scheduleSlip(project, 1403, progressYear: 1403, true)
        // 50 % in five years: ten points a year, the rest by 1408; six years after the planned end.
        #expect(raw.value == 6)
        #expect(raw.fa.contains("کتاب وضعیت پس از ۱۴۰۳ را ندارد"))
    }

    @Test func anEarlierYearReadsTheProgressAsTheLatestYears() {
        let raw = RiskScorer.scheduleSlip(project, 1401, progressYear: 1403, true)
        #expect(raw.value == 6)
        #expect(raw.fa.contains("این رقم وضعیت ۱۴۰۳ است و با آهنگ کار تا ۱۴۰۳، سال پایان کار حدود ۱۴۰۸ است"))
        #expect(!raw.fa.contains("کتاب وضعیت پس از"))
        #expect(raw.en.contains("that figure is the state of 1403"))
        // Read as the state of 1401, the same 50 % would have meant a faster pace, an end in 1404, and
        // (three of four planned years elapsed) 1.5 years of slip counted.
        let asOfItsOwnYear = RiskScorer.scheduleSlip(project, 1401, progressYear: nil, true).value ?? 0
        #expect(abs(asOfItsOwnYear - Decimal(string: "1.5")!) < Decimal(string: "0.000001")!)
    }

    @Test func theScorerGivesTheBooksLatestYearAsTheProgressYear() {
        var book = RiskFixture.book
        book.projects = [project]
        book.budgetLines = [RiskFixture.line("P", 1401, approved: 100, realized: 90), RiskFixture.line("P", 1403, approved: 100, realized: 90)]
        let risk = RiskScorer.score(book: book, year: 1401).first { $0.projectId == "P" }
        let reason = risk?.reasons.first { $0.factor == .scheduleSlip }
        #expect(reason?.textFa.contains("این رقم وضعیت ۱۴۰۳ است") == true)
    }
}
