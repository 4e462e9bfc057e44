import Foundation
import TarazuCore

/// Why a phone number was refused.
public enum PhoneNumberError: Error, Sendable, Equatable {
    /// Nothing but spaces.
    case empty
    /// A character that is not a digit, space, dash, dot, parenthesis or leading plus.
    case invalidCharacter
    /// An Iranian fixed line (or other non-mobile) number: only mobiles (9xx) receive codes.
    case notMobile
    /// Too few or too many digits.
    case wrongLength

    /// The bilingual explanation.
    public var message: Bilingual {
        switch self {
        case .empty: Bilingual(fa: "شماره‌ای وارد نشده است.", en: "No number given.")
        case .invalidCharacter: Bilingual(fa: "شماره باید فقط رقم داشته باشد.", en: "The number must contain digits only.")
        case .notMobile: Bilingual(fa: "فقط شمارهٔ تلفن همراه ایران پذیرفته می‌شود.", en: "Only Iranian mobile numbers are accepted.")
        case .wrongLength: Bilingual(fa: "تعداد رقم‌های شماره درست نیست.", en: "The number has the wrong number of digits.")
        }
    }
}

/// Iranian mobile numbers.
public enum PhoneNumber {
    /// The canonical form "+989XXXXXXXXX" of "+98 912 ...", "0098912...", "0912...", "912..."
    /// with Persian or Arabic-Indic digits, spaces, dashes, dots or parentheses.
    ///
    /// This canonical form is what the web layer hashes with its HMAC key to make the voter key;
    /// the number itself is never stored with a ballot.
    public static func normalize(_ text: String) throws(PhoneNumberError) -> String {
        var digits = ""
        var sawPlus = false
        for scalar in PBText.normalizedIdentifier(text).unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case " ", "-", ".", "(", ")", "\u{00A0}", "\u{200C}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}":
                continue
            case "+" where digits.isEmpty && !sawPlus:
                sawPlus = true
            default:
                throw .invalidCharacter
            }
        }
        if digits.isEmpty { throw sawPlus ? .wrongLength : .empty }
        var national: Substring
        if sawPlus {
            guard digits.hasPrefix("98") else { throw .notMobile }
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0098") {
            national = digits.dropFirst(4)
        } else if digits.hasPrefix("98") && digits.count == 12 {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst(1)
        } else {
            national = digits[...]
        }
        if national.hasPrefix("0") { national = national.dropFirst() }  // "+98 0912..."
        guard national.first == "9" else { throw national.isEmpty ? .wrongLength : .notMobile }
        guard national.count == 10 else { throw .wrongLength }
        return "+98" + national
    }
}

/// Limits of one-time codes sent by SMS.
public struct OneTimeCodePolicy: Sendable, Equatable {
    /// Digits in a code.
    public var digits: Int
    /// How long a code is valid, seconds.
    public var lifetime: TimeInterval
    /// Wrong tries before the code locks.
    public var maxAttempts: Int
    /// Minimum time between two codes to the same number, seconds.
    public var resendCooldown: TimeInterval

    /// 6 digits, 5 minutes, 5 attempts, 60 s between sends.
    public static let standard = OneTimeCodePolicy(digits: 6, lifetime: 300, maxAttempts: 5, resendCooldown: 60)

    /// A policy from its limits.
    public init(digits: Int, lifetime: TimeInterval, maxAttempts: Int, resendCooldown: TimeInterval) {
        self.digits = digits
        self.lifetime = lifetime
        self.maxAttempts = maxAttempts
        self.resendCooldown = resendCooldown
    }
}

/// Refusal to issue a new code.
public enum OneTimeCodeIssueError: Error, Sendable, Equatable {
    /// The previous code was sent less than `resendCooldown` ago; whole seconds to wait.
    case cooldown(secondsLeft: Int)
}

/// The result of checking a code.
public enum OneTimeCodeVerification: Sendable, Equatable {
    /// Right code, in time: the code is now used up.
    case ok
    /// Wrong code; tries left before locking.
    case wrong(attemptsLeft: Int)
    /// The code's lifetime is over.
    case expired
    /// Too many wrong tries.
    case locked
    /// The code was already accepted once.
    case alreadyUsed
}

/// One code sent to one number, as pure state over given instants. The server keeps it (keyed
/// by the voter key) and may store a hash of `code` instead of the code.
public struct OneTimeCodeState: Sendable, Equatable {
    /// The digits sent.
    public let code: String
    /// When it was issued.
    public let issuedAt: Date
    /// Wrong tries so far.
    public private(set) var failedAttempts: Int
    /// Whether it was accepted.
    public private(set) var used: Bool
    /// The policy it was issued under.
    public let policy: OneTimeCodePolicy

    /// A state from its parts (for storage round trips and tests).
    public init(code: String, issuedAt: Date, policy: OneTimeCodePolicy = .standard, failedAttempts: Int = 0, used: Bool = false) {
        self.code = code
        self.issuedAt = issuedAt
        self.policy = policy
        self.failedAttempts = failedAttempts
        self.used = used
    }

    /// Issues a new code at `now` with digits drawn from `generator` (the only randomness);
    /// refuses while the previous code of the same number is within the resend cooldown.
    public static func issue(at now: Date, previous: OneTimeCodeState?, policy: OneTimeCodePolicy = .standard,
                             using generator: inout some RandomNumberGenerator) throws(OneTimeCodeIssueError) -> OneTimeCodeState {
        if let previous {
            let elapsed = now.timeIntervalSince(previous.issuedAt)
            if elapsed < policy.resendCooldown {
                throw .cooldown(secondsLeft: Int((policy.resendCooldown - elapsed).rounded(.up)))
            }
        }
        var code = ""
        for _ in 0..<policy.digits {
            code += String(Int.random(in: 0...9, using: &generator))
        }
        return OneTimeCodeState(code: code, issuedAt: now, policy: policy)
    }

    /// Whether the code has expired at `now`.
    public func isExpired(at now: Date) -> Bool { now.timeIntervalSince(issuedAt) >= policy.lifetime }

    /// Checks `input` (Persian digits and spaces accepted) at `now` and records the try.
    public mutating func verify(_ input: String, at now: Date) -> OneTimeCodeVerification {
        if used { return .alreadyUsed }
        if failedAttempts >= policy.maxAttempts { return .locked }
        if isExpired(at: now) { return .expired }
        let given = Array(ChoiceText.normalize(input).replacingOccurrences(of: " ", with: "").utf8)
        let expected = Array(code.utf8)
        var difference = given.count == expected.count ? 0 : 1
        for (index, byte) in expected.enumerated() {
            difference |= Int(byte ^ (index < given.count ? given[index] : 0))
        }
        if difference == 0 {
            used = true
            return .ok
        }
        failedAttempts += 1
        let left = policy.maxAttempts - failedAttempts
        return left > 0 ? .wrong(attemptsLeft: left) : .locked
    }
}
