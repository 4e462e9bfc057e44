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
                fa: "یا فقط شمارهٔ طرح‌ها را بفرستید یا همه را به شکل طرح:امتیاز.",
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
        return String(Int(token)!)
    }

    static func notNumber(_ token: String) -> ChoiceTextError {
        ChoiceTextError(message: Bilingual(fa: "«\(String(token.prefix(12)))» شمارهٔ طرح نیست.",
                                           en: "\"\(String(token.prefix(12)))\" is not a project number."))
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

    /// The choices in `text`, or the reason to send back. Plain numbers give `.approvals`
    /// (call `asRanking()` for ranking ballots), pairs give `.points`. Duplicates and unknown
    /// projects are left to `BallotValidator`.
    public static func parse(_ text: String) throws(ChoiceTextError) -> PBChoices {
        let normalized = ChoiceText.normalize(text)
        guard let keyword = keywords.first(where: { normalized.hasPrefix($0) }) else {
            throw ChoiceTextError(message: Bilingual(
                fa: "پیامک را با «رای» و شمارهٔ طرح‌ها بفرستید، مثل: رای ۱۲ ۱۵",
                en: "Start with VOTE and the project numbers, e.g. VOTE 12 15"))
        }
        let rest = normalized.dropFirst(keyword.count)
        if let first = rest.first, !(first == " " || first.isASCIIDigitCharacter) {
            throw ChoiceTextError(message: Bilingual(
                fa: "پیامک را با «رای» و شمارهٔ طرح‌ها بفرستید، مثل: رای ۱۲ ۱۵",
                en: "Start with VOTE and the project numbers, e.g. VOTE 12 15"))
        }
        return try ChoiceText.parseList(String(rest))
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// Short SMS replies. Persian alone fits one Unicode SMS (70 characters) and English alone one
/// GSM SMS (160) for typical inputs; `text` with both languages (Persian first) is sent as a
/// concatenated Unicode SMS.
public enum SMSReply: Sendable, Equatable {
    /// The ballot was recorded; project numbers as accepted.
    case accepted([String])
    /// The ballot was refused, with why.
    case invalid(Bilingual)
    /// Voting is not open.
    case votingClosed
    /// This number already voted and changes are not allowed.
    case alreadyVoted
    /// A one-time code must be sent first.
    case codeRequired

    /// The Persian reply.
    public var fa: String {
        switch self {
        case .accepted(let ids): "رای شما ثبت شد: \(PersianText.persianDigits(ids.joined(separator: "،")))"
        case .invalid(let why): "رای ثبت نشد: \(why.fa)"
        case .votingClosed: "رأی‌گیری باز نیست."
        case .alreadyVoted: "با این شماره پیش‌تر رای داده شده است."
        case .codeRequired: "ابتدا کد تأیید پیامک‌شده را بفرستید."
        }
    }

    /// The English reply.
    public var en: String {
        switch self {
        case .accepted(let ids): "Vote recorded: \(ids.joined(separator: ","))"
        case .invalid(let why): "Vote not recorded: \(why.en)"
        case .votingClosed: "Voting is not open."
        case .alreadyVoted: "This number has already voted."
        case .codeRequired: "Send the verification code first."
        }
    }

    /// Persian first, then English, on two lines.
    public var text: String { fa + "\n" + en }
}
