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
        // Every variant is built and compiled too, so that `check` finds a mistake in any of them.
        let (scenario, variants) = try source.scenarioWithVariants(overrides: settings, strict: strict, quiet: false)
        let plan = try PlanSource.compile(scenario, source: source, strict: strict)
        for variant in variants { _ = try PlanSource.compile(variant, source: source, strict: strict) }
        let engine = Engine(plan: plan)
        // A base case that is not finite (or a chance outside 0...1) is known before any draw.
        try ValueProblemReport.stop(
            on: engine.baseCaseProblems(), plan: plan, source: source, overrides: settings,
            baseCase: true, exit: Exit.invalidScenario)
        let base = engine.deterministic()
        switch format {
        case .text:
            print(CheckSummary(plan: plan, base: base).render())
            if !scenario.variants.isEmpty { print(Self.variantList(scenario.variants)) }
        case .json: print(CheckJSON.render(plan: plan, base: base))
        }
    }

    /// The variants and what each changes, one line each (`run --variant NAME` runs one).
    static func variantList(_ variants: [Variant]) -> String {
        var text = "Variants (run --variant NAME, or --variants for all on the same draws):\n"
        for v in variants {
            text += "  \(v.name) [line \(v.mark.line)]: " + v.keys.joined(separator: ", ") + "\n"
        }
        return text
    }
}
