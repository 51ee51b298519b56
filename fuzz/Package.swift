// swift-tools-version: 6.1
// libFuzzer targets for Yusuan's readers. Built by fuzz/run with
// `swift build -Xswiftc -sanitize=fuzzer,address` so that the library code is instrumented too;
// Sources/Yusuan* are links to the main package's targets (a path dependency could not reach
// YusuanSource, which the main package does not export as a product).
import PackageDescription

let fuzz: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "YusuanFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "YusuanCore", exclude: ["README.md"],
                resources: [.copy("Resources/catalogs"), .copy("Resources/profiles")]),
        .target(name: "YusuanIngest", dependencies: ["YusuanCore", "ZIPFoundation"], exclude: ["README.md"]),
        .target(name: "YusuanRender", dependencies: ["YusuanCore"], exclude: ["README.md"]),
        .target(name: "YusuanXLSX", dependencies: ["YusuanCore", "YusuanRender", "ZIPFoundation"], exclude: ["README.md"]),
        .target(name: "YusuanSource", dependencies: ["YusuanCore", "YusuanIngest", "YusuanRender", "YusuanXLSX", "Yams"],
                exclude: ["README.md"]),
        .executableTarget(name: "FuzzText", dependencies: ["YusuanIngest"], swiftSettings: fuzz),
        .executableTarget(name: "FuzzHTML", dependencies: ["YusuanIngest"], swiftSettings: fuzz),
        .executableTarget(name: "FuzzXLSX", dependencies: ["YusuanIngest"], swiftSettings: fuzz),
        .executableTarget(name: "FuzzSource", dependencies: ["YusuanSource", "YusuanIngest"], swiftSettings: fuzz),
        .executableTarget(name: "FuzzPDFWords", dependencies: ["YusuanIngest"], swiftSettings: fuzz),
    ]
)
