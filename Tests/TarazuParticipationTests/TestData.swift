import Foundation
import Testing
@testable import TarazuParticipation

/// Where the tests find the shared pabulib elections and the committed pabutools fixtures.
enum TestData {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `<repo>/../shared/data/pabulib`: the CI clone has shared/ beside the repository.
    static let pabulibFolder = testsFolder
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/pabulib")

    static let fixturesFolder = testsFolder.appendingPathComponent("Fixtures/pabutools")

    /// Every .pb file name in the shared folder (empty when the folder is missing; the test
    /// `dataFolderIsPresent` fails loudly then).
    static var electionNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pabulibFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }.sorted()
    }

    static func election(_ name: String) throws -> PBElection {
        try PabulibParser.parse(contentsOf: pabulibFolder.appendingPathComponent(name))
    }

    static func tally(_ election: PBElection, _ rule: PBRule, utility: PBUtility? = nil,
                      exhaustiveStop: Bool = false, log: Bool = false) throws -> PBTallyResult {
        try PBTally.run(election, options: PBTallyOptions(rule: rule, utility: utility,
                                                          exhaustiveStop: exhaustiveStop, log: log))
    }

    /// Parses pabulib text given inline.
    static func parse(_ text: String, file: String = "inline.pb") throws(PabulibError) -> PBElection {
        try PabulibParser.parse(bytes: Array(text.utf8), file: file)
    }
}

@Test func dataFolderIsPresent() throws {
    let names = TestData.electionNames
    #expect(!names.isEmpty, "no pabulib files at \(TestData.pabulibFolder.path): shared/ must sit beside the repository")
    #expect(names.contains("toy.pb"))
    #expect(names.contains("poland_wieliczka_2023.pb"))
}
