import Foundation
import TarazuCore

/// The settings of a process that are not ballot rules: whether ballots may be changed, which
/// district SMS ballots go to, the tally rule of the results, region populations.
public struct PBProcessSettings: Sendable, Equatable {
    /// Whether a later ballot of the same voter (any channel) replaces the earlier one before the close.
    public var allowChanges: Bool
    /// The district of every SMS ballot; nil takes the district of the first project number in the SMS.
    public var smsDistrict: PBDistrict?
    /// The rule the results page and `tarazu pb results` use by default.
    public var rule: PBRule
    /// Residents per region code, for participation rates (optional).
    public var populations: [String: Int64]
    /// The budget book (its name in the store) whose year this process decides part of: its ballots
    /// and budgets then feed that book's participation indicators.
    public var book: String?
    /// The process's name in SMS replies («تبریز ۱۴۰۵»), at most ``PBProcessSettings/shortNameLimit``
    /// characters; nil: the title without «بودجه‌ریزی مشارکتی».
    public var shortName: Bilingual?
    /// The longest short name, in characters: an SMS segment in Persian holds 70.
    public static let shortNameLimit = 24

    /// Settings from their parts.
    public init(allowChanges: Bool = false, smsDistrict: PBDistrict? = nil, rule: PBRule = .mesAdd1,
                populations: [String: Int64] = [:], book: String? = nil, shortName: Bilingual? = nil) {
        self.allowChanges = allowChanges
        self.shortName = shortName
        self.book = book
        self.smsDistrict = smsDistrict
        self.rule = rule
        self.populations = populations
    }
}

/// A process with its settings: what a process file holds and what the store keeps.
public struct PBProcessDefinition: Sendable, Equatable {
    /// The process (phases, budgets, rules, proposals).
    public var process: PBProcess
    /// Its settings.
    public var settings: PBProcessSettings

    /// A definition from its parts.
    public init(process: PBProcess, settings: PBProcessSettings) {
        self.process = process
        self.settings = settings
    }
}

/// Why a process file was refused: where (a JSON path such as `proposals[3].cost`) and why.
public struct PBProcessFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the bad value, "" for the whole file.
    public let path: String
    /// The bilingual reason.
    public let message: Bilingual

    /// "path: English reason".
    public var description: String { path.isEmpty ? message.en : "\(path): \(message.en)" }
}

/// Reads and writes process definitions as JSON (see docs/participation.md for the format).
///
/// Dates are a day "1404-07-01" (Jalali when the year is below 1700, else Gregorian; midnight
/// Tehran time) or an ISO 8601 instant "2026-11-26T08:00:00Z". Amounts are integer rials, as
/// JSON integers or digit strings (Persian digits accepted).
public enum PBProcessFile {
    /// The definition in `data`, validated; throws with the path and reason of the first problem.
    public static func parse(_ data: Data) throws(PBProcessFileError) -> PBProcessDefinition {
        let file: FileDTO
        do {
            file = try JSONDecoder().decode(FileDTO.self, from: data)
        } catch let error as PBProcessFileError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail(path(context.codingPath + [key]), "مقدار لازم «\(key.stringValue)» نیامده است.", "the required key \"\(key.stringValue)\" is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw fail(path(context.codingPath), "نوع مقدار درست نیست.", "wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw fail(path(context.codingPath), "مقدار نامعتبر است.", context.debugDescription)
        } catch {
            throw fail("", "پرونده JSON درستی نیست.", "not valid JSON: \(error)")
        }
        return try file.definition()
    }

