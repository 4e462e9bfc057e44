/// A piece of an HTML page (or of SVG inside one) as a value: an element with its ordered attributes
/// and children, escaped text, the document type, or a group of nodes. Text and attribute values
/// are escaped when the node is rendered (``render(_:)``), so no text can open a tag or leave an
/// attribute; element and attribute names are `StaticString`s, so they come from code, never from data.
///
/// Build nodes with ``element(_:_:_:)``, ``line(_:_:_:)`` and ``block(_:_:_:)`` (the three differ only
/// in the newlines written around the element) and their ``HTMLBuilder`` closures:
///
/// ```swift
/// HTMLNode.block("ul", ["class": "links"]) {
///     for book in books {
///         HTMLNode.line("li") {
///             HTMLNode.element("a", ["href": Link(path: "/books").appending(segment: book.name)]) { book.title }
///         }
///     }
/// }
/// ```
///
/// Attribute values are `String`s, numbers, ``Link``s or `Bool`s (a boolean attribute); use
/// ``trustedMarkup(_:)`` only for markup this code base renders itself.
public struct HTMLNode: Sendable, Equatable {
    /// The newlines written around an element, so a page keeps a readable line structure.
    enum Layout: Sendable, Equatable {
        /// None: `<p>…</p>`.
        case inline
        /// After the end tag: `<p>…</p>⏎`.
        case line
        /// After the start tag and after the end tag: `<ul>⏎…</ul>⏎`.
        case block
    }

    struct Attribute: Sendable, Equatable {
        var name: String
        /// nil for a boolean attribute written without a value (`selected`).
        var value: String?
    }

    struct Element: Sendable, Equatable {
        var name: String
        var attributes: [Attribute]
        var children: [HTMLNode]
        var layout: Layout
        /// A foreign (SVG) element without content, written `<rect …/>`.
        var selfClosing = false
    }

    enum Kind: Sendable, Equatable {
        case element(Element)
        case text(String)
        case trusted(String)
        case documentType
        case group([HTMLNode])
    }

    let kind: Kind

    // MARK: Elements

    /// An element with no newline around it. The content of a void element (`br`, `input`, `meta`…)
    /// is not written: such an element has only a start tag.
    public static func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, any HTMLAttributeValue> = [:],
                               @HTMLBuilder _ content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        make(name, attributes, .inline, content())
    }

    /// An element followed by a newline.
    public static func line(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, any HTMLAttributeValue> = [:],
                            @HTMLBuilder _ content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        make(name, attributes, .line, content())
    }

    /// An element with a newline after its start tag and another after its end tag.
    public static func block(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, any HTMLAttributeValue> = [:],
                             @HTMLBuilder _ content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        make(name, attributes, .block, content())
    }

    /// An SVG element without content, written `<name attributes/>`.
    public static func selfClosing(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, any HTMLAttributeValue>) -> HTMLNode {
        var element = Element(name: name.description, attributes: attributeList(attributes), children: [], layout: .inline)
        element.selfClosing = true
        return HTMLNode(kind: .element(element))
    }

    private static func make(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, any HTMLAttributeValue>,
                             _ layout: Layout, _ children: [HTMLNode]) -> HTMLNode {
        HTMLNode(kind: .element(Element(name: name.description, attributes: attributeList(attributes), children: children, layout: layout)))
    }

    private static func attributeList(_ pairs: KeyValuePairs<StaticString, any HTMLAttributeValue>) -> [Attribute] {
        pairs.compactMap { attribute($0.key, $0.value) }
    }

    private static func attribute(_ name: StaticString, _ value: any HTMLAttributeValue) -> Attribute? {
        switch value.htmlAttribute {
        case .value(let text): Attribute(name: name.description, value: text)
        case .present: Attribute(name: name.description, value: nil)
        case .absent: nil
        }
    }

    /// This element with the attribute `name` added last, or unchanged when `value` is nil (or
    /// `false`) or this is not an element. For an attribute that only some elements of a list carry,
    /// such as `aria-current`.
    public func attribute(_ name: StaticString, _ value: (any HTMLAttributeValue)?) -> HTMLNode {
        guard let value, let attribute = Self.attribute(name, value), case .element(var element) = kind else { return self }
        element.attributes.append(attribute)
        return HTMLNode(kind: .element(element))
    }

    // MARK: Other nodes

    /// Text, escaped when rendered.
    public static func text(_ text: String) -> HTMLNode { HTMLNode(kind: .text(text)) }

    /// Nothing.
    public static let empty = HTMLNode(kind: .group([]))

    /// Several nodes, rendered one after the other.
    public static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(kind: .group(nodes)) }

    /// Several nodes, rendered one after the other.
    public static func group(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { group(content()) }

    /// `<!DOCTYPE html>` and a newline.
    public static let documentType = HTMLNode(kind: .documentType)

    /// Markup written as it is, not escaped. Only for markup that this code base's own renderers
    /// produce with every text escaped (the report's inline SVG charts and maps) or for the content of
    /// a `<style>` element (a stylesheet written in code): never for text that comes from data.
    public static func trustedMarkup(_ markup: String) -> HTMLNode { HTMLNode(kind: .trusted(markup)) }
}

extension HTMLNode: ExpressibleByStringInterpolation {
    /// A literal (interpolations included) is text: it is escaped like ``text(_:)``.
    public init(stringLiteral value: String) { self = .text(value) }
}
