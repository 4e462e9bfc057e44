import Foundation
import TarazuCore

/// Why an SMS or a paper choices cell was not understood, with the text to send back.
public struct ChoiceTextError: Error, Sendable, Equatable {
    /// The bilingual reason.
    public let message: Bilingual
}

/// Reads a list of project numbers ("12 15 31", "۱۲،۱۵،۳۱") or of project:points pairs
/// ("12:3 15:2"), shared by SMS and paper ballots.
public enum ChoiceText {
    /// Persian and Arabic-Indic digits to ASCII, Arabic letter variants to Persian ones
    /// (ي ى -> ی, ك -> ک, أ إ ٱ -> ا, ؤ -> و), Persian and Arabic commas and semicolons to
    /// spaces, tatweel, ZWNJ and ZWJ removed, bidi controls removed as `PBText.normalized` removes
    /// them (ALM U+061C too, which phones insert), spaces collapsed, lower-cased.
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x06F0...0x06F9: scalars.append(PBText.asciiDigit(scalar.value - 0x06F0))
            case 0x0660...0x0669: scalars.append(PBText.asciiDigit(scalar.value - 0x0660))
            case 0x064A, 0x0649: scalars.append("\u{06CC}")
            case 0x0643: scalars.append("\u{06A9}")
            case 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")
            case 0x0624: scalars.append("\u{0648}")
            case 0x060C, 0x061B, 0x002C, 0x003B, 0xFF0C: scalars.append(" ")
            case 0xFF1A: scalars.append(":")
            case 0x0640, 0x200C, 0x200D: continue
            default:
                if PersianText.isRemovedControl(scalar.value) { continue }
                if scalar.properties.isWhitespace { scalars.append(" ") } else { scalars.append(scalar) }
            }
        }
        var text = String(scalars).lowercased()
        while text.contains(" :") { text = text.replacingOccurrences(of: " :", with: ":") }
        while text.contains(": ") { text = text.replacingOccurrences(of: ": ", with: ":") }
        return text.split(separator: " ").joined(separator: " ")
    }

    /// Parses normalized or raw text holding only numbers or only number:points pairs.
    public static func parseList(_ text: String) throws(ChoiceTextError) -> PBChoices {
        let tokens = normalize(text).split(separator: " ").map(String.init)
        guard !tokens.isEmpty else {
            throw ChoiceTextError(message: Bilingual(fa: "شمارهٔ هیچ طرحی نیامده است.", en: "No project numbers given."))
        }
        let pairs = tokens.filter { $0.contains(":") }
        if pairs.isEmpty {
            var ids: [String] = []
            for token in tokens {
                guard let id = number(token) else { throw notNumber(token) }
                ids.append(id)
            }
            return .approvals(ids)
        }
        guard pairs.count == tokens.count else {
            throw ChoiceTextError(message: Bilingual(
                fa: "همهٔ طرح‌ها را یا بی‌امتیاز بفرستید یا به شکل طرح:امتیاز.",
                en: "Send either project numbers only or all as project:points."))
        }
        var items: [PBPoints] = []
        for token in tokens {
            let parts = token.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let id = number(parts[0]), let pointsText = number(parts[1]),
                  let points = Int(pointsText) else { throw notNumber(token) }
            items.append(PBPoints(id, points))
        }
        return .points(items)
    }

    /// A token of 1 to 6 ASCII digits, without leading zeros ("012" -> "12").
    static func number(_ token: String) -> String? {
        guard (1...6).contains(token.count), token.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(token).map(String.init)
    }

    /// The refusal of `token` (normalized: its digits are ASCII), quoted as the sender wrote it in Persian.
    static func notNumber(_ token: String) -> ChoiceTextError {
        let quoted = String(token.prefix(12))
        return ChoiceTextError(message: Bilingual(fa: "«\(PersianText.persianDigits(quoted))» شمارهٔ طرح نیست.",
                                                  en: "\"\(quoted)\" is not a project number."))
    }
}

extension PBChoices {
    /// Approvals read as a ranking in the order given (first = rank 1); other kinds unchanged.
    public func asRanking() -> PBChoices {
        guard case .approvals(let ids) = self else { return self }
        return .ranking(ids.enumerated().map { PBRank($0.element, $0.offset + 1) })
    }
}

