import Foundation

/// Small structural checks of rendered HTML used by the tests.
enum HTMLChecks {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col", "wbr", "source", "area", "base"]

    /// The HTML without its `<style>` element (CSS has braces and digits that are not report text).
    static func withoutStyle(_ html: String) -> String {
        html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
    }

    /// Problems of tag nesting: an unexpected closing tag, or tags left open at the end.
    static func nestingProblems(_ html: String) -> [String] {
        let body = withoutStyle(html)
        let regex = try! NSRegularExpression(pattern: "<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
        var stack: [String] = []
        var problems: [String] = []
        let ns = body as NSString
        for match in regex.matches(in: body, range: NSRange(location: 0, length: ns.length)) {
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            let rest = ns.substring(with: match.range(at: 3))
            if voidElements.contains(name) || rest.hasSuffix("/") { continue }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else {
                stack.append(name)
            }
        }
        if !stack.isEmpty { problems.append("left open: \(stack)") }
        return problems
    }

    /// The text of the page outside left-to-right spans (`<bdi dir="ltr">`), with tags and
    /// character references removed: what a reader sees as Persian prose.
    static func persianProseText(_ html: String) -> String {
        var text = withoutStyle(html)
        text = text.replacingOccurrences(of: "<!DOCTYPE[^>]*>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<bdi dir=\"ltr\"[^>]*>[^<]*</bdi>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "&#?[a-zA-Z0-9]+;", with: " ", options: .regularExpression)
        return text
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}
