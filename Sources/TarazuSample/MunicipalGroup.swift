import TarazuCore

/// The entities of a generated municipal group and how its lines are shared among them: organizations and
/// a company take over some of the central organisation's programs and projects, each entity's approved
/// sources equal its uses, and transfers between entities (published as duplicated figures) close the gaps.
struct MunicipalGroup {
    /// An organization or company and what it runs.
    struct Body {
        var code: String
        var kind: EntityKind
        var nameFa: String
        var nameEn: String
        var function: String
        /// Indices into ``Vocabulary/currentPrograms(_:)`` of the central current programs it runs.
        var programs: [Int] = []
        /// Whether it builds the function's citywide projects.
        var citywideProjects = false
        /// Whether it runs the function's citywide minor capital works.
        var citywideWorks = false
        /// Project types it builds in every region (parks).
        var regionalProjectTypes: Set<ProjectType> = []
        /// Its own revenue: classes, each taken from the central organisation's line of that class, with its share
        /// of the body's spending, per-mille.
        var ownRevenue: [(RevenueClass, Int64)] = []
    }

    var bodies: [Body]
    /// Per year, the transfers between entities per-mille of the consolidated approved total, as published.
    var duplicatedPermille: [Int: Int64]

    static let centralCode = "central"
    static func regionCode(_ region: String) -> String { "region-" + region }

    /// The entities table of a city with `regions`.
    func entities(regions: [Region]) -> [Entity] {
        [Entity(code: Self.centralCode, kind: .central, nameFa: Region.centralName.fa, nameEn: Region.centralName.en)]
            + regions.map { region in
                Entity(code: Self.regionCode(region.code), kind: .region,
                       nameFa: Vocabulary.regionDepartment(region.code), nameEn: "Region \(region.code) municipality",
                       parent: Self.centralCode, regionCode: region.code)
            }
            + bodies.map { Entity(code: $0.code, kind: $0.kind, nameFa: $0.nameFa, nameEn: $0.nameEn, parent: Self.centralCode) }
    }

    /// The body that runs `line`, if any.
    private func body(of line: BudgetLine, projectTypes: [String: ProjectType]) -> Body? {
        bodies.first { body in
            guard body.function == line.function else { return false }
            if let id = line.projectId {
                if line.regionCode == Region.centralCode, body.citywideProjects { return true }
                return projectTypes[id].map(body.regionalProjectTypes.contains) ?? false
            }
            guard line.regionCode == Region.centralCode, !line.isContingency else { return false }
            if line.economicClass == .capital { return body.citywideWorks }
            guard line.economicClass == .current else { return false }
            let programs = Vocabulary.currentPrograms(line.function)
            return body.programs.contains { $0 < programs.count && programs[$0] == line.program }
        }
    }

    /// Gives every line its entity, moves the bodies' own revenue from the central organisation's lines, and
    /// adds the transfers that balance each entity's approved sources and uses.
    func apply(to book: inout BudgetBook) {
        let projectTypes = Dictionary(book.projects.map { ($0.projectId, $0.type) }, uniquingKeysWith: { first, _ in first })
        book.entities = entities(regions: book.regions)
        for index in book.budgetLines.indices {
            let line = book.budgetLines[index]
            if let body = body(of: line, projectTypes: projectTypes) {
                book.budgetLines[index].entityCode = body.code
                book.budgetLines[index].department = body.nameFa
            } else {
                book.budgetLines[index].entityCode = line.regionCode == Region.centralCode ? Self.centralCode : Self.regionCode(line.regionCode)
            }
        }
        for index in book.revenues.indices {
            let region = book.revenues[index].regionCode ?? Region.centralCode
            book.revenues[index].entityCode = region == Region.centralCode ? Self.centralCode : Self.regionCode(region)
        }
        for year in book.years {
            moveOwnRevenue(year: year, in: &book)
            addTransfers(year: year, in: &book)
        }
    }

