import Foundation
import TarazuCore

/// How a ballot reached the box.
public enum BallotChannel: String, Sendable, CaseIterable, Comparable {
    /// The web portal.
    case web
    /// SMS to the short number.
    case sms
    /// A paper ballot typed in from a polling station.
    case paper
    /// A kiosk at a municipal office.
    case kiosk

    /// How a ballot came by this channel, to follow a verb: «در وبگاه», «با پیامک» / "on the web", "by SMS".
    public var manner: Bilingual {
        switch self {
        case .web: Bilingual(fa: "در وبگاه", en: "on the web")
        case .sms: Bilingual(fa: "با پیامک", en: "by SMS")
        case .paper: Bilingual(fa: "با برگهٔ کاغذی", en: "on paper")
        case .kiosk: Bilingual(fa: "در کیوسک", en: "at a kiosk")
        }
    }

    /// Declaration order.
    public static func < (lhs: BallotChannel, rhs: BallotChannel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An exact non-negative ratio of two integers (participation rates, budget shares): no Double.
public struct PBRatio: Sendable, Equatable, CustomStringConvertible {
    /// Numerator.
    public let numerator: Int64
    /// Denominator, positive.
    public let denominator: Int64

    /// `numerator / denominator`; nil when the denominator is not positive or the numerator is negative.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator > 0, numerator >= 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value times `scale`, rounded half up, as a decimal with `places` digits after the
    /// point (e.g. per-mille rates: `decimal(scale: 1000, places: 1)`), computed exactly.
    public func decimal(scale: Int64 = 1, places: Int = 2) -> String {
        var factor: UInt64 = 1
        for _ in 0..<places { factor *= 10 }
        let product = UInt64(numerator).multipliedFullWidth(by: UInt64(scale) * factor)
        let d = UInt64(denominator)
        let (q, r) = d.dividingFullWidth(product)
        let rounded = q + (r * 2 >= d ? 1 : 0)
        if places == 0 { return String(rounded) }
        let whole = rounded / factor
        let fraction = String(rounded % factor)
        return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// "numerator/denominator".
    public var description: String { "\(numerator)/\(denominator)" }
}

/// Why the box refused a ballot.
public enum BallotBoxError: Error, Sendable, Equatable {
    /// The ballot has no voter key (an SMS sender who has not confirmed a code).
    case noVoterKey
    /// Voting has not opened yet.
    case notOpenYet
    /// Voting has closed.
    case closed
    /// This voter already voted and changes are not allowed.
    case alreadyVoted(channel: BallotChannel)
    /// The ballot breaks the rules.
    case invalid([BallotProblem])

    /// The bilingual explanation (the first problem for an invalid ballot).
    public var message: Bilingual {
        switch self {
        case .noVoterKey: Bilingual(fa: "ابتدا شمارهٔ تلفن همراه خود را تأیید کنید.", en: "Confirm your number first.")
        case .notOpenYet: Bilingual(fa: "رأی‌گیری هنوز آغاز نشده است.", en: "Voting has not opened yet.")
        case .closed: Bilingual(fa: "رأی‌گیری به پایان رسیده است.", en: "Voting has closed.")
        case .alreadyVoted(let channel):
            Bilingual(fa: "شما پیش‌تر \(channel.manner.fa) رأی داده‌اید و در این رأی‌گیری رأی را نمی‌توان تغییر داد.",
                      en: "You have already voted \(channel.manner.en), and this vote does not allow changes.")
        case .invalid(let problems):
            problems.first?.message ?? Bilingual(fa: "رأی نامعتبر است.", en: "The ballot is invalid.")
        }
    }

    /// The SMS reply for this refusal.
    public var smsReply: SMSReply {
        switch self {
        case .noVoterKey: .codeRequired
        case .notOpenYet, .closed: .votingClosed
        case .alreadyVoted: .alreadyVoted
        case .invalid: .invalid(message)
        }
    }
}

/// One ballot in the box.
public struct BallotBoxEntry: Sendable, Equatable {
    /// The ballot.
    public let ballot: CitizenBallot
    /// How it came in.
    public let channel: BallotChannel
    /// When it was cast (last change).
    public let castAt: Date
}

/// What happened to an accepted ballot.
public enum BallotBoxReceipt: Sendable, Equatable {
    /// First ballot of this voter.
    case recorded
    /// Replaced the voter's earlier ballot (changes allowed).
    case replaced(previousChannel: BallotChannel)
}

/// Participation figures of a box.
public struct ParticipationFigures: Sendable, Equatable {
    /// Ballots (one per person) in the box.
    public let ballots: Int
    /// Ballots by channel.
    public let byChannel: [BallotChannel: Int]
    /// Ballots by ballot district.
    public let byDistrict: [PBDistrict: Int]
    /// Participants per resident of each region (regional ballots); `decimal(scale: 1000)` gives
    /// the rate per 1,000 residents. Regions without a population are left out.
    public let perResidentByRegion: [String: PBRatio]
    /// All participants per resident of the city (sum of the populations).
    public let perResidentCity: PBRatio?
    /// Budget decided by citizens (citywide + regional ballot budgets) over the capital budget.
    public let shareOfCapitalBudget: PBRatio?
}

/// The ballot box of a process: one ballot per voter key across web, SMS, paper and kiosk.
///
/// Ballots are accepted only during the voting phase and only when `BallotValidator` finds no
/// problem. With `allowChanges` a later ballot of the same voter (from any channel) replaces the
/// earlier one; without it, it is refused as "already voted". A voter has one ballot in the
/// process, whatever its district.
public struct BallotBox: Sendable {
    /// The process (frozen: voting has opened before any ballot is accepted).
    public let process: PBProcess
    /// Whether a voter may replace their ballot before the close.
    public let allowChanges: Bool
    private var entries: [String: BallotBoxEntry] = [:]
    private var order: [String] = []

    /// An empty box.
    public init(process: PBProcess, allowChanges: Bool) {
        self.process = process
        self.allowChanges = allowChanges
    }

    /// Ballots in first-cast order.
    public var ballots: [BallotBoxEntry] { order.map { entries[$0]! } }

    /// The voter's current ballot.
    public func entry(for voterKey: String) -> BallotBoxEntry? { entries[voterKey] }

    /// Accepts `ballot` at `now` from `channel`, or says why not.
    @discardableResult
    public mutating func cast(_ ballot: CitizenBallot, channel: BallotChannel, at now: Date) throws(BallotBoxError) -> BallotBoxReceipt {
        if ballot.voterKey.isEmpty { throw .noVoterKey }
        let voting = process.phase(.voting)
        if now < voting.start { throw .notOpenYet }
        if now >= voting.end { throw .closed }
        if let earlier = entries[ballot.voterKey], !allowChanges { throw .alreadyVoted(channel: earlier.channel) }
        let problems = BallotValidator.validate(ballot, process)
        if !problems.isEmpty { throw .invalid(problems) }
        let entry = BallotBoxEntry(ballot: ballot, channel: channel, castAt: now)
        if let earlier = entries.updateValue(entry, forKey: ballot.voterKey) {
            return .replaced(previousChannel: earlier.channel)
        }
        order.append(ballot.voterKey)
        return .recorded
    }

    /// Participation figures given region populations (region code -> residents) and the
    /// city's capital budget in rials.
    public func participation(populations: [String: Int64], capitalBudget: Int64) -> ParticipationFigures {
        var byChannel: [BallotChannel: Int] = [:]
        var byDistrict: [PBDistrict: Int] = [:]
        for entry in entries.values {
            byChannel[entry.channel, default: 0] += 1
            byDistrict[entry.ballot.district, default: 0] += 1
        }
        var perRegion: [String: PBRatio] = [:]
        for (code, population) in populations {
            if let ratio = PBRatio(Int64(byDistrict[.region(code)] ?? 0), population) { perRegion[code] = ratio }
        }
        let totalPopulation = populations.values.reduce(0, +)
        return ParticipationFigures(
            ballots: entries.count, byChannel: byChannel, byDistrict: byDistrict,
            perResidentByRegion: perRegion,
            perResidentCity: PBRatio(Int64(entries.count), totalPopulation),
            shareOfCapitalBudget: process.totalBudget.flatMap { PBRatio($0, capitalBudget) })
    }
}
