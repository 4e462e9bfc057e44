import Foundation
import TarazuCore

/// Builds a city's budget lines year by year, envelope by envelope, and then its projects table.
struct ExpenditureGenerator {
    private let profile: CityProfile
    private var rng: SplitMix64
    private(set) var projects: [ProjectDraft]
    private(set) var lines = [BudgetLine]()
    private let projectsByFunction: [String: [Int]]
    /// Names shared by many lines, made once so that a million-line book shares their storage.
    private let regionDepartments: [String: String]
    private let currentPrograms: [String: [String]]
    private let lineIdWidth: Int
    private let quantum = Scenario.quantum

    init(profile: CityProfile, rng: SplitMix64, projects: [ProjectDraft]) {
        self.profile = profile
        self.rng = rng
        self.projects = projects
        projectsByFunction = Dictionary(grouping: projects.indices, by: { projects[$0].function })
        regionDepartments = Dictionary(uniqueKeysWithValues: profile.regions.map { ($0.code, Vocabulary.regionDepartment($0.code)) })
        let programCount = max(profile.centralCurrentLines, profile.regionCurrentLines)
        currentPrograms = Dictionary(uniqueKeysWithValues: BudgetFunction.defaults.map { function in
            let names = Vocabulary.currentPrograms(function.code)
            return (function.code, (0..<programCount).map { Self.program(names, $0) })
        })
        let cells = (profile.regions.count + 1) * BudgetFunction.defaults.count
        let perYear = cells * (profile.regionCurrentLines + profile.capitalLines) + projects.count + 8
        lineIdWidth = max(4, String(perYear).count)
    }

    /// How a line's revised and realized amounts are drawn.
    private enum Style {
        case current, minorCapital, project(Int, Volatility), financial, contingency
    }

    /// A line before its share of the envelope is known.
    private struct Draft {
        var department: String
        var region: String
        var program: String
        var economicClass: EconomicClass
        var style: Style
        var weight: Int64
    }

    mutating func generate() {
        lines.reserveCapacity(projects.reduce(0) { $0 + $1.activeYears.count }
            + Scenario.years.count * (profile.regions.count + 1) * 6 * (profile.regionCurrentLines + profile.capitalLines + 1))
        let envelopes = Scenario.envelopeAmounts(totals: profile.totals)
        for (index, year) in Scenario.years.enumerated() {
            var sequence = 0
            for (cell, envelope) in Scenario.envelopes.enumerated() {
                let drafts = self.drafts(for: envelope, year: year, isLastYear: index == Scenario.years.count - 1)
                let amounts = Allocation.split(envelopes[index][cell], weights: drafts.map(\.weight), quantum: quantum)
                for (draft, approved) in zip(drafts, amounts) {
                    sequence += 1
                    emit(draft, envelope: envelope, year: year, sequence: sequence, approved: approved)
                }
            }
        }
    }

    private mutating func drafts(for envelope: Scenario.Envelope, year: Int, isLastYear: Bool) -> [Draft] {
        let function = envelope.function
        let regionWeightSum = profile.spendWeights.reduce(0, +)
        var drafts = [Draft]()
        switch envelope.kind {
        case .current:
            let programs = currentPrograms[function] ?? []
            let central = regionWeightSum * 100 * profile.centralCurrentPermille
                / (1000 - profile.centralCurrentPermille) / Int64(profile.centralCurrentLines)
            for line in 0..<profile.centralCurrentLines {
                drafts.append(Draft(department: Vocabulary.centralDepartment(function), region: Region.centralCode,
                                    program: programs[line], economicClass: .current, style: .current,
                                    weight: central * noise()))
            }
            for (region, weight) in zip(profile.regions, profile.spendWeights) {
                for line in 0..<profile.regionCurrentLines {
                    drafts.append(Draft(department: department(region.code), region: region.code,
                                        program: programs[line], economicClass: .current, style: .current,
                                        weight: weight * 100 / Int64(profile.regionCurrentLines) * noise()))
                }
            }
        case .capital:
            drafts = capitalDrafts(function: function, year: year, isLastYear: isLastYear)
        case .financial:
            for (program, weight) in zip(Vocabulary.financialPrograms, Vocabulary.financialWeights) {
                drafts.append(Draft(department: Vocabulary.financeDepartment, region: Region.centralCode, program: program,
                                    economicClass: .financial, style: .financial, weight: weight))
            }
        case .contingency:
            drafts.append(Draft(department: Vocabulary.centralDepartment(function), region: Region.centralCode,
                                program: Vocabulary.contingencyProgram, economicClass: .current, style: .contingency, weight: 1))
        }
        return drafts
    }

