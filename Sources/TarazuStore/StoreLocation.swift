import Foundation

/// Where a Tarazu store lives: an SQLite file or a PostgreSQL database.
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite database file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL database, as `postgres://USER:PASS@HOST:PORT/DB` (an optional `?sslmode=` or `?tlsmode=`
    /// of disable, prefer or require is honoured). With `schema`, the store's tables live in that schema,
    /// which is created when missing (several independent stores in one database, e.g. for tests).
    case postgres(url: String, schema: String? = nil)

    /// The SQLite file used when nothing else is said.
    public static let defaultSQLitePath = "./tarazu.sqlite"

    /// Why a location could not be understood.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var text: String
        public var reason: String
        public var description: String { "invalid database location '\(text)': \(reason)" }
    }

    /// Reads a location as given on a command line (`--db`):
    /// - `nil`: the environment's `DATABASE_URL` when set and not empty, else ``defaultSQLitePath``;
    /// - `postgres://USER:PASS@HOST:PORT/DB` or `postgresql://...`: PostgreSQL;
    /// - `sqlite://PATH` (so `sqlite:///abs/file.sqlite` for an absolute path): SQLite;
    /// - any other text without a `scheme://` prefix: the path of an SQLite file.
    public static func parse(_ text: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> StoreLocation {
        guard let text else {
            if let url = environment["DATABASE_URL"], !url.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    return try parse(url, environment: [:])
                } catch {
                    throw Invalid(text: "DATABASE_URL=\(error.text)", reason: error.reason)
                }
            }
            return .sqlite(path: defaultSQLitePath)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Invalid(text: text, reason: "it is empty") }
        guard let schemeEnd = trimmed.range(of: "://"),
              trimmed[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
              trimmed.first?.isLetter == true
        else {
            return .sqlite(path: trimmed)
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "sqlite":
            let path = String(trimmed[schemeEnd.upperBound...])
            guard !path.isEmpty else { throw Invalid(text: text, reason: "no file path after sqlite://") }
            return .sqlite(path: path)
        case "postgres", "postgresql":
            guard let components = URLComponents(string: trimmed) else {
                throw Invalid(text: redacted(trimmed), reason: "not a valid URL")
            }
            guard let host = components.host, !host.isEmpty else {
                throw Invalid(text: redacted(trimmed), reason: "no host (expected postgres://USER:PASS@HOST:PORT/DB)")
            }
            guard let user = components.user, !user.isEmpty else {
                throw Invalid(text: redacted(trimmed), reason: "no user name (expected postgres://USER:PASS@HOST:PORT/DB)")
            }
            return .postgres(url: trimmed)
        default:
            throw Invalid(text: redacted(trimmed), reason: "unsupported scheme '\(scheme)'; use a file path, sqlite://PATH or postgres://USER:PASS@HOST:PORT/DB")
        }
    }

    /// The location for messages, with any password hidden.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let url, let schema): Self.redacted(url) + (schema.map { " (schema \($0))" } ?? "")
        }
    }

    /// `url` with the password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
