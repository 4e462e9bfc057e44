import Foundation

/// Percent-encoding of the pieces of a URL (UTF-8).
public enum PercentEncoding {
    private static let segmentCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return allowed
    }()

    private static let queryCharacters: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()

    /// One path segment: the characters RFC 3986 allows in a path stay, except "/", "?" and "#";
    /// everything else (spaces, non-ASCII letters, "%") is percent-encoded.
    public static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? ""
    }

    /// A query name or value: ASCII letters, digits and "-._~" stay; everything else ("&", "=", "#",
    /// "+", "%", quotes, spaces, controls, non-ASCII letters) is percent-encoded, so a value cannot
    /// add a parameter.
    public static func queryComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryCharacters) ?? ""
    }
}
