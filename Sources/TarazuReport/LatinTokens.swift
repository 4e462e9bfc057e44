import Foundation

/// Latin identifiers that carry digits inside Persian prose ("PI-2.1", "SHA-256", "M1"): they keep
/// their ASCII digits and run left to right, while the digits of the prose around them become Persian.
enum LatinTokens {
    private static let pattern = try! NSRegularExpression(pattern: "[A-Za-z][A-Za-z_\\-]*[0-9]+(?:[.\\-][0-9A-Za-z]+)*")

    /// `text` cut into runs, each marked whether it is a Latin identifier.
    static func split(_ text: String) -> [(text: String, latin: Bool)] {
        let ns = text as NSString
        var runs: [(String, Bool)] = []
        var cursor = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            if match.range.location > cursor {
                runs.append((ns.substring(with: NSRange(location: cursor, length: match.range.location - cursor)), false))
            }
            runs.append((ns.substring(with: match.range), true))
            cursor = match.range.location + match.range.length
        }
        if cursor < ns.length { runs.append((ns.substring(from: cursor), false)) }
        return runs
    }
}
