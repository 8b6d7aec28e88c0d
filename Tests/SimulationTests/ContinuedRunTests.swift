import ScenarioModel
import Synchronization
import XCTest

@testable import Simulation

/// `--precision` continues the run it has: the complete chunks of an earlier run are kept and
/// only the rest is simulated, which must give the same bits as a run from the start.
final class ContinuedRunTests: XCTestCase {
    static let yaml = """
        scenario: continued
        start: 2020-01
        horizon: 30 months
        deadline: 2020-07
        prices: nominal
        inflation: uniform(1%, 3%)
        inputs:
          price: pert(90, 100, 120)
          w: uniform(30%, 70%)
        options:
          a:
            timeline:
              build: pert(2, 4, 9)
            go-live: build
            costs:
              licence:
                annual: price
                from: go-live
              setup:
                one-off: uniform(5, 8)
                type: capital
            risks:
              outage:
                chance: 30%
                one-off: uniform(20, 40)
          b:
            costs:
              licence:
                annual: price * normal(1.1, 0.05)
        criteria:
          quality:
            weight: w
            scores:
              a: uniform(5, 9)
              b: 6
          speed:
            weight: 1 - w
            scores: {a: 4, b: 7}
        """

    private func assertSameBits(_ x: SimulationResults, _ y: SimulationResults, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(x.iterations, y.iterations, file: file, line: line)
        XCTAssertEqual(x.chunks, y.chunks, file: file, line: line)
        XCTAssertEqual(x.inputs, y.inputs, file: file, line: line)
        XCTAssertEqual(x.yearPVChunkSums.map(\.bitPattern), y.yearPVChunkSums.map(\.bitPattern), file: file, line: line)
        // The uncertain criteria weights are kept per iteration too.
        XCTAssertEqual(x.criteriaWeights.count, 2, file: file, line: line)
        XCTAssertEqual(x.criteriaWeights, y.criteriaWeights, file: file, line: line)
        for (a, b) in zip(x.options, y.options) {
            XCTAssertEqual(a.pv.map(\.bitPattern), b.pv.map(\.bitPattern), file: file, line: line)
            XCTAssertEqual(a.total, b.total, file: file, line: line)
            XCTAssertEqual(a.goLive, b.goLive, file: file, line: line)
            XCTAssertEqual(a.score, b.score, file: file, line: line)
            XCTAssertEqual(a.linePV, b.linePV, file: file, line: line)
            XCTAssertEqual(a.yearCash, b.yearCash, file: file, line: line)
            XCTAssertEqual(a.riskOccurrences, b.riskOccurrences, file: file, line: line)
            XCTAssertEqual(a.financialCash, b.financialCash, file: file, line: line)
            XCTAssertEqual(a.yearPVMean.map(\.bitPattern), b.yearPVMean.map(\.bitPattern), file: file, line: line)
        }
    }

    func testContinuedRunEqualsARunFromTheStart() throws {
        let (scenario, diagnostics) = ScenarioLoader.load(text: Self.yaml, file: "continued.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        XCTAssertFalse(plan.options[0].financialTypes.isEmpty)
        let engine = Engine(plan: plan)
        for sampling in [SamplingMethod.latinHypercube, .monteCarlo] {
            // 5,000 is 4 full chunks and a partial one (re-run); 6,144 is exactly 6 chunks.
            for (first, last) in [(5_000, 12_345), (6 * Plan.chunkSize, 9_000), (700, 701), (3_000, 3_000)] {
                let earlier = engine.run(.init(iterations: first, seed: 77, sampling: sampling, threads: 2))
                // Only the chunks from the earlier run's partial (or next) chunk on are run.
                let calls = Atomic<Int>(0), lastDone = Atomic<Int>(0)
                let continued = engine.run(
                    .init(iterations: last, seed: 77, sampling: sampling, threads: 2), continuing: earlier
                ) { done in
                    calls.add(1, ordering: .relaxed)
                    lastDone.max(done, ordering: .relaxed)
                }
                let chunks = (last + Plan.chunkSize - 1) / Plan.chunkSize
                XCTAssertEqual(calls.load(ordering: .relaxed), chunks - first / Plan.chunkSize, "\(first) → \(last)")
                XCTAssertEqual(lastDone.load(ordering: .relaxed), last)
                let plain = engine.run(.init(iterations: last, seed: 77, sampling: sampling, threads: 1))
                assertSameBits(continued, plain)
            }
        }
    }

    /// A run with another seed is not continued (its chunks are other draws).
    func testAnotherSeedIsNotContinued() throws {
        let (scenario, _) = ScenarioLoader.load(text: Self.yaml, file: "continued.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario)).plan)
        let engine = Engine(plan: plan)
        let earlier = engine.run(.init(iterations: 4_096, seed: 1, sampling: .monteCarlo))
        let continued = engine.run(.init(iterations: 8_192, seed: 2, sampling: .monteCarlo), continuing: earlier)
        assertSameBits(continued, engine.run(.init(iterations: 8_192, seed: 2, sampling: .monteCarlo)))
    }
}
