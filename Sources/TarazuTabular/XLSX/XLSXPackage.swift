import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML workbook, read from memory.
struct XLSXPackage {
    private let archive: Archive
    let source: String

    init(data: Data, source: String) throws(TabularError) {
        self.source = source
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw TabularError(source: source, reason: "not an XLSX workbook: the file is not a readable ZIP archive")
        }
    }

    /// The bytes of the part at `path` (e.g. `xl/workbook.xml`), or nil when the package has no such part.
    func part(_ path: String) throws(TabularError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { data.append($0) }
        } catch {
            throw TabularError(source: source, reason: "the workbook part \(path) is damaged and cannot be unpacked")
        }
        return data
    }

    /// The bytes of a part that must exist.
    func requiredPart(_ path: String) throws(TabularError) -> Data {
        guard let data = try part(path) else {
            throw TabularError(source: source, reason: "not a valid XLSX workbook: the part \(path) is missing")
        }
        return data
    }

    /// The relationships of the part at `path` (read from `dir/_rels/name.rels`), targets resolved to package paths.
    func relationships(of path: String) throws(TabularError) -> [Relationship] {
        let (directory, name) = Self.split(path)
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard let data = try part(relsPath) else { return [] }
        let handler = RelationshipsHandler(baseDirectory: directory)
        try XMLScanner.scan(data, part: relsPath, source: source, handler: handler)
        return handler.relationships
    }

    /// Splits `a/b/c.xml` into `("a/b", "c.xml")`.
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}

/// One `<Relationship>` of a `.rels` part.
struct Relationship {
    var id: String
    /// The relationship type URI; only its last path segment matters (`worksheet`, `sharedStrings`, ...).
    var type: String
    /// The target as a package path without leading slash (`xl/worksheets/sheet1.xml`).
    var target: String

    /// The last segment of the type URI.
    var kind: Substring { type[(type.lastIndex(of: "/").map { type.index(after: $0) } ?? type.startIndex)...] }
}

/// Collects the internal relationships of a `.rels` part.
private final class RelationshipsHandler: XMLEventHandler {
    let baseDirectory: String
    var relationships: [Relationship] = []
    let failure: TabularError? = nil

    init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        guard name == "Relationship", attributes["TargetMode"] != "External",
              let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
        relationships.append(Relationship(id: id, type: type, target: resolve(target)))
    }

    func endElement(_ name: Substring) {}
    func characters(_ text: String) {}

    /// Resolves a target relative to the base directory, handling `/absolute` and `../` forms.
    private func resolve(_ target: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : baseDirectory.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
