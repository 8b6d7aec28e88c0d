import Foundation
import PackagePlugin

/// Embeds `scenarios/southwark-2017.yaml` in `sourcing-sim` as `DefaultScenario` at build time,
/// so the file in `scenarios/` is the only copy: editing it changes the next build's default.
@main
struct EmbedDefaultScenario: BuildToolPlugin {
    /// The default scenario, relative to the package root; also the name the tool reports for it.
    static let scenario = "scenarios/southwark-2017.yaml"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: Self.scenario)
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultScenario.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(Self.scenario)",
                executable: try context.tool(named: "EmbedScenario").url,
                arguments: [input.path, Self.scenario, output.path],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