    /// The JSON text of `definition` (instants in ISO 8601, keys sorted); `parse` reads it back equal.
    public static func json(_ definition: PBProcessDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(FileDTO(definition))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func fail(_ path: String, _ fa: String, _ en: String) -> PBProcessFileError {
        PBProcessFileError(path: path, message: Bilingual(fa: fa, en: en))
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// A day or an instant (see the type's documentation).
    static func date(_ text: String) -> Date? {
        let value = PBText.normalizedIdentifier(text)
        if value.contains("T") {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: value) { return date }
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.date(from: value).map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        }
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if parts[0] < 1700 { return PBCalendarDay.jalali(parts[0], parts[1], parts[2]) }
        return PBCalendarDay.iso("\(parts[0])-\(parts[1])-\(parts[2])")
    }

    /// `date` as an ISO 8601 instant in UTC, "2026-11-26T08:00:00Z".
    public static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Rials as a JSON integer or a digit string.
struct RialsDTO: Codable, Equatable {
    var value: Int64

    init(_ value: Int64) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
            return
        }
        let text = PBText.normalizedIdentifier(try container.decode(String.self))
            .replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "٬", with: "").replacingOccurrences(of: "_", with: "")
        guard let number = Int64(text) else {
            throw PBProcessFile.fail(PBProcessFile.path(decoder.codingPath), "مبلغ باید عدد صحیح ریال باشد.",
                                     "an amount must be a whole number of rials, not \"\(text)\"")
        }
        value = number
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

struct MessageDTO: Codable, Equatable {
    var fa: String
    var en: String
}

struct PhaseDTO: Codable {
    var start: String
    var end: String
}

struct RulesDTO: Codable {
    var kind: String
    var minProjects: Int?
    var maxProjects: Int?
    var totalPoints: Int?
    var maxPerProject: Int?
    var maxRanks: Int?

    enum CodingKeys: String, CodingKey {
        case kind, minProjects = "min_projects", maxProjects = "max_projects", totalPoints = "total_points"
        case maxPerProject = "max_per_project", maxRanks = "max_ranks"
    }
}

struct ProposalDTO: Codable {
    var id: String
    var district: String
    var title: String
    var description: String?
    var cost: RialsDTO
    var status: String?
    var reason: MessageDTO?
}

struct SettingsDTO: Codable {
    var allowChanges: Bool?
    var smsDistrict: String?
    var rule: String?
    var populations: [String: RialsDTO]?
    var book: String?
    var shortName: MessageDTO?

    enum CodingKeys: String, CodingKey {
        case allowChanges = "allow_changes", smsDistrict = "sms_district", rule, populations, book, shortName = "short_name"
    }
}

struct FileDTO: Codable {
    var id: String
    var year: Int
    var title: MessageDTO
    var phases: [String: PhaseDTO]
    var citywideBudget: RialsDTO
    var regionBudgets: [String: RialsDTO]
    var rules: RulesDTO
    var settings: SettingsDTO?
    var proposals: [ProposalDTO]

    enum CodingKeys: String, CodingKey {
        case id, year, title, phases, citywideBudget = "citywide_budget", regionBudgets = "region_budgets", rules, settings, proposals
    }

    static let phaseNames: [(PBPhaseKind, String)] = [
        (.drafting, "drafting"), (.proposals, "proposals"), (.feasibilityReview, "feasibility_review"),
        (.voting, "voting"), (.tally, "tally"), (.published, "published"),
    ]

