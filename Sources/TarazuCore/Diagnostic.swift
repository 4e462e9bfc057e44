/// A finding about input data, located as precisely as the source allows.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    /// The file (or file and sheet) the finding is about.
    public var file: String
    /// The row a user sees in their tool (header is row 1), when the finding is about one row.
    public var row: Int?
    /// The column name, when the finding is about one cell.
    public var column: String?
    public var reason: String

    public init(_ severity: Severity, file: String, row: Int? = nil, column: String? = nil, reason: String) {
        self.severity = severity
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
    }

    /// `file:row:column: reason`, with the parts that are known.
    public var description: String {
        var location = file
        if let row { location += ":\(row)" }
        if let column { location += ":\(column)" }
        return "\(location): \(severity == .warning ? "warning: " : "")\(reason)"
    }
}

/// Input that cannot be accepted, with every error found (up to a cap) and the warnings.
public struct InputRejected: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
