import Foundation
import LibFuzzerDriver
import TarazuParticipation

/// SMS ballots: the message text (decoded as UTF-8, as the SMS gateway hands it over) to choices,
/// and the ranking form of the choices.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let choices = try? SMSBallotParser.parse(text) {
        _ = choices.asRanking()
    }
    _ = try? ChoiceText.parseList(text)
    return 0
}

// SwiftPM's executable products start at <Target>_main, not at libFuzzer's main: run its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
