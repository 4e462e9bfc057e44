import TarazuCore

/// A minimal JSON value with ordered object keys and numbers written verbatim (exact decimals).
enum PBJSON {
    case string(String)
    /// A number in plain decimal notation, written as is.
    case number(String)
    case bool(Bool)
    case array([PBJSON])
    case object([(String, PBJSON)])

    static func decimal(_ value: PBDecimal) -> PBJSON { .number(value.description) }
    static func int(_ value: Int) -> PBJSON { .number(String(value)) }

    /// Pretty-printed text with two-space indentation.
    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let text): return PBJSON.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + PBJSON.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quoted(_ text: String) -> String { JSONText.string(text) }
}
