/// A value an attribute can take: text (escaped when rendered), a number, a ``Link``, or a `Bool`
/// for a boolean attribute (`"required": true` writes `required`, `false` leaves it out).
public protocol HTMLAttributeValue: Sendable {
    /// How the attribute is written.
    var htmlAttribute: HTMLAttributeText { get }
}

/// How an attribute is written.
public enum HTMLAttributeText: Sendable, Equatable {
    /// `name="value"`, the value escaped.
    case value(String)
    /// `name` alone: a boolean attribute that is set.
    case present
    /// Not at all: a boolean attribute that is not set.
    case absent
}

extension String: HTMLAttributeValue {
    public var htmlAttribute: HTMLAttributeText { .value(self) }
}

extension Int: HTMLAttributeValue {
    public var htmlAttribute: HTMLAttributeText { .value(String(self)) }
}

extension Int64: HTMLAttributeValue {
    public var htmlAttribute: HTMLAttributeText { .value(String(self)) }
}

extension Bool: HTMLAttributeValue {
    public var htmlAttribute: HTMLAttributeText { self ? .present : .absent }
}
