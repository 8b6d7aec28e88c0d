import ScenarioModel
import Simulation
import XCTest

@testable import Analysis

/// The run analysis on scenarios whose answers are known exactly.
final class RunReportTests: XCTestCase {
    /// Option `a` costs x, a one-off at start with x ~ uniform(0, 10); option `b` costs 5
    /// (0% discounting). Known answers:
    /// - base case: x = 5 (the mean of a uniform), so both cost 5; the first, `a`, is preferred
    ///   on a tie;
    /// - tornado on `a`'s PV: x at its P10 = 1 and at its P90 = 9;
    /// - switching value of x: 5 — below it `a` is cheaper, above it `b`;
    /// - P(a cheaper than b) = P(x < 5) = 0.5; E[PV(a) - PV(b)] = 0;
    /// - EVPI = min(E a, E b) - E[min(x, 5)] = 5 - (0.5 × 2.5 + 0.5 × 5) = 1.25.
    func testKnownAnswers() throws {
        let yaml = """
            scenario: known
            start: 2020-01
            horizon: 12 months
            discount: 0%
            inputs:
              x: uniform(0, 10)
            options:
              a:
                costs:
                  price: x
              b:
                costs:
                  price: 5
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "known.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let n = 100_000
        let report = try RunReport(
            engine: engine, results: engine.run(.init(iterations: n, seed: 3, sampling: .latinHypercube)))
        XCTAssertEqual(report.options.map(\.base.pv), [5, 5])

        let x = InputID(0)
        XCTAssertEqual(report.inputs[x].label, "x")
        let swing = try XCTUnwrap(report.drivers(of: .pv(OptionID(0))).first { $0.driver == .input(x) })
        XCTAssertEqual(swing.swingLow, 1, accuracy: 1e-12)
        XCTAssertEqual(swing.swingHigh, 9, accuracy: 1e-12)
        XCTAssertEqual(swing.rankCorrelation, 1, accuracy: 1e-12, "PV(a) = x exactly")
        XCTAssertEqual(swing.contributionToVariance, 1, accuracy: 1e-12)

        let switching = try XCTUnwrap(report.switchingValue(of: x))
        XCTAssertEqual(switching.baseValue, 5)
        XCTAssertEqual(try XCTUnwrap(switching.switchingValue), 5, accuracy: 1e-9)

        // Latin hypercube: P(x < 5) is exactly the share of strata below 5 (one draw per stratum).
        let pair = try XCTUnwrap(report.pairs.first)
        XCTAssertEqual(pair.comparison.probabilityALess, 0.5, accuracy: 1e-3)
        XCTAssertEqual(pair.comparison.difference.mean, 0, accuracy: 0.01)
        // E[min(x, 5)] under stratified sampling is within 1e-3 of 3.75.
        XCTAssertEqual(report.evpi.value, 1.25, accuracy: 0.005)
        XCTAssertEqual(report.options.map(\.pCheapest).reduce(0, +), 1, accuracy: 1e-12)
    }

    /// With no input that can change the decision within its searched range (its P0.1 to P99.9
    /// widened by that width each side), switching values say "none in range".
    func testNoSwitchInRange() throws {
        let yaml = """
            scenario: dominant
            start: 2020-01
            horizon: 12 months
            options:
              cheap:
                costs:
                  price: uniform(1, 2)
              dear:
                costs:
                  price: uniform(100, 101)
            """
        let (scenario, _) = ScenarioLoader.load(text: yaml, file: "dominant.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario)).plan)
        let engine = Engine(plan: plan)
        let report = try RunReport(
            engine: engine, results: engine.run(.init(iterations: 5000, seed: 1, sampling: .monteCarlo)))
        XCTAssertEqual(report.options.map(\.pCheapest), [1, 0])
        XCTAssertFalse(report.switching.isEmpty)
        XCTAssertTrue(report.switching.allSatisfy { $0.switchingValue == nil && $0.preferredAfter == nil })
        XCTAssertEqual(report.evpi.value, 0)
    }
}
