import ScenarioModel
import XCTest

@testable import Simulation

/// The criteria weights in the engine: ordered-simplex draws, normalisation and the run-time
/// check of an uncertain weight.
final class CriteriaWeightsTests: XCTestCase {
    private func yaml(_ criteria: String, top: String = "") -> String {
        """
        scenario: weights
        start: 2020-01
        horizon: 12 months
        \(top)options:
          a:
            costs:
              fee: 1
          b:
            costs:
              fee: 2
        criteria:
        \(criteria)
        """
    }

    /// Ranked weights of three criteria: in every iteration w₁ ≥ w₂ ≥ w₃ ≥ 0 and Σ w = 1; a
    /// scoring (1, 0, 0) and b (0, 0, 1) get w₁ and w₃ as their scores.
    func testRankedWeightsLieOnTheOrderedSimplex() throws {
        let plan = try compile(
            yaml(
                """
                  weights: ranked
                  one:
                    scores: {a: 1, b: 0}
                  two:
                    scores: {a: 0, b: 0}
                  three:
                    scores: {a: 0, b: 1}
                """))
        let results = Engine(plan: plan).run(.init(iterations: 3000, seed: 5, sampling: .latinHypercube))
        let w = results.criteriaWeights.map(\.array)
        XCTAssertEqual(w.count, 3)
        for i in 0..<3000 {
            XCTAssertGreaterThanOrEqual(w[0][i], w[1][i])
            XCTAssertGreaterThanOrEqual(w[1][i], w[2][i])
            XCTAssertGreaterThanOrEqual(w[2][i], 0)
            XCTAssertEqual(w[0][i] + w[1][i] + w[2][i], 1, accuracy: 1e-12)
        }
        XCTAssertEqual(results.options[0].score?.array, w[0])
        XCTAssertEqual(results.options[1].score?.array, w[2])
        // Not the same draw in every iteration.
        XCTAssertGreaterThan(Set(w[0]).count, 2900)
    }

    /// The same seed gives the same weights on one thread or several.
    func testRankedWeightsDoNotDependOnThreads() throws {
        let plan = try compile(
            yaml(
                """
                  weights: ranked
                  one:
                    scores: {a: 1, b: 0}
                  two:
                    scores: {a: 0, b: 1}
                """))
        let one = Engine(plan: plan).run(.init(iterations: 5000, seed: 9, sampling: .monteCarlo, threads: 1))
        let four = Engine(plan: plan).run(.init(iterations: 5000, seed: 9, sampling: .monteCarlo, threads: 4))
        XCTAssertEqual(one.criteriaWeights.map(\.array), four.criteriaWeights.map(\.array))
    }

    /// An uncertain weight that is negative in some iterations fails the run, at the weight.
    func testNegativeUncertainWeightFailsTheRun() throws {
        let plan = try compile(
            yaml(
                """
                  quality:
                    weight: w
                    scores: {a: 1, b: 0}
                  price:
                    weight: 1 - w
                    scores: {a: 0, b: 1}
                """, top: "inputs:\n  w: normal(0.5, 0.5)\n"))
        let results = Engine(plan: plan).run(.init(iterations: 2000, seed: 1, sampling: .monteCarlo))
        let kinds = results.problems.map(\.check.kind)
        XCTAssertTrue(kinds.contains(.nonNegative), "\(results.problems.map(\.check.what))")
        let first = try XCTUnwrap(results.problems.first { $0.check.kind == .nonNegative })
        XCTAssertEqual(first.check.what, "the weight of criterion `quality`")
        XCTAssertEqual(first.check.mark.line, 15)
        XCTAssertEqual(first.check.mark.column, 13)
        XCTAssertLessThan(first.value, 0)
    }

    /// A named input used only in the weights is a criteria input (left out of the PV
    /// sensitivity); one used in a cost as well is not.
    func testInputsUsedOnlyByCriteriaAreCriteriaInputs() throws {
        let plan = try compile(
            yaml(
                """
                  quality:
                    weight: w
                    scores: {a: 1, b: x}
                  price:
                    weight: 1 - w
                    scores: {a: 0, b: 1}
                """, top: "inputs:\n  w: uniform(0, 1)\n  x: uniform(0, 1)\n  y: uniform(1, 2)\n"
            ).replacingOccurrences(of: "fee: 1\n", with: "fee: y * x\n"))
        let flags = Dictionary(uniqueKeysWithValues: plan.inputs.map { ($0.label, $0.isCriterion) })
        XCTAssertEqual(flags, ["w": true, "x": false, "y": false])
    }

    func testRankOrderCentroid() {
        XCTAssertEqual(CriteriaPlan.rankOrderCentroid(1), [1])
        XCTAssertEqual(CriteriaPlan.rankOrderCentroid(2), [0.75, 0.25])
        let three = CriteriaPlan.rankOrderCentroid(3)
        for (a, b) in zip(three, [11.0 / 18, 5.0 / 18, 2.0 / 18]) { XCTAssertEqual(a, b, accuracy: 1e-15) }
    }
}
