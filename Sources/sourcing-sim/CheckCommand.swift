import Foundation
import ArgumentParser
import ScenarioModel
import Reports
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

    @Argument(help: "A scenario file (default: the embedded Southwark scenario).")
    var file: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @ArgumentParser.Option(name: .customLong("set"), help: ArgumentHelp("Override an input: NAME=EXPRESSION (repeatable).", valueName: "name=expression"))
    var overrides: [String] = []

    @ArgumentParser.Option(help: "Standard output format: text, or json (the checked model, every part with its line and column).")
    var format: RunCommand.OutputFormat = .text

    func run() async throws {
        let source = try ScenarioSource.load(file)
        let settings = try InputOverride.parse(overrides)
        let scenario = try source.scenario(overrides: settings, strict: strict)
        let plan = try PlanSource.compile(scenario, source: source, strict: strict)
        let engine = Engine(plan: plan)
        // A base case that is not finite (or a chance outside 0...1) is known before any draw.
        try ValueProblemReport.stop(on: engine.baseCaseProblems(), plan: plan, source: source, overrides: settings,
                                    baseCase: true, exit: Exit.invalidScenario)
        let base = engine.deterministic()
        switch format {
        case .text: print(CheckSummary(plan: plan, base: base).render())
        case .json: print(CheckJSON.render(plan: plan, base: base))
        }
    }
}

extension InputOverride {
    /// Parses `NAME=EXPRESSION` arguments of `--set`.
    /// Diagnostics in an override are marked `--set:N:col`, N counting the `--set`s from 1.
    static func parse(_ arguments: [String]) throws -> [InputOverride] {
        try arguments.enumerated().map { index, argument in
            guard var override = InputOverride(assignment: argument), !override.name.isEmpty else {
                throw ValidationError("--set expects NAME=EXPRESSION, e.g. --set incumbent_run_rate=5.2m (got '\(argument)')")
            }
            override.argument = index + 1
            return override
        }
    }
}

/// Compiles a checked scenario to a plan, printing the engine's own diagnostics.
enum PlanSource {
    static func compile(_ scenario: Scenario, source: ScenarioSource, strict: Bool = false) throws -> Plan {
        let (plan, diagnostics) = PlanBuilder.build(scenario)
        if !diagnostics.isEmpty { Terminal.diagnostics(diagnostics, sources: [source.name: source.text]) }
        let failed = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        guard let plan, !failed else { throw Exit.invalidScenario }
        return plan
    }
}
