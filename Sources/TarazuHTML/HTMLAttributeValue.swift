/// A value an attribute can take; ``HTMLNode`` escapes it when rendering.
public protocol HTMLAttributeValue: Sendable {
    /// The value as text, before escaping.
    var htmlAttributeValue: String { get }
}

extension String: HTMLAttributeValue {
    public var htmlAttributeValue: String { self }
}

extension Int: HTMLAttributeValue {
    public var htmlAttributeValue: String { String(self) }
}

extension Int64: HTMLAttributeValue {
    public var htmlAttributeValue: String { String(self) }
}
