import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

final class DeterminismTests: XCTestCase {
    static let yaml = """
        scenario: determinism
        start: 2020-01
        horizon: 48 months
        inputs:
          rate: pert(80k, 100k, 150k)
          other: 1m to 3m
        correlations:
          - [rate, other, 0.5]
        options:
          a:
            timeline:
              build: triangular(3, 5, 9)
            costs:
              run:
                monthly: rate
                from: go-live
              setup:
                one-off: other
                during: build
            risks:
              trouble:
                chance: 20% per year
                one-off: normal(50k, 10k)
          b:
            costs:
              run:
                annual: rate * 12 * uniform(0.9, 1.1)
        """

    /// The same seed gives bit-identical results on 1, 2 and 8 threads (chunks are seeded by
    /// index and stored by index, whatever thread runs them).
    func testThreadCountDoesNotChangeResults() throws {
        let plan = try compile(Self.yaml)
        let engine = Engine(plan: plan)
        for sampling in [SamplingMethod.latinHypercube, .monteCarlo] {
            let runs = [1, 2, 8].map {
                engine.run(.init(iterations: 20_000, seed: 42, sampling: sampling, threads: $0))
            }
            for r in runs.dropFirst() {
                for (x, y) in zip(r.options, runs[0].options) {
                    XCTAssertEqual(x.pv, y.pv)
                    XCTAssertEqual(x.goLive, y.goLive)
                    XCTAssertEqual(x.linePV, y.linePV)
                    XCTAssertEqual(x.yearCash, y.yearCash)
                }
                XCTAssertEqual(r.inputs, runs[0].inputs)
            }
        }
    }

    /// Shared inputs are drawn once per iteration and used by every option (paired draws): with
    /// `a` paying the shared `rate` once at the start and `b` paying `2 × rate` a year over a
    /// one-year horizon, every iteration has PV(a) = rate and PV(b) = 2 × rate for the same
    /// draw of `rate` (year 0 is not discounted), under both sampling methods.
    func testSharedInputsArePaired() throws {
        let plan = try compile(
            """
            scenario: paired
            start: 2020-01
            horizon: 12 months
            inputs:
              rate: pert(80k, 100k, 150k)
            options:
              a:
                costs:
                  setup:
                    one-off: rate
              b:
                costs:
                  run:
                    annual: rate * 2
            """)
        XCTAssertEqual(plan.inputs.map(\.label), ["rate"], "one input, shared by both options")
        for sampling in [SamplingMethod.monteCarlo, .latinHypercube] {
            let results = Engine(plan: plan).run(.init(iterations: 4096, seed: 5, sampling: sampling))
            let rateID = try XCTUnwrap(plan.inputs.firstID { $0.label == "rate" })
            let rate = results.inputs[rateID].doubles, a = results.options[0].pv, b = results.options[1].pv
            XCTAssertEqual(rate.count, 4096)
            XCTAssertGreaterThan(Set(rate).count, 4000, "the shared input varies between iterations")
            let pairing = rate.indices.map { abs(b[$0] - 2 * a[$0]) / a[$0] }.max() ?? .nan
            XCTAssertLessThan(pairing, 1e-12, "\(sampling): PV(b) = 2 × PV(a) in every iteration")
            // The kept input is in single precision: 2⁻²⁴ relative.
            let reading = rate.indices.map { abs(a[$0] - rate[$0]) / rate[$0] }.max() ?? .nan
            XCTAssertLessThan(reading, 1e-7, "\(sampling): PV(a) is the kept draw of rate")
        }
    }

    /// Iman–Conover achieves the requested rank correlation between the two shared inputs.
    func testCorrelationIsApplied() throws {
        let plan = try compile(Self.yaml)
        let results = Engine(plan: plan).run(.init(iterations: 100_000, seed: 9, sampling: .latinHypercube))
        let a = results.inputs[plan.correlated[0]].doubles
        let b = results.inputs[plan.correlated[1]].doubles
        XCTAssertEqual(spearman(a, b), 0.5, accuracy: 0.02)
    }
}
