import ScenarioModel
import ScenarioSyntax
import Simulation
import XCTest

/// Loads a scenario from YAML text and compiles it, failing the test on any error.
func compile(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> Plan {
    let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "test.yaml")
    let errors = diagnostics.filter { $0.severity == .error }
    guard let scenario, errors.isEmpty else {
        XCTFail("scenario invalid: \(diagnostics.map(\.description))", file: file, line: line)
        throw XCTSkip("invalid scenario")
    }
    let (plan, planDiagnostics) = PlanBuilder.build(scenario)
    guard let plan else {
        XCTFail("plan invalid: \(planDiagnostics.map(\.description))", file: file, line: line)
        throw XCTSkip("invalid plan")
    }
    return plan
}