/// Reads SMS ballots: «رای ۱۲ ۱۵ ۳۱», "رأی 12،15،31", "VOTE 12 15 31", "vote 12,15,31", and
/// the points form «رای ۱۲:۳ ۱۵:۲» for cumulative ballots.
public enum SMSBallotParser {
    /// The keywords that open a ballot SMS, after `ChoiceText.normalize` (رأی and راي become رای).
    public static let keywords = ["رای", "vote"]

    /// Messages that ask how to vote, after `ChoiceText.normalize`.
    public static let helpWords: Set<String> = ["راهنما", "help", "?", "؟"]

    /// Whether `text` asks how to vote (answered with ``SMSReply/help(_:)``).
    public static func asksForHelp(_ text: String) -> Bool { helpWords.contains(ChoiceText.normalize(text)) }

    /// The language to answer `text` in: English when it has Latin letters and no Persian or Arabic
    /// letter ("vote 12", "help"), else Persian.
    public static func language(of text: String) -> TextLanguage {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        let latin = letters.contains { $0.isASCII }
        let arabicScript = letters.contains { (0x0600...0x06FF).contains($0.value) || (0xFB50...0xFEFF).contains($0.value) }
        return latin && !arabicScript ? .en : .fa
    }

    /// Whether `text` starts with a ballot keyword (``keywords``): a message that does not is no ballot at
    /// all and is answered with ``SMSReply/notABallot(example:)``, not with a refusal.
    public static func isBallot(_ text: String) -> Bool {
        let normalized = ChoiceText.normalize(text)
        guard let keyword = keywords.first(where: { normalized.hasPrefix($0) }) else { return false }
        return normalized.dropFirst(keyword.count).first.map { $0 == " " || $0.isASCIIDigitCharacter } ?? true
    }

    /// The choices in `text`, or the reason to send back. Plain numbers give `.approvals`
    /// (call `asRanking()` for ranking ballots), pairs give `.points`. Duplicates and unknown
    /// projects are left to `BallotValidator`.
    public static func parse(_ text: String) throws(ChoiceTextError) -> PBChoices {
        guard isBallot(text), let keyword = keywords.first(where: { ChoiceText.normalize(text).hasPrefix($0) }) else {
            throw ChoiceTextError(message: Bilingual(
                fa: "«رأی» و شمارهٔ طرح‌ها را بفرستید.",
                en: "Start with VOTE and the project numbers."))
        }
        return try ChoiceText.parseList(String(ChoiceText.normalize(text).dropFirst(keyword.count)))
    }

    /// A ballot this process would accept on `district`'s ballot, to show in replies: its first feasible
    /// projects (two where the rules allow two; within the budget for a cost limit), with points within the
    /// rules for cumulative ballots. Empty when the ballot has no project.
    public static func example(_ process: PBProcess, district: PBDistrict) -> PBChoices {
        let projects = process.ballotProjects(for: district)
        switch process.rules {
        case .approval(let min, let max):
            return .approvals(projects.prefix(Swift.min(max, Swift.max(min, 2))).map(\.id))
        case .costLimitedApproval(let max):
            var ids: [String] = []
            var left = process.budget(for: district) ?? 0
            for project in projects where ids.count < Swift.min(max ?? 2, 2) && project.cost <= left {
                ids.append(project.id)
                left -= project.cost
            }
            return .approvals(ids)
        case .cumulative(let total, let per):
            let first = Swift.min(per, (total + 1) / 2), second = Swift.min(per, total - first)
            let points = [first, second].filter { $0 > 0 }
            return .points(zip(projects, points).map { PBPoints($0.id, $1) })
        case .ranking(let max):
            return .approvals(projects.prefix(Swift.min(max, 2)).map(\.id))
        }
    }

