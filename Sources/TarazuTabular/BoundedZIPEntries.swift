import Foundation
import ZIPFoundation

/// Inflates the entries of a ZIP archive from their own compressed bytes only. On Linux, ZIPFoundation's
/// `extract` inflates until the deflate stream ends, reading past the entry and, at the end of the
/// file, forever (found by Fuzz/FuzzXLSX): a damaged or hostile zip would hang its reader. Here a stream
/// that needs more than its entry holds is an error, and the checksum is checked.
public struct BoundedZIPEntries {
    public struct Damaged: Error, Sendable {
        public var path: String
    }

    private struct LocalHeader {
        var start: Int
        var checksum: UInt32
        var compressedSize: UInt64
    }

    private let bytes: Data
    /// The first local header of each name that is UTF-8: where its compressed bytes start.
    private let byName: [String: LocalHeader]
    /// Every local header, for names in another encoding (found by checksum and size).
    private let all: [LocalHeader]

    /// `bytes` are the whole archive (mapped from its file when large).
    public init(bytes: Data) {
        self.bytes = bytes
        (byName, all) = Self.localHeaders(in: bytes)
    }

    /// Sends the inflated bytes of `entry` (of `archive`, read from these bytes) to `consumer`, in chunks.
    public func extract(_ entry: Entry, from archive: Archive, consumer: (Data) throws -> Void) throws {
        guard entry.type == .file, entry.isCompressed else {
            _ = try archive.extract(entry, bufferSize: 1 << 16, consumer: consumer)
            return
        }
        let damaged = Damaged(path: entry.path)
        // A name that is not UTF-8 (old Windows zips) is found by its checksum and size instead.
        guard let start = byName[entry.path]?.start ?? onlyTwin(of: entry),
              entry.compressedSize <= UInt64(bytes.count - start) else { throw damaged }
        let compressed = bytes[(bytes.startIndex + start)..<(bytes.startIndex + start + Int(entry.compressedSize))]
        var offset = compressed.startIndex
        let checksum = try Data.decompress(size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: false,
                                           provider: { _, count in
            guard offset < compressed.endIndex else { throw damaged }
            let end = offset + min(count, compressed.endIndex - offset)
            defer { offset = end }
            // Always `count` bytes: ZIPFoundation hands zlib the whole buffer size as input.
            return Data(compressed[offset..<end]) + Data(count: count - (end - offset))
        }, consumer: consumer)
        guard checksum == entry.checksum else { throw damaged }
    }

    /// The start of the one local header with `entry`'s checksum and size, when exactly one has them.
    private func onlyTwin(of entry: Entry) -> Int? {
        let twins = all.lazy.filter { $0.checksum == entry.checksum && $0.compressedSize == entry.compressedSize }.prefix(2)
        return twins.count == 1 ? twins.first?.start : nil
    }

    /// One pass over the archive: each local file header's name, checksum, size and where its data starts.
    private static func localHeaders(in bytes: Data) -> ([String: LocalHeader], [LocalHeader]) {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ([String: LocalHeader], [LocalHeader]) in
            let buffer = raw.bindMemory(to: UInt8.self)
            func word(_ at: Int, _ count: Int) -> UInt64 {
                (0..<count).reduce(UInt64(0)) { $0 | UInt64(buffer[at + $1]) << (8 * UInt64($1)) }
            }
            var byName: [String: LocalHeader] = [:]
            var all: [LocalHeader] = []
            var index = 0
            while index + 30 <= buffer.count {
                defer { index += 1 }
                guard buffer[index] == 0x50, buffer[index + 1] == 0x4B, buffer[index + 2] == 0x03,
                      buffer[index + 3] == 0x04 else { continue }
                let nameLength = Int(word(index + 26, 2))
                let extraLength = Int(word(index + 28, 2))
                let start = index + 30 + nameLength + extraLength
                guard start <= buffer.count else { continue }
                let header = LocalHeader(start: start, checksum: UInt32(word(index + 14, 4)), compressedSize: word(index + 18, 4))
                all.append(header)
                if let name = String(bytes: buffer[(index + 30)..<(index + 30 + nameLength)], encoding: .utf8), byName[name] == nil {
                    byName[name] = header
                }
            }
            return (byName, all)
        }
    }
}
