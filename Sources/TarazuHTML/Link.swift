/// A link within the site, built from parts: a path whose data segments are percent-encoded
/// (``appending(segment:)``) and query items whose names and values are percent-encoded
/// (``PercentEncoding/queryComponent(_:)``). It is an attribute value (`href`, `action`), escaped
/// there like any other, and its ``description`` is the URL itself (for a Location header).
public struct Link: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral, HTMLAttributeValue {
    /// The path, its segments already percent-encoded.
    public private(set) var path: String
    private var query: [QueryItem] = []

    private struct QueryItem: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// A link to `path`, whose segments are already percent-encoded (a path written in code, or one
    /// built with ``PercentEncoding/pathSegment(_:)``).
    public init(path: String) { self.path = path }

    /// A path written in code.
    public init(stringLiteral path: StaticString) { self.path = path.description }

    /// This link with `/segment` added to its path, the segment percent-encoded (so a "/", "?" or
    /// "#" in it stays part of the segment).
    public func appending(segment: String) -> Link {
        var copy = self
        copy.path += "/" + PercentEncoding.pathSegment(segment)
        return copy
    }

    /// This link with `suffix`, a path written in code such as "/history", added to its path.
    public func appending(path suffix: StaticString) -> Link {
        var copy = self
        copy.path += suffix.description
        return copy
    }

    /// This link with the query items added after its own, in order.
    public func adding(_ items: [(String, String)]) -> Link {
        var copy = self
        copy.query += items.map { QueryItem(name: $0.0, value: $0.1) }
        return copy
    }

    /// This link with the query item `name=value` added last.
    public func adding(_ name: String, _ value: String) -> Link { adding([(name, value)]) }

    /// The URL: the path, then `?name=value&…` when there are query items.
    public var description: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { PercentEncoding.queryComponent($0.name) + "=" + PercentEncoding.queryComponent($0.value) }
            .joined(separator: "&")
    }

    public var htmlAttribute: HTMLAttributeText { .value(description) }
}
