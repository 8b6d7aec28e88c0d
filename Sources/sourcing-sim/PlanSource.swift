import ScenarioModel
import Simulation

/// Compiles a checked scenario to a plan, printing the engine's own diagnostics.
enum PlanSource {
    /// The plan, or exit 2 on a compile error (or, when `strict`, a warning).
    static func compile(_ scenario: Scenario, source: ScenarioSource, strict: Bool = false) throws -> Plan {
        let (plan, diagnostics) = PlanBuilder.build(scenario)
        if !diagnostics.isEmpty { Terminal.diagnostics(diagnostics, sources: [source.name: source.text]) }
        let failed = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        guard let plan, !failed else { throw Exit.invalidScenario }
        return plan
    }
}
