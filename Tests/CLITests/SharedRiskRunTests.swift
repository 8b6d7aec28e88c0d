import Foundation
import XCTest

/// Scenario-level risks and an option's own deadline, end to end: `check` and the files of `run`.
final class SharedRiskRunTests: XCTestCase {
    /// No scenario deadline; `b` has its own. The risk (line 6) applies to both options.
    static let scenario = """
        scenario: shared
        start: 2024-01
        horizon: 36 months
        iterations: 2000
        risks:
          cyber incident:
            chance: 30%
            one-off: pert(10k, 20k, 50k)
            from: go-live
        options:
          a:
            timeline:
              build: pert(2, 3, 5)
            costs:
              run: {annual: 100k, from: go-live}
          b:
            deadline: 2024-04
            timeline:
              build: pert(2, 4, 6)
            costs:
              run: {annual: 100k, from: go-live}
        """

    func testRunFilesShowTheRiskPerOptionAndTheOwnDeadline() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "shared.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("P(live by deadline)"), run.stdout)

        let lines = try readCSV(out + "/lines.csv").map { Array($0.prefix(4)) }
        XCTAssertEqual(
            lines,
            [
                ["option", "line", "kind", "source_line"], ["a", "run", "cost", "15"],
                ["a", "cyber incident", "risk", "6"], ["b", "run", "cost", "21"],
                ["b", "cyber incident", "risk", "6"]
            ])
        // Only `b` has a deadline, so only `b` has extension months and live by the deadline.
        let metrics = try readCSV(out + "/summary.csv").dropFirst().map { "\($0[0]) \($0[1])" }
        XCTAssertEqual(
            metrics,
            [
                "a pv_cost", "a total_cost", "a go_live_month", "b pv_cost", "b total_cost", "b go_live_month",
                "b extension_months", "b live_by_deadline"
            ])
    }

    func testCheckJSONNamesTheRiskAndEachCopy() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "shared.yaml", in: dir)
        let run = try Tool.run(["check", "--format", "json", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let risks = try XCTUnwrap(json["risks"] as? [[String: Any]])
        XCTAssertEqual(risks.count, 1)
        XCTAssertEqual(risks[0]["name"] as? String, "cyber incident")
        XCTAssertEqual(risks[0]["line"] as? Int, 6)
        XCTAssertEqual(risks[0]["applies_to"] as? [String], ["a", "b"])
        let options = try XCTUnwrap(json["options"] as? [[String: Any]])
        XCTAssertEqual(options.map { $0["deadline_month"] as? Double }, [nil, 3])
        for option in options {
            let copies = try XCTUnwrap(option["risks"] as? [[String: Any]])
            XCTAssertEqual(copies.map { $0["shared"] as? Bool }, [true])
        }
        // One uncertain input for the impact, shared, beside the two build durations.
        XCTAssertEqual(json["uncertain_inputs"] as? Int, 3)
    }

    func testUnknownOptionInAppliesToIsALocatedError() throws {
        let dir = try Tool.temporaryDirectory()
        let text = Self.scenario.replacingOccurrences(
            of: "    from: go-live\n", with: "    from: go-live\n    applies-to: [a, bb]\n")
        let file = try Tool.write(text, named: "shared.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(
            run.stderr.contains(
                "shared.yaml:10:21: error: unknown option `bb` in `applies-to` of risk `cyber incident`; "
                    + "did you mean `b`?"), run.stderr)
    }
}