    /// The district whose ballot an SMS sender gets when the message names no project: `smsDistrict`, else
    /// the citywide ballot, else the first region with a feasible project.
    public static func defaultDistrict(_ process: PBProcess, smsDistrict: PBDistrict?) -> PBDistrict {
        if let smsDistrict { return smsDistrict }
        let regions = process.regionBudgets.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }.map(PBDistrict.region)
        return ([.citywide] + regions).first { !process.ballotProjects(for: $0).isEmpty } ?? .citywide
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// Short SMS replies, each in the sender's language (``SMSBallotParser/language(of:)``): Persian fits one
/// Unicode SMS (70 characters) and English one GSM SMS (160) for typical inputs; where a longer form would
/// not fit, a shorter one is sent (a process's name is left out first).
public enum SMSReply: Sendable, Equatable {
    /// The ballot was recorded; project numbers as accepted; `replaced` when it took an earlier ballot's place;
    /// `process` the short name of the process it went to, when several are open; `ballot` the ballot it
    /// was counted on (citywide or a region's), named when the reply has room.
    case accepted([String], replaced: Bool, process: Bilingual? = nil, ballot: PBDistrict? = nil)
    /// The ballot was refused, with why.
    case invalid(Bilingual)
    /// No process is open for voting.
    case votingClosed
    /// Voting opens at this moment.
    case notOpenYet(opens: Date)
    /// Voting closed at this moment (the end of the voting phase); the short names of the processes open now.
    case closed(at: Date, open: [Bilingual] = [])
    /// This number already voted and changes are not allowed.
    case alreadyVoted
    /// A one-time code must be sent first.
    case codeRequired
    /// How to vote under these rules, with a ballot the process would accept: the answer to «راهنما», "help" or "?".
    case help(BallotRules, example: PBChoices)
    /// The message does not start with «رأی» or VOTE: how to vote, with an example, and where to ask for help.
    case notABallot(example: PBChoices)
    /// Numbers where the rules want points, or points where they want numbers: the form expected, with an example.
    case wrongForm(BallotRules, example: PBChoices)
    /// The process named by the gateway does not exist; the short names of the processes open for voting.
    case unknownProcess(open: [Bilingual])
    /// Several processes are open and the message's first project number does not tell which one is meant.
    case ambiguous(open: [Bilingual])
    /// A request for help, or a message that is not a ballot, while several processes are open: their short
    /// names, and that a ballot's project numbers tell them apart.
    case severalOpen(open: [Bilingual])

