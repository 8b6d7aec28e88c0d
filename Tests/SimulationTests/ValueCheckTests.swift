import Foundation
import ScenarioModel
import XCTest

@testable import Simulation

/// The engine's value checks: a NaN or infinite time, duration or amount, or a chance or share
/// outside 0...1, in any iteration, is reported with its expression, the iterations affected
/// and the first of them, instead of silently dropping costs.
final class ValueCheckTests: XCTestCase {
    /// `pert(3, build_mode, 9)` is invalid whenever build_mode is drawn above 9 (or below 3).
    static let nanDuration = """
        scenario: NaN duration
        start: 2024-01
        horizon: 36 months
        inputs:
          build_mode: normal(7, 1.5)
        options:
          a:
            timeline:
              build: pert(3, build_mode, 9)
            costs:
              setup:
                one-off: 100k
                during: build
              run:
                monthly: 10k
                from: go-live
        """

    func testInvalidDrawFailsWithCountFirstIterationAndInputs() throws {
        let plan = try compile(Self.nanDuration)
        let results = Engine(plan: plan).run(.init(iterations: 5000, seed: 3, sampling: .monteCarlo, threads: 2))
        let mode = try XCTUnwrap(plan.inputs.firstID { $0.label == "build_mode" })
        let drawn = results.inputs[mode].doubles
        func invalid(_ mode: Double) -> Bool { mode > 9 || mode < 3 }
        let expected = drawn.filter(invalid).count
        XCTAssertGreaterThan(expected, 0)
        // The draw, the duration (same column) and go-live all fail; only the draw is a root.
        let roots = ValueProblem.roots(results.problems, plan: plan)
        XCTAssertEqual(roots.count, 1, "\(roots.map(\.check.what))")
        let problem = try XCTUnwrap(roots.first)
        XCTAssertEqual(problem.check.what, "the pert distribution of `a / build (duration)`")
        XCTAssertEqual(problem.check.mark.line, 9)
        XCTAssertEqual(problem.check.mark.column, 14)
        XCTAssertEqual(problem.count, expected)
        XCTAssertEqual(problem.iterations, 5000)
        let first = try XCTUnwrap(drawn.firstIndex(where: invalid))
        XCTAssertEqual(problem.firstIteration, first + 1)
        XCTAssertTrue(problem.value.isNaN)
        XCTAssertEqual(problem.inputs.map(\.name), ["build_mode"])
        XCTAssertEqual(problem.inputs[0].value, drawn[first], accuracy: 1e-5)
        XCTAssertTrue(problem.reason?.hasPrefix("pert mode (") == true, problem.reason ?? "")
    }

    /// The same problems, counts and example on 1 and 2 threads.
    func testProblemsDoNotDependOnThreads() throws {
        let plan = try compile(Self.nanDuration)
        let runs = [1, 2].map {
            Engine(plan: plan).run(.init(iterations: 4100, seed: 11, sampling: .latinHypercube, threads: $0))
        }
        XCTAssertFalse(runs[0].problems.isEmpty)
        XCTAssertEqual(runs[0].problems.map(\.index), runs[1].problems.map(\.index))
        XCTAssertEqual(runs[0].problems.map(\.count), runs[1].problems.map(\.count))
        XCTAssertEqual(runs[0].problems.map(\.firstIteration), runs[1].problems.map(\.firstIteration))
    }

    /// A chance and a share drawn from unbounded normals: the draws outside 0...1 are counted.
    func testChanceAndShareOutsideZeroToOne() throws {
        let plan = try compile(
            """
            scenario: chances
            start: 2024-01
            horizon: 36 months
            inputs:
              p: normal(5%, 10%)
              s: normal(0.5, 0.3)
            options:
              a:
                costs:
                  part:
                    one-off: 10k
                    share: s
                risks:
                  outage:
                    chance: p per year
                    one-off: 50k
            """)
        let results = Engine(plan: plan).run(.init(iterations: 3000, seed: 5, sampling: .monteCarlo, threads: 1))
        func outside(_ name: String) throws -> Int {
            let k = try XCTUnwrap(plan.inputs.firstID { $0.label == name })
            return results.inputs[k].doubles.filter { !(0...1).contains($0) }.count
        }
        let problems = ValueProblem.roots(results.problems, plan: plan)
        XCTAssertEqual(
            problems.map(\.check.what),
            [
                "`share` of cost line `part` of option `a`",
                "`chance` of risk `outage` of option `a`"
            ])
        XCTAssertEqual(problems.map(\.check.kind), [.probability, .probability])
        XCTAssertEqual(problems.map(\.count), [try outside("s"), try outside("p")])
        XCTAssertEqual(problems.map { $0.check.mark.line }, [12, 15])
    }

    /// A time that is infinite in the base case (x at its mode, 5) though almost never drawn.
    func testBaseCaseTimeIsChecked() throws {
        let plan = try compile(
            """
            scenario: base
            start: 2024-01
            horizon: 36 months
            inputs:
              x: pert(3, 5, 7)
            options:
              a:
                costs:
                  fee:
                    one-off: 10k
                    at: start + 12 / (x - 5)
            """)
        let problems = Engine(plan: plan).baseCaseProblems()
        XCTAssertEqual(problems.map(\.check.what), ["`at` of cost line `fee` of option `a`"])
        XCTAssertEqual(problems.first?.value, .infinity)
        XCTAssertEqual(problems.first?.inputs, [ValueProblem.InputValue(name: "x", value: 5)])
        XCTAssertEqual(problems.first.map { "\($0.check.mark.line):\($0.check.mark.column)" }, "11:13")
    }

    /// Guarded divisions and sensible scenarios raise nothing; nor does a chance of exactly 100%
    /// in a part year (no clamp is needed: 1 - (1 - 1)^(m/12) = 1).
    func testSensibleScenariosPass() throws {
        let plan = try compile(
            """
            scenario: fine
            start: 2024-01
            horizon: 30 months
            inputs:
              n: discrete(0, 50%, 2, 50%)
            options:
              a:
                costs:
                  fee: if(n > 0, 10k / n, 0)
                risks:
                  sure:
                    chance: 100% per year
                    one-off: 1k
            """)
        let results = Engine(plan: plan).run(.init(iterations: 2048, seed: 1, sampling: .latinHypercube, threads: 2))
        XCTAssertTrue(results.problems.isEmpty, "\(results.problems.map(\.check.what))")
        XCTAssertTrue(Engine(plan: plan).baseCaseProblems().isEmpty)
        // 3 appraisal years (the last one 6 months), the risk occurs in each of them.
        XCTAssertTrue(results.options[0].riskOccurrences[0].allSatisfy { $0 == 3 })
    }

    func testShippedScenariosPass() throws {
        for name in ["southwark-2017", "template"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scenarios/\(name).yaml")
            let plan = try compile(try String(contentsOf: url, encoding: .utf8))
            XCTAssertFalse(plan.checks.isEmpty, name)
            let results = Engine(plan: plan).run(
                .init(iterations: 4096, seed: 2, sampling: .latinHypercube, threads: 2))
            XCTAssertTrue(results.problems.isEmpty, "\(name): \(results.problems.map(\.check.what))")
            XCTAssertTrue(Engine(plan: plan).baseCaseProblems().isEmpty, name)
        }
    }
}
