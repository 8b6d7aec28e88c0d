import ArgumentParser
import ScenarioModel

/// The scenario file argument, the same in every subcommand.
struct ScenarioFileArgument: ParsableArguments {
    @Argument(help: "A scenario file (default: the embedded Southwark scenario).")
    var file: String?

    /// The file's text, or the embedded default's (`ScenarioSource.load`: exit 66 when unreadable).
    func load() throws -> ScenarioSource { try ScenarioSource.load(file) }
}

/// The scenario file and its `--set` overrides, for the subcommands that build the model
/// (`check`, `run`).
struct ScenarioArguments: ParsableArguments {
    @OptionGroup var scenario: ScenarioFileArgument

    @ArgumentParser.Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override an input: NAME=EXPRESSION (repeatable).", valueName: "name=expression"))
    var assignments: [String] = []

    /// The `--set`s as overrides (`InputOverride.parse`); a malformed one is a usage error
    /// (exit 64) naming it.
    func overrides() throws -> [InputOverride] {
        do { return try InputOverride.parse(assignments) } catch { throw ValidationError(error.description) }
    }

    func load() throws -> ScenarioSource { try scenario.load() }
}