    init(_ definition: PBProcessDefinition) {
        let process = definition.process
        id = process.id
        year = process.year
        title = MessageDTO(fa: process.title.fa, en: process.title.en)
        var phases: [String: PhaseDTO] = [:]
        for (kind, name) in Self.phaseNames {
            let phase = process.phase(kind)
            phases[name] = PhaseDTO(start: PBProcessFile.instant(phase.start), end: PBProcessFile.instant(phase.end))
        }
        self.phases = phases
        citywideBudget = RialsDTO(process.citywideBudget)
        regionBudgets = process.regionBudgets.mapValues(RialsDTO.init)
        switch process.rules {
        case .approval(let min, let max): rules = RulesDTO(kind: "approval", minProjects: min, maxProjects: max)
        case .costLimitedApproval(let max): rules = RulesDTO(kind: "cost_limited_approval", maxProjects: max)
        case .cumulative(let total, let per): rules = RulesDTO(kind: "cumulative", totalPoints: total, maxPerProject: per)
        case .ranking(let max): rules = RulesDTO(kind: "ranking", maxRanks: max)
        }
        let s = definition.settings
        settings = SettingsDTO(allowChanges: s.allowChanges, smsDistrict: s.smsDistrict?.code, rule: s.rule.rawValue,
                               populations: s.populations.isEmpty ? nil : s.populations.mapValues(RialsDTO.init), book: s.book,
                               shortName: s.shortName.map { MessageDTO(fa: $0.fa, en: $0.en) })
        proposals = process.proposals.map { proposal in
            var status = "submitted"
            var reason: MessageDTO?
            switch proposal.status {
            case .submitted: status = "submitted"
            case .feasible: status = "feasible"
            case .withdrawn: status = "withdrawn"
            case .infeasible(let why):
                status = "infeasible"
                reason = MessageDTO(fa: why.fa, en: why.en)
            }
            return ProposalDTO(id: proposal.id, district: proposal.district.code, title: proposal.title,
                               description: proposal.description.isEmpty ? nil : proposal.description,
                               cost: RialsDTO(proposal.cost), status: status, reason: reason)
        }
    }

