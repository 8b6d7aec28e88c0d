import ArgumentParser
import ScenarioSyntax

/// `sourcing-sim parse FILE`: the data the reader produced, as JSON (YAML 1.2 core schema).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the data the scenario reader produced from FILE as JSON.",
        discussion: "Plain scalars are typed by the YAML 1.2 core schema; quoted scalars are strings."
    )

    @OptionGroup var scenarioFile: ScenarioFileArgument

    func run() async throws {
        let source = try scenarioFile.load()
        let (root, diagnostics) = ScenarioReader.read(source.text, file: source.name)
        if !diagnostics.isEmpty { Terminal.diagnostics(diagnostics, sources: [source.name: source.text]) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw Exit.invalidScenario }
        print(NodeJSON.render(root))
    }
}
