import Foundation
import XCTest

/// End to end: a value that is not finite, or a chance or share outside 0% to 100%, in any
/// iteration fails `run` (exit 1) at its expression, with the iterations affected and an
/// example, and writes nothing; constant ones, and base cases, fail `check` (exit 2).
final class ValueProblemTests: XCTestCase {
    static let nanDuration = """
        scenario: NaN duration
        start: 2024-01
        horizon: 36 months
        iterations: 4000
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

    /// The count in "in N of M iterations".
    private func count(in text: String) throws -> Int {
        let range = try XCTUnwrap(text.range(of: #"in \d+ of"#, options: .regularExpression), text)
        return try XCTUnwrap(Int(text[range].dropFirst(3).dropLast(3)))
    }

    func testInvalidDurationFailsTheRunWithLineCountAndExample() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.nanDuration, named: "nan.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stderr.hasPrefix(
                file + ":10:14: error: the pert distribution of `a / build (duration)` has invalid parameters in "),
            run.stderr)
        XCTAssertTrue(run.stderr.contains(" of 4000 iterations; the first is iteration "), run.stderr)
        XCTAssertTrue(run.stderr.contains(", where build_mode = "), run.stderr)
        XCTAssertTrue(run.stderr.contains(": pert mode ("), run.stderr)
        XCTAssertTrue(
            run.stderr.contains("\n        build: pert(3, build_mode, 9)\n               ^\n1 error generated.\n"),
            run.stderr)
        let n = try count(in: run.stderr)
        XCTAssertGreaterThan(n, 0)
        XCTAssertLessThan(n, 4000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.csv"), "no results for a failed run")
    }

    func testChanceOutsideZeroToOneInSomeDrawsFailsTheRun() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: chances
            start: 2024-01
            horizon: 36 months
            iterations: 3000
            inputs:
              p: normal(5%, 10%)
            options:
              a:
                costs:
                  fee: 10k
                risks:
                  outage:
                    chance: p per year
                    one-off: 50k
            """, named: "chance.yaml", in: dir)
        let check = try Tool.run(["check", "--strict", file])
        XCTAssertEqual(check.status, 0, "an unbounded chance passes check: \(check.stderr)")
        let run = try Tool.run(["run", file, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stderr.hasPrefix(
                file
                    + ":13:17: error: `chance` of risk `outage` of option `a` "
                    + "must be between 0% and 100% but is not in "
            ),
            run.stderr)
        XCTAssertTrue(run.stderr.contains(", where p = -"), run.stderr)
    }

    func testConstantsThatAreNotFiniteFailCheck() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: constants
            start: 2024-01
            horizon: 36 months
            options:
              a:
                costs:
                  fee: 1m / 0
                  other:
                    one-off: 5k
                    at: start + 0/0
                risks:
                  spike:
                    chance: pert(90%, 120%, 150%)
                    one-off: 1k
            """, named: "constants.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(
            run.stderr,
            """
            \(file):7:12: error: division by zero: the value is not a finite number
                    fee: 1m / 0
                         ^
            \(file):10:21: error: 0 / 0 is not a number
                      at: start + 0/0
                                  ^
            \(file):13:17: error: `chance` of risk `spike` must be between 0% and 100%, \
            but over the ranges of its distributions it can reach 150%
                      chance: pert(90%, 120%, 150%)
                              ^
            3 errors generated.

            """)
    }

    /// A time that is infinite only at the base values (x at its mode) fails `check` (exit 2)
    /// and `run` (exit 1).
    func testBaseCaseThatIsNotFiniteFailsCheckAndRun() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
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
            """, named: "base.yaml", in: dir)
        let message =
            file + ":11:13: error: `at` of cost line `fee` of option `a` is not a finite number in the base case "
            + "(every input at its base value, no risk occurring), where x = 5: it is infinity\n"
        let check = try Tool.run(["check", file])
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertTrue(check.stderr.hasPrefix(message), check.stderr)
        let run = try Tool.run(["run", file, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix(message), run.stderr)
    }
}
