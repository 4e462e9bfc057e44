import Foundation
import LibFuzzerDriver
@testable import TarazuTabular

/// XLSX, two ways (most random bytes would never get past the ZIP checksums):
/// - an input that starts with "PK" is read as it is, an .xlsx file (the ZIP container);
/// - any other input is the XML parts of a workbook separated by NUL bytes, in the order of
///   `parts` below, packed into a valid ZIP first, so that mutations reach the XML readers
///   (relationships, workbook, shared strings, styles, worksheets).
let parts = [
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
    "xl/styles.xml", "xl/worksheets/sheet2.xml", "_rels/.rels",
]

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes else { return 0 }
    let input = UnsafeBufferPointer(start: bytes, count: size)
    if input.starts(with: [0x50, 0x4B]) {
        _ = try? XLSXReader.read(Data(input), source: "fuzz.xlsx")
        return 0
    }
    let pieces = input.split(separator: 0, maxSplits: parts.count - 1, omittingEmptySubsequences: false)
    let packed = zip(parts, pieces).map { (path: $0, data: Data($1)) }
    guard let package = try? ZIPPackageWriter.zip(packed) else { return 0 }
    _ = try? XLSXReader.read(package, source: "fuzz.xlsx")
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
