extension HTMLNode {
    /// How void elements (`br`, `input`, `meta`…) end.
    public enum VoidSyntax: Sendable {
        /// `<br>`.
        case html
        /// `<br />`, as XHTML writes them.
        case slashed
    }

    /// The elements that have no end tag and no content.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                             "source", "track", "wbr"]

    /// The node as HTML: text and attribute values escaped (& < > " '), void elements without an end tag.
    public func render(_ syntax: VoidSyntax = .html) -> String {
        var out = ""
        write(to: &out, syntax)
        return out
    }

    private func write(to out: inout String, _ syntax: VoidSyntax) {
        switch kind {
        case .text(let text): out += htmlEscape(text)
        case .trusted(let markup): out += markup
        case .documentType: out += "<!DOCTYPE html>\n"
        case .group(let nodes): for node in nodes { node.write(to: &out, syntax) }
        case .element(let element): Self.write(element, to: &out, syntax)
        }
    }

    private static func write(_ element: Element, to out: inout String, _ syntax: VoidSyntax) {
        out += "<" + element.name
        for attribute in element.attributes {
            out += " " + attribute.name
            if let value = attribute.value { out += "=\"" + htmlEscape(value) + "\"" }
        }
        if element.selfClosing {
            out += "/>"
        } else if voidElements.contains(element.name) {
            out += syntax == .slashed ? " />" : ">"
        } else {
            out += ">"
            if element.layout == .block { out += "\n" }
            for child in element.children { child.write(to: &out, syntax) }
            out += "</" + element.name + ">"
        }
        if element.layout != .inline { out += "\n" }
    }
}

/// Escapes text for HTML and SVG element content and attribute values: & < > " '. It works on
/// Unicode scalars, as the browser's tokenizer does: a quote followed by a combining mark or a
/// zero-width non-joiner is one `Character` in Swift but still ends an attribute value.
public func htmlEscape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
