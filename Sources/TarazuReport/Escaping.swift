/// Escapes text for HTML and SVG element content and attribute values: & < > " '.
public func htmlEscape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// Escapes text for Markdown prose and table cells: HTML specials become entities, Markdown
/// punctuation gets a backslash, line breaks become spaces.
func markdownEscape(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\\", "*", "_", "`", "|", "[", "]", "#": result += "\\" + String(character)
        case "\n", "\r": result += " "
        default: result.append(character)
        }
    }
    return result
}
