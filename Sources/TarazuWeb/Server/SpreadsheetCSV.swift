import Foundation
import Vapor

/// A CSV download meant for people's spreadsheets: UTF-8 with a byte-order mark, so Excel reads the
/// Persian text as UTF-8 instead of the system's code page. (The data package's zip keeps its files
/// without the mark, as machines read them.)
enum SpreadsheetCSV {
    static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    static func response(_ body: Data, fileName: String) -> Response {
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.body = .init(data: body.starts(with: byteOrderMark) ? body : byteOrderMark + body)
        return response
    }
}
