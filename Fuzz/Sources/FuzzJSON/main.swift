import Foundation
import LibFuzzerDriver
import TarazuTabular

/// JSON: bytes to tables through Tarazu's own scanner (JSONTableReader).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    _ = try? JSONTableReader.read(Data(bytes: data, count: size), source: "fuzz.json")
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
