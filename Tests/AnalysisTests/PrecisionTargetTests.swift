import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis

/// `--precision`: runs added until the target is met, or why it cannot be.
final class PrecisionTargetTests: XCTestCase {
    private func engine(_ price: String) throws -> Engine {
        let yaml = """
            scenario: precision
            start: 2020-01
            horizon: 12 months
            options:
              a:
                costs:
                  price: \(price)
              b:
                costs:
                  price: 10
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "precision.yaml")
        return Engine(plan: try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan))
    }

    /// From a pilot of 1024 the next run has N + ⌊N/10⌋ iterations, N = ⌈n·(r/target)²⌉, and
    /// the run that meets the target is returned.
    func testAddsIterationsUntilTheTargetIsMet() throws {
        let engine = try engine("uniform(50, 150)")
        let settings = Engine.Settings(iterations: 1024, seed: 5, sampling: .monteCarlo, threads: 1)
        let pilot = engine.run(settings)
        let (r, option) = PrecisionTarget.worstRelativeStandardError(pilot)
        XCTAssertEqual(option, OptionID(0), "b is constant: exact")
        let target = r / 3
        let needed = try XCTUnwrap(
            Convergence.iterationsNeeded(
                pilotIterations: 1024, relativeStandardError: r,
                target: target))
        XCTAssertEqual(needed, 9216)
        var asked: [Int] = []
        let outcome = PrecisionTarget.reach(target, from: pilot, settings: settings, cap: 1_000_000) { s in
            asked.append(s.iterations)
            return engine.run(s)
        }
        let last = try outcome.get()
        XCTAssertEqual(asked.first, needed + needed / 10)
        XCTAssertEqual(last.iterations, asked.last)
        XCTAssertLessThanOrEqual(PrecisionTarget.worstRelativeStandardError(last).0, target)
    }

    /// Options whose PV never varies are exact: no run is added.
    func testExactOptionsNeedNoMoreRuns() throws {
        let engine = try engine("7")
        let settings = Engine.Settings(iterations: 100, seed: 5, sampling: .monteCarlo)
        let pilot = engine.run(settings)
        XCTAssertEqual(PrecisionTarget.worstRelativeStandardError(pilot).0, 0)
        let outcome = PrecisionTarget.reach(1e-9, from: pilot, settings: settings, cap: 1000) { _ in
            XCTFail("no run is needed")
            return pilot
        }
        XCTAssertEqual(try outcome.get().iterations, 100)
    }

    /// A target that needs more than the cap fails at once, naming the option and the estimate.
    func testCapStopsBeforeAnyRun() throws {
        let engine = try engine("uniform(50, 150)")
        let settings = Engine.Settings(iterations: 2048, seed: 5, sampling: .monteCarlo)
        let pilot = engine.run(settings)
        let outcome = PrecisionTarget.reach(1e-7, from: pilot, settings: settings, cap: 4096) { _ in
            XCTFail("the estimate is above the cap")
            return pilot
        }
        guard case .failure(let shortfall) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(shortfall.iterations, 2048)
        XCTAssertEqual(shortfall.option, OptionID(0))
        XCTAssertEqual(shortfall.cap, 4096)
        XCTAssertGreaterThan(try XCTUnwrap(shortfall.needed), 4096)
        XCTAssertTrue(shortfall.capped)
    }

    /// When added runs do not bring the error down, it stops after eight of them.
    func testEightRoundsAtMost() throws {
        let engine = try engine("uniform(50, 150)")
        let settings = Engine.Settings(iterations: 1024, seed: 5, sampling: .monteCarlo)
        let pilot = engine.run(settings)
        var rounds = 0
        let target = PrecisionTarget.worstRelativeStandardError(pilot).0 / 1.01
        let outcome = PrecisionTarget.reach(target, from: pilot, settings: settings, cap: 1_000_000) { _ in
            rounds += 1
            return pilot  // the same error every time
        }
        guard case .failure(let shortfall) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(rounds, PrecisionTarget.maximumRounds)
        XCTAssertFalse(shortfall.capped)
        XCTAssertGreaterThan(shortfall.iterations, 1024)
    }

    /// The runner's errors (failed value checks, in the tool) are passed on.
    func testRunnerErrorsArePassedOn() throws {
        struct Stop: Error {}
        let engine = try engine("uniform(50, 150)")
        let settings = Engine.Settings(iterations: 1024, seed: 5, sampling: .monteCarlo)
        let pilot = engine.run(settings)
        let target = PrecisionTarget.worstRelativeStandardError(pilot).0 / 2
        XCTAssertThrowsError(
            try PrecisionTarget.reach(target, from: pilot, settings: settings, cap: 100_000) {
                (_: Engine.Settings) throws(Stop) -> SimulationResults in throw Stop()
            }
        ) { XCTAssertTrue($0 is Stop) }
    }
}
