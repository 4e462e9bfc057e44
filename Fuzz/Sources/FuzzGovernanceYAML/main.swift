import Foundation
import LibFuzzerDriver
import TarazuAnalysis

/// Governance YAML: a book's governance.yaml text (decoded as UTF-8) to declared facts.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? GovernanceFacts(yaml: text)
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
