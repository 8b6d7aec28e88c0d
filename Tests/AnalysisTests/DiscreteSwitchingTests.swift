import Reports
import ScenarioModel
import Simulation
import XCTest

@testable import Analysis

/// Switching values of discrete inputs are values the inputs can take (`SwitchingValues`).
final class DiscreteSwitchingTests: XCTestCase {
    /// PV(a) = 100·k + 200·w + 50·v + 10·u, PV(b) = 480 (0% discounting, one-offs at start),
    /// with k ~ poisson(3), w ~ bernoulli(0.3), v ~ discrete(1, 2, 7), u ~ uniform(0, 2). Base
    /// values k = 3, w = 0 (the more probable), v = 1 (the most probable), u = 1: PV(a) = 360,
    /// 120 below b. One at a time, a stops being cheaper where 100·k > 420 (k > 4.2), 200·w >
    /// 120 (w > 0.6), 50·v > 170 (v > 3.4): on the real line 4.2, 0.6 and 3.4, none a value the
    /// input takes. The values it can take where b is cheaper first: k = 5, w = 1, v = 7 (2 is
    /// not enough: 410 < 480). The continuous u is not marked discrete.
    func testDiscreteInputsSwitchAtValuesTheyTake() throws {
        let yaml = """
            scenario: discrete switching
            start: 2020-01
            horizon: 12 months
            discount: 0%
            inputs:
              k: poisson(3)
              w: bernoulli(0.3)
              v: discrete(1, 0.5, 2, 0.3, 7, 0.2)
              u: uniform(0, 2)
            options:
              a:
                costs:
                  price: 100 * k + 200 * w + 50 * v + 10 * u
              b:
                costs:
                  price: 480
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "discrete.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let report = try RunReport(
            engine: engine, results: engine.run(.init(iterations: 2000, seed: 1, sampling: .latinHypercube)))
        func row(_ label: String) throws -> SwitchingValues.Row {
            let id = try XCTUnwrap(report.inputs.first { $0.label == label }).id
            return try XCTUnwrap(report.switchingValue(of: id), label)
        }
        for (label, base, value) in [("k", 3.0, 5.0), ("w", 0, 1), ("v", 1, 7)] {
            let r = try row(label)
            XCTAssertEqual(r.baseValue, base, label)
            XCTAssertEqual(r.switchingValue, value, label)
            XCTAssertTrue(r.isDiscrete, label)
            XCTAssertEqual(r.preferredAfter, OptionID(1), label)
        }
        let u = try row("u")
        XCTAssertFalse(u.isDiscrete)

        let text = RunSummary(report: report, elapsedSeconds: 0).render()
        XCTAssertTrue(text.contains("  k [line 6], base 3: b becomes cheapest at 5, a value it can take"), text)
        XCTAssertTrue(text.contains("  w [line 7], base 0: b becomes cheapest at 1, a value it can take"), text)
    }

    /// A binomial switches at a whole number no greater than its n, and not at all if the switch
    /// lies beyond n: PV(a) = 100·t with t ~ binomial(4, 0.5) (base 2), PV(b) = 250 + 0·t: b is
    /// cheaper from t = 3. With PV(b) = 450, t would need 4.5 > n = 4: none in range.
    func testBinomialSwitchesWithinItsTrials() throws {
        for (price, expected) in [(250.0, 3.0 as Double?), (450, nil)] {
            let yaml = """
                scenario: binomial switching
                start: 2020-01
                horizon: 12 months
                discount: 0%
                inputs:
                  t: binomial(4, 0.5)
                options:
                  a:
                    costs:
                      price: 100 * t
                  b:
                    costs:
                      price: \(Int(price))
                """
            let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "binomial.yaml")
            let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
            let engine = Engine(plan: plan)
            let report = try RunReport(
                engine: engine, results: engine.run(.init(iterations: 500, seed: 1, sampling: .latinHypercube)))
            let r = try XCTUnwrap(report.switching.first)
            XCTAssertEqual(r.switchingValue, expected, "b at \(price)")
        }
    }
}
