import Foundation
import TarazuCore
import TarazuTabular
import ZIPFoundation

/// Safe unzipping of a zipped book folder: entries with absolute paths or `..`, links, too many entries
/// and more than ``maximumUncompressedBytes`` of content (counted while inflating, so a lying header does
/// not help a zip bomb) are refused before the book is read.
public enum BookArchive {
    /// The most bytes a zipped book may inflate to (default 1 GiB).
    public static let maximumUncompressedBytes: UInt64 = 1 << 30
    /// The most entries a zipped book may have.
    public static let maximumEntries = 10_000

    /// Unzips `zip` into a new temporary folder named after the zip, and returns the book folder in it
    /// (the single top-level folder when the zip holds one) and the temporary root to remove afterwards.
    public static func extract(_ zip: URL, limit: UInt64 = maximumUncompressedBytes) throws(InputRejected) -> (folder: URL, root: URL) {
        let file = zip.lastPathComponent
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("tarazu-zip-\(UUID().uuidString)")
        let base = zip.deletingPathExtension().lastPathComponent
        let target = root.appendingPathComponent(base.isEmpty || base.hasPrefix(".") ? "book" : base)
        do {
            try unzip(zip, into: target, file: file, limit: limit)
        } catch let rejected as InputRejected {
            try? manager.removeItem(at: root)
            throw rejected
        } catch {
            try? manager.removeItem(at: root)
            throw InputRejected([Diagnostic(.error, file: file, reason: "not a readable zip archive: \(error)")])
        }
        let visible = ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }
        if visible.count == 1 {
            var isDirectory: ObjCBool = false
            let only = target.appendingPathComponent(visible[0])
            if manager.fileExists(atPath: only.path, isDirectory: &isDirectory), isDirectory.boolValue { return (only, root) }
        }
        return (target, root)
    }

    private static func unzip(_ zip: URL, into target: URL, file: String, limit: UInt64) throws {
        let archive = try Archive(url: zip, accessMode: .read)
        let entries = BoundedZIPEntries(bytes: try Data(contentsOf: zip, options: .alwaysMapped))
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else {
                throw InputRejected([Diagnostic(.error, file: file, reason: "the zip has more than \(maximumEntries) entries")])
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            guard !path.hasPrefix("/"), !path.contains("\\"), !parts.contains(".."), !path.contains(":"), !parts.isEmpty else {
                throw InputRejected([Diagnostic(.error, file: file, reason: "unsafe entry '\(path)': absolute paths and '..' are not allowed in a zip")])
            }
            switch entry.type {
            case .symlink:
                throw InputRejected([Diagnostic(.error, file: file, reason: "unsafe entry '\(path)': links are not allowed in a zip")])
            case .directory:
                try manager.createDirectory(at: target.appendingPathComponent(path), withIntermediateDirectories: true)
            case .file:
                let destination = target.appendingPathComponent(path)
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: destination.path, contents: nil) else {
                    throw InputRejected([Diagnostic(.error, file: file, reason: "cannot write '\(path)' to a temporary folder")])
                }
                let handle = try FileHandle(forWritingTo: destination)
                defer { try? handle.close() }
                do {
                    try entries.extract(entry, from: archive) { chunk in
                        total += UInt64(chunk.count)
                        guard total <= limit else {
                            throw InputRejected([Diagnostic(.error, file: file, reason: "the zip inflates to more than \(limit) bytes")])
                        }
                        try handle.write(contentsOf: chunk)
                    }
                } catch is BoundedZIPEntries.Damaged {
                    throw InputRejected([Diagnostic(.error, file: file, reason: "the entry '\(path)' is damaged and cannot be unpacked")])
                }
            }
        }
    }
}

/// A book as a zipped data package (the bytes kept with each import in the store), and back.
public enum BookSnapshot {
    /// `book` written by ``BudgetBookWriter`` (amounts in rials) into a folder named after the book, zipped.
    public static func make(_ book: BudgetBook) throws -> Data {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("tarazu-snapshot-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let folder = root.appendingPathComponent(BookLoader.slug(book.metadata.name).isEmpty ? "book" : BookLoader.slug(book.metadata.name))
        try BudgetBookWriter.write(book, to: folder, unit: .rial)
        let zip = root.appendingPathComponent("snapshot.zip")
        try manager.zipItem(at: folder, to: zip, shouldKeepParent: true, compressionMethod: .deflate)
        return try Data(contentsOf: zip)
    }

    /// The book in snapshot `data`; throws ``InputRejected`` (with the reason) when it is not a readable book.
    public static func load(_ data: Data) throws(InputRejected) -> BudgetBook {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("tarazu-snapshot-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let zip = root.appendingPathComponent("snapshot.zip")
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try data.write(to: zip)
        } catch {
            throw InputRejected([Diagnostic(.error, file: "snapshot", reason: "cannot write the snapshot to a temporary file: \(error)")])
        }
        guard case .book(let outcome) = try BookLoader.load(zip) else {
            throw InputRejected([Diagnostic(.error, file: "snapshot", reason: "the snapshot is not a budget book")])
        }
        return outcome.book
    }
}
