// swift-tools-version: 6.1
import PackageDescription

/// SourcingSim: a Monte Carlo simulator for public-sector IT sourcing decisions.
///
/// The targets follow the flow of data (see docs/architecture.md):
/// ScenarioSyntax → ScenarioModel → Simulation (on Sampling/CGSL) → Analysis → Reports → CLI;
/// JSONOutput, the one JSON writer, sits under ScenarioSyntax (`parse`) and Reports (run.json).
/// Workbook, the OOXML spreadsheet writer (business-case.xlsx, zipped with ZIPFoundation), sits
/// under Reports.
/// The catalogue of distribution families (Distributions) underlies both ScenarioModel and
/// Sampling. Each target declares exactly the modules it imports.
let package = Package(
    name: "SourcingSim",
    products: [
        .executable(name: "sourcing-sim", targets: ["sourcing-sim"]),
        .executable(name: "fuzz-scenario", targets: ["FuzzScenario"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20")
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "JSONOutput"),
        // The OOXML spreadsheet writer (business-case.xlsx), zipped with ZIPFoundation.
        .target(name: "Workbook", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ScenarioSyntax", dependencies: ["JSONOutput"]),
        .target(name: "Distributions"),
        .target(name: "ScenarioModel", dependencies: ["JSONOutput", "ScenarioSyntax", "Distributions"]),
        .target(name: "Sampling", dependencies: ["CGSL", "Distributions"]),
        .target(name: "Simulation", dependencies: ["ScenarioSyntax", "ScenarioModel", "Sampling"]),
        .target(name: "Statistics", dependencies: ["Sampling"]),
        .target(
            name: "Analysis",
            dependencies: ["ScenarioSyntax", "ScenarioModel", "Sampling", "Simulation", "Statistics"]),
        .target(
            name: "Reports",
            dependencies: [
                "JSONOutput", "ScenarioSyntax", "ScenarioModel", "Simulation", "Statistics", "Analysis", "Workbook"
            ]),
        .executableTarget(
            name: "sourcing-sim",
            dependencies: [
                "ScenarioSyntax", "ScenarioModel", "Sampling", "Simulation", "Analysis", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            plugins: ["EmbedDefaultScenario"]
        ),
        // Embeds scenarios/southwark-2017.yaml in sourcing-sim as `DefaultScenario` at build time.
        .executableTarget(name: "EmbedScenario"),
        .plugin(name: "EmbedDefaultScenario", capability: .buildTool(), dependencies: ["EmbedScenario"]),
        .executableTarget(name: "FuzzScenario", dependencies: ["ScenarioSyntax", "ScenarioModel", "Simulation"]),

        // Helpers shared by the test targets (marked test inputs, diagnostic expectations,
        // sample statistics, a small generator); used by test targets only.
        .target(
            name: "TestSupport",
            dependencies: [
                "ScenarioSyntax", "ScenarioModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "JSONOutputTests", dependencies: ["JSONOutput"]),
        .testTarget(
            name: "ScenarioSyntaxTests", dependencies: ["JSONOutput", "ScenarioSyntax", "TestSupport"],
            exclude: ["FuzzRegressions"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions"]),
        .testTarget(
            name: "ScenarioModelTests",
            dependencies: [
                "JSONOutput", "ScenarioSyntax", "Distributions", "ScenarioModel", "Simulation", "TestSupport"
            ]),
        .testTarget(name: "SamplingTests", dependencies: ["CGSL", "Sampling", "TestSupport"]),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["ScenarioSyntax", "ScenarioModel", "Sampling", "Simulation", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"]),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["ScenarioModel", "Sampling", "Simulation", "Statistics", "Analysis", "Reports"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"]),
        .testTarget(
            name: "HTMLReportTests",
            dependencies: ["ScenarioModel", "Simulation", "Statistics", "Analysis", "Reports"]),
        .testTarget(
            name: "WorkbookTests",
            dependencies: ["Workbook", "Reports", "TestSupport"]),
        // Runs the built tool, so it depends on the executable, not on its modules (TestSupport
        // only reads back what the tool wrote).
        .testTarget(name: "CLITests", dependencies: ["sourcing-sim", "TestSupport"])
    ]
)
