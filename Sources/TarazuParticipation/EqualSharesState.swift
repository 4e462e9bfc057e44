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

        static func compare(_ a: Price, _ b: Price) -> Int {
            BigUInt.compareProducts(a.numerator, b.denominator, b.numerator, a.denominator)
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
        /// Per class, scratch: index of its bucket in the level being scanned, or -1.
        var slot: [Int32]
        var buckets = Buckets()
        /// The evaluation of the round's best project so far, kept for `pay`.
        var bestBuckets = Buckets()
        /// Per project, the reduced utility of its supporters whose budget is zero (what
        /// `bucket` leaves out), kept up to date by `pay` so a price bound needs no bucketing.
        var zeroUtility: [UInt128]

        init(engine: EqualSharesEngine, totalBudget: BigUInt) {
            self.engine = engine
            denominator = BigUInt(UInt64(max(engine.voterCount, 1)))
            budgets = ClassBudgets(totalBudget)
            classVoters = [engine.multiplicity.reduce(0, +)]
            groupClass = [Int32](repeating: 0, count: engine.multiplicity.count)
            slot = [-1]
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
            while true {
                active.sort { (lowerBound[$0]?.approximation ?? 0) < (lowerBound[$1]?.approximation ?? 0) }
                var best: (price: Price, project: Int, numerator: BigUInt, richUtility: UInt128)?
                var tied: [Int] = []
                var stillActive: [Int] = []
                for project in active {
                    if let bound = lowerBound[project], let best, Price.compare(bound, best.price) > 0 {
                        stillActive.append(project)
                        continue
                    }
                    let numerator: BigUInt
                    let richUtility: UInt128
                    switch evaluate(project, ceiling: best?.price) {
                    case .unaffordable:
                        continue
                    case .above(let bound):
                        lowerBound[project] = bound
                        stillActive.append(project)
                        continue
                    case .price(let n, let r):
                        (numerator, richUtility) = (n, r)
                    }
                    stillActive.append(project)
                    let price = Price(numerator, priceFactor(project, richUtility) * denominator)
                    lowerBound[project] = price
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
                    let round = pay(for: winner, numerator: best.numerator, richUtility: best.richUtility, log: log)
                    if let round { rounds.append(round) }
                } else {
                    guard case .price(let numerator, let richUtility) = evaluate(winner) else {
                        preconditionFailure("MES: the winner became unaffordable")
                    }
                    let round = pay(for: winner, numerator: numerator, richUtility: richUtility, log: log)
                    if let round { rounds.append(round) }
                }
            }
            return (selected, rounds)
        }

        /// Price denominator factor (rich utility times the project's utility gcd).
        func priceFactor(_ project: Int, _ richUtility: UInt128) -> BigUInt {
            BigUInt(richUtility) * BigUInt(engine.utilityGCD[project])
        }

        /// Fills `buckets` with the project's supporters grouped by (class, level); returns the
        /// reduced utility of supporters whose budget is zero (they are left out).
        mutating func bucket(_ project: Int) -> UInt128 {
            buckets.removeAll()
            var zeroUtility: UInt128 = 0
            for (levelIndex, level) in engine.levels[project].enumerated() {
                let start = buckets.classes.count
                var levelZero: UInt64 = 0
                engine.supporters.withUnsafeBufferPointer { supporters in
                    engine.multiplicity.withUnsafeBufferPointer { multiplicity in
                        groupClass.withUnsafeBufferPointer { groupClass in
                            slot.withUnsafeMutableBufferPointer { slot in
                                for index in level.groups {
                                    let group = Int(supporters[index])
                                    let c = Int(groupClass[group])
                                    let voters = multiplicity[group]
                                    if budgets.isZero(c) {
                                        levelZero += voters
                                        continue
                                    }
                                    let s = slot[c]
                                    if s < 0 {
                                        slot[c] = Int32(buckets.classes.count)
                                        buckets.classes.append(Int32(c))
                                        buckets.levels.append(Int32(levelIndex))
                                        buckets.voters.append(voters)
                                        buckets.poor.append(false)
                                    } else {
                                        buckets.voters[Int(s)] += voters
                                    }
                                }
                            }
                        }
                    }
                }
                zeroUtility += UInt128(level.utility) * UInt128(levelZero)
                for b in start..<buckets.classes.count { slot[Int(buckets.classes[b])] = -1 }
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
                if richUtility == 0 { return .unaffordable }
                let bound = Price(costTimesL, priceFactor(project, richUtility) * denominator)
                if Price.compare(bound, ceiling) > 0 { return .above(bound) }
            }
            // The first step's bound was checked above.
            var checked = ceiling != nil
            let zeroUtility = bucket(project)
            assert(zeroUtility == self.zeroUtility[project], "MES: zero-budget utility out of step")
            var poorBudget = BigUInt()
            var richUtility = engine.totalUtility[project] - zeroUtility
            let levels = engine.levels[project]
            while richUtility > 0 {
                let remaining = costTimesL - poorBudget
                if let ceiling, !checked {
                    let bound = Price(remaining, priceFactor(project, richUtility) * denominator)
                    if Price.compare(bound, ceiling) > 0 { return .above(bound) }
                }
                let rich = BigUInt(richUtility).limbs
                // Poor when budget / L < remaining * u / (richUtility * L). Marking them against
                // this step's rho before updating the sums is the iteration. With a one-limb
                // richUtility that is budget < ceil(remaining * u / richUtility), one division
                // per level instead of a product per bucket.
                let divides = rich.count == 1
                let perLevel = levels.map { level -> [UInt64] in
                    let product = remaining * level.utility
                    guard divides else { return product.limbs }
                    let (quotient, remainder) = product.quotientAndRemainder(dividingBy: rich[0])
                    return (remainder == 0 ? quotient : quotient + BigUInt(1 as UInt64)).limbs
                }
                var newlyPoor = false
                for b in buckets.classes.indices where !buckets.poor[b] {
                    let c = Int(buckets.classes[b])
                    let rhs = perLevel[Int(buckets.levels[b])]
                    if (divides ? budgets.compare(c, with: rhs) : budgets.compareProduct(c, times: rich, with: rhs)) < 0 {
                        buckets.poor[b] = true
                        newlyPoor = true
                        budgets.accumulate(Int(buckets.classes[b]), times: buckets.voters[b], into: &poorBudget)
                        richUtility -= UInt128(levels[Int(buckets.levels[b])].utility) * UInt128(buckets.voters[b])
                    }
                }
                if !newlyPoor { return .price(numerator: remaining, richUtility: richUtility) }
                checked = false
            }
            return .unaffordable
        }

        /// The class of voters with no budget left (created when first needed).
        mutating func zeroClass() -> Int32 {
            if let zeroClassID { return zeroClassID }
            let id = Int32(budgets.append(BigUInt()))
            classVoters.append(0)
            slot.append(-1)
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
            for b in buckets.classes.indices {
                let c = Int(buckets.classes[b])
                let emptied = buckets.poor[b]
                    || budgets.scaledDifference(c, times: factor.limbs, minus: dues[Int(buckets.levels[b])])
                if emptied {
                    target[b] = zeroClass()
                } else if buckets.voters[b] == classVoters[c] {
                    // The whole class moves: it keeps its id and takes the new value.
                    target[b] = Int32(budgets.storeScratch(in: c))
                    scale[c] = false
                    continue
                } else {
                    target[b] = Int32(budgets.storeScratch(in: nil))
                    classVoters.append(0)
                    slot.append(-1)
                }
                classVoters[c] -= buckets.voters[b]
                classVoters[Int(target[b])] += buckets.voters[b]
                if classVoters[c] == 0 { budgets.set(c, BigUInt()) }
            }
            // Every other class keeps its budget, rewritten over the new denominator.
            scale += repeatElement(false, count: budgets.count - scale.count)
            budgets.scale(by: factor, where: scale)
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
