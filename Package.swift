// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tarazu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tarazu", targets: ["tarazu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.100.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.28.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // Pure layers: no Vapor, Fluent or NIO.
        .target(name: "TarazuHTML"),
        .target(name: "TarazuCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "TarazuTabular", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "TarazuImport", dependencies: ["TarazuCore", "TarazuTabular", "TarazuAnalysis",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "TarazuSample", dependencies: ["TarazuCore", "TarazuImport"]),
        .target(name: "TarazuParticipation", dependencies: ["TarazuCore"]),
        .target(name: "TarazuAnalysis", dependencies: [
            "TarazuCore",
            .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("Resources")]),
        .target(name: "TarazuReport", dependencies: ["TarazuCore", "TarazuHTML", "TarazuAnalysis", "TarazuForecast", "TarazuRisk"]),
        .target(name: "TarazuForecast", dependencies: ["TarazuCore"]),
        .target(name: "TarazuRisk", dependencies: ["TarazuCore"]),
        // Application layer: the use cases and figures every surface renders (pure: no Vapor, Fluent or NIO).
        .target(name: "TarazuApplication", dependencies: ["TarazuCore", "TarazuHTML", "TarazuAnalysis", "TarazuReport", "TarazuForecast", "TarazuRisk"],
                resources: [.copy("Resources/published-peer-budgets.json")]),
        // Persistence.
        .target(name: "TarazuStore", dependencies: [
            "TarazuCore", "TarazuParticipation",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Web application.
        .target(name: "TarazuWeb", dependencies: [
            "TarazuCore", "TarazuTabular", "TarazuImport", "TarazuAnalysis", "TarazuApplication", "TarazuReport", "TarazuStore", "TarazuForecast",
            "TarazuRisk", "TarazuParticipation", "TarazuHTML",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Resources/openapi.json")]),
        // Command line.
        .target(name: "TarazuCLI", dependencies: [
            "TarazuCore", "TarazuTabular", "TarazuImport", "TarazuSample", "TarazuParticipation", "TarazuStore", "TarazuAnalysis",
            "TarazuApplication", "TarazuReport", "TarazuForecast", "TarazuRisk", "TarazuWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tarazu", dependencies: ["TarazuCLI"]),

        .testTarget(name: "TarazuHTMLTests", dependencies: ["TarazuHTML"]),
        .testTarget(name: "TarazuCoreTests", dependencies: ["TarazuCore"]),
        .testTarget(name: "TarazuTabularTests", dependencies: ["TarazuTabular"]),
        .testTarget(name: "TarazuImportTests", dependencies: ["TarazuImport", "TarazuTabular"]),
        .testTarget(name: "TarazuSampleTests", dependencies: ["TarazuSample", "TarazuImport", "TarazuTabular"]),
        .testTarget(name: "TarazuAnalysisTests", dependencies: ["TarazuAnalysis", "TarazuCore", "TarazuSample"]),
        .testTarget(name: "TarazuReportTests", dependencies: ["TarazuReport", "TarazuAnalysis", "TarazuCore", "TarazuForecast", "TarazuRisk",
                                                            .product(name: "SnapshotTesting", package: "swift-snapshot-testing")], exclude: ["Golden"]),
        .testTarget(name: "TarazuForecastTests", dependencies: ["TarazuForecast", "TarazuCore"], exclude: ["Fixtures"]),
        .testTarget(name: "TarazuApplicationTests", dependencies: ["TarazuApplication", "TarazuAnalysis", "TarazuCore", "TarazuImport", "TarazuSample", "TarazuReport"]),
        .testTarget(name: "TarazuRiskTests", dependencies: ["TarazuRisk", "TarazuCore"]),
        .testTarget(name: "TarazuParticipationTests", dependencies: ["TarazuParticipation", "TarazuCore"], exclude: ["Fixtures"]),
        .testTarget(name: "TarazuStoreTests", dependencies: ["TarazuStore", "TarazuCore", "TarazuParticipation"]),
        .testTarget(name: "TarazuWebTests", dependencies: [
            "TarazuWeb", "TarazuApplication", "TarazuStore", "TarazuSample", "TarazuImport", "TarazuCore", "TarazuReport", "TarazuParticipation", "TarazuHTML",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["Snapshots"]),
        .testTarget(name: "TarazuCLITests", dependencies: ["TarazuCLI", "TarazuApplication", "TarazuReport", "TarazuSample", "TarazuCore", "TarazuForecast",
                                                         "TarazuRisk", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
