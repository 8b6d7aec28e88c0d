import ArgumentParser
import Foundation
import Reports
import ScenarioModel
import Simulation

/// `sourcing-sim check FILE`: validates a scenario and prints what it models and its base case.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a scenario file and print its options, inputs and base case.",
        discussion: """
            Every error and warning is printed as file:line:col with the offending line. \
            Exit code 2 when the file is invalid (or, with --strict, has warnings).
            """
    )

    @OptionGroup var scenarioArguments: ScenarioArguments

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @ArgumentParser.Option(
        help: "Standard output format: text, or json (the checked model, every part with its line and column).")
    var format: RunCommand.OutputFormat = .text

    func run() async throws {
        let source = try scenarioArguments.load()
        let settings = try scenarioArguments.overrides()
        let scenario = try source.scenario(overrides: settings, strict: strict)
        let plan = try PlanSource.compile(scenario, source: source, strict: strict)
        let engine = Engine(plan: plan)
        // A base case that is not finite (or a chance outside 0...1) is known before any draw.
        try ValueProblemReport.stop(
            on: engine.baseCaseProblems(), plan: plan, source: source, overrides: settings,
            baseCase: true, exit: Exit.invalidScenario)
        let base = engine.deterministic()
        switch format {
        case .text: print(CheckSummary(plan: plan, base: base).render())
        case .json: print(CheckJSON.render(plan: plan, base: base))
        }
    }
}
