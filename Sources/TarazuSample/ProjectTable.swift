import Foundation
import TarazuCore

extension ProjectDraft {
    /// The projects table, from the drafts and the amounts their budget lines received: the plan
    /// follows the approved amounts, the cost estimate overruns it (far more for projects whose
    /// last-year budget was raised), and progress follows elapsed time and spending.
    static func table(_ drafts: [ProjectDraft], rng: inout SplitMix64) -> [Project] {
        let quantum = Scenario.quantum, lastYear = Scenario.years.last!
        func scaled(_ amount: Int64, _ range: ClosedRange<Int64>) -> Int64 {
            Allocation.scale(amount, permille: rng.int(range), quantum: quantum)
        }
        return drafts.enumerated().map { number, draft in
            let yearly = draft.approvedSum / Int64(max(draft.lineCount, 1)) / quantum * quantum
            let planned = scaled(yearly * Int64(draft.plannedEnd - draft.start + 1), 900...1_000)
            let activeLastYear = draft.activeYears.contains(lastYear)
            let overrun: ClosedRange<Int64> = switch activeLastYear ? draft.lastYearVolatility : .normal {
            case .increase: 1_300...2_200
            case .cut: 950...1_100
            case .normal: 1_000...1_300
            }
            let estimate = scaled(planned, overrun)
            var progress: Int64 = 1_000  // per-mille
            var status = "completed"
            if draft.actualEnd >= lastYear {
                let elapsed = Int64(lastYear - draft.start + 1) * 1_000 / Int64(draft.actualEnd - draft.start + 1)
                let spent = min(1_100, draft.realizedSum * 1_000 / max(draft.approvedSum, 1))
                progress = min(980, max(20, elapsed * spent / 1_000))
                status = draft.actualEnd > draft.plannedEnd ? "delayed" : "in_progress"
                if activeLastYear, draft.lastYearVolatility == .cut, rng.chance(permille: 500) {
                    status = "suspended"
                    progress = max(20, progress * 7 / 10)
                }
            }
            let names = Vocabulary.projectName(draft.kind, number: number + 1, regionCode: draft.regionCode)
            return Project(
                projectId: draft.id, nameFa: names.fa, nameEn: names.en, regionCode: draft.regionCode,
                function: draft.function, type: draft.kind.type, startYear: draft.start, plannedEndYear: draft.plannedEnd,
                plannedCost: Money(rials: planned), currentCostEstimate: Money(rials: estimate),
                physicalProgress: Decimal(sign: .plus, exponent: -1, significand: Decimal(progress)), status: status)
        }
    }
}
