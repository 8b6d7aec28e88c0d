import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// The plan's uncertain inputs, keyed by the model's `InputID`s: each carries its column, and a
/// draw whose parameters are expressions is drawn with its own family.
final class UncertainInputTests: XCTestCase {
    private func scenario(inputs: String, cost: String) -> String {
        """
        scenario: draws
        start: 2020-01
        horizon: 24 months
        inputs:
        \(inputs)
        options:
          a:
            costs:
              c: \(cost)

        """
    }

    /// `normal(pert(...), 10)`: the outer normal is drawn as a normal at the drawn pert (before,
    /// it was drawn with the pert's family and failed every iteration).
    func testDistributionInsideAnotherIsDrawnWithItsOwnFamily() throws {
        let plan = try compile(scenario(inputs: "  x: normal(pert(100, 200, 300), 10)", cost: "x"))
        try expectDrawnAround200(plan)
    }

    /// `x: normal(y, 10)` with `y` written after `x`: the normal is drawn as a normal (before, it
    /// was drawn with `y`'s family).
    func testDistributionWhoseParameterIsALaterInputIsDrawnWithItsOwnFamily() throws {
        let plan = try compile(scenario(inputs: "  x: normal(y, 10)\n  y: pert(100, 200, 300)", cost: "x"))
        try expectDrawnAround200(plan)
    }

    private func expectDrawnAround200(_ plan: Plan, file: StaticString = #filePath, line: UInt = #line) throws {
        let engine = Engine(plan: plan)
        XCTAssertTrue(engine.baseCaseProblems().isEmpty, file: file, line: line)
        XCTAssertEqual(engine.deterministic()[0].pv, 200, file: file, line: line)
        let results = engine.run(.init(iterations: 4096, seed: 3, sampling: .latinHypercube, threads: 2))
        XCTAssertTrue(results.problems.isEmpty, "\(results.problems.map(\.check.what))", file: file, line: line)
        XCTAssertEqual(mean(results.options[0].pv.array), 200, accuracy: 3, file: file, line: line)
    }

    /// Every option reads a shared input from the same column: the paired PVs keep their ratio
    /// in every iteration.
    func testSharedInputIsOneColumnForEveryOption() throws {
        let plan = try compile(
            """
            scenario: paired
            start: 2020-01
            horizon: 12 months
            inputs:
              rate: pert(1, 2, 3)
            options:
              a:
                costs:
                  licence: rate * 10k
              b:
                costs:
                  licence: rate * 20k

            """)
        XCTAssertEqual(plan.inputs.count, 1)
        let results = Engine(plan: plan).run(.init(iterations: 2048, seed: 5, sampling: .monteCarlo, threads: 2))
        for (a, b) in zip(results.options[0].pv.array, results.options[1].pv.array) {
            XCTAssertEqual(b, 2 * a, accuracy: 1e-6)
        }
        XCTAssertEqual(results.inputs[InputID(0)].count, 2048)
    }

    /// Each uncertain input has its own column, and a dependent draw writes the column of the
    /// input it names.
    func testEachInputHasItsColumnAndDependentDrawsWriteIt() throws {
        let plan = try compile(ResolutionTestScenario.text)
        XCTAssertEqual(Set(plan.inputs.map(\.slot)).count, plan.inputs.count)
        var dependent = 0
        for case .drawDependent(let dst, let input, _, _) in plan.instructions {
            XCTAssertEqual(dst, plan.inputs[input].slot)
            XCTAssertNil(plan.inputs[input].spec)
            dependent += 1
        }
        XCTAssertEqual(dependent, plan.inputs.filter { $0.definition.constantParameters == nil }.count)
        XCTAssertEqual(plan.inputs.map(\.label), plan.scenario.uncertainInputs.map(\.label))
    }
}

/// A scenario with distributions in named inputs, lines, times, risks and scores, one of them
/// with a parameter that depends on an input.
enum ResolutionTestScenario {
    static let text = """
        scenario: places
        start: 2020-01
        horizon: 30 months
        inputs:
          rate: pert(1%, 2%, 4%)
        options:
          a:
            inputs:
              own: normal(100k, 10k)
            timeline:
              design: pert(2, 3, 5)
              build:
                after: design
                duration: 4
                not-before: design + uniform(0, 1) months
            costs:
              licence:
                one-off: pert(10k, 20k, 30k)
                at: go-live + uniform(1, 2) months
                share: pert(40%, 50%, 60%)
              dependent: normal(own, 1k)
              running:
                monthly: rate * 10k
            risks:
              exit:
                chance: 10% per year
                one-off: pert(5k, 6k, 7k)
          b:
            costs:
              licence: 25k
        criteria:
          quality:
            weight: 100%
            scores:
              a: pert(3, 5, 7)
              b: 6

        """
}
