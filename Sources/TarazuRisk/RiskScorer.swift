import Foundation
import TarazuCore

/// One factor of a project's risk, with its figure and the reason in words.
public struct RiskReason: Codable, Sendable, Hashable {
    public var factor: RiskFactor
    /// False when the book lacks what the factor needs; the factor is then left out of the score.
    public var hasData: Bool
    /// The factor's sub-score in [0, 1], rounded to 4 decimals; nil without data.
    public var subScore: Decimal?
    /// The factor's weight (as configured, negatives as 0).
    public var weight: Decimal
    /// Points this factor adds to the score, rounded to 2 decimals (they sum to the score before rounding); nil without data.
    public var contribution: Decimal?
    /// The figure the factor is judged on, rounded to 4 decimals: the overrun ratio, the slip in years, the mean
    /// absolute deviation ratio, the blended execution rate, or the spending-minus-progress gap; nil without data.
    public var value: Decimal?
    /// The reason in Persian, with Persian digits.
    public var textFa: String
    /// The reason in English.
    public var textEn: String
}

/// Estimated final cost of a project at P50 and P80, in whole rials.
///
/// `base` = the largest of the planned cost, the current cost estimate, what the project's lines have
/// realized so far, and (when physical progress is known) what is realized plus the remaining share of
/// the work at the larger of the planned cost and the estimate (so the project's own observed overrun
/// is carried in, and a final cost is never below what is spent plus what is left to do). The reference-class uplift applies to the work not yet done only:
/// `P50 = base × (1 + remainingShare × class typical overrun)`,
/// `P80 = base × (1 + remainingShare × class upper overrun)`, where `remainingShare` is
/// `1 − physicalProgress / 100` (1 when progress is unknown). Computed with `Decimal`, rounded to the rial.
public struct CostEstimate: Codable, Sendable, Hashable {
    public var base: Money
    public var remainingShare: Decimal
    public var upliftP50: Decimal
    public var upliftP80: Decimal
    public var p50: Money
    public var p80: Money
}

/// A project's risk score with its reasons.
public struct ProjectRisk: Codable, Sendable, Hashable {
    /// 1 for the riskiest project.
    public var rank: Int
    public var projectId: String
    public var nameFa: String
    public var nameEn: String?
    public var type: ProjectType
    public var referenceClass: ReferenceClass
    /// The analysis year.
    public var year: Int?
    /// 0 to 100.
    public var score: Int
    /// Share of the total weight carried by factors with data (0 to 1).
    public var coverage: Decimal
    /// The factor that adds most to the score; nil when nothing adds anything.
    public var mainFactor: RiskFactor?
    /// All factors: those with data by contribution (largest first), then those without.
    public var reasons: [RiskReason]
    /// Estimated final cost; nil when the planned cost is not positive or the amount overflows.
    public var estimate: CostEstimate?
}

