// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capdash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capdash", targets: ["capdash"]),
        .library(name: "CapDashModel", targets: ["CapDashModel"]),
        .library(name: "CapDashReport", targets: ["CapDashReport"]),
        .library(name: "MILPSolver", targets: ["MILPSolver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure model: scenario types, loading with diagnostics, evaluation, overrides.
        .target(
            name: "CapDashModel",
            dependencies: ["MILPSolver", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/example.yaml")]
        ),
        // Text, markdown, JSON and CSV renderers of an evaluation.
        .target(name: "CapDashReport", dependencies: ["CapDashModel"]),
        // Pure Elm-style dashboard core: State, Action, update, view -> Screen. No terminal here.
        .target(
            name: "CapDashUI",
            dependencies: ["CapDashModel", "CapDashReport"],
            resources: [
                .embedInCode("Resources/dark.yaml"), .embedInCode("Resources/light.yaml"),
                .embedInCode("Resources/high-contrast.yaml"), .embedInCode("Resources/mono.yaml"),
            ]
        ),
        // The only code that touches ncurses.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CapDashTerminal", dependencies: ["CNcurses", "CapDashUI"]),
        // COIN-OR CBC (coinor-libcbc-dev) and the generic MILP layer over it; no capdash types here.
        .systemLibrary(name: "CCbc", path: "Sources/CCbc"),
        .target(name: "MILPSolver", dependencies: ["CCbc"]),
        // Rerunnable solve-time measurement on random portfolio-shaped programs (not a test).
        .executableTarget(name: "milp-bench", dependencies: ["MILPSolver"]),
        .executableTarget(
            name: "capdash",
            dependencies: [
                "CapDashModel", "CapDashReport", "CapDashUI", "CapDashTerminal", "MILPSolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CapDashModelTests", dependencies: ["CapDashModel", "CapDashReport", "MILPSolver"]),
        .testTarget(name: "MILPSolverTests", dependencies: ["MILPSolver", "milp-bench"]),
        .testTarget(name: "CapDashReportTests", dependencies: ["CapDashReport", "CapDashModel"]),
        .testTarget(
            name: "CapDashUITests", dependencies: ["CapDashUI", "CapDashModel", "CapDashReport"], exclude: ["Golden"]),
        // Runs the built binary: exit codes, stderr wording, files written.
        .testTarget(name: "CapDashCLITests", dependencies: ["capdash", "CapDashModel"]),
        // The real program in tmux: keys in, screens out.
        .testTarget(name: "CapDashE2ETests", dependencies: ["capdash", "CapDashModel", "CapDashReport"]),
    ]
)
