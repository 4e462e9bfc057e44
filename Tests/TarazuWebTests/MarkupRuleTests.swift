import Foundation
import Testing

/// The rule of the web pages: markup is built with TarazuHTML's `HTMLNode`, never by putting tags in
/// strings, and markup that is not escaped (`HTMLNode.trustedMarkup`) comes only from the few places
/// listed here.
@Suite struct MarkupRuleTests {
    static let root = WebHarness.repositoryRoot

    /// The Swift files the rule covers: all of TarazuWeb, and the report's HTML writer.
    static func files() throws -> [URL] {
        let web = root.appendingPathComponent("Sources/TarazuWeb")
        let enumerator = FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)
        let swift = (enumerator?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "swift" }
        return swift + [root.appendingPathComponent("Sources/TarazuReport/HTMLWriter.swift")]
    }

    /// Where `HTMLNode.trustedMarkup` may be used, and how often: the SVG that TarazuReport draws
    /// (`ChoroplethMap`, `SVGLineChart`, `SVGChart`, every text in it escaped) and the report's stylesheet.
    static let trusted: [String: Int] = [
        "Sources/TarazuWeb/Portal/PortalRegions.swift": 1,        // ChoroplethMap.svg
        "Sources/TarazuWeb/Dashboard/DashboardFigures.swift": 2,  // ChoroplethMap.svg, SVGLineChart.render
        "Sources/TarazuReport/HTMLWriter.swift": 2,               // ReportStyle.css, the charts' SVG
    ]

    @Test func noStringLiteralHoldsMarkup() throws {
        let files = try Self.files()
        #expect(files.count > 40)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for literal in SwiftLiterals.strings(in: source) where literal.text.contains(/<[A-Za-z\/!]/) {
                Issue.record("\(file.lastPathComponent):\(literal.line): markup in a string literal: \(literal.text.prefix(80))")
            }
        }
    }

    @Test func trustedMarkupOnlyWhereListed() throws {
        var uses: [String: Int] = [:]
        for file in try Self.files() {
            let count = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "trustedMarkup(").count - 1
            if count > 0 { uses[file.path.replacingOccurrences(of: Self.root.path + "/", with: "")] = count }
        }
        #expect(uses == Self.trusted)
    }

    /// The scanner itself finds tags in every kind of literal and nothing in code or comments.
    @Test func theScannerSeesLiteralsOnly() {
        let source = #"""
        // "<b>" in a comment
        let a: Set<Int> = [], b = x < y ? "a" : "b<", c = "\(f("<i>")) ok"
        let d = """
            <p>
            """
        let e = #"raw <br> \(x)"#
        let f = "escaped \" quote <em>"
        """#
        let found = SwiftLiterals.strings(in: source).filter { $0.text.contains(/<[A-Za-z\/!]/) }.map(\.line)
        #expect(found == [2, 3, 6, 7])
    }
}

/// The string literals of Swift source, with their line (interpolated code excluded, literals inside
/// it included): just enough lexing for ``MarkupRuleTests``.
enum SwiftLiterals {
    struct Literal {
        var text: String
        var line: Int
    }

    static func strings(in source: String) -> [Literal] {
        let chars = Array(source)
        var literals: [Literal] = []
        var index = 0
        var line = 1
        // Code at the top level or inside an interpolation: returns at the `)` that closes it.
        func code(interpolation: Bool) {
            var depth = 0
            while index < chars.count {
                let c = chars[index]
                if c == "\n" { line += 1 }
                if c == "/" && next(1) == "/" {
                    while index < chars.count && chars[index] != "\n" { index += 1 }
                    continue
                }
                if c == "/" && next(1) == "*" {
                    index += 2
                    while index < chars.count && !(chars[index] == "*" && next(1) == "/") {
                        if chars[index] == "\n" { line += 1 }
                        index += 1
                    }
                    index += 2
                    continue
                }
                if c == "#" || c == "\"" {
                    var hashes = 0
                    while index + hashes < chars.count && chars[index + hashes] == "#" { hashes += 1 }
                    if index + hashes < chars.count && chars[index + hashes] == "\"" {
                        index += hashes
                        string(hashes: hashes)
                        continue
                    }
                }
                if interpolation {
                    if c == "(" { depth += 1 }
                    if c == ")" {
                        if depth == 0 { index += 1; return }
                        depth -= 1
                    }
                }
                index += 1
            }
        }
        func next(_ offset: Int) -> Character? { index + offset < chars.count ? chars[index + offset] : nil }
        // At the opening quote (after any `#`s).
        func string(hashes: Int) {
            let multiline = next(1) == "\"" && next(2) == "\""
            index += multiline ? 3 : 1
            let start = line
            var text = ""
            let closing = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
            while index < chars.count {
                if String(chars[index..<min(chars.count, index + closing.count)]) == closing {
                    index += closing.count
                    break
                }
                let c = chars[index]
                let escape = "\\" + String(repeating: "#", count: hashes)
                if String(chars[index..<min(chars.count, index + escape.count)]) == escape {
                    index += escape.count
                    if index < chars.count && chars[index] == "(" {
                        index += 1
                        code(interpolation: true)
                    } else {
                        index += 1
                    }
                    continue
                }
                if c == "\n" { line += 1 }
                text.append(c)
                index += 1
            }
            literals.append(Literal(text: text, line: start))
        }
        code(interpolation: false)
        return literals
    }
}
