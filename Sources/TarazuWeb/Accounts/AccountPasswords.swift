import Foundation
import Vapor

/// Password and username rules, and bcrypt hashing (the store keeps only the hash).
public enum AccountPasswords {
    /// The shortest password accepted.
    public static let minimumLength = 12
    /// Bcrypt reads at most 72 bytes; a longer password would be silently cut.
    public static let maximumBytes = 72

    /// Why `password` is refused, in English and Persian, or nil when it is acceptable.
    public static func problem(_ password: String) -> (en: String, fa: String)? {
        if password.count < minimumLength {
            return ("the password must have at least \(minimumLength) characters",
                    "گذرواژه باید دست‌کم \(PersianDigits.of(minimumLength)) نویسه باشد")
        }
        if password.utf8.count > maximumBytes {
            return ("the password must not be longer than \(maximumBytes) bytes",
                    "گذرواژه نباید از \(PersianDigits.of(maximumBytes)) بایت بلندتر باشد")
        }
        return nil
    }

    /// The bcrypt hash of `password` at `cost` (12 by default).
    public static func hash(_ password: String, cost: Int = 12) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`; false (not an error) for a malformed hash.
    public static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// `username` trimmed and lowercased, or the reason it is refused: 2 to 64 of a-z, 0-9, `.`, `_`, `-`.
    public static func normalizedUsername(_ username: String) -> Result<String, UsernameProblem> {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (2...64).contains(name.count), name.allSatisfy({ allowed.contains($0) }) else {
            return .failure(UsernameProblem(username: username))
        }
        return .success(name)
    }
}

/// A username that breaks the rules of ``AccountPasswords/normalizedUsername(_:)``.
public struct UsernameProblem: Error, CustomStringConvertible, Sendable {
    public var username: String
    public var description: String {
        "the username '\(username)' must be 2 to 64 characters of a-z, 0-9, '.', '_' and '-'"
    }
    var persian: String { "نام کاربری باید ۲ تا ۶۴ نویسه از a-z، 0-9، «.»، «_» و «-» باشد" }
}

/// Persian digits for small numbers in messages.
enum PersianDigits {
    static func of(_ value: Int) -> String { WebFormat.digits(String(value), .fa) }
}
