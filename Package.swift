// swift-tools-version:6.0
import PackageDescription

// Layers point one way:
// ReportNumbers ← ReportDocument ← ReportStatements ← ReportChecks ← ReportOutput ← reportlint (CLI),
// and ReportDocument ← ReportRules ← ReportChecks; ReportDocument ← ReportWord (.docx) ← reportlint.
let package = Package(
    name: "reportlint",
    products: [
        .executable(name: "reportlint", targets: ["reportlint"]),
        .library(name: "ReportNumbers", targets: ["ReportNumbers"]),
        .library(name: "ReportDocument", targets: ["ReportDocument"]),
        .library(name: "ReportStatements", targets: ["ReportStatements"]),
        .library(name: "ReportWord", targets: ["ReportWord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .target(name: "ReportNumbers"),
        .target(name: "ReportDocument", dependencies: ["ReportNumbers"]),
        .target(
            name: "ReportRules",
            dependencies: ["ReportDocument", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ReportStatements", dependencies: ["ReportDocument"]),
        .target(name: "ReportWord", dependencies: ["ReportDocument", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ReportChecks", dependencies: ["ReportRules", "ReportStatements"]),
        .target(name: "ReportOutput", dependencies: ["ReportChecks", "ReportStatements"]),
        .executableTarget(
            name: "reportlint",
            dependencies: [
                "ReportDocument", "ReportWord", "ReportRules", "ReportChecks", "ReportOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "reportlint-bench",
            dependencies: ["ReportNumbers", "ReportDocument", "ReportWord", "ReportStatements", "ReportRules", "ReportChecks", "ReportOutput"]
        ),
        // Fuzz targets: built with libFuzzer by .ci/fuzz; a plain build replays inputs.
        .executableTarget(
            name: "reportlint-fuzz",
            dependencies: ["ReportNumbers", "ReportDocument", "ReportWord", "ReportRules", "ReportChecks", "ReportOutput"]
        ),
        .testTarget(name: "ReportNumbersTests", dependencies: ["ReportNumbers"]),
        .testTarget(name: "ReportDocumentTests", dependencies: ["ReportDocument"]),
        .testTarget(name: "ReportStatementsTests", dependencies: ["ReportStatements"]),
        .testTarget(name: "ReportWordTests", dependencies: ["ReportWord", "ReportDocument", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReportRulesTests", dependencies: ["ReportRules", "ReportChecks"], exclude: ["Malformed", "Fixtures"]),
        .testTarget(
            name: "ReportlintCLITests",
            dependencies: [
                "reportlint", "ReportDocument", "ReportWord", "ReportChecks", "ReportOutput",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
