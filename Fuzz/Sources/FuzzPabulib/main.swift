import Foundation
import LibFuzzerDriver
import TarazuParticipation

/// pabulib: bytes (META, PROJECTS and VOTES sections) to an election.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    _ = try? PabulibParser.parse(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.pb")
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
