/// A tally that cannot be carried out exactly on the given election.
public struct PBTallyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in plain words.
    public let reason: String

    /// An error with its reason.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
