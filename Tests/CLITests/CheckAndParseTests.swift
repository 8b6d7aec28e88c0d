import Foundation
import XCTest

final class CheckAndParseTests: XCTestCase {
    func testCheckSummarisesTheDefaultScenario() throws {
        let run = try Tool.run(["check"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for text in [
            "Option reprocure", "Option siam", "Option shared-service", "Uncertain inputs: ",
            "base case: PV of cost", "base case: go-live"
        ] {
            XCTAssertTrue(run.stdout.contains(text), "missing '\(text)'")
        }
    }

    func testStrictFailsOnWarnings() throws {
        let run = try Tool.run(["check", "--strict"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("warning:"), run.stderr)
    }

    func testTemplatePassesStrictCheck() throws {
        let template = Tool.packageRoot.appendingPathComponent("scenarios/template.yaml").path
        let run = try Tool.run(["check", "--strict", template])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    /// A plausibility warning (here `escalate: 2`, 200% a year) lets `check` pass but fails
    /// `check --strict` with exit code 2, showing the warning with its fix.
    func testStrictFailsOnAPercentWrittenWithoutPercent() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: escalation
            start: 2024-01
            horizon: 12 months
            options:
              a:
                costs:
                  fee:
                    annual: 100k
                    escalate: 2
            """, named: "escalate.yaml", in: dir)
        let plain = try Tool.run(["check", file])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let strict = try Tool.run(["check", "--strict", file])
        XCTAssertEqual(strict.status, 2)
        XCTAssertTrue(
            strict.stderr.contains("\(file):9:19: warning: `escalate` of cost line `fee` is 2, that is 200% a year"),
            strict.stderr)
        XCTAssertTrue(strict.stderr.contains("  fix: 2%\n"), strict.stderr)
    }

    /// An invalid file: every diagnostic as `file:line:col: error: message`, the line, a caret;
    /// exit code 2.
    func testInvalidFileIsReportedWithPositionAndCaret() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: broken
            start: 2024-01
            horizon: 12 months
            options:
              a:
                costs:
                  fee:
                    monthly: pert(3, 2, 1)
                    untill: end
            """, named: "broken.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(file):8:23: error:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(file):9:9: error:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("until"), "did-you-mean suggestion missing:\n\(run.stderr)")
        XCTAssertTrue(run.stderr.contains("        untill: end\n          ^"), run.stderr)
    }

    func testParsePrintsJSON() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write("a: 1\nb: [x, 'y', 2.5, true, null]\nc: {d: e}\n", named: "p.yaml", in: dir)
        let run = try Tool.run(["parse", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["a"] as? Int, 1)
        XCTAssertEqual((json?["b"] as? [Any])?.count, 5)
        XCTAssertEqual((json?["c"] as? [String: String])?["d"], "e")
    }

    func testParseRefusesAnchorsWithExit2() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write("a: &x 1\nb: *x\n", named: "anchor.yaml", in: dir)
        let run = try Tool.run(["parse", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(file):1:4: error:"), run.stderr)
    }

    /// The embedded default scenario is the shipped file, byte for byte (its final line break
    /// included): `parse` prints the same tree, and a run names the file and records the SHA-256
    /// of the file's bytes.
    func testEmbeddedDefaultMatchesTheShippedFile() throws {
        let path = Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path
        let run = try Tool.run(["parse"])
        let fromFile = try Tool.run(["parse", path])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, fromFile.stdout)
        func runJSON(_ arguments: [String]) throws -> [String: Any] {
            let dir = try Tool.temporaryDirectory()
            let run = try Tool.run(["run"] + arguments + ["--iterations", "1024", "--quiet", "--out", dir.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let data = try Data(contentsOf: dir.appendingPathComponent("run.json"))
            return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let embedded = try runJSON([]), shipped = try runJSON([path])
        XCTAssertEqual(embedded["scenario_file"] as? String, "scenarios/southwark-2017.yaml")
        XCTAssertEqual(shipped["scenario_file"] as? String, path)
        XCTAssertEqual(embedded["scenario_sha256"] as? String, shipped["scenario_sha256"] as? String)
    }

    /// `check` prints the base case: 10k a month for 24 months from go-live at month 6, so
    /// 6 months in year 0 and 12 in year 1 and 6 in year 2 (a 30-month horizon):
    /// PV = 60k + 120k / 1.035 + 60k / 1.035² = 60000 + 115942.03 + 56010.63 = 231952.66 → £232k;
    /// undiscounted 240k.
    func testCheckPrintsTheBaseCaseByHand() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: hand
            start: 2024-01
            horizon: 30 months
            deadline: 2024-05
            options:
              only:
                timeline:
                  setup: 6 months
                costs:
                  service:
                    monthly: 10k
                    from: go-live
            """, named: "hand.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("base case: PV of cost £232k, undiscounted £240k"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("base case: go-live 2024-07 (m6.0), 2.0 months after the deadline"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Uncertain inputs: 0"), run.stdout)
    }
}
