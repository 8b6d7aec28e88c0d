import ScenarioModel
import Simulation
import XCTest

@testable import Analysis

/// The errors a run's failed value checks become: one per root problem, at its expression,
/// with the iterations affected, the first of them and the inputs it depends on there.
final class NonFiniteTests: XCTestCase {
    /// `x` is infinite whenever `n` is 2; the time `start + x` and the amount `x` depend on it
    /// and fail too, but only `x` is reported.
    static let yaml = """
        scenario: infinite input
        start: 2020-01
        horizon: 24 months
        inputs:
          n: discrete(2, 30%, 4, 70%)
          x: 12 / (n - 2)
        options:
          a:
            costs:
              price:
                one-off: x
                at: start + x
        """

    private func plan(_ yaml: String = yaml) throws -> Plan {
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "inf.yaml")
        return try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
    }

    func testOneErrorAtTheRootWithCountAndExample() throws {
        let plan = try plan()
        let results = Engine(plan: plan).run(.init(iterations: 2000, seed: 4, sampling: .monteCarlo, threads: 2))
        XCTAssertEqual(results.problems.count, 3, "x, the amount (the same column) and the time all fail")
        let n = try XCTUnwrap(plan.inputs.firstID { $0.label == "n" })
        let twos = results.inputs[n].doubles.enumerated().filter { $0.element == 2 }
        let first = try XCTUnwrap(twos.first).offset + 1
        let ds = NonFinite.diagnostics(results.problems, plan: plan)
        XCTAssertEqual(
            ds.map(\.description),
            [
                "inf.yaml:6:6: error: input `x` is not a finite number in \(twos.count) of 2000 iterations; "
                    + "the first is iteration \(first), where n = 2: it is infinity"
            ])
    }

    /// The base value of `n` is its most probable value: 4 (x = 6, finite) as written, 2 when
    /// 2 is the more probable.
    func testBaseCaseWording() throws {
        XCTAssertTrue(Engine(plan: try plan()).baseCaseProblems().isEmpty)
        let plan = try plan(
            Self.yaml.replacingOccurrences(of: "discrete(2, 30%, 4, 70%)", with: "discrete(2, 70%, 4, 30%)"))
        let ds = NonFinite.diagnostics(Engine(plan: plan).baseCaseProblems(), plan: plan, baseCase: true)
        XCTAssertEqual(
            ds.map(\.description),
            [
                "inf.yaml:6:6: error: input `x` is not a finite number in the base case "
                    + "(every input at its base value, no risk occurring), where n = 2: it is infinity"
            ])
    }

    func testNumbers() {
        XCTAssertEqual(NonFinite.number(.nan), "NaN")
        XCTAssertEqual(NonFinite.number(-.infinity), "-infinity")
        XCTAssertEqual(NonFinite.number(9.345872429), "9.34587")
        XCTAssertEqual(NonFinite.number(-3), "-3")
        XCTAssertEqual(NonFinite.percent(1.042), "104.2%")
    }
}
