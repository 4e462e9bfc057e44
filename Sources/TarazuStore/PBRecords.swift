import Crypto
import Foundation
import TarazuParticipation

/// A participatory budgeting process as stored.
public struct PBStoredProcess: Sendable, Equatable {
    /// The process slug (its id, used in URLs).
    public let slug: String
    /// The definition (process, proposals, settings).
    public let definition: PBProcessDefinition
    /// When it was added and last changed.
    public let createdAt: Date
    public let updatedAt: Date
}

/// One stored ballot: the voter appears only as a keyed hash (or "paper:SERIAL").
public struct PBStoredBallot: Sendable, Equatable {
    /// The voter key (HMAC of the normalized phone number, or "paper:SERIAL").
    public let voterHash: String
    /// How it came in.
    public let channel: BallotChannel
    /// The ballot (district and choices).
    public let ballot: CitizenBallot
    /// When it was cast (last change).
    public let castAt: Date
    /// The receipt number shown to the voter.
    public let receipt: String
}

/// What casting a ballot did.
public struct PBCastReceipt: Sendable, Equatable {
    /// The receipt number (10 characters, no look-alike letters).
    public let receipt: String
    /// Whether it replaced the voter's earlier ballot (changes allowed), and from which channel.
    public let replaced: BallotChannel?
}

/// A batch of ballots refused as a whole: each refusal with the ballot's position in the batch.
public struct PBBatchRefusal: Error, Sendable, Equatable {
    /// (position in the batch, 0-based; why).
    public let refusals: [PBRefusedBallot]
}

/// One refused ballot of a batch.
public struct PBRefusedBallot: Sendable, Equatable {
    /// Position in the batch, 0-based.
    public let index: Int
    /// Why.
    public let error: BallotBoxError
}

/// The keyed hash that turns a normalized phone number into a voter key: HMAC-SHA256 with a
/// 32-byte secret, hex. The number itself is never stored; without the key the hash cannot be
/// linked back to a number by trying all 10^10 Iranian mobiles.
public struct PBVoterHasher: Sendable {
    let key: SymmetricKey

    /// A hasher with `key` (32 bytes).
    public init(key: Data) {
        self.key = SymmetricKey(data: key)
    }

    /// The voter key of a normalized number ("+989..."), "v1:" + 64 hex digits.
    public func voterKey(phone: String) -> String {
        "v1:" + Self.hex(HMAC<SHA256>.authenticationCode(for: Data(("phone|" + phone).utf8), using: key))
    }

    /// The stored hash of a one-time code sent to `voterKey` (the code never rests in clear).
    public func codeHash(voterKey: String, code: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(("code|" + voterKey + "|" + code).utf8), using: key))
    }

    /// A MAC of `text` (for signed cookies), base64url.
    public func sign(_ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("sign|" + text).utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Decodes TARAZU_PB_KEY: base64 of exactly 32 bytes.
    public static func key(fromBase64 text: String) -> Data? {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else { return nil }
        return data
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

/// Choices as stored in pb_ballots.choices: JSON {"kind": "approvals"|"points"|"ranking", "projects": [...], "values": [...]}.
enum PBChoicesCodec {
    private struct Stored: Codable {
        var kind: String
        var projects: [String]
        var values: [Int]?
    }

    static func encode(_ choices: PBChoices) -> String {
        let stored: Stored
        switch choices {
        case .approvals(let ids): stored = Stored(kind: "approvals", projects: ids, values: nil)
        case .points(let items): stored = Stored(kind: "points", projects: items.map(\.project), values: items.map(\.points))
        case .ranking(let items): stored = Stored(kind: "ranking", projects: items.map(\.project), values: items.map(\.rank))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(stored)) ?? Data(), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> PBChoices {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else {
            throw StoreError.unreadable(table: "pb_ballots", column: "choices", value: String(text.prefix(80)))
        }
        let values = stored.values ?? []
        switch stored.kind {
        case "approvals": return .approvals(stored.projects)
        case "points" where values.count == stored.projects.count:
            return .points(zip(stored.projects, values).map { PBPoints($0, $1) })
        case "ranking" where values.count == stored.projects.count:
            return .ranking(zip(stored.projects, values).map { PBRank($0, $1) })
        default:
            throw StoreError.unreadable(table: "pb_ballots", column: "choices", value: String(text.prefix(80)))
        }
    }
}