    /// The Persian reply.
    public var fa: String {
        let p: (String) -> String = PersianText.persianDigits
        let times = PBTimeText(language: .fa)
        switch self {
        case .accepted(let ids, let replaced, let process, let ballot):
            let projects = (ids.count == 1 ? "طرح " : "طرح‌های ") + p(Self.list(ids, .fa))
            let sheet = ballot.map { " (برگهٔ " + ($0 == .citywide ? "سطح شهر" : "منطقه " + p($0.code)) + ")" }
            let places: [String?] = [process.map { " در «\($0.fa)»" }.map { $0 + (sheet ?? "") }, process.map { " در «\($0.fa)»" }, sheet, ""]
            let forms = places.compactMap { $0 }.map { place in
                replaced ? "رأی تازهٔ شما\(place) به جای رأی پیشین ثبت شد: \(projects)." : "رأی شما\(place) ثبت شد: \(projects). سپاس!"
            }
            // A replaced vote names its ballot in a shorter sentence before it drops it (the new ballot may be
            // another region's); many long project numbers: the count instead of the list, so the reply stays
            // one segment.
            let short = replaced ? sheet.map { ["رأی تازه\($0) جای رأی پیشین را گرفت: \(p(Self.list(ids, .fa)))."] } ?? [] : []
            let counted = replaced ? "رأی تازهٔ شما با \(PBCount.words(ids.count)) طرح به جای رأی پیشین ثبت شد."
                                   : "رأی شما با \(PBCount.words(ids.count)) طرح ثبت شد. سپاس!"
            let named = forms.dropLast() + short
            return Self.fitting(Array(named) + [forms.last ?? "", counted])
        case .invalid(let why): return "رأی ثبت نشد: \(why.fa)"
        case .votingClosed: return "اکنون هیچ رأی‌گیری‌ای باز نیست."
        case .notOpenYet(let opens): return "رأی‌گیری هنوز باز نشده است؛ از \(times.moment(opens)) آغاز می‌شود."
        case .closed(let end, let open):
            let closed = "رأی‌گیری به پایان رسیده است؛ تا \(times.until(end)) باز بود."
            guard !open.isEmpty else { return closed }
            return Self.fitting(["این رأی‌گیری تا \(times.until(end)) بود؛ رأی‌گیری باز: \(Self.list(open.map { "«\($0.fa)»" }, .fa))", closed])
        case .alreadyVoted: return "با این شماره پیش‌تر رأی داده شده است."
        case .codeRequired: return "ابتدا کد تأیید پیامک‌شده را بفرستید."
        case .help(let rules, let example):
            let like = "مثل «\(Self.ballot(example, .fa))»"
            return switch rules {
            // «از یک برگهٔ رأی»: a ballot is the citywide one or one region's, never a mix; said when it fits one segment.
            case .approval(let min, let max):
                Self.fitting(["«رأی» و شمارهٔ \(PBCount.range(min, max)) طرح از یک برگهٔ رأی را بفرستید، \(like)",
                              "برای رأی، «رأی» و شمارهٔ \(PBCount.range(min, max)) طرح را بفرستید، \(like)"])
            case .costLimitedApproval:
                Self.fitting(["«رأی» و شمارهٔ طرح‌ها از یک برگهٔ رأی را بفرستید، \(like)", "برای رأی، «رأی» و شمارهٔ طرح‌ها را بفرستید، \(like)"])
            case .cumulative(let total, let per):
                Self.fitting(["«رأی» و طرح:امتیاز بفرستید، \(like)؛ جمعاً \(p(String(total))) امتیاز، هر طرح حداکثر \(p(String(per))) امتیاز",
                              "\(like) بفرستید؛ جمعاً \(p(String(total))) امتیاز، هر طرح حداکثر \(p(String(per))) امتیاز"])
            case .ranking(let max):
                Self.fitting(["«رأی» و شمارهٔ تا \(PBCount.words(max)) طرح از یک برگهٔ رأی را به ترتیب بفرستید، \(like)",
                              "برای رأی، «رأی» و شمارهٔ تا \(PBCount.words(max)) طرح را به ترتیب بفرستید، \(like)"])
            }
        case .notABallot(let example):
            return Self.fitting(["این رأی نیست؛ نمونهٔ رأی: «\(Self.ballot(example, .fa))»؛ برای راهنما «راهنما» را بفرستید.",
                                 "این پیام رأی نیست؛ برای راهنمایی «راهنما» را بفرستید."])
        case .wrongForm(let rules, let example):
            let like = "مثل «\(Self.ballot(example, .fa))»"
            if case .cumulative = rules { return "رأی ثبت نشد: به هر طرح امتیاز بدهید، \(like)" }
            return "رأی ثبت نشد: شمارهٔ طرح‌ها را بی امتیاز بفرستید، \(like)"
        case .unknownProcess(let open):
            guard !open.isEmpty else { return "این رأی‌گیری شناخته نیست و اکنون رأی‌گیری‌ای باز نیست." }
            let names = Self.list(open.map { "«\($0.fa)»" }, .fa)
            return Self.fitting(["این رأی‌گیری شناخته نیست؛ رأی‌گیری باز: \(names)", "این رأی‌گیری شناخته نیست."])
        case .ambiguous(let open):
            let names = Self.list(open.map { "«\($0.fa)»" }, .fa, or: true)
            return Self.fitting(["رأی ثبت نشد: روشن نیست کدام رأی‌گیری: \(names).",
                                 "رأی ثبت نشد: چند رأی‌گیری باز است و روشن نیست کدام."])
        case .severalOpen(let open):
            let names = Self.list(open.map { "«\($0.fa)»" }, .fa)
            return Self.fitting(["«رأی» و شمارهٔ طرح‌ها را بفرستید؛ رأی‌گیری‌های باز: \(names)",
                                 "چند رأی‌گیری باز است؛ «رأی» و شمارهٔ طرح‌ها را بفرستید."])
        }
    }

