import Foundation
import Testing
import TarazuHTML

/// A property checked on many random strings (a seeded generator, so a failure repeats): whatever
/// the input, rendered text and attribute values contain no markup character of it unescaped, and
/// unescaping gives the input back.
@Suite struct EscapingPropertyTests {
    /// SplitMix64: small, seeded, the same on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [Character] = Array("<>&\"'=/ ;#?%ab1") + ["\u{202E}", "\u{200C}", "\u{301}", "ش", "\n", "\r\n", "\u{0}", "é", "👩‍👩‍👧"]

    static func randomStrings(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
        }
    }

    /// The five entities of ``htmlEscape(_:)`` decoded, scalar by scalar (`String.replacingOccurrences`
    /// compares `Character`s and would miss "&lt;" before a U+200C).
    static func unescape(_ text: String) -> String {
        let entities = ["&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&amp;": "&"]
        var scalars = Substring(text).unicodeScalars[...]
        var out = String.UnicodeScalarView()
        while let first = scalars.first {
            if first == "&", let (entity, value) = entities.first(where: { scalars.starts(with: $0.key.unicodeScalars) }) {
                out.append(contentsOf: value.unicodeScalars)
                scalars = scalars.dropFirst(entity.unicodeScalars.count)
            } else {
                out.append(first)
                scalars = scalars.dropFirst()
            }
        }
        return String(out)
    }

    /// Whether `text` holds one of `scalars` (compared scalar by scalar, as a browser reads: in Swift a
    /// quote followed by U+200C is one `Character`).
    static func holds(_ text: some StringProtocol, anyOf scalars: String) -> Bool {
        text.unicodeScalars.contains { scalars.unicodeScalars.contains($0) }
    }

    @Test func renderedTextAndAttributesHoldNoRawMarkupCharacter() {
        for input in Self.randomStrings(count: 2000, seed: 20_251_206) {
            let text = HTMLNode.text(input).render()
            #expect(!Self.holds(text, anyOf: "<>\"'"), "text of \(input.debugDescription): \(text)")
            #expect(Self.unescape(text) == input)
            let element = HTMLNode.element("a", ["title": input]) { input }.render()
            // <a title="VALUE">TEXT</a>: exactly two quotes, the attribute's own.
            let scalars = Array(element.unicodeScalars)
            let quotes = scalars.indices.filter { scalars[$0] == "\"" }
            #expect(quotes.count == 2, "attribute of \(input.debugDescription): \(element)")
            guard quotes.count == 2 else { continue }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars[(quotes[0] + 1)..<quotes[1]])
            #expect(Self.unescape(String(value)) == input)
            #expect(!Self.holds(String(value), anyOf: "<>'"))
        }
    }

    @Test func encodedQueryValuesCannotAddAParameter() {
        for input in Self.randomStrings(count: 2000, seed: 7) {
            let url = Link(path: "/x").adding("a", input).adding("b", "1").description
            #expect(url.filter { $0 == "&" }.count == 1 && url.filter { $0 == "=" }.count == 2, "\(input.debugDescription): \(url)")
            #expect(!Self.holds(url, anyOf: "#\"'<> \u{202E}") && url.filter { $0 == "?" }.count == 1)
            #expect(url.dropFirst("/x?a=".count).prefix { $0 != "&" }.removingPercentEncoding == input)
            let segment = Link(path: "/x").appending(segment: input).description
            #expect(!Self.holds(segment.dropFirst(3), anyOf: "/?#\"<> "), "\(input.debugDescription): \(segment)")
            #expect(segment.dropFirst(3).removingPercentEncoding == input)
        }
    }
}
