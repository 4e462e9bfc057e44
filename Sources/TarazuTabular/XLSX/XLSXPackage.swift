import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML workbook, read through an unlinked temporary file.
struct XLSXPackage {
    private let archive: Archive
    private let entries: BoundedZIPEntries
    let source: String

    init(data: Data, source: String) throws(TabularError) {
        self.source = source
        self.entries = BoundedZIPEntries(bytes: data)
        // Not `Archive(data:)`: ZIPFoundation's in-memory reader traps when an offset in the file
        // points past its end (found by Fuzz/FuzzXLSX), where a file-backed archive reads short and throws.
        // (Written with stdio: `Data.write` syncs the file to disk, which costs more than the reading.)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-\(UUID().uuidString).xlsx")
        let written = fopen(url.path, "wb").map { file in
            (data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }, fclose(file))
        }
        defer { unlink(url.path) }  // the archive keeps its open file
        guard let written, written.0 == data.count, written.1 == 0 else {
            throw TabularError(source: source, reason: "cannot unpack the workbook: the temporary folder is not writable")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw TabularError(source: source, reason: "not an XLSX workbook: the file is not a readable ZIP archive")
        }
    }

    /// The bytes of the part at `path` (e.g. `xl/workbook.xml`), or nil when the package has no such part.
    func part(_ path: String) throws(TabularError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        let damaged = TabularError(source: source, reason: "the workbook part \(path) is damaged and cannot be unpacked")
        do {
            try entries.extract(entry, from: archive) { data.append($0) }
        } catch {
            throw damaged
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