    private func approvedSpending(_ book: BudgetBook, year: Int) -> [String: Int64] {
        var result: [String: Int64] = [:]
        for line in book.budgetLines where line.year == year { result[line.entityCode ?? "", default: 0] += line.approved.rials }
        return result
    }

    private func moveOwnRevenue(year: Int, in book: inout BudgetBook) {
        let spending = approvedSpending(book, year: year)
        var sequence = 0
        for revenueClass in RevenueClass.allCases {
            func permille(_ body: Body) -> Int64 { body.ownRevenue.first { $0.0 == revenueClass }?.1 ?? 0 }
            let takers = bodies.filter { permille($0) > 0 }
            guard !takers.isEmpty, let source = book.revenues.firstIndex(where: {
                $0.year == year && $0.revenueClass == revenueClass && $0.entityCode == Self.centralCode
            }) else { continue }
            let line = book.revenues[source]
            var wanted = takers.map { Allocation.scale(spending[$0.code] ?? 0, permille: permille($0), quantum: Scenario.quantum) }
            let available = Allocation.scale(line.approved.rials, permille: 800, quantum: Scenario.quantum)
            let sum = wanted.reduce(0, +)
            if sum > available, sum > 0 {
                wanted = Allocation.split(available, weights: wanted.map { $0 / Scenario.quantum }, quantum: Scenario.quantum)
            }
            for (body, amount) in zip(takers, wanted) where amount > 0 {
                let share = { (money: Money?) -> Money? in
                    money.map { Money(rials: Self.proportion($0.rials, amount, of: line.approved.rials)) }
                }
                let revised = share(line.revised), realized = share(line.realized)
                sequence += 1
                book.revenues.append(RevenueLine(
                    year: year, lineId: "\(year)-RO" + Self.padded(sequence, 2), revenueClass: revenueClass,
                    regionCode: Region.centralCode, sustainable: line.sustainable, approved: Money(rials: amount),
                    revised: revised, realized: realized, entityCode: body.code))
                book.revenues[source].approved = Money(rials: book.revenues[source].approved.rials - amount)
                if let revised { book.revenues[source].revised = book.revenues[source].revised.map { Money(rials: $0.rials - revised.rials) } }
                if let realized { book.revenues[source].realized = book.revenues[source].realized.map { Money(rials: $0.rials - realized.rials) } }
            }
        }
    }

    /// Books `amount` of the region's sources at the centre: each of the region entity's revenue lines of the
    /// year gives its share to a line of the centre with the same class and region.
    private func moveToCentre(_ amount: Int64, region: String, year: Int, in book: inout BudgetBook) {
        let entity = Self.regionCode(region)
        let positions = book.revenues.indices.filter { book.revenues[$0].year == year && book.revenues[$0].entityCode == entity }
        let weights = positions.map { book.revenues[$0].approved.rials / Scenario.quantum }
        guard weights.reduce(0, +) > 0 else { return }
        let parts = Allocation.split(amount, weights: weights, quantum: Scenario.quantum)
        for (position, part) in zip(positions, parts) where part > 0 {
            let line = book.revenues[position]
            func share(_ money: Money?) -> Money? { money.map { Money(rials: Self.proportion($0.rials, part, of: line.approved.rials)) } }
            var moved = line
            moved.lineId = line.lineId + "-C"
            moved.entityCode = Self.centralCode
            moved.approved = Money(rials: part)
            moved.revised = share(line.revised)
            moved.realized = share(line.realized)
            book.revenues[position].approved = Money(rials: line.approved.rials - part)
            if let revised = moved.revised { book.revenues[position].revised = line.revised.map { Money(rials: $0.rials - revised.rials) } }
            if let realized = moved.realized { book.revenues[position].realized = line.realized.map { Money(rials: $0.rials - realized.rials) } }
            book.revenues.append(moved)
        }
    }

