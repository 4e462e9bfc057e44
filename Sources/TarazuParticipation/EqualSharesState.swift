/// One MES run: budget classes, the round loop, price evaluation and payment.
extension EqualSharesEngine {
    /// An exact rational price numerator / denominator, for comparing projects across rounds.
    struct Price {
        let numerator: BigUInt
        let denominator: BigUInt
        let approximation: Double

        init(_ numerator: BigUInt, _ denominator: BigUInt) {
            self.numerator = numerator
            self.denominator = denominator
            approximation = numerator.approximateRatio(to: denominator)
        }

        /// -1, 0 or 1 as a is below, equal to or above b, exactly; the approximations decide when
        /// they are far enough apart (`surelyAbove`), the products otherwise.
        static func compare(_ a: Price, _ b: Price) -> Int {
            if surelyAbove(a, b) { return 1 }
            if surelyAbove(b, a) { return -1 }
            return BigUInt.compareProducts(a.numerator, b.denominator, b.numerator, a.denominator)
        }

        /// Whether a > b is certain from the approximations alone. Each approximation is within a
        /// relative 2^-50 of the exact ratio (the top 64 bits of numerator and denominator, one
        /// rounding each to Double and one division), so a margin of 10^-12 decides exactly, as long
        /// as neither was clamped to 0 or infinity (`approximateRatio` clamps beyond 2^±1000).
        static func surelyAbove(_ a: Price, _ b: Price) -> Bool {
            let (x, y) = (a.approximation, b.approximation)
            return y > 1e-290 && x < 1e290 && x > y * (1 + 1e-12)
        }
    }

    /// One evaluation's supporters grouped by (budget class, utility level), with poor flags.
    struct Buckets {
        var classes: [Int32] = []
        var levels: [Int32] = []
        var voters: [UInt64] = []
        var poor: [Bool] = []

        mutating func removeAll() {
            classes.removeAll(keepingCapacity: true)
            levels.removeAll(keepingCapacity: true)
            voters.removeAll(keepingCapacity: true)
            poor.removeAll(keepingCapacity: true)
        }
    }

    /// The mutable part of one run.
    struct State {
        let engine: EqualSharesEngine
        var denominator: BigUInt
        var budgets: ClassBudgets
        /// Voters per class.
        var classVoters: [UInt64]
        var groupClass: [Int32]
        var zeroClassID: Int32?
        /// Per class, scratch: index of its bucket in the level being paid for, or -1.
        var slot: [Int32]
        /// Per class, scratch: voters of the level being bucketed, 0 between levels.
        var tally: [UInt64]
        /// Scratch of `bucket`: the classes of the level being bucketed in order of appearance, and
        /// their voters.
        var opened: [Int32] = []
        var openedVoters: [UInt64] = []
        /// Scratch of `evaluate`: per utility level, the budget below which a supporter is poor
        /// (times the rich utility when that does not fit one limb) and its log2.
        var thresholds: [[UInt64]] = []
        var thresholdLog2: [Double] = []
        var buckets = Buckets()
        /// The evaluation of the round's best project so far, kept for `pay`.
        var bestBuckets = Buckets()
        /// Per project, the reduced utility of its supporters whose budget is zero (what
        /// `bucket` leaves out), kept up to date by `pay` so a price bound needs no bucketing.
        var zeroUtility: [UInt128]
        /// Budget slopes and the certified interval, when the run certifies how far its outcome
        /// holds (Add1); nil otherwise (and once the interval cannot shrink further).
        var sensitivity: BudgetSensitivity?
        /// The run's certified limit (see `BudgetSensitivity.limit`): 1 when not certifying or
        /// when the certificate closed during the run.
        var certifiedLimit: UInt64 { sensitivity?.limit ?? 1 }
        /// Set by `evaluate` while certifying: the slope magnitude of the bound or price it returned
        /// (numerator, denominator), or for an unaffordable project its supporters' budget
        /// (over the budget denominator) and slope numerator.
        var lastSlope = (numerator: BigUInt(), denominator: BigUInt(1 as UInt64))
        var lastBudget = BigUInt()
        /// While certifying: the slope numerator of the budgets the winner's poor supporters pay.
        var winnerPoorSlope = BigUInt()

