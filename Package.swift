// swift-tools-version: 6.1
import PackageDescription

/// SourcingSim: a Monte Carlo simulator for public-sector IT sourcing decisions.
///
/// The targets follow the flow of data (see docs/architecture.md):
/// ScenarioSyntax → ScenarioModel → Simulation (on Sampling/CGSL) → Analysis → Reports → CLI;
/// the catalogue of distribution families (Distributions) underlies both ScenarioModel and Sampling.
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
        .target(name: "Distributions"),
        .target(name: "ScenarioModel", dependencies: ["ScenarioSyntax", "Distributions"]),
        .target(name: "Sampling", dependencies: ["CGSL", "Distributions"]),
        .target(name: "Simulation", dependencies: ["ScenarioModel", "Sampling", "CGSL"]),
        .target(name: "Analysis", dependencies: ["Simulation", "Sampling"]),
        .target(name: "Reports", dependencies: ["Analysis", "Simulation", "ScenarioModel"]),
        .executableTarget(
            name: "sourcing-sim",
            dependencies: [
                "ScenarioSyntax", "ScenarioModel", "Simulation", "Analysis", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "FuzzScenario", dependencies: ["ScenarioSyntax", "ScenarioModel", "Simulation"]),
        .testTarget(name: "ScenarioSyntaxTests", dependencies: ["ScenarioSyntax"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions"]),
        .testTarget(name: "ScenarioModelTests", dependencies: ["ScenarioModel", "Simulation", "Distributions"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ScenarioModel"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Reports", "Simulation", "ScenarioModel"]),
        .testTarget(name: "CLITests", dependencies: ["sourcing-sim"]),
    ]
)
