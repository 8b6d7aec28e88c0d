import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// An option's own `deadline:` (docs/scenario-language.md §6): it replaces the scenario's for that
/// option's extension months, live by the deadline and the time `deadline` inside it.
final class OptionDeadlineTests: XCTestCase {
    /// Every option goes live at month 10 (a fixed 10-month build) and pays a holdover of 10k a
    /// month `from: deadline` `until: go-live`. Worked by hand, all in year 0 (undiscounted):
    /// - `a`, the scenario's deadline (month 6): 4 extension months, holdover 40k, not live by it;
    /// - `b`, its own deadline 2021-01 (month 12): 0 extension months, no holdover, live by it;
    /// - `c`, `deadline + 2 months` (the scenario's plus two: month 8): 2 months, 20k;
    /// - `d`, its own deadline 2020-12 (month 11) and a cutover `not-before: deadline` after the
    ///   build: the cutover runs from month 11 to 12, so go-live 12, 1 extension month, 10k.
    func testOwnDeadlinesByHand() throws {
        let plan = try compile(
            """
            scenario: deadlines
            start: 2020-01
            horizon: 36 months
            deadline: month 6
            options:
              a:
                timeline:
                  build: 10
                costs:
                  holdover: {monthly: 10k, from: deadline, until: go-live}
              b:
                deadline: 2021-01
                timeline:
                  build: 10
                costs:
                  holdover: {monthly: 10k, from: deadline, until: go-live}
              c:
                deadline: deadline + 2 months
                timeline:
                  build: 10
                costs:
                  holdover: {monthly: 10k, from: deadline, until: go-live}
              d:
                deadline: 2020-12
                timeline:
                  build: 10
                  cutover:
                    after: build
                    duration: 1
                    not-before: deadline
                costs:
                  holdover: {monthly: 10k, from: deadline, until: go-live}
            """)
        XCTAssertEqual(plan.scenario.deadline, 6)
        XCTAssertEqual(plan.scenario.options.map(\.deadline), [6, 12, 8, 11])
        let base = Engine(plan: plan).deterministic()
        XCTAssertEqual(base.map(\.goLive), [10, 10, 10, 12])
        XCTAssertEqual(base.map(\.extensionMonths), [4, 0, 2, 1])
        for (result, expected) in zip(base, [40_000.0, 0, 20_000, 10_000]) {
            XCTAssertEqual(result.pv, expected, accuracy: 1e-6, result.option)
        }
        let r = Engine(plan: plan).run(.init(iterations: 100, seed: 1, sampling: .latinHypercube, threads: 1))
        XCTAssertEqual(r.options.map(\.deadline), [6, 12, 8, 11])
        XCTAssertEqual(r.options.map { $0.extensionMonths.first }, [4, 0, 2, 1])
    }

    /// Without a scenario deadline, only the option that sets one has a deadline.
    func testOnlyTheOptionWithADeadlineHasOne() throws {
        let plan = try compile(
            """
            scenario: one deadline
            start: 2020-01
            horizon: 24 months
            options:
              a:
                timeline:
                  build: 5
                costs:
                  run: 1k
              b:
                deadline: month 3
                timeline:
                  build: 5
                costs:
                  run: 1k
            """)
        XCTAssertEqual(plan.scenario.options.map(\.deadline), [nil, 3])
        XCTAssertEqual(Engine(plan: plan).deterministic().map(\.extensionMonths), [0, 2])
    }
}