    /// The English reply.
    public var en: String {
        let times = PBTimeText(language: .en)
        switch self {
        case .accepted(let ids, let replaced, let process, let ballot):
            let projects = (ids.count == 1 ? "project " : "projects ") + Self.list(ids, .en)
            let sheet = ballot.map { " (" + ($0 == .citywide ? "citywide ballot" : "ballot of region " + $0.code) + ")" } ?? ""
            let place = (process.map { " in \($0.en)" } ?? "") + sheet
            return replaced ? "Vote recorded\(place), replacing your earlier one: \(projects)." : "Vote recorded\(place): \(projects). Thank you!"
        case .invalid(let why): return "Vote not recorded: \(why.en)"
        case .votingClosed: return "No vote is open now."
        case .notOpenYet(let opens): return "Voting has not opened yet; it opens \(times.moment(opens))."
        case .closed(let end, let open):
            let closed = "Voting has closed; it was open until \(times.until(end))."
            return open.isEmpty ? closed : closed + " Open now: \(Self.list(open.map(\.en), .en))."
        case .alreadyVoted: return "This number has already voted."
        case .codeRequired: return "Send the verification code first."
        case .help(let rules, let example):
            let like = "e.g. \(Self.ballot(example, .en))"
            let how = switch rules {
            case .approval(let min, let max): "VOTE and \(min == max ? "\(max)" : "\(min) to \(max)") project numbers, \(like)"
            case .costLimitedApproval: "VOTE and the project numbers, \(like)"
            case .cumulative(let total, let per): "VOTE and project:points, \(like); \(total) points in all, at most \(per) per project"
            case .ranking(let max): "VOTE and up to \(max) project numbers in your order, \(like)"
            }
            return "To vote, send: " + how
        case .notABallot(let example):
            return "This is not a vote. A vote looks like \(Self.ballot(example, .en)); send HELP for help."
        case .wrongForm(let rules, let example):
            if case .cumulative = rules { return "Vote not recorded: give each project points, e.g. \(Self.ballot(example, .en))" }
            return "Vote not recorded: send project numbers without points, e.g. \(Self.ballot(example, .en))"
        case .unknownProcess(let open):
            return open.isEmpty ? "Unknown vote, and no vote is open now." : "Unknown vote; open: \(Self.list(open.map(\.en), .en))."
        case .ambiguous(let open):
            return "Vote not recorded: it is not clear which vote you mean: \(Self.list(open.map(\.en), .en, or: true))."
        case .severalOpen(let open):
            return "Open votes: \(Self.list(open.map(\.en), .en)). Send VOTE and the project numbers; they tell the votes apart."
        }
    }

    /// The reply in `language`.
    public func text(_ language: TextLanguage) -> String { language == .fa ? fa : en }

    /// The first of `forms` that fits one Persian SMS (70 UTF-16 units), else the last.
    private static func fitting(_ forms: [String]) -> String {
        forms.first { $0.utf16.count <= 70 } ?? forms.last ?? ""
    }

    /// `choices` as an SMS ballot: «رأی ۱ ۲», «رأی ۱:۵ ۲:۵» / "VOTE 1 2".
    private static func ballot(_ choices: PBChoices, _ language: TextLanguage) -> String {
        let items: [String] = switch choices {
        case .approvals(let ids): ids
        case .points(let items): items.map { "\($0.project):\($0.points)" }
        case .ranking(let items): items.sorted { $0.rank < $1.rank }.map(\.project)
        }
        let text = ([language == .fa ? "رأی" : "VOTE"] + items).joined(separator: " ")
        return language == .fa ? PersianText.persianDigits(text) : text
    }

    /// `ids` as a list in `language`: "1، 2 و 3" / "1, 2 and 3"; with `or`, «۱، ۲ یا ۳» / "1, 2 or 3".
    private static func list(_ ids: [String], _ language: TextLanguage, or: Bool = false) -> String {
        guard ids.count > 1, let last = ids.last else { return ids.first ?? "" }
        let (comma, and) = language == .fa ? ("، ", or ? " یا " : " و ") : (", ", or ? " or " : " and ")
        return ids.dropLast().joined(separator: comma) + and + last
    }
}
