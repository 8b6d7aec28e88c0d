import Analysis
import ArgumentParser
import ScenarioModel
import Simulation

/// Stops a command whose values failed the engine's checks (`ValueCheck`: a NaN or infinite
/// time, duration, amount, input or score, a chance or share outside 0...1): every root problem
/// is printed as an error at its expression, with the iterations affected and an example.
enum ValueProblemReport {
    static func stop(
        on problems: [ValueProblem], plan: Plan, source: ScenarioSource, overrides: [InputOverride],
        baseCase: Bool = false, exit: ExitCode
    ) throws {
        guard !problems.isEmpty else { return }
        let diagnostics = NonFinite.diagnostics(problems, plan: plan, baseCase: baseCase)
        Terminal.diagnostics(diagnostics, sources: source.sources(overrides: overrides))
        throw exit
    }
}