/// Scores capital projects for risk. Sub-scores, each in [0, 1]:
///
/// - **cost overrun** `o = currentCostEstimate / plannedCost − 1`; `sub = o / (2 × upper)` clamped, where
///   upper is the reference-class upper-bound overrun (Green Book): 0 at no overrun, about a quarter at the
///   class's typical overrun, 0.5 at its upper bound, 1 at twice the upper bound (roads 88 %, bridges and
///   tunnels 132 %, standard buildings 48 %, standard civil engineering 88 %). Saturating later than at
///   twice the typical overrun keeps large overruns apart from ordinary ones.
/// - **schedule slip** at the end of the analysis year Y, when physical progress < 100 %:
///   `overdue = Y − plannedEndYear`; with a start year and progress > 0, the pace is
///   `progress / (Y − startYear + 1)` per year and the projected end is `Y + (100 − progress) / pace`,
///   `projected slip = (projected end − plannedEndYear) × min(1, elapsed years / planned duration)`
///   (a projection from the first years counts less). `slip = max(overdue, projected slip, 0)`;
///   `sub = slip / planned duration` (planned duration = `plannedEndYear − startYear + 1`, 3 years
///   when unknown) clamped: a schedule that doubles scores 1. Progress 100 % scores 0.
/// - **budget volatility** over the years up to Y with approved > 0 on the project's lines:
///   mean of `|(revised, else realized) − approved| / approved` (sums over the year's lines);
///   `sub = mean / 0.5` clamped.
/// - **low execution** `e` = realized / approved in Y, `c` = the same cumulated over years up to Y;
///   `x = (e + c) / 2` (c alone when Y has no executed lines); `sub = (0.9 − x) / 0.6` clamped
///   (0 at 90 % and above, 1 at 30 % and below).
/// - **spending ahead of progress** `gap = cumulative realized up to Y / (currentCostEstimate, else plannedCost)
///   − progress / 100`; `sub = gap / 0.5` clamped. Spending before the book's first year is not seen.
/// - **contract red flags**: no data yet (weight 0 by default).
///
/// Score = `round(100 × ((1 − peak) × Σ wᵢ subᵢ / Σ wᵢ + peak × maxᵢ (wᵢ subᵢ / w_max)))`, sums and maximum
/// over the factors with data, `w_max` the largest configured weight; `peak` is ``RiskWeights/peak``
/// (default 0.5; 0 gives the plain weighted mean). A factor without data is left out and says so.
/// Ranking: score descending, then project id.
public enum RiskScorer {
    /// The default analysis year: the latest year with a realized figure on any budget line, else the
    /// latest budget year, else nil.
    public static func defaultYear(of book: BudgetBook) -> Int? {
        book.latestRealizedYear ?? book.years.last
    }

    /// Scores and ranks every project of `book` at `year` (default: ``defaultYear(of:)``).
    ///
    /// `explain`: how many of the riskiest projects (by rank) get their reason texts (`textFa`, `textEn`);
    /// the others get empty texts, everything else (scores, ranks, sub-scores, contributions, figures,
    /// estimates) is the same. nil (the default) explains every project.
    ///
    /// Projects that start after the analysis year are not scored. `leavingOut`: ids of projects not to score (their data are likely errors, see
    /// `LikelyDataErrors` in TarazuAnalysis); they get no score, no rank and no estimate, and the
    /// other projects' scores do not depend on them.
    public static func score(book: BudgetBook, year: Int? = nil, weights: RiskWeights = .default,
                             explain: Int? = nil, leavingOut: Set<String> = []) -> [ProjectRisk] {
        let analysisYear = year ?? defaultYear(of: book)
        // Physical progress is one figure, the book's latest state: the year it stands for.
        let progressYear = analysisYear.map { max($0, book.years.last ?? $0) }
        let lines = book.budgetLines
        // Line indices by project id, in book order.
        var slotOf: [String: Int] = [:]
        var linesOf: [[Int]] = []
        for index in lines.indices {
            guard let id = lines[index].projectId, !id.isEmpty else { continue }
            if let slot = slotOf[id] {
                linesOf[slot].append(index)
            } else {
                slotOf[id] = linesOf.count
                linesOf.append([index])
            }
        }
        let totalWeight = RiskFactor.allCases.reduce(Decimal(0)) { $0 + weights[$1] }
        // A project that starts after the analysis year has no risk in it yet: it is not scored.
        let projects = book.projects.filter { project in
            !leavingOut.contains(project.projectId) && (project.startYear.map { start in analysisYear.map { start <= $0 } ?? true } ?? true)
        }
        let slots: [Int?] = projects.map { slotOf[$0.projectId] }
        slotOf = [:]
        let explainAll = explain == nil
        func scoreProject(_ index: Int, text: Bool) -> ProjectRisk {
            score(project: projects[index], all: lines, indices: slots[index].map { linesOf[$0] } ?? [], year: analysisYear,
                  progressYear: progressYear, weights: weights, totalWeight: totalWeight, text: text)
        }
        let scored = ConcurrentMap.indices(projects.count) { scoreProject($0, text: explainAll) }
        var order = Array(scored.indices)
        order.sort { a, b in
            let x = scored[a], y = scored[b]
            return x.score != y.score ? x.score > y.score : x.projectId < y.projectId
        }
        var results = order.map { scored[$0] }
        if let explain, explain > 0, !results.isEmpty {
            let count = min(explain, results.count)
            let explained = ConcurrentMap.indices(count) { scoreProject(order[$0], text: true) }
            for rank in 0..<count { results[rank] = explained[rank] }
        }
        for index in results.indices { results[index].rank = index + 1 }
        return results
    }

