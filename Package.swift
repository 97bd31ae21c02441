// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capdash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capdash", targets: ["capdash"]),
        .library(name: "CapDashModel", targets: ["CapDashModel"]),
        .library(name: "CapDashReport", targets: ["CapDashReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure model: scenario types, loading with diagnostics, evaluation, overrides.
        .target(
            name: "CapDashModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/example.yaml")]
        ),
        // Text, markdown, JSON and CSV renderers of an evaluation.
        .target(name: "CapDashReport", dependencies: ["CapDashModel"]),
        .executableTarget(
            name: "capdash",
            dependencies: [
                "CapDashModel", "CapDashReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CapDashModelTests", dependencies: ["CapDashModel"]),
        .testTarget(name: "CapDashReportTests", dependencies: ["CapDashReport", "CapDashModel"]),
        // Runs the built binary: exit codes, stderr wording, files written.
        .testTarget(name: "CapDashCLITests", dependencies: ["capdash", "CapDashModel"]),
    ]
)
