import Foundation
import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// `loguniform`, added to the catalogue, in a whole scenario: compiled, at its base value in the
/// base case, drawn in a run, and checked per draw when its parameters are drawn.
final class LogUniformScenarioTests: XCTestCase {
    /// A one-off at the start is not discounted, so PV = the draw. Base value: the mean,
    /// (1m − 10k)/ln(100) = 214,975.74...; the Monte Carlo mean is within 5 standard errors of it.
    func testBaseCaseAndRun() throws {
        let plan = try compile(
            """
            scenario: loguniform
            start: 2024-01
            horizon: 12 months
            options:
              a:
                costs:
                  licence:
                    one-off: loguniform(10k, 1m)
                    at: start
            """)
        let expected = 990_000 / log(100.0)
        XCTAssertEqual(Engine(plan: plan).deterministic()[0].pv, expected, accuracy: 1e-6)
        let results = Engine(plan: plan).run(.init(iterations: 20_000, seed: 5, sampling: .monteCarlo, threads: 2))
        let pv = results.options[0].pv
        XCTAssertTrue(pv.allSatisfy { $0 >= 10_000 && $0 <= 1_000_000 })
        XCTAssertEqual(mean(pv), expected, accuracy: 5 * standardError(Array(pv)))
    }

    /// Drawn parameters that break a rule fail the run with the catalogue's message.
    func testDrawnParametersAreChecked() throws {
        let plan = try compile(
            """
            scenario: loguniform
            start: 2024-01
            horizon: 12 months
            inputs:
              low: normal(1k, 2k)
            options:
              a:
                costs:
                  licence:
                    one-off: loguniform(low, 10k)
                    at: start
            """)
        let results = Engine(plan: plan).run(.init(iterations: 2_000, seed: 3, sampling: .monteCarlo, threads: 1))
        let problem = try XCTUnwrap(ValueProblem.roots(results.problems, plan: plan).first)
        XCTAssertEqual(problem.check.what, "the loguniform distribution of `a / licence`")
        XCTAssertTrue(
            problem.reason?.hasPrefix("loguniform min must be positive (it is -") == true, problem.reason ?? "")
    }
}