    /// Minor works (centre and regions) and the projects active in `year`, weighted so that the
    /// projects take `CityProfile.projectPermille` of the envelope when there are any.
    private mutating func capitalDrafts(function: String, year: Int, isLastYear: Bool) -> [Draft] {
        let program = Vocabulary.capitalProgram(function)
        let regionWeightSum = profile.spendWeights.reduce(0, +)
        var minor = [Draft]()
        let central = regionWeightSum * 100 * profile.centralCapitalPermille
            / (1000 - profile.centralCapitalPermille) / Int64(profile.capitalLines)
        for _ in 0..<profile.capitalLines {
            minor.append(Draft(department: Vocabulary.civilWorksDepartment, region: Region.centralCode, program: program,
                               economicClass: .capital, style: .minorCapital, weight: central * noise()))
        }
        for (region, weight) in zip(profile.regions, profile.spendWeights) {
            for _ in 0..<profile.capitalLines {
                minor.append(Draft(department: department(region.code), region: region.code, program: program,
                                   economicClass: .capital, style: .minorCapital,
                                   weight: weight * 100 / Int64(profile.capitalLines) * noise()))
            }
        }
        var works = [Draft]()
        for index in projectsByFunction[function] ?? [] where projects[index].activeYears.contains(year) {
            let project = projects[index]
            let volatility: Volatility
            if isLastYear {
                volatility = project.lastYearVolatility
            } else {
                let draw = rng.int(Int64(0)...Int64(999))
                volatility = draw < 80 ? .increase : draw < 160 ? .cut : .normal
            }
            let department = project.regionCode == Region.centralCode
                ? Vocabulary.civilWorksDepartment : department(project.regionCode)
            works.append(Draft(department: department, region: project.regionCode, program: program,
                               economicClass: .capital, style: .project(index, volatility),
                               weight: project.yearlyWeight * noise()))
        }
        guard !works.isEmpty else { return minor }
        // Rescale both groups so that their weight sums stand as projectPermille : the rest.
        let minorSum = minor.reduce(0) { $0 + $1.weight }, worksSum = works.reduce(0) { $0 + $1.weight }
        let share = CityProfile.projectPermille
        return minor.map { var draft = $0; draft.weight = Self.rescale(draft.weight, 1000 - share, minorSum); return draft }
            + works.map { var draft = $0; draft.weight = Self.rescale(draft.weight, share, worksSum); return draft }
    }

    /// `weight` × `share` / `sum` on a 10^12 scale, exact enough for apportionment.
    private static func rescale(_ weight: Int64, _ share: Int64, _ sum: Int64) -> Int64 {
        let (quotient, _) = sum.dividingFullWidth(weight.multipliedFullWidth(by: share * 1_000_000_000))
        return max(quotient, 1)
    }

