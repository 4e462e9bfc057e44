/// A text compared as the databases compare it: byte for byte in UTF-8 (SQLite's BINARY collation,
/// PostgreSQL's C collation), not by canonical equivalence as `String` is. The in-memory repositories
/// key and order their records by it, so that "é" and "e\u{301}" are two usernames there too.
struct ExactText: Hashable, Comparable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    static func < (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