        init(engine: EqualSharesEngine, totalBudget: BigUInt) {
            self.engine = engine
            denominator = BigUInt(UInt64(max(engine.voterCount, 1)))
            budgets = ClassBudgets(totalBudget)
            classVoters = [engine.multiplicity.reduce(0, +)]
            groupClass = [Int32](repeating: 0, count: engine.multiplicity.count)
            slot = [-1]
            tally = [0]
            zeroUtility = totalBudget.isZero ? engine.totalUtility
                : [UInt128](repeating: 0, count: engine.costs.count)
        }

        mutating func run(log: Bool) -> (selected: [Int], rounds: [Round]) {
            var selected: [Int] = []
            var rounds: [Round] = []
            if engine.voterCount == 0 { return ([], []) }
            var active: [Int] = []
            var free: [Int] = []
            for project in engine.costs.indices where engine.totalUtility[project] > 0 {
                if engine.costs[project] == 0 { free.append(project) } else { active.append(project) }
            }
            // Supported projects that cost nothing are selected first (pabutools does the same).
            for project in free.sorted(by: { engine.tieRank[$0] < engine.tieRank[$1] }) {
                selected.append(project)
                if log {
                    rounds.append(Round(project: project, rhoNumerator: BigUInt(), rhoDenominatorFactor: BigUInt(1 as UInt64),
                                        denominator: denominator, buckets: []))
                }
            }
            var lowerBound = [Price?](repeating: nil, count: engine.costs.count)
            // The bounds' approximations, apart: sorting by them copies no prices.
            var boundKey = [Double](repeating: 0, count: engine.costs.count)
            while true {
                boundKey.withUnsafeBufferPointer { key in active.sort { key[$0] < key[$1] } }
                var best: (price: Price, project: Int, numerator: BigUInt, richUtility: UInt128)?
                var tied: [Int] = []
                var stillActive: [Int] = []
                for (index, project) in active.enumerated() {
                    if let bound = lowerBound[project], let best {
                        if Price.surelyAbove(bound, best.price) {
                            // Projects are in ascending order of their bounds' approximations, so
                            // every later bound is surely above the best price too.
                            stillActive.append(contentsOf: active[index...])
                            break
                        }
                        if Price.compare(bound, best.price) > 0 {
                            stillActive.append(project)
                            continue
                        }
                    }
                    let numerator: BigUInt
                    let richUtility: UInt128
                    switch evaluate(project, ceiling: best?.price) {
                    case .unaffordable:
                        if sensitivity != nil {
                            sensitivity?.unaffordable(cost: engine.costs[project], budget: lastBudget,
                                                      slope: lastSlope.numerator, budgetDenominator: denominator)
                        }
                        continue
                    case .above(let bound):
                        lowerBound[project] = bound
                        boundKey[project] = bound.approximation
                        recordBoundSlope(project)
                        stillActive.append(project)
                        continue
                    case .price(let n, let r):
                        (numerator, richUtility) = (n, r)
                        recordBoundSlope(project)
                    }
                    stillActive.append(project)
                    let price = Price(numerator, priceDenominator(project, richUtility))
                    lowerBound[project] = price
                    boundKey[project] = price.approximation
                    let order = best.map { Price.compare(price, $0.price) } ?? -1
                    if order < 0 {
                        best = (price, project, numerator, richUtility)
                        tied = [project]
                        swap(&buckets, &bestBuckets)
                    } else if order == 0 {
                        tied.append(project)
                    }
                }
                active = stillActive
                guard let best, let winner = tied.min(by: { engine.tieRank[$0] < engine.tieRank[$1] }) else { break }
                active.removeAll { $0 == winner }
                selected.append(winner)
                if winner == best.project {
                    swap(&buckets, &bestBuckets)
                    if sensitivity != nil {
                        certify(winner, numerator: best.numerator, richUtility: best.richUtility, others: active, lowerBound)
                    }
                    let round = pay(for: winner, numerator: best.numerator, richUtility: best.richUtility, log: log)
                    if let round { rounds.append(round) }
                } else {
                    guard case .price(let numerator, let richUtility) = evaluate(winner) else {
                        preconditionFailure("MES: the winner became unaffordable")
                    }
                    if sensitivity != nil {
                        certify(winner, numerator: numerator, richUtility: richUtility, others: active, lowerBound)
                    }
                    let round = pay(for: winner, numerator: numerator, richUtility: richUtility, log: log)
                    if let round { rounds.append(round) }
                }
                if let open = sensitivity?.isOpen, !open {
                    // Certified for this budget only: stop tracking slopes.
                    sensitivity = nil
                }
            }
            return (selected, rounds)
        }

