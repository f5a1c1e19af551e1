// swift-tools-version:6.0
import PackageDescription

// Layers point one way: ReportNumbers ← ReportDocument ← ReportOutput ← reportlint (CLI).
// Rule files (ReportRules) and checks (ReportChecks) slot in between ReportDocument and ReportOutput.
let package = Package(
    name: "reportlint",
    products: [
        .executable(name: "reportlint", targets: ["reportlint"]),
        .library(name: "ReportNumbers", targets: ["ReportNumbers"]),
        .library(name: "ReportDocument", targets: ["ReportDocument"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "ReportNumbers"),
        .target(name: "ReportDocument", dependencies: ["ReportNumbers"]),
        .target(name: "ReportOutput", dependencies: ["ReportDocument"]),
        .executableTarget(
            name: "reportlint",
            dependencies: [
                "ReportDocument", "ReportOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "reportlint-bench",
            dependencies: ["ReportNumbers", "ReportDocument", "ReportOutput"]
        ),
        .testTarget(name: "ReportNumbersTests", dependencies: ["ReportNumbers"]),
        .testTarget(name: "ReportDocumentTests", dependencies: ["ReportDocument"]),
        .testTarget(
            name: "ReportlintCLITests",
            dependencies: [
                "reportlint", "ReportDocument", "ReportOutput",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