    func definition() throws(PBProcessFileError) -> PBProcessDefinition {
        let slug = PBText.normalizedIdentifier(id)
        guard !slug.isEmpty, slug.count <= 64,
              slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw PBProcessFile.fail("id", "شناسه فقط حروف کوچک لاتین، رقم و خط تیره (حداکثر ۶۴) دارد.",
                                     "the id must be 1-64 lower-case ASCII letters, digits or dashes (used in URLs)")
        }
        var phaseList: [PBPhase] = []
        for (kind, name) in Self.phaseNames {
            guard let dto = phases[name] else {
                throw PBProcessFile.fail("phases", "مرحلهٔ «\(name)» نیامده است.", "the phase \"\(name)\" is missing")
            }
            guard let start = PBProcessFile.date(dto.start) else {
                throw PBProcessFile.fail("phases.\(name).start", "تاریخ نامعتبر است.", "\"\(dto.start)\" is not a date (1404-07-01 or 2026-11-26T08:00:00Z)")
            }
            guard let end = PBProcessFile.date(dto.end) else {
                throw PBProcessFile.fail("phases.\(name).end", "تاریخ نامعتبر است.", "\"\(dto.end)\" is not a date (1404-07-01 or 2026-11-26T08:00:00Z)")
            }
            phaseList.append(PBPhase(kind, start: start, end: end))
        }
        if let unknown = phases.keys.first(where: { key in !Self.phaseNames.contains { $0.1 == key } }) {
            throw PBProcessFile.fail("phases.\(unknown)", "مرحلهٔ ناشناخته.", "unknown phase (drafting, proposals, feasibility_review, voting, tally, published)")
        }
        let ballotRules: BallotRules
        func need(_ value: Int?, _ key: String) throws(PBProcessFileError) -> Int {
            guard let value else { throw PBProcessFile.fail("rules.\(key)", "مقدار لازم نیامده است.", "required for rules.kind \"\(rules.kind)\"") }
            return value
        }
        switch rules.kind {
        case "approval": ballotRules = .approval(minProjects: rules.minProjects ?? 1, maxProjects: try need(rules.maxProjects, "max_projects"))
        case "cost_limited_approval": ballotRules = .costLimitedApproval(maxProjects: rules.maxProjects)
        case "cumulative": ballotRules = .cumulative(totalPoints: try need(rules.totalPoints, "total_points"),
                                                     maxPerProject: try need(rules.maxPerProject, "max_per_project"))
        case "ranking": ballotRules = .ranking(maxRanks: try need(rules.maxRanks, "max_ranks"))
        default:
            throw PBProcessFile.fail("rules.kind", "نوع قاعده ناشناخته است.",
                                     "\"\(rules.kind)\" is not approval, cost_limited_approval, cumulative or ranking")
        }
        var list: [PBProposal] = []
        for (index, dto) in proposals.enumerated() {
            let at = "proposals[\(index)]"
            let pid = PBText.normalizedIdentifier(dto.id)
            guard ChoiceText.number(pid) == pid else {
                throw PBProcessFile.fail(at + ".id", "شمارهٔ طرح باید ۱ تا ۶ رقم بی‌صفر آغازین باشد.",
                                         "a proposal id is 1 to 6 digits without a leading zero (citizens type it on SMS and paper), not \"\(dto.id)\"")
            }
            let status: PBProposalStatus
            switch dto.status ?? "feasible" {
            case "feasible": status = .feasible
            case "submitted": status = .submitted
            case "withdrawn": status = .withdrawn
            case "infeasible":
                let why = dto.reason ?? MessageDTO(fa: "", en: "")
                status = .infeasible(reason: Bilingual(fa: why.fa, en: why.en))
            default:
                throw PBProcessFile.fail(at + ".status", "وضعیت ناشناخته است.",
                                         "\"\(dto.status ?? "")\" is not submitted, feasible, infeasible or withdrawn")
            }
            let district = PBDistrict(code: dto.district)
            if case .region(let code) = district, regionBudgets[code] == nil,
               !regionBudgets.keys.contains(where: { PBText.normalizedIdentifier($0) == code }) {
                throw PBProcessFile.fail(at + ".district", "این منطقه بودجه ندارد.", "region \"\(code)\" has no entry in region_budgets")
            }
            guard !PBText.normalized(dto.title).isEmpty else {
                throw PBProcessFile.fail(at + ".title", "عنوان طرح خالی است.", "the title is empty")
            }
            list.append(PBProposal(id: pid, district: district, title: dto.title, description: dto.description ?? "",
                                   cost: dto.cost.value, status: status))
        }
        let process: PBProcess
        do {
            process = try PBProcess(id: slug, year: year, title: Bilingual(fa: title.fa, en: title.en), phases: phaseList,
                                    citywideBudget: citywideBudget.value, regionBudgets: regionBudgets.mapValues(\.value),
                                    rules: ballotRules, proposals: list)
        } catch {
            throw PBProcessFileError(path: "", message: error.message)
        }
        var ruleValue = PBRule.mesAdd1
        if let name = settings?.rule {
            guard let value = PBRule(rawValue: name) else {
                throw PBProcessFile.fail("settings.rule", "قاعدهٔ شمارش ناشناخته است.", "\"\(name)\" is not greedy, mes or mes-add1")
            }
            ruleValue = value
        }
        var smsDistrict: PBDistrict?
        if let code = settings?.smsDistrict {
            let district = PBDistrict(code: code)
            guard process.budget(for: district) != nil else {
                throw PBProcessFile.fail("settings.sms_district", "این منطقه بودجه ندارد.", "district \"\(code)\" has no budget")
            }
            smsDistrict = district
        }
        var shortName: Bilingual?
        if let dto = settings?.shortName {
            let name = Bilingual(fa: PBText.normalized(dto.fa), en: PBText.normalized(dto.en))
            let limit = PBProcessSettings.shortNameLimit
            for (text, language) in [(name.fa, "fa"), (name.en, "en")] {
                guard !text.isEmpty, text.count <= limit else {
                    throw PBProcessFile.fail("settings.short_name.\(language)",
                                             "نام کوتاه باید ۱ تا \(PersianText.persianDigits(String(limit))) نویسه باشد.",
                                             "the short name must be 1 to \(limit) characters (it goes into one SMS), not \(text.count)")
                }
            }
            shortName = name
        }
        let populations = Dictionary((settings?.populations ?? [:]).map { (PBText.normalizedIdentifier($0.key), $0.value.value) },
                                     uniquingKeysWith: { a, _ in a })
        return PBProcessDefinition(process: process, settings: PBProcessSettings(
            allowChanges: settings?.allowChanges ?? false, smsDistrict: smsDistrict, rule: ruleValue, populations: populations,
            book: settings?.book.map(PBText.normalizedIdentifier).flatMap { $0.isEmpty ? nil : $0 }, shortName: shortName))
    }
}
