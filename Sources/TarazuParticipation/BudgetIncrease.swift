import Foundation

/// Completion "Add1" as pabutools' `exhaustion_by_budget_increase` runs it: MES with total
/// budget B, B + step, B + 2 step, ... (per voter B/n, B/n + step/n, ...); stop at the first
/// outcome costing more than B and keep the one before it, or, with the exhaustive stop, at the
/// first outcome that leaves no project affordable within B; never beyond B * (n + 1).
///
/// The same outcome as running every step, with far fewer runs: each run also proves for how
/// many further steps its outcome cannot change (`EqualSharesEngine.runCertifying`,
/// `BudgetSensitivity`), and the loop jumps to the first step that may differ. The steps it skips
/// would have selected exactly what the run before them selected, so they could neither stop the
/// loop nor change what it keeps.
///
/// Runs are made `parallelism` at a time (by default one per active processor): the next few steps
/// are run speculatively side by side, each on its own MES state (the engine is shared read-only),
/// and then taken in step order exactly as the one-at-a-time loop takes them. A batch plans each
/// step's kind of run (with or without certificate) as the sequential loop would if nothing were
/// skipped; the replay uses a speculative run only where the sequential loop would have made that
/// very run, and starts a new batch where it would not (after a certified jump). So the outcome,
/// `increments`, `runs` and `stoppedBecause` do not depend on the number of processors; runs made
/// speculatively and not used are counted only in `runsMade`.
enum BudgetIncrease {
    struct Outcome {
        let selected: [Int]
        /// Steps of the kept outcome (-1: none was feasible, the outcome is empty).
        let increments: Int
        /// MES runs the in-order loop used (steps skipped by a certificate are not runs; neither
        /// are speculative runs it did not need). The same with any parallelism.
        let runs: Int
        /// MES runs actually made, speculative ones included (at least `runs`).
        let runsMade: Int
        let stoppedBecause: String
    }

    /// At most this many MES runs; a tally that needs more is refused as pathological.
    static let maximumRuns = 20_000

    /// Runs at once by default: one per active processor.
    static var defaultParallelism: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

    /// One planned run of a batch: its total budget, whether it certifies, its step bound.
    private struct Planned: Sendable {
        let total: BigUInt
        let certifying: Bool
        let maxSteps: UInt64
    }

    /// Results of one batch, written by the concurrent runs (each its own slot) under a lock.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [(selected: [Int], limit: UInt64)?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: (selected: [Int], limit: UInt64)) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        func get(_ index: Int) -> (selected: [Int], limit: UInt64)? {
            lock.lock()
            defer { lock.unlock() }
            return results.indices.contains(index) ? results[index] : nil
        }
    }

    static func run(engine: EqualSharesEngine, election: PBScaledElection, step: Int64,
                    exhaustiveStop: Bool, maximumRuns: Int = maximumRuns,
                    parallelism: Int = defaultParallelism) throws(PBTallyError) -> Outcome {
        let budget = BigUInt(election.budget)
        let stepValue = BigUInt(step)
        let bound = budget * UInt64(engine.voterCount + 1)
        let width = max(parallelism, 1)
        var total = budget
        var previous: [Int] = []
        var increments = 0
        var runs = 0
        var runsMade = 0
        // Where a certificate skips nothing (the selection order changes at almost every step),
        // its bookkeeping (about a third of a run) is spent only on every 2nd, 4th, ... 32nd run.
        var plainRunsLeft = 0
        var backoff = 1

        /// Steps left before the bound, counting the one at `total`: floor((bound - total) / step) + 1.
        func maxSteps(at total: BigUInt) -> UInt64 {
            let (left, _) = (bound - total).quotientAndRemainder(dividingBy: stepValue)
            return left.limbs.count > 1 ? UInt64.max / 2 : min((left.limbs.first ?? 0), UInt64.max / 2) + 1
        }

        while !(bound < total) {
            if runs >= maximumRuns {
                throw PBTallyError("Add1 stopped after \(runs) MES runs at step \(increments) without reaching its end: "
                    + "the election needs too many budget increases; give a larger budget step")
            }
            // Plan the batch: the next steps in order, each run as the sequential loop would run
            // it if no certificate skipped anything; never past the bound or the run limit.
            let first = maxSteps(at: total)
            let count = Int(min(UInt64(min(width, maximumRuns - runs)), first))
            var planning: [Planned] = []
            planning.reserveCapacity(count)
            var plannedPlain = plainRunsLeft
            var plannedBackoff = backoff
            var plannedTotal = total
            for i in 0..<count {
                if i > 0 { plannedTotal += stepValue }
                let certifying = plannedPlain == 0
                if certifying {
                    plannedPlain = plannedBackoff
                    plannedBackoff = min(plannedBackoff * 2, 32)
                } else {
                    plannedPlain -= 1
                }
                planning.append(Planned(total: plannedTotal, certifying: certifying,
                                    maxSteps: i == 0 ? first : maxSteps(at: plannedTotal)))
            }
            let plan = planning
            let slots = Slots(count: count)
            let work: @Sendable (Int) -> Void = { i in
                let planned = plan[i]
                if planned.certifying {
                    slots.set(i, engine.runCertifying(totalBudget: planned.total, step: stepValue,
                                                      maxSteps: planned.maxSteps))
                } else {
                    slots.set(i, (engine.run(totalBudget: planned.total, log: false).selected, 1))
                }
            }
            if count == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: count, execute: work)
            }
            runsMade += count

            // Replay in step order, exactly as the sequential loop.
            var i = 0
            while i < count, !(bound < total) {
                if runs >= maximumRuns {
                    throw PBTallyError("Add1 stopped after \(runs) MES runs at step \(increments) without reaching its end: "
                        + "the election needs too many budget increases; give a larger budget step")
                }
                // The sequential loop's kind of run here; a speculative run of the other kind is
                // not used (a new batch starts from this step).
                if (plainRunsLeft == 0) != plan[i].certifying { break }
                guard let (outcome, limit) = slots.get(i) else { break }
                if plainRunsLeft > 0 {
                    plainRunsLeft -= 1
                } else if limit > 1 {
                    backoff = 1
                } else {
                    // Nothing skipped: the next few runs go without the certificate's bookkeeping.
                    plainRunsLeft = backoff
                    backoff = min(backoff * 2, 32)
                }
                runs += 1
                if election.cost(of: outcome) > election.budget {
                    return Outcome(selected: previous, increments: increments - 1, runs: runs, runsMade: runsMade,
                                   stoppedBecause: "over-budget")
                }
                if exhaustiveStop && isExhaustive(outcome, election) {
                    return Outcome(selected: outcome, increments: increments, runs: runs, runsMade: runsMade,
                                   stoppedBecause: "exhaustive")
                }
                // Steps increments ..< increments + limit all select `outcome`.
                previous = outcome
                guard limit <= UInt64(Int.max - increments), limit <= UInt64(Int.max - i) else {
                    throw PBTallyError("Add1: too many budget steps for exact arithmetic")
                }
                increments += Int(limit)
                total += stepValue * limit
                i += Int(limit)
            }
        }
        return Outcome(selected: previous, increments: increments - 1, runs: runs, runsMade: runsMade,
                       stoppedBecause: "bound")
    }

    /// Whether no project outside `selection` still fits in the budget (all projects count,
    /// as in pabutools' `Instance.is_exhaustive`).
    static func isExhaustive(_ selection: [Int], _ election: PBScaledElection) -> Bool {
        let spent = election.cost(of: selection)
        let chosen = Set(selection)
        return !election.costs.indices.contains { !chosen.contains($0) && spent + election.costs[$0] <= election.budget }
    }
}
