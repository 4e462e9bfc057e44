import Foundation
import LibFuzzerDriver
import TarazuTabular

/// CSV: bytes (any encoding the reader accepts: UTF-8, UTF-16 with BOM, Windows-1256) to a table.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    _ = try? CSVReader.read(Data(bytes: data, count: size), source: "fuzz.csv", name: "fuzz")
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