    /// Raises the realized amounts of `year` so that they add up to `permille` of the year's approved total:
    /// lines are completed up to the larger of their approved and revised amounts, those with the least left to
    /// do first; volatile lines are left as drawn. Projects' realized sums follow.
    mutating func calibrateRealization(year: Int, permille: Int64) {
        let positions = lines.indices.filter { lines[$0].year == year }
        let approved = positions.reduce(Int64(0)) { $0 + lines[$1].approved.rials }
        let realized = positions.reduce(Int64(0)) { $0 + (lines[$1].realized?.rials ?? 0) }
        let target = Allocation.scale(approved, permille: permille, quantum: quantum)
        // Lines whose revision departs by more than a quarter keep their figures: they are the volatile lines.
        let room = positions.map { position -> Int64 in
            let line = lines[position], approved = line.approved.rials, revised = line.revised?.rials ?? approved
            guard abs(revised - approved) * 4 <= approved else { return 0 }
            // Completed lines end between 96 and 100 % of their budget, not all at exactly 100 %.
            let cap = Allocation.scale(max(approved, revised), permille: 960 + Int64(position % 41), quantum: quantum)
            return max(0, cap - (line.realized?.rials ?? 0))
        }
        guard target > realized else { return }
        // The lines closest to done are completed first; the others keep their figures, as in a real year.
        var left = target - realized
        var raise = [Int64](repeating: 0, count: positions.count)
        for slot in room.indices.filter({ room[$0] > 0 }).sorted(by: { (room[$0], $0) < (room[$1], $1) }) where left > 0 {
            raise[slot] = min(room[slot], left)
            left -= raise[slot]
        }
        let projectIndex = Dictionary(projects.indices.map { (projects[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, extra) in zip(positions, raise) where extra > 0 {
            lines[position].realized = Money(rials: (lines[position].realized?.rials ?? 0) + extra)
            if let id = lines[position].projectId, let index = projectIndex[id] { projects[index].realizedSum += extra }
        }
    }

    /// The approved budget of `year`, the year after the last: last year's lines carried forward (the projects
    /// still running, every other line), their approved amounts shared out to `total` in proportion to last
    /// year's, with no revision or execution yet.
    mutating func approvedOnly(year: Int, total: Int64) {
        guard let last = Scenario.years.last else { return }
        let running = Set(projects.filter { $0.actualEnd > last }.map(\.id))
        let carried = lines.filter { $0.year == last && ($0.projectId.map(running.contains) ?? true) }
        guard !carried.isEmpty else { return }
        let amounts = Allocation.split(total, weights: carried.map { max($0.approved.rials / quantum, 1) }, quantum: quantum)
        for (line, approved) in zip(carried, amounts) {
            var next = line
            next.year = year
            next.lineId = "\(year)" + line.lineId.dropFirst(String(last).count)
            next.approved = Money(rials: approved)
            next.revised = nil
            next.realized = nil
            lines.append(next)
        }
    }

    private func department(_ regionCode: String) -> String {
        regionDepartments[regionCode] ?? Vocabulary.regionDepartment(regionCode)
    }

    private static func program(_ programs: [String], _ line: Int) -> String {
        line < programs.count ? programs[line]
            : programs[line % programs.count] + " (بخش " + PersianText.persianDigits(String(line / programs.count + 1)) + ")"
    }

    private mutating func noise() -> Int64 { rng.int(Int64(700)...Int64(1_300)) }

    private mutating func scaled(_ amount: Int64, _ range: ClosedRange<Int64>) -> Int64 {
        Allocation.scale(amount, permille: rng.int(range), quantum: quantum)
    }

    private mutating func emit(_ draft: Draft, envelope: Scenario.Envelope, year: Int, sequence: Int, approved: Int64) {
        var revised = approved, realized = approved
        var projectId: String?
        switch draft.style {
        case .current:
            if rng.chance(permille: 300) { revised = scaled(approved, 1_000...1_150) }
            realized = scaled(revised, 860...990)
        case .minorCapital:
            revised = scaled(approved, 900...1_100)
            realized = scaled(revised, 550...850)
        case .project(let index, let volatility):
            switch volatility {
            case .normal:
                if rng.chance(permille: 500) { revised = scaled(approved, 950...1_100) }
                realized = scaled(revised, 450...850)
            case .increase:
                revised = scaled(approved, 1_500...2_400)
                realized = scaled(revised, 850...1_000)
            case .cut:
                revised = scaled(approved, 250...550)
                realized = scaled(revised, 600...950)
            }
            projects[index].approvedSum += approved
            projects[index].realizedSum += realized
            projects[index].lineCount += 1
            projectId = projects[index].id
        case .financial:
            realized = scaled(approved, 800...970)
        case .contingency:
            realized = scaled(approved, 400...800)
        }
        let digits = String(sequence)
        let lineId = "\(year)-" + String(repeating: "0", count: max(0, lineIdWidth - digits.count)) + digits
        var isContingency = false
        if case .contingency = draft.style { isContingency = true }
        lines.append(BudgetLine(
            year: year, lineId: lineId, department: draft.department, regionCode: draft.region,
            function: envelope.function, program: draft.program, projectId: projectId,
            economicClass: draft.economicClass, isContingency: isContingency,
            approved: Money(rials: approved), revised: Money(rials: revised), realized: Money(rials: realized)))
    }
}