    /// `progressYear`: the year the book's physical progress stands for (its latest year; `year` when nil).
    static func score(project: Project, all: [BudgetLine], indices: [Int], year: Int?, progressYear: Int? = nil, weights: RiskWeights,
                      totalWeight: Decimal, text: Bool = true) -> ProjectRisk {
        let refClass = ReferenceClass(project.type)
        let years = yearly(all, indices, year)
        let raw: [Raw] = [
            costOverrun(project, refClass, text),
            scheduleSlip(project, year, progressYear: progressYear, text),
            volatility(years, text),
            lowExecution(years, year, text),
            spendingAhead(project, years, text),
            Raw(text, .contractRedFlags, nil, nil, "دادهٔ قرارداد هنوز در دست نیست (این عامل بعداً افزوده می‌شود).",
                "No contract data yet (this factor comes later)."),
        ]
        let covered = raw.reduce(Decimal(0)) { $0 + ($1.sub != nil ? weights[$1.factor] : 0) }
        let peakShare = covered > 0 ? RiskMath.clamp01(weights.peak) : 0
        // The peak: the largest weighted sub-score sub × weight / largest weight, among factors with data
        // (ties go to the first in factor order).
        let maxWeight = RiskFactor.allCases.map { weights[$0] }.max() ?? 0
        var peakFactor: RiskFactor?
        var peakSub: Decimal = 0
        for r in raw {
            guard let sub = r.sub, maxWeight > 0 else { continue }
            let weighted = sub.isZero ? sub : sub * weights[r.factor] / maxWeight
            if weighted > peakSub { peakFactor = r.factor; peakSub = weighted }
        }
        var reasons: [RiskReason] = raw.map { r in
            let factor = r.factor, sub = r.sub
            let weight = weights[factor]
            let contribution = sub.map { sub -> Decimal in
                guard covered > 0 else { return 0 }
                if sub.isZero && factor != peakFactor { return 0 }
                return 100 * (1 - peakShare) * weight * sub / covered + (factor == peakFactor ? 100 * peakShare * peakSub : 0)
            }
            // The texts are built here from fixed Persian phrases (already normal: Persian ی and ک, no
            // Arabic digits, no surrounding space) and Persian digits, so they need no normalizing.
            return RiskReason(factor: factor, hasData: sub != nil, subScore: sub.map { RiskMath.round($0, 4) }, weight: weight,
                              contribution: contribution.map { RiskMath.round($0, 2) }, value: r.value.map { RiskMath.round($0, 4) },
                              textFa: r.fa, textEn: r.en)
        }
        let order = { (r: RiskReason) in RiskFactor.allCases.firstIndex(of: r.factor)! }
        reasons.sort { a, b in
            switch (a.contribution, b.contribution) {
            case let (x?, y?): x != y ? x > y : order(a) < order(b)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): order(a) < order(b)
            }
        }
        let mean = covered > 0 ? raw.reduce(Decimal(0)) { $0 + weights[$1.factor] * ($1.sub ?? 0) } / covered : 0
        let total = 100 * ((1 - peakShare) * mean + peakShare * peakSub)
        let main = reasons.first.flatMap { ($0.contribution ?? 0) > 0 ? $0.factor : nil }
        return ProjectRisk(rank: 0, projectId: project.projectId, nameFa: project.nameFa, nameEn: project.nameEn,
                           type: project.type, referenceClass: refClass, year: year,
                           score: RiskMath.int(min(max(total, 0), 100)),
                           coverage: totalWeight > 0 ? covered / totalWeight : 0,
                           mainFactor: main, reasons: reasons,
                           estimate: estimate(project, refClass, spent: spentSoFar(all, indices, year)))
    }

    /// A factor's sub-score and figure, with its reason texts when asked for (else empty).
    struct Raw {
        var factor: RiskFactor
        var sub: Decimal?
        var value: Decimal?
        var fa: String
        var en: String

        init(_ text: Bool, _ factor: RiskFactor, _ sub: Decimal?, _ value: Decimal?,
             _ fa: @autoclosure () -> String, _ en: @autoclosure () -> String) {
            self.factor = factor
            self.sub = sub
            self.value = value
            self.fa = text ? fa() : ""
            self.en = text ? en() : ""
        }
    }

    static func costOverrun(_ p: Project, _ refClass: ReferenceClass, _ text: Bool) -> Raw {
        guard let current = p.currentCostEstimate, p.plannedCost.rials > 0 else {
            return Raw(text, .costOverrun, nil, nil, "برآورد فعلی هزینه یا هزینهٔ برنامه‌ای در دست نیست؛ عامل افزایش هزینه کنار گذاشته شد.",
                    "No current cost estimate or planned cost: cost overrun left out.")
        }
        let prior = refClass.typicalOverrun
        let overrun = current.decimal / p.plannedCost.decimal - 1
        let sub = RiskMath.clamp01(overrun / (2 * refClass.upperOverrun))
        let upper = refClass.upperOverrun
        let priorEn = !text ? "" : "for \(refClass.nameEn) the typical overrun is \(RiskMath.statedPctEn(prior)) and the upper bound \(RiskMath.statedPctEn(upper))"
        let priorFa = !text ? "" : "در طبقهٔ مرجع \(refClass.nameFa) افزایش معمول \(RiskMath.statedPctFa(prior)) و حد بالا \(RiskMath.statedPctFa(upper)) است"
        if overrun > 0 {
            return Raw(text, .costOverrun, sub, overrun,
                    "برآورد فعلی هزینه \(RiskMath.pctFa(overrun)) بیش از هزینهٔ برنامه‌ای است؛ \(priorFa).",
                    "Current cost estimate is \(RiskMath.pctEn(overrun)) above the planned cost; \(priorEn).")
        }
        return Raw(text, .costOverrun, sub, overrun,
                "برآورد فعلی هزینه از هزینهٔ برنامه‌ای بیشتر نیست (\(RiskMath.changeFa(overrun)))؛ \(priorFa).",
                "Current cost estimate is not above the planned cost (\(RiskMath.signedPctEn(overrun))); \(priorEn).")
    }

    /// Schedule slip at the end of `year`, from the physical progress the book gives as of `progressYear`
    /// (its latest year; `year` when nil or earlier): the pace of works up to that year projects the end.
    static func scheduleSlip(_ p: Project, _ year: Int?, progressYear: Int? = nil, _ text: Bool) -> Raw {
        guard let year, let end = p.plannedEndYear, let progress = p.physicalProgress else {
            return Raw(text, .scheduleSlip, nil, nil, "سال پایان برنامه‌ای یا پیشرفت فیزیکی در دست نیست؛ عامل تأخیر کنار گذاشته شد.",
                    "No planned end year or physical progress: schedule slip left out.")
        }
        if progress >= 100 {
            return Raw(text, .scheduleSlip, 0, 0, "پیشرفت فیزیکی ۱۰۰٪ است؛ تأخیری در کار نیست.",
                    "Physical progress is 100 %: no schedule slip.")
        }
        if let start = p.startYear, year < start {
            return Raw(text, .scheduleSlip, nil, nil, "پروژه تا سال \(RiskMath.yearFa(year)) آغاز نشده است؛ عامل تأخیر کنار گذاشته شد.",
                    "The project had not started by \(year): schedule slip left out.")
        }
        let overdue = Decimal(year - end)
        let asOf = max(progressYear ?? year, year)
        var projectedEnd: Decimal?
        if let start = p.startYear, progress > 0 {
            let pace = progress / Decimal(asOf - start + 1)
            projectedEnd = Decimal(asOf) + (100 - progress) / pace
        }
        let duration: Decimal = p.startYear.map { Decimal(max(end - $0 + 1, 1)) } ?? 3
        // A projection from the first years of works is less sure: it counts in proportion to the
        // share of the planned duration that has elapsed by the year of the progress figure.
        let confidence = p.startYear.map { RiskMath.clamp01(Decimal(asOf - $0 + 1) / duration) } ?? 0
        let projectedSlip = ((projectedEnd ?? Decimal(year)) - Decimal(end)) * confidence
        let slip = max(overdue, projectedSlip, 0)
        let sub = RiskMath.clamp01(slip / duration)
        guard text else { return Raw(false, .scheduleSlip, sub, slip, "", "") }
        // Physical progress is the book's one, latest figure, whatever the analysis year: said so.
        var en = overdue > 0
            ? "\(RiskMath.en(overdue, 0)) year(s) past the planned end (\(end)) at the end of \(year); physical progress (the book's latest figure) \(RiskMath.en(progress)) %"
            : "Planned to end in \(end); physical progress (the book's latest figure) \(RiskMath.en(progress)) %"
        var fa = overdue > 0
            ? "در پایان \(RiskMath.yearFa(year))، \(RiskMath.fa(overdue, 0)) سال از پایان برنامه‌ای (\(RiskMath.yearFa(end))) گذشته بود و پیشرفت فیزیکی (آخرین رقم کتاب) \(RiskMath.fa(progress))٪ است"
            : "سال پایان برنامه‌ای کار \(RiskMath.yearFa(end)) است؛ پیشرفت فیزیکی (آخرین رقم کتاب) \(RiskMath.fa(progress))٪ است"
        if let projectedEnd {
            let projected = max(projectedEnd - Decimal(end), 0)
            // The year the works would end in: a projection of 1403.2 ends in 1404, not at the end of 1403.
            var finishYear = Decimal()
            var exact = projectedEnd
            NSDecimalRound(&finishYear, &exact, 0, .up)
            let elapsed = confidence * 100
            en += (asOf == year
                   ? "; if that progress was made by the end of \(year), at the same pace the works end in about \(RiskMath.en(finishYear, 0)) (the book has no later state), \(RiskMath.en(projected)) year(s) late; "
                   : "; that figure is the state of \(asOf); at the pace of works up to \(asOf) they end about \(RiskMath.en(finishYear, 0)), \(RiskMath.en(projected)) year(s) late; ")
                + (confidence >= 1 ? "the planned duration is over, so all \(RiskMath.en(slip)) year(s) of slip count in the score."
                   : "with \(RiskMath.en(elapsed)) % of the planned duration elapsed, \(RiskMath.en(slip)) year(s) of slip count in the score.")
            fa += (asOf == year
                   ? "؛ اگر این پیشرفت تا پایان \(RiskMath.yearFa(year)) به دست آمده باشد، سال پایان کار با همان آهنگ حدود \(RiskMath.fa(finishYear, 0)) است (کتاب وضعیت پس از \(RiskMath.yearFa(year)) را ندارد)، \(RiskMath.durationFa(projected)) دیرتر از برنامه؛ "
                   : "؛ این رقم وضعیت \(RiskMath.yearFa(asOf)) است و با آهنگ کار تا \(RiskMath.yearFa(asOf))، سال پایان کار حدود \(RiskMath.fa(finishYear, 0)) است، \(RiskMath.durationFa(projected)) دیرتر از برنامه؛ ")
                + (confidence >= 1 ? "چون مدت برنامه‌ای به پایان رسیده است، همهٔ این تأخیر (\(RiskMath.durationFa(slip))) در امتیاز شمرده شد."
                   : "چون تا پایان \(RiskMath.yearFa(asOf)) تنها \(RiskMath.fa(elapsed))٪ از مدت برنامه‌ای گذشته بود، به همین نسبت \(RiskMath.durationFa(slip)) از این تأخیر در امتیاز شمرده شد.")
        } else {
            en += "; \(RiskMath.en(slip)) year(s) of slip."
            fa += "؛ \(RiskMath.durationFa(slip)) تأخیر."
        }
        return Raw(text, .scheduleSlip, sub, slip, fa, en)
    }

    /// Sums of approved, revised-or-realized and realized of one year.
    struct YearSums {
        var year: Int
        var approved: Decimal
        var final: Decimal?
        var realized: Decimal?
    }
    /// Per year up to the analysis year, by year.
    typealias Years = [YearSums]

    /// Sums of approved, revised-or-realized and realized per year up to `year` (every year when nil), by year.
    static func yearly(_ all: [BudgetLine], _ indices: [Int], _ year: Int?) -> Years {
        // Whole rials: summed as Int64 (exact), turned into Decimal once; the Decimal sums when that overflows.
        var sums: [(year: Int, approved: Int64, final: Int64?, realized: Int64?)] = []
        var overflow = false
        for index in indices {
            let line = all[index]
            if let year, line.year > year { continue }
            let slot: Int
            if let found = sums.firstIndex(where: { $0.year == line.year }) {
                slot = found
            } else {
                sums.append((line.year, 0, nil, nil))
                slot = sums.count - 1
            }
            var o = false
            (sums[slot].approved, o) = sums[slot].approved.addingReportingOverflow(line.approved.rials)
            overflow = overflow || o
            if let f = line.revised ?? line.realized {
                (sums[slot].final, o) = (sums[slot].final ?? 0).addingReportingOverflow(f.rials)
                overflow = overflow || o
            }
            if let r = line.realized {
                (sums[slot].realized, o) = (sums[slot].realized ?? 0).addingReportingOverflow(r.rials)
                overflow = overflow || o
            }
        }
        if overflow { return yearlyDecimal(all, indices, year) }
        sums.sort { $0.year < $1.year }
        return sums.map { YearSums(year: $0.year, approved: Decimal($0.approved), final: $0.final.map { Decimal($0) },
                                   realized: $0.realized.map { Decimal($0) }) }
    }

    static func yearlyDecimal(_ all: [BudgetLine], _ indices: [Int], _ year: Int?) -> Years {
        var out: Years = []
        for index in indices {
            let line = all[index]
            if let year, line.year > year { continue }
            let slot: Int
            if let found = out.firstIndex(where: { $0.year == line.year }) {
                slot = found
            } else {
                out.append(YearSums(year: line.year, approved: 0, final: nil, realized: nil))
                slot = out.count - 1
            }
            out[slot].approved += line.approved.decimal
            if let f = line.revised ?? line.realized { out[slot].final = (out[slot].final ?? 0) + f.decimal }
            if let r = line.realized { out[slot].realized = (out[slot].realized ?? 0) + r.decimal }
        }
        out.sort { $0.year < $1.year }
        return out
    }

    static func volatility(_ years: Years, _ text: Bool) -> Raw {
        var deviations: [(Int, Decimal)] = []
        for e in years {
            let y = e.year
            guard e.approved > 0, let final = e.final else { continue }
            deviations.append((y, (final - e.approved) / e.approved))
        }
        guard let mean = RiskMath.mean(deviations.map { abs($0.1) }),
              let largest = deviations.max(by: { abs($0.1) != abs($1.1) ? abs($0.1) < abs($1.1) : $0.0 > $1.0 }) else {
            return Raw(text, .budgetVolatility, nil, nil, "ردیف بودجه‌ای با مصوب و اصلاحیه یا عملکرد برای پروژه نیست؛ عامل نوسان بودجه کنار گذاشته شد.",
                    "No budget lines with approved and revised or realized amounts: budget volatility left out.")
        }
        let sub = RiskMath.clamp01(mean / half)
        if deviations.count == 1 {
            return Raw(text, .budgetVolatility, sub, mean,
                    "در \(RiskMath.yearFa(largest.0))، اصلاحیهٔ بودجهٔ پروژه \(RiskMath.changeFa(largest.1)) نسبت به بودجهٔ مصوب داشت؛ در ردیف‌های بی‌اصلاحیه، عملکرد به جای اصلاحیه سنجیده شده است.",
                    "The project's revised budget (the realized amount on lines without a revision) was \(RiskMath.signedPctEn(largest.1)) against the approved budget in \(largest.0).")
        }
        return Raw(text, .budgetVolatility, sub, mean,
                "در \(RiskMath.fa(Decimal(deviations.count), 0)) سال، اصلاحیهٔ بودجهٔ پروژه به‌طور میانگین \(RiskMath.pctFa(mean)) با بودجهٔ مصوب فاصله داشته است و بیشترین فاصله \(RiskMath.changeFa(largest.1)) در \(RiskMath.yearFa(largest.0)) بوده است؛ در ردیف‌های بی‌اصلاحیه، عملکرد به جای اصلاحیه سنجیده شده است.",
                "The project's revised budget (the realized amount on lines without a revision) strayed from the approved budget by \(RiskMath.pctEn(mean)) a year on average over \(deviations.count) years; largest: \(RiskMath.signedPctEn(largest.1)) in \(largest.0).")
    }

    static func lowExecution(_ years: Years, _ year: Int?, _ text: Bool) -> Raw {
        var cumApproved: Decimal = 0, cumRealized: Decimal = 0, executedYears = 0
        for e in years where e.approved > 0 {
            if let r = e.realized { cumApproved += e.approved; cumRealized += r; executedYears += 1 }
        }
        guard cumApproved > 0 else {
            return Raw(text, .lowExecution, nil, nil, "عملکرد ردیف‌های بودجهٔ پروژه در دست نیست؛ عامل اجرای کم کنار گذاشته شد.",
                    "No realized figures on the project's budget lines: low execution left out.")
        }
        let cumulative = cumRealized / cumApproved
        var inYear: Decimal?
        if let year, let e = years.first(where: { $0.year == year }), e.approved > 0, let r = e.realized { inYear = r / e.approved }
        let x = inYear.map { ($0 + cumulative) / 2 } ?? cumulative
        let sub = RiskMath.clamp01((ninety - x) / sixty)
        if let inYear, let year {
            let total = executedYears > 1 ? " (در جمع سال‌های کتاب تا آن سال: \(RiskMath.pctFa(cumulative)))" : ""
            return Raw(text, .lowExecution, sub, x,
                    "نرخ تحقق بودجهٔ مصوب پروژه در \(RiskMath.yearFa(year)) برابر \(RiskMath.pctFa(inYear)) بود\(total).",
                    "Realized \(RiskMath.pctEn(inYear)) of the approved budget in \(year) (cumulative \(RiskMath.pctEn(cumulative))).")
        }
        return Raw(text, .lowExecution, sub, x,
                "نرخ تحقق بودجهٔ مصوب پروژه در جمع سال‌های کتاب \(RiskMath.pctFa(cumulative)) است (در سال تحلیل ردیفی با عملکرد ندارد).",
                "Realized \(RiskMath.pctEn(cumulative)) of the approved budget cumulatively (no executed line in the analysis year).")
    }

    static func spendingAhead(_ p: Project, _ years: Years, _ text: Bool) -> Raw {
        let cost = p.currentCostEstimate ?? p.plannedCost
        let realized = years.compactMap(\.realized)
        guard let progress = p.physicalProgress, cost.rials > 0, !realized.isEmpty else {
            return Raw(text, .spendingAheadOfProgress, nil, nil,
                    "پیشرفت فیزیکی، هزینهٔ پروژه یا عملکرد ردیف‌های آن در دست نیست؛ عامل پیشی گرفتن عملکرد از پیشرفت فیزیکی کنار گذاشته شد.",
                    "No physical progress, project cost or realized spending: spending ahead of progress left out.")
        }
        let spent = realized.reduce(Decimal(0), +) / cost.decimal
        let gap = spent - progress / 100
        let sub = RiskMath.clamp01(gap / half)
        let first = years.first?.year ?? 0
        let last = years.last?.year ?? first
        guard text else { return Raw(false, .spendingAheadOfProgress, sub, gap, "", "") }
        let costEn = p.currentCostEstimate != nil ? "current cost estimate" : "planned cost"
        let costFa = p.currentCostEstimate != nil ? "برآورد فعلی هزینه" : "هزینهٔ برنامه‌ای"
        // The gap in words (no minus sign in Persian prose): spending ahead of or behind the progress.
        let ahead = gap > 0 ? "جلوتر" : "عقب‌تر"
        let gapFa = gap == 0 ? "عملکرد هم‌پای پیشرفت" : "عملکرد \(RiskMath.fa((gap < 0 ? -gap : gap) * 100)) واحد درصد \(ahead) از پیشرفت"
        let span = first == last ? "در سال \(RiskMath.yearFa(last))" : "از \(RiskMath.yearFa(first)) تا پایان \(RiskMath.yearFa(last))"
        return Raw(text, .spendingAheadOfProgress, sub, gap,
                "عملکرد پروژه \(span) برابر \(RiskMath.pctFa(spent)) \(costFa) است و پیشرفت فیزیکی \(RiskMath.fa(progress))٪ (\(gapFa)).",
                "Spent \(RiskMath.pctEn(spent)) of the \(costEn) since \(first) at \(RiskMath.en(progress)) % physical progress (gap \(RiskMath.en(gap * 100)) points).")
    }

    /// Realized on the project's lines up to `year` (all years when nil), saturating at the largest amount.
    static let half = Decimal(string: "0.5")!
    static let ninety = Decimal(string: "0.9")!
    static let sixty = Decimal(string: "0.6")!

    static func spentSoFar(_ all: [BudgetLine], _ indices: [Int], _ year: Int?) -> Money {
        var total: Int64 = 0
        for index in indices {
            let line = all[index]
            if let year, line.year > year { continue }
            let (sum, overflow) = total.addingReportingOverflow(line.realized?.rials ?? 0)
            total = overflow ? .max : sum
        }
        return Money(rials: total)
    }

    static func estimate(_ p: Project, _ refClass: ReferenceClass, spent: Money = .zero) -> CostEstimate? {
        guard p.plannedCost.rials > 0 else { return nil }
        let reference = max(p.plannedCost, p.currentCostEstimate ?? p.plannedCost)
        let remaining = RiskMath.clamp01(1 - (p.physicalProgress ?? 0) / 100)
        // With progress known, what is spent plus the remaining work at the reference cost.
        let toComplete = p.physicalProgress == nil ? nil : RiskMath.money(spent.decimal + remaining * reference.decimal)
        let base = max(reference, spent, toComplete ?? .zero)
        let u50 = remaining * refClass.typicalOverrun
        let u80 = remaining * refClass.upperOverrun
        guard let p50 = RiskMath.money(base.decimal * (1 + u50)),
              let p80 = RiskMath.money(base.decimal * (1 + u80)) else { return nil }
        return CostEstimate(base: base, remainingShare: remaining, upliftP50: u50, upliftP80: u80, p50: p50, p80: p80)
    }
}
