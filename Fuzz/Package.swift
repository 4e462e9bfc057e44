// swift-tools-version: 6.0
// libFuzzer targets for Tarazu's parsers: a package of its own so that the main package's
// `swift build` / `swift test` never see targets that only link with -sanitize=fuzzer.
// Sources/Tarazu* are symbolic links to the main package's pure modules (no Vapor, Fluent or NIO),
// compiled here with the fuzzer's coverage instrumentation. Build and run with scripts/fuzz.
import PackageDescription

let package = Package(
    name: "TarazuFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The main package's modules, through the links in Sources/.
        .target(name: "TarazuCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TarazuTabular", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                // FuzzXLSX packs XML parts with the internal ZIPPackageWriter.
                swiftSettings: [.unsafeFlags(["-enable-testing"])]),
        .target(name: "TarazuParticipation", dependencies: ["TarazuCore"]),
        .target(name: "TarazuAnalysis", dependencies: ["TarazuCore", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources")]),
        // libFuzzer's LLVMFuzzerRunDriver, declared for Swift.
        .target(name: "LibFuzzerDriver"),
        // One fuzzer per parser: a main.swift that hands one parser call to libFuzzer's driver.
        .executableTarget(name: "FuzzCSV", dependencies: ["LibFuzzerDriver", "TarazuTabular"]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["LibFuzzerDriver", "TarazuTabular"]),
        .executableTarget(name: "FuzzJSON", dependencies: ["LibFuzzerDriver", "TarazuTabular"]),
        .executableTarget(name: "FuzzPabulib", dependencies: ["LibFuzzerDriver", "TarazuParticipation"]),
        .executableTarget(name: "FuzzSMSBallot", dependencies: ["LibFuzzerDriver", "TarazuParticipation"]),
        .executableTarget(name: "FuzzGovernanceYAML", dependencies: ["LibFuzzerDriver", "TarazuAnalysis"]),
    ],
    swiftLanguageModes: [.v6]
)
