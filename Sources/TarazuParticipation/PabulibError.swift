/// Bad input in a pabulib file, with where it is and why: "FILE:LINE: reason".
public struct PabulibError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name (or the label given to the parser).
    public let file: String
    /// The 1-based line number of the offending record (0 when the file as a whole is at fault).
    public let line: Int
    /// What is wrong, in plain words.
    public let reason: String

    /// An error at `file`:`line`.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
