import ScenarioModel
import Simulation
import TestSupport
import XCTest

@testable import Analysis

/// The financial case against a budget, with answers known analytically.
final class AffordabilityTests: XCTestCase {
    private func report(_ yaml: String, iterations: Int = 4000) throws -> RunReport {
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "test.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let results = engine.run(.init(iterations: iterations, seed: 5, sampling: .monteCarlo, threads: 2))
        return try RunReport(engine: engine, results: results, threads: 2)
    }

    /// Revenue cash R ~ uniform(0, 100k) and capital cash C ~ uniform(0, 10k) at start, in
    /// financial year 2020/21 (start April 2020, 0% inflation, so cash = amounts), against
    /// budgets of 75k and 9k: P(R > 75k) = 0.25, P(C > 9k) = 0.1, and for the total against
    /// 84k, P(R + C > 84k) = E[(16k + C) / 100k] = 0.21. Monte Carlo sampling, 4000 iterations:
    /// each estimate is a binomial proportion with standard error at most √(0.25 · 0.75 / 4000)
    /// = 0.0068; the tolerance is four of them.
    func testProbabilityOverBudgetOfUniformLines() throws {
        let r = try report(
            """
            scenario: budget
            start: 2020-04
            horizon: 24 months
            inflation: 0%
            budget:
              revenue: 75k
              capital: {2020/21: 9k}
            options:
              a:
                costs:
                  service: uniform(0, 100k)
                  kit:
                    one-off: uniform(0, 10k)
                    type: capital
            """)
        let tolerance = 4 * (0.25 * 0.75 / 4000).squareRoot()
        let years = r.options[OptionID(0)].financialYears
        XCTAssertEqual(years.map(\.label), ["2020/21", "2021/22"])
        let first = years[0]
        XCTAssertEqual(first.revenue.budget, 75_000)
        XCTAssertEqual(first.capital.budget, 9_000)
        XCTAssertEqual(first.total.budget, 84_000)
        XCTAssertEqual(try XCTUnwrap(first.revenue.pOverBudget), 0.25, accuracy: tolerance)
        XCTAssertEqual(try XCTUnwrap(first.capital.pOverBudget), 0.10, accuracy: tolerance)
        XCTAssertEqual(try XCTUnwrap(first.total.pOverBudget), 0.21, accuracy: tolerance)
        XCTAssertEqual(first.revenue.summary.mean, 50_000, accuracy: 4 * 100_000 / (12 * 4000.0).squareRoot())
        // The second year has nothing to pay: a revenue budget (every year) that is never
        // exceeded, no capital budget and so no total budget.
        let second = years[1]
        XCTAssertEqual(second.revenue.pOverBudget, 0)
        XCTAssertNil(second.capital.budget)
        XCTAssertNil(second.capital.pOverBudget)
        XCTAssertNil(second.total.budget)
        XCTAssertEqual(second.total.summary.max, 0)
    }

    /// Without a budget nothing is compared; a type without lines has zero cash.
    func testNoBudgetAndAbsentType() throws {
        let r = try report(
            """
            scenario: plain
            start: 2020-04
            horizon: 12 months
            options:
              a:
                costs:
                  service: 1000
            """, iterations: 10)
        let year = try XCTUnwrap(r.options[OptionID(0)].financialYears.first)
        XCTAssertNil(year.total.budget)
        XCTAssertNil(year.total.pOverBudget)
        XCTAssertEqual(year.capital.summary.max, 0)
        XCTAssertEqual(year.total.summary.mean, 1000)
        XCTAssertEqual(r.inflationBase, [0.02])
    }
}