    /// `amount` × `part` / `whole`, rounded down to the quantum.
    private static func proportion(_ amount: Int64, _ part: Int64, of whole: Int64) -> Int64 {
        guard whole > 0 else { return 0 }
        let (quotient, _) = whole.dividingFullWidth((amount / Scenario.quantum).multipliedFullWidth(by: part))
        return quotient * Scenario.quantum
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// One transfer: who pays whom, how much (approved), and the receiver whose execution sets the realized amount.
    private struct Flow {
        var payer: String
        var receiver: String
        var amount: Int64
        var regionCode: String
        var function: String
        var programFa: String
    }

    private func addTransfers(year: Int, in book: inout BudgetBook) {
        let spending = approvedSpending(book, year: year)
        var revenue: [String: Int64] = [:]
        for line in book.revenues where line.year == year { revenue[line.entityCode ?? "", default: 0] += line.approved.rials }
        let consolidated = book.budgetLines.filter { $0.year == year }.reduce(Int64(0)) { $0 + $1.approved.rials }
        let target = Allocation.scale(consolidated, permille: duplicatedPermille[year] ?? 0, quantum: Scenario.quantum)
        let regions = book.regions.map(\.code)
        /// The transfers when each region sends the centre `sharePermille` of its sources, and the part of a
        /// region's sources above its uses and that share, which the centre books itself, by region.
        func flows(sharePermille: Int64) -> (flows: [Flow], centreBooks: [String: Int64]) {
            var result: [Flow] = []
            var centreBooks: [String: Int64] = [:]
            for body in bodies {
                let gap = (spending[body.code] ?? 0) - (revenue[body.code] ?? 0)
                if gap > 0 {
                    result.append(Flow(payer: Self.centralCode, receiver: body.code, amount: gap, regionCode: Region.centralCode,
                                       function: body.function, programFa: "کمک به " + body.nameFa))
                }
            }
            for region in regions {
                let code = Self.regionCode(region)
                let uses = spending[code] ?? 0, sources = revenue[code] ?? 0
                let share = Allocation.scale(sources, permille: sharePermille, quantum: Scenario.quantum)
                let grant = uses + share - sources
                if grant < 0 { centreBooks[region] = -grant }
                let name = "منطقه " + PersianText.persianDigits(region)
                if share > 0 {
                    result.append(Flow(payer: code, receiver: Self.centralCode, amount: share, regionCode: region,
                                       function: "management_development", programFa: "سهم ستاد مرکزی از درآمد " + name))
                }
                if grant > 0 {
                    result.append(Flow(payer: Self.centralCode, receiver: code, amount: grant, regionCode: region,
                                       function: "management_development", programFa: "کمک به شهرداری " + name))
                }
            }
            return (result, centreBooks)
        }
        var best = flows(sharePermille: 0)
        var bestGap = abs(best.flows.reduce(0) { $0 + $1.amount } - target)
        for permille in stride(from: Int64(5), through: 1000, by: 5) {
            let candidate = flows(sharePermille: permille)
            let gap = abs(candidate.flows.reduce(0) { $0 + $1.amount } - target)
            if gap < bestGap { best = candidate; bestGap = gap }
        }
        for (region, amount) in best.centreBooks.sorted(by: { Region.codeOrder($0.key, $1.key) }) {
            moveToCentre(amount, region: region, year: year, in: &book)
        }
        var execution: [String: (approved: Int64, realized: Int64)] = [:]
        for line in book.budgetLines where line.year == year {
            let code = line.entityCode ?? ""
            execution[code, default: (0, 0)].approved += line.approved.rials
            execution[code, default: (0, 0)].realized += line.realized?.rials ?? 0
        }
        let hasRealized = book.budgetLines.contains { $0.year == year && $0.realized != nil }
        for (number, flow) in best.flows.enumerated() {
            let rate = execution[flow.receiver] ?? (1, 1)
            let realized = hasRealized ? Money(rials: Self.proportion(flow.amount, rate.realized, of: rate.approved)) : nil
            let id = Self.padded(number + 1, 3)
            let payerDepartment = flow.payer == Self.centralCode ? Vocabulary.financeDepartment
                : Vocabulary.regionDepartment(flow.regionCode)
            book.transferPayments.append(BudgetLine(
                year: year, lineId: "\(year)-T" + id, department: payerDepartment, regionCode: flow.regionCode,
                function: flow.function, program: flow.programFa, economicClass: .current,
                approved: Money(rials: flow.amount), revised: hasRealized ? Money(rials: flow.amount) : nil, realized: realized,
                entityCode: flow.payer, counterpartEntityCode: flow.receiver))
            book.transferReceipts.append(RevenueLine(
                year: year, lineId: "\(year)-RT" + id, revenueClass: .other,
                regionCode: flow.receiver == Self.centralCode ? Region.centralCode : flow.regionCode, sustainable: false,
                approved: Money(rials: flow.amount), revised: hasRealized ? Money(rials: flow.amount) : nil, realized: realized,
                entityCode: flow.receiver, counterpartEntityCode: flow.payer))
        }
    }
}

extension MunicipalGroup {
    /// Tabriz's group as the sample draws it: the organizations and the company are illustrative, and the
    /// duplicated figures follow the published ratios (1401: 102,041 with / 91,948 without; 1402: 200,000 /
    /// 176,540 billion rials; other years 12 %).
    static var tabriz: MunicipalGroup {
        MunicipalGroup(
            bodies: [
                Body(code: "org-culture", kind: .organization, nameFa: "سازمان فرهنگی، اجتماعی و ورزشی",
                     nameEn: "Cultural, Social and Sports Organization", function: "social_cultural", programs: [0],
                     ownRevenue: [(.serviceCharges, 300)]),
                Body(code: "org-bus", kind: .organization, nameFa: "سازمان اتوبوسرانی", nameEn: "Bus Organization",
                     function: "transport_traffic", programs: [2], ownRevenue: [(.serviceCharges, 500)]),
                Body(code: "org-metro", kind: .organization, nameFa: "سازمان قطار شهری", nameEn: "Urban Railway Organization",
                     function: "transport_traffic", citywideProjects: true,
                     ownRevenue: [(.grants, 600), (.financialAssetSales, 300)]),
                Body(code: "org-parks", kind: .organization, nameFa: "سازمان سیما، منظر و فضای سبز شهری",
                     nameEn: "Landscape and Green Space Organization", function: "urban_services_environment", programs: [1],
                     regionalProjectTypes: [.park], ownRevenue: [(.specificFees, 400), (.other, 500)]),
                Body(code: "org-waste", kind: .organization, nameFa: "سازمان مدیریت پسماند", nameEn: "Waste Management Organization",
                     function: "urban_services_environment", programs: [0], ownRevenue: [(.serviceCharges, 400)]),
                Body(code: "org-fire", kind: .organization, nameFa: "سازمان آتش‌نشانی و خدمات ایمنی",
                     nameEn: "Fire and Safety Services Organization", function: "safety_crisis", programs: [0, 1],
                     ownRevenue: [(.serviceCharges, 200), (.specificFees, 300)]),
                Body(code: "org-ict", kind: .organization, nameFa: "سازمان فناوری اطلاعات و ارتباطات",
                     nameEn: "Information and Communication Technology Organization", function: "management_development", programs: [2], ownRevenue: [(.other, 300)]),
                Body(code: "co-renewal", kind: .company, nameFa: "شرکت عمران و بهسازی شهری", nameEn: "Urban Development and Renewal Company",
                     function: "urban_planning", citywideProjects: true, citywideWorks: true, ownRevenue: [(.propertyIncome, 500)]),
            ],
            duplicatedPermille: [1399: 120, 1400: 120, 1401: 110, 1402: 133, 1403: 120, 1404: 120])
    }
}
