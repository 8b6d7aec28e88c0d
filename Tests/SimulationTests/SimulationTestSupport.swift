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

func mean<C: Collection>(_ xs: C) -> Double where C.Element == Double { xs.reduce(0, +) / Double(xs.count) }

func standardError(_ xs: [Double]) -> Double {
    let m = mean(xs)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    return (v / Double(xs.count)).squareRoot()
}
