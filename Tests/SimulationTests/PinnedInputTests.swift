import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// `Engine.run(pinned:)`, the engine side of `run --sweep`: a pinned input is still drawn, so
/// every other input keeps its draws (common random numbers), and then held at its value.
final class PinnedInputTests: XCTestCase {
    /// PV = x + y + the risk, `x` swept: every other draw is the same at every value.
    private let text = """
        scenario: sweep
        start: 2020-01
        horizon: 12 months
        discount: 0%
        inputs:
          x: pert(100, 200, 400)
          y: lognormal(50, 90)
        correlations:
          - [x, y, 0.5]
        options:
          a:
            costs:
              c:
                one-off: x + y
            risks:
              r:
                chance: 30%
                one-off: uniform(10, 20)
          b:
            costs:
              c: 260

        """

    private func settings(_ sampling: SamplingMethod) -> Engine.Settings {
        .init(iterations: 3000, seed: 11, sampling: sampling, threads: 2)
    }

    /// Known answer: PV(a) = v + y + risk in every iteration, so the mean PV is linear in the
    /// pinned value v with slope 1 (to rounding), and the other input's column is unchanged.
    func testMeanPVIsLinearInAPinnedInputThatEntersLinearly() throws {
        let plan = try compile(text)
        let engine = Engine(plan: plan)
        let x = try XCTUnwrap(plan.inputs.ids.first { plan.inputs[$0].label == "x" })
        let y = try XCTUnwrap(plan.inputs.ids.first { plan.inputs[$0].label == "y" })
        for sampling in [SamplingMethod.latinHypercube, .monteCarlo] {
            let free = engine.run(settings(sampling))
            let values = [100.0, 150, 200, 250, 400]
            var means: [Double] = []
            var first: [Double] = []
            for v in values {
                let pinned = engine.run(settings(sampling), pinned: [x: v])
                XCTAssertTrue(pinned.problems.isEmpty)
                XCTAssertTrue(pinned.inputs[x].array.allSatisfy { $0 == Float(v) })
                XCTAssertEqual(pinned.inputs[y].array, free.inputs[y].array, "y keeps its draws (\(sampling))")
                XCTAssertEqual(pinned.options[1].pv.array, free.options[1].pv.array)
                // Iteration by iteration, PV(a) moves by exactly the change in x.
                let pv = pinned.options[0].pv.array
                if first.isEmpty { first = pv }
                for (p, q) in zip(pv, first) { XCTAssertEqual(p - q, v - values[0], accuracy: 1e-9 * p) }
                means.append(mean(pv))
            }
            for (v, m) in zip(values, means) {
                XCTAssertEqual(m - v, means[0] - values[0], accuracy: 1e-9 * abs(m), "mean PV linear in x (\(sampling))")
            }
        }
    }
}
