// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Yusuan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yusuan", targets: ["yusuan"]),
        .library(name: "YusuanCore", targets: ["YusuanCore"]),
        .library(name: "YusuanAudit", targets: ["YusuanAudit"]),
        .library(name: "YusuanIngest", targets: ["YusuanIngest"]),
        .library(name: "YusuanRender", targets: ["YusuanRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The portal (yusuan serve) and its stores; only the leaf targets below use them.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "YusuanCore",
            exclude: ["README.md"],
            resources: [.copy("Resources/catalogs"), .copy("Resources/profiles")],
            swiftSettings: strict),
        .target(name: "YusuanAudit", dependencies: ["YusuanCore"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "YusuanIngest",
            dependencies: ["YusuanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .target(name: "YusuanRender", dependencies: ["YusuanCore"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "YusuanXLSX",
            dependencies: ["YusuanCore", "YusuanRender", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .target(name: "YusuanBuild", dependencies: ["YusuanCore"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "YusuanSource",
            dependencies: ["YusuanCore", "YusuanIngest", "YusuanRender", "YusuanXLSX", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .target(name: "YusuanStore", dependencies: ["YusuanCore"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "YusuanStoreSQLite",
            dependencies: ["YusuanStore", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's C API, for binding line items without an argument array per row.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .target(
            name: "YusuanStorePostgres",
            dependencies: ["YusuanStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .target(
            name: "YusuanServer",
            dependencies: [
                "YusuanCore", "YusuanAudit", "YusuanIngest", "YusuanRender", "YusuanXLSX", "YusuanBuild", "YusuanSource",
                "YusuanStore", "YusuanStoreSQLite", "YusuanStorePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            resources: [.copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/examples")],
            swiftSettings: strict),
        .target(
            name: "YusuanCLI",
            dependencies: [
                "YusuanCore", "YusuanAudit", "YusuanIngest", "YusuanRender", "YusuanXLSX", "YusuanBuild", "YusuanSource",
                "YusuanServer", "YusuanStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict),
        .executableTarget(name: "yusuan", dependencies: ["YusuanCLI"], swiftSettings: strict),
        // bench/run's helper: corpora, the read-and-decode floor, in-process timings (not a test).
        .executableTarget(
            name: "yusuan-bench",
            dependencies: ["YusuanCore", "YusuanAudit", "YusuanIngest", "YusuanRender", "YusuanBuild", "YusuanSource", "YusuanTestSupport"],
            path: "bench/Sources/YusuanBench",
            swiftSettings: strict),
        .target(name: "YusuanTestSupport", dependencies: ["YusuanCore"], exclude: ["README.md"], swiftSettings: strict),
        .testTarget(name: "YusuanCoreTests", dependencies: ["YusuanCore", "YusuanTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based")], swiftSettings: strict),
        .testTarget(name: "YusuanIngestTests", dependencies: ["YusuanIngest", "YusuanTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: strict),
        .testTarget(name: "YusuanAuditTests", dependencies: ["YusuanAudit", "YusuanIngest", "YusuanTestSupport"], swiftSettings: strict),
        .testTarget(name: "YusuanCLITests", dependencies: ["YusuanCLI", "YusuanTestSupport"], swiftSettings: strict),
        .testTarget(name: "YusuanBuildTests", dependencies: ["YusuanBuild", "YusuanAudit", "YusuanIngest", "YusuanRender", "YusuanSource", "YusuanXLSX", "YusuanTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based")], swiftSettings: strict),
        .testTarget(name: "YusuanRenderTests", dependencies: ["YusuanRender", "YusuanXLSX", "YusuanIngest", "YusuanTestSupport"], swiftSettings: strict),
        .testTarget(name: "YusuanStoreTests", dependencies: ["YusuanStore", "YusuanStoreSQLite", "YusuanStorePostgres", "YusuanTestSupport"], swiftSettings: strict),
        .testTarget(name: "YusuanServerTests", dependencies: ["YusuanServer", "YusuanStore", "YusuanStoreSQLite", "YusuanStorePostgres",
                                                              "YusuanTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird")], swiftSettings: strict),
        .testTarget(name: "YusuanSourceTests", dependencies: ["YusuanSource", "YusuanTestSupport"], swiftSettings: strict),
        // The bench helper's own input fast paths (its city CSV reader), held to plain references.
        .testTarget(name: "YusuanBenchTests", dependencies: ["yusuan-bench", "YusuanTestSupport"], swiftSettings: strict),
    ]
)
