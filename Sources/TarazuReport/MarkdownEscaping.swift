/// Escapes text for Markdown prose and table cells: HTML specials become entities, Markdown
/// punctuation gets a backslash, line breaks become spaces (scalar by scalar, like ``htmlEscape(_:)``).
func markdownEscape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\\", "*", "_", "`", "|", "[", "]", "#": result += "\\" + String(scalar)
        case "\n", "\r": result += " "
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
