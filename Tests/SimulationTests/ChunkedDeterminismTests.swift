import ScenarioModel
import XCTest

@testable import Simulation

/// The engine's chunks: each chunk of `Plan.chunkSize` iterations draws from its own stream
/// seeded from (master seed, chunk index), and every thread reads the plan's one PERT quantile
/// table. The bytes must not depend on the number of threads.
final class ChunkedDeterminismTests: XCTestCase {
    func testSameBytesOnOneOrFourThreads() throws {
        let plan = try compile(
            """
            scenario: chunks
            start: 2020-01
            horizon: 12 months
            inputs:
              x: pert(6, 8, 12)
            options:
              a:
                costs:
                  setup: x
            """)
        XCTAssertNotNil(plan.inputs.first?.pertTable, "the input is drawn through the shared PERT table")
        let engine = Engine(plan: plan)
        func run(threads: Int) -> SimulationResults {
            engine.run(
                .init(iterations: 16 * Plan.chunkSize, seed: 20_170_207, sampling: .latinHypercube, threads: threads))
        }
        let one = run(threads: 1), four = run(threads: 4)
        XCTAssertEqual(one.chunks, 16)
        XCTAssertEqual([one.threads, four.threads], [1, 4])
        XCTAssertEqual(one.inputs, four.inputs)
        XCTAssertEqual(one.options[0].pv, four.options[0].pv)
        let x = one.inputs[InputID(0)].doubles
        XCTAssertEqual(x.count, 16 * 1_024)
        XCTAssertTrue(x.allSatisfy { $0 >= 6 && $0 <= 12 })
        // The one-off at the start is the draw itself (year 0 is not discounted).
        XCTAssertEqual(one.options[0].pv.map { Float($0) }, one.inputs[InputID(0)].map { $0 })
    }
}
