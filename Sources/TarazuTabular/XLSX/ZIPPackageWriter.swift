import Foundation
import ZIPFoundation

/// Packs parts into an in-memory ZIP archive (deflate, fixed timestamps so output is reproducible).
enum ZIPPackageWriter {
    static func zip(_ parts: [(path: String, data: Data)]) throws(TabularError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let timestamp = Date(timeIntervalSince1970: 315_619_200)  // 1980-01-02, valid in every time zone
            for part in parts {
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.data.count),
                                     modificationDate: timestamp, compressionMethod: .deflate) { position, size in
                    part.data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw TabularError(source: "XLSX writer", reason: "the ZIP archive could not be produced")
            }
            return data
        } catch let error as TabularError {
            throw error
        } catch {
            throw TabularError(source: "XLSX writer", reason: "the ZIP archive could not be produced: \(error)")
        }
    }
}
