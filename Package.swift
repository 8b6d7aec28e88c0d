// swift-tools-version: 6.1
import PackageDescription

/// SourcingSim: a Monte Carlo simulator for public-sector IT sourcing decisions.
///
/// The targets follow the flow of data (see docs/architecture.md):
/// ScenarioSyntax → ScenarioModel → Simulation (on Sampling/CGSL) → Analysis → Reports → CLI.
let package = Package(
    name: "SourcingSim",
    products: [
        .executable(name: "sourcing-sim", targets: ["sourcing-sim"]),
        .executable(name: "fuzz-scenario", targets: ["FuzzScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "ScenarioSyntax"),
        .target(name: "ScenarioModel", dependencies: ["ScenarioSyntax"]),
        .target(name: "Sampling", dependencies: ["CGSL"]),
        .target(name: "Simulation", dependencies: ["ScenarioModel", "Sampling", "CGSL"]),
        .target(name: "Statistics", dependencies: ["Sampling"]),
        .target(name: "Analysis", dependencies: ["Simulation", "Sampling", "Statistics"]),
        .target(name: "Reports", dependencies: ["Analysis", "Statistics", "Simulation", "ScenarioModel"]),
        .executableTarget(
            name: "sourcing-sim",
            dependencies: [
                "ScenarioSyntax", "ScenarioModel", "Simulation", "Analysis", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "FuzzScenario", dependencies: ["ScenarioSyntax", "ScenarioModel", "Simulation"]),
        .testTarget(name: "ScenarioSyntaxTests", dependencies: ["ScenarioSyntax"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "ScenarioModelTests", dependencies: ["ScenarioModel", "Simulation"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ScenarioModel"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Reports", "Simulation", "ScenarioModel", "Statistics"]),
        .testTarget(name: "CLITests", dependencies: ["sourcing-sim"]),
    ]
)