        /// Price denominator factor (rich utility times the project's utility gcd).
        func priceFactor(_ project: Int, _ richUtility: UInt128) -> BigUInt {
            BigUInt(richUtility, times: engine.utilityGCD[project])
        }

        /// The price's denominator: the price factor times the budget denominator.
        func priceDenominator(_ project: Int, _ richUtility: UInt128) -> BigUInt {
            denominator.times(richUtility, engine.utilityGCD[project])
        }

        /// Fills `buckets` with the project's supporters grouped by (class, level); returns the
        /// reduced utility of supporters whose budget is zero (they are left out).
        mutating func bucket(_ project: Int) -> UInt128 {
            buckets.removeAll()
            var zeroUtility: UInt128 = 0
            for (levelIndex, level) in engine.levels[project].enumerated() {
                if opened.count < level.groups.count {
                    opened = [Int32](repeating: 0, count: level.groups.count)
                    openedVoters = [UInt64](repeating: 0, count: level.groups.count)
                }
                var levelZero: UInt64 = 0
                var count = 0
                engine.supporters.withUnsafeBufferPointer { supporters in
                    engine.multiplicity.withUnsafeBufferPointer { multiplicity in
                        groupClass.withUnsafeBufferPointer { groupClass in
                            tally.withUnsafeMutableBufferPointer { tally in
                                opened.withUnsafeMutableBufferPointer { opened in
                                    // A class's first group (every group has at least one voter) opens its bucket.
                                    for index in level.groups {
                                        let group = Int(supporters[index])
                                        let c = Int(groupClass[group])
                                        let voters = multiplicity[group]
                                        if budgets.isZero(c) {
                                            levelZero += voters
                                            continue
                                        }
                                        if tally[c] == 0 {
                                            opened[count] = Int32(c)
                                            count += 1
                                        }
                                        tally[c] += voters
                                    }
                                    openedVoters.withUnsafeMutableBufferPointer { openedVoters in
                                        for b in 0..<count {
                                            let c = Int(opened[b])
                                            openedVoters[b] = tally[c]
                                            tally[c] = 0
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                buckets.classes += opened[0..<count]
                buckets.voters += openedVoters[0..<count]
                buckets.levels += repeatElement(Int32(levelIndex), count: count)
                buckets.poor += repeatElement(false, count: count)
                zeroUtility += UInt128(level.utility) * UInt128(levelZero)
            }
            return zeroUtility
        }

        /// What evaluating a project found.
        enum Evaluation {
            /// Its supporters cannot pay for it (they never will: budgets only fall).
            case unaffordable
            /// Its price is above the ceiling; the value is a lower bound of the price.
            case above(Price)
            /// Its exact price: rho = numerator / (richUtility * utilityGCD * denominator).
            case price(numerator: BigUInt, richUtility: UInt128)
        }

        /// The project's exact price, by the poor/rich iteration. Each step's rho is a lower
        /// bound of the price, so the evaluation stops as soon as one exceeds `ceiling` (the
        /// round's best so far). When everyone turns poor the supporters' money is short of the
        /// cost. Leaves the buckets and their poor flags in `buckets`.
        mutating func evaluate(_ project: Int, ceiling: Price? = nil) -> Evaluation {
            let costTimesL = denominator * engine.costs[project]
            if let ceiling {
                // The first step's bound needs only the zero-budget utility, not the buckets.
                let richUtility = engine.totalUtility[project] - self.zeroUtility[project]
                if richUtility == 0 {
                    // Every supporter has nothing left, for good: budget and slope 0.
                    if sensitivity != nil { (lastBudget, lastSlope.numerator) = (BigUInt(), BigUInt()) }
                    return .unaffordable
                }
                let bound = Price(costTimesL, priceDenominator(project, richUtility))
                if Price.compare(bound, ceiling) > 0 {
                    // Those left out have budget 0 and slope 0: the bound does not move.
                    if sensitivity != nil { lastSlope = (BigUInt(), BigUInt(1 as UInt64)) }
                    return .above(bound)
                }
            }
            // The first step's bound was checked above.
            var checked = ceiling != nil
            let zeroUtility = bucket(project)
            assert(zeroUtility == self.zeroUtility[project], "MES: zero-budget utility out of step")
            var poorBudget = BigUInt()
            let certifying = sensitivity != nil
            var poorSlope = BigUInt()
            var richUtility = engine.totalUtility[project] - zeroUtility
            let levels = engine.levels[project]
            while richUtility > 0 {
                let remaining = costTimesL - poorBudget
                if let ceiling, !checked {
                    let bound = Price(remaining, priceDenominator(project, richUtility))
                    if Price.compare(bound, ceiling) > 0 {
                        if certifying { setLastSlope(poorSlope, project, richUtility) }
                        return .above(bound)
                    }
                }
                // Poor when budget / L < remaining * u / (richUtility * L). Marking them against
                // this step's rho before updating the sums is the iteration. With a one-limb
                // richUtility that is budget < ceil(remaining * u / richUtility), one division
                // per level instead of a product per bucket.
                let divides = richUtility <= UInt128(UInt64.max)
                let rich = divides ? [] : BigUInt(richUtility).limbs
                if thresholds.count < levels.count {
                    thresholds += repeatElement([], count: levels.count - thresholds.count)
                    thresholdLog2 += repeatElement(0, count: levels.count - thresholdLog2.count)
                }
                for (l, level) in levels.enumerated() {
                    if divides {
                        BigUInt.ceilingQuotient(remaining.limbs, times: level.utility, dividedBy: UInt64(richUtility),
                                                into: &thresholds[l])
                        thresholdLog2[l] = ClassBudgets.log2(thresholds[l], from: 0, count: thresholds[l].count)
                    } else {
                        BigUInt.multiply(remaining.limbs, level.utility, into: &thresholds[l])
                    }
                }
                let perLevel = thresholds
                let perLevelLog2 = thresholdLog2
                // One level (approval ballots): its threshold, hoisted out of the loop.
                let single = divides && levels.count == 1
                let singleRHS = single ? perLevel[0] : []
                let singleLog2 = single ? perLevelLog2[0] : 0
                var newlyPoor = false
                for b in buckets.classes.indices where !buckets.poor[b] {
                    let c = Int(buckets.classes[b])
                    let isPoor: Bool
                    if single {
                        isPoor = budgets.compare(c, with: singleRHS, rhsLog2: singleLog2) < 0
                    } else {
                        let level = Int(buckets.levels[b])
                        isPoor = (divides ? budgets.compare(c, with: perLevel[level], rhsLog2: perLevelLog2[level])
                            : budgets.compareProduct(c, times: rich, with: perLevel[level])) < 0
                    }
                    if isPoor {
                        buckets.poor[b] = true
                        newlyPoor = true
                        budgets.accumulate(Int(buckets.classes[b]), times: buckets.voters[b], into: &poorBudget)
                        if certifying { sensitivity?.slopes.accumulate(c, times: buckets.voters[b], into: &poorSlope) }
                        richUtility -= UInt128(levels[Int(buckets.levels[b])].utility) * UInt128(buckets.voters[b])
                    }
                }
                if !newlyPoor {
                    if certifying { setLastSlope(poorSlope, project, richUtility) }
                    return .price(numerator: remaining, richUtility: richUtility)
                }
                checked = false
            }
            if certifying { (lastBudget, lastSlope.numerator) = (poorBudget, poorSlope) }
            return .unaffordable
        }

        /// While certifying: the slope magnitude of the price bound (cost - poor budgets) /
        /// (rich utility * gcd * L), which is poorSlope / (D * rich utility * gcd).
        mutating func setLastSlope(_ poorSlope: BigUInt, _ project: Int, _ richUtility: UInt128) {
            guard let sensitivity else { return }
            lastSlope = (poorSlope, sensitivity.denominator.times(richUtility, engine.utilityGCD[project]))
        }

        /// While certifying: the project's bound just stored in `lowerBound` has the slope of `lastSlope`.
        mutating func recordBoundSlope(_ project: Int) {
            guard sensitivity != nil else { return }
            sensitivity?.boundSlope[project] = lastSlope
            sensitivity?.boundSlopeApproximation[project] = lastSlope.numerator.isZero ? 0
                : lastSlope.numerator.approximateRatio(to: lastSlope.denominator)
        }

        /// While certifying, before the winner pays: its poor supporters stay poor along the path
        /// and every other active project keeps losing to it (see `BudgetSensitivity`).
        mutating func certify(_ project: Int, numerator: BigUInt, richUtility: UInt128, others: [Int],
                              _ lowerBound: [Price?]) {
            guard var sensitivity else { return }
            self.sensitivity = nil
            defer { self.sensitivity = sensitivity }
            let levels = engine.levels[project]
            let rich = BigUInt(richUtility)
            var poorSlope = BigUInt()
            for b in buckets.classes.indices where buckets.poor[b] {
                sensitivity.slopes.accumulate(Int(buckets.classes[b]), times: buckets.voters[b], into: &poorSlope)
            }
            winnerPoorSlope = poorSlope
            for b in buckets.classes.indices where buckets.poor[b] && sensitivity.isOpen {
                let c = Int(buckets.classes[b])
                sensitivity.poor(budget: budgets.value(c), slope: sensitivity.slopes.value(c),
                                 utility: levels[Int(buckets.levels[b])].utility, numerator: numerator,
                                 richUtility: rich, poorSlope: poorSlope, budgetDenominator: denominator)
            }
            let factor = priceFactor(project, richUtility)
            let price = Price(numerator, factor * denominator)
            let priceSlope = (numerator: poorSlope, denominator: sensitivity.denominator * factor)
            let priceSlopeApproximation = poorSlope.isZero ? 0 : poorSlope.approximateRatio(to: priceSlope.denominator)
            for other in others where sensitivity.isOpen {
                guard let bound = lowerBound[other], let slope = sensitivity.boundSlope[other] else {
                    sensitivity.close()
                    break
                }
                sensitivity.loses(bound: bound, slope: slope, slopeApproximation: sensitivity.boundSlopeApproximation[other],
                                  price: price, priceSlope: priceSlope, priceSlopeApproximation: priceSlopeApproximation,
                                  winnerFirst: engine.tieRank[project] < engine.tieRank[other])
            }
        }

        /// The class of voters with no budget left (created when first needed).
        mutating func zeroClass() -> Int32 {
            if let zeroClassID { return zeroClassID }
            let id = Int32(budgets.append(BigUInt()))
            sensitivity?.slopes.append(BigUInt())
            classVoters.append(0)
            slot.append(-1)
            tally.append(0)
            zeroClassID = id
            return id
        }

        /// Charges the winner's supporters (whose evaluation is in `buckets`). A bucket whose
        /// class moves whole keeps the class; otherwise its voters get a new class. Poor voters
        /// join the zero-budget class. Classes are not merged when budgets happen to coincide:
        /// that costs buckets, not correctness.
        mutating func pay(for project: Int, numerator: BigUInt, richUtility: UInt128, log: Bool) -> Round? {
            // Rich voters pay numerator * u / (richUtility * L). With g = gcd(numerator,
            // richUtility) the new common denominator is L * richUtility / g.
            let divisor = BigUInt.gcd(numerator, BigUInt(richUtility))
            let factor = BigUInt(richUtility).quotientAndRemainder(dividingBy: divisor).quotient
            let share = numerator.quotientAndRemainder(dividingBy: divisor).quotient
            let levels = engine.levels[project]
            var round: Round?
            if log {
                round = Round(
                    project: project, rhoNumerator: numerator,
                    rhoDenominatorFactor: priceFactor(project, richUtility), denominator: denominator,
                    buckets: buckets.classes.indices.map { b in
                        // The log reads the budget only of voters who pay all they have.
                        Bucket(budgetNumerator: buckets.poor[b] ? budgets.value(Int(buckets.classes[b])) : BigUInt(),
                               utility: levels[Int(buckets.levels[b])].utility * engine.utilityGCD[project],
                               voters: buckets.voters[b], paidAll: buckets.poor[b])
                    })
            }
            var target = [Int32](repeating: -1, count: buckets.classes.count)
            var scale = [Bool](repeating: true, count: budgets.count)
            let dues = levels.map { (share * $0.utility).limbs }
            // While certifying, slopes follow the budgets: a rich voter's slope becomes
            // beta + gamma * u = (beta * U + u * poorSlope) / (D * U); the rest are rescaled to D * U.
            let certifying = sensitivity != nil
            let rich = BigUInt(richUtility)
            func newSlope(_ c: Int, _ b: Int) -> BigUInt {
                guard let sensitivity else { return BigUInt() }
                return sensitivity.slopes.value(c) * rich + winnerPoorSlope * levels[Int(buckets.levels[b])].utility
            }
            for b in buckets.classes.indices {
                let c = Int(buckets.classes[b])
                let emptied = buckets.poor[b]
                    || budgets.scaledDifference(c, times: factor.limbs, minus: dues[Int(buckets.levels[b])])
                if emptied {
                    if certifying && !buckets.poor[b] && !newSlope(c, b).isZero {
                        // Left with exactly 0 now, with more for any larger budget: another path.
                        sensitivity?.close()
                    }
                    target[b] = zeroClass()
                } else if buckets.voters[b] == classVoters[c] {
                    // The whole class moves: it keeps its id and takes the new value.
                    if certifying {
                        let slope = newSlope(c, b)
                        sensitivity?.slopes.set(c, slope)
                    }
                    target[b] = Int32(budgets.storeScratch(in: c))
                    scale[c] = false
                    continue
                } else {
                    if certifying {
                        let slope = newSlope(c, b)
                        sensitivity?.slopes.append(slope)
                    }
                    target[b] = Int32(budgets.storeScratch(in: nil))
                    classVoters.append(0)
                    slot.append(-1)
                    tally.append(0)
                }
                classVoters[c] -= buckets.voters[b]
                classVoters[Int(target[b])] += buckets.voters[b]
                if classVoters[c] == 0 {
                    budgets.set(c, BigUInt())
                    sensitivity?.slopes.set(c, BigUInt())
                }
            }
            // Every other class keeps its budget over the new denominator (the factor is recorded and
            // applied to a class when it is next read: `ClassBudgets`).
            scale += repeatElement(false, count: budgets.count - scale.count)
            budgets.scale(by: factor, where: scale)
            if certifying {
                sensitivity?.slopes.scale(by: rich, where: scale)
                if let slopeDenominator = sensitivity?.denominator { sensitivity?.denominator = slopeDenominator * rich }
            }
            var levelStart = 0
            for (levelIndex, level) in levels.enumerated() {
                // Buckets of one level are contiguous and hold distinct classes.
                var levelEnd = levelStart
                while levelEnd < buckets.classes.count && buckets.levels[levelEnd] == Int32(levelIndex) { levelEnd += 1 }
                for b in levelStart..<levelEnd { slot[Int(buckets.classes[b])] = Int32(b) }
                for index in level.groups {
                    let group = Int(engine.supporters[index])
                    let c = Int(groupClass[group])
                    if slot[c] >= 0 {
                        let t = target[Int(slot[c])]
                        groupClass[group] = t
                        if t == zeroClassID {
                            // The group's money is gone: its utility no longer counts as rich.
                            let voters = UInt128(engine.multiplicity[group])
                            for entry in engine.groups[group].entries {
                                let reduced = UInt64(entry.utility) / engine.utilityGCD[entry.project]
                                zeroUtility[entry.project] += UInt128(reduced) * voters
                            }
                        }
                    }
                }
                for b in levelStart..<levelEnd { slot[Int(buckets.classes[b])] = -1 }
                levelStart = levelEnd
            }
            denominator = denominator * factor
            return round
        }
    }
}
