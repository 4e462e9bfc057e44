/// The rubric's texts (findings, recommendations) name figures as `{name}`; whoever shows a text fills
/// them in its own formats (the report, the dashboard).
public enum RubricTemplate {
    /// `template` with every `{name}` replaced by `replacement(name)`. A `{` without its `}` is dropped
    /// and the rest kept as it is.
    public static func fill(_ template: String, _ replacement: (String) -> String) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                result += rest[rest.index(after: open)...]
                return result
            }
            result += replacement(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
