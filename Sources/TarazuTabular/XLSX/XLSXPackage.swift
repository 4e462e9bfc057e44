import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML workbook, read through an unlinked temporary file.
struct XLSXPackage {
    private let archive: Archive
    private let bytes: Data
    let source: String

    init(data: Data, source: String) throws(TabularError) {
        self.source = source
        self.bytes = data
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
            if entry.type == .file, entry.isCompressed {
                // Not `archive.extract`: on Linux ZIPFoundation inflates until the deflate stream ends,
                // reading past the entry and, at the end of the file, forever (found by Fuzz/FuzzXLSX).
                // Here the entry's own bytes are inflated, and a stream that needs more is an error.
                guard let compressed = compressedBytes(of: entry, path: path) else { throw damaged }
                var offset = compressed.startIndex
                let checksum = try Data.decompress(size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: false,
                                                   provider: { _, count in
                    guard offset < compressed.endIndex else { throw damaged }
                    let end = offset + min(count, compressed.endIndex - offset)
                    defer { offset = end }
                    // Always `count` bytes: ZIPFoundation hands zlib the whole buffer size as input.
                    return Data(compressed[offset..<end]) + Data(count: count - (end - offset))
                }, consumer: { data.append($0) })
                guard checksum == entry.checksum else { throw damaged }
            } else {
                _ = try archive.extract(entry, bufferSize: 1 << 16) { data.append($0) }
            }
        } catch {
            throw damaged
        }
        return data
    }

    /// The compressed bytes of `entry`: after its local header (found by its signature and name),
    /// as many as the central directory says; nil when they are not all in the file.
    private func compressedBytes(of entry: Entry, path: String) -> Data? {
        let name = Array(path.utf8)
        return bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data? in
            let buffer = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index + 30 <= buffer.count {
                defer { index += 1 }
                guard buffer[index] == 0x50, buffer[index + 1] == 0x4B, buffer[index + 2] == 0x03,
                      buffer[index + 3] == 0x04 else { continue }
                let nameLength = Int(buffer[index + 26]) | Int(buffer[index + 27]) << 8
                let extraLength = Int(buffer[index + 28]) | Int(buffer[index + 29]) << 8
                let start = index + 30 + nameLength + extraLength
                guard nameLength == name.count, start <= buffer.count,
                      buffer[(index + 30)..<(index + 30 + nameLength)].elementsEqual(name) else { continue }
                guard entry.compressedSize <= UInt64(buffer.count - start) else { return nil }
                let end = start + Int(entry.compressedSize)
                return bytes[(bytes.startIndex + start)..<(bytes.startIndex + end)]
            }
            return nil
        }
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
