import Foundation
import XCTest

/// `check --format json`: the checked model with the place of every part in the file.
final class CheckJSONTests: XCTestCase {
    /// Lines: 6 `rate`, 10 `setup`, 12-14 `service`, 15-17 `build`, 19-21 `saving`, 23-25 `outage`.
    static let scenario = """
        scenario: json
        start: 2024-01
        horizon: 30 months
        deadline: 2024-05
        inputs:
          rate: 10k
        options:
          only:
            timeline:
              setup: 6 months
            costs:
              service:
                monthly: rate
                from: go-live
              build:
                one-off: pert(1k, 2k, 4k)
                during: setup
            benefits:
              saving:
                annual: 12k
                from: setup + 2 months
            risks:
              outage:
                chance: 5% per year
                one-off: 3k
        """

    private func model() throws -> [String: Any] {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "json.yaml", in: dir)
        let run = try Tool.run(["check", "--format", "json", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// `{"text", "line", "column"}` of an expression or time, as a comparable triple.
    private func mark(_ value: Any?) -> String? {
        guard let m = value as? [String: Any], let text = m["text"] as? String,
            let line = m["line"] as? Int, let column = m["column"] as? Int
        else { return nil }
        return "\(text) @\(line):\(column)"
    }

    func testSettingsAndSharedInputs() throws {
        let json = try model()
        let s = try XCTUnwrap(json["scenario"] as? [String: Any])
        XCTAssertEqual(s["name"] as? String, "json")
        XCTAssertEqual(s["start"] as? String, "2024-01")
        XCTAssertEqual(s["horizon_months"] as? Double, 30)
        XCTAssertEqual(s["deadline_month"] as? Double, 4)
        XCTAssertEqual(s["deadline_line"] as? Int, 4)
        XCTAssertEqual(s["discount"] as? String, "green-book")
        XCTAssertEqual(s["seed"] as? String, "1")
        let inputs = try XCTUnwrap(json["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.count, 1)
        XCTAssertEqual(inputs[0]["name"] as? String, "rate")
        XCTAssertEqual(inputs[0]["line"] as? Int, 6)
        XCTAssertEqual(mark(inputs[0]["value"]), "10000.0 @6:9")
        XCTAssertEqual(json["uncertain_inputs"] as? Int, 1)
    }

    /// Amounts and times as the model holds them (an annual amount per month, a default `until`
    /// marked at the line's key), each at its place in the file.
    func testLinesTasksAndRisksCarryTheirMarks() throws {
        let option = try XCTUnwrap((try model()["options"] as? [[String: Any]])?.first)
        let task = try XCTUnwrap((option["tasks"] as? [[String: Any]])?.first)
        XCTAssertEqual(task["name"] as? String, "setup")
        XCTAssertEqual(mark(task["duration"]), "(6.0 months) @10:14")

        let costs = try XCTUnwrap(option["costs"] as? [[String: Any]])
        XCTAssertEqual(costs.map { $0["name"] as? String }, ["service", "build"])
        XCTAssertEqual(costs.map { $0["line"] as? Int }, [12, 15])
        XCTAssertEqual(mark(costs[0]["amount"]), "rate @13:18")
        let recurring = try XCTUnwrap(costs[0]["timing"] as? [String: Any])
        XCTAssertEqual(recurring["kind"] as? String, "recurring")
        XCTAssertEqual(mark(recurring["from"]), "go-live @14:15")
        XCTAssertEqual(mark(recurring["until"]), "month 30.0 @12:7")
        XCTAssertEqual(mark(costs[1]["amount"]), "pert(1000.0, 2000.0, 4000.0) @16:18")
        XCTAssertEqual((costs[1]["timing"] as? [String: Any])?["task"] as? String, "setup")

        let saving = try XCTUnwrap((option["benefits"] as? [[String: Any]])?.first)
        XCTAssertEqual(mark(saving["amount"]), "(12000.0 / 12.0) @20:17")
        XCTAssertEqual(mark((saving["timing"] as? [String: Any])?["from"]), "setup + (2.0 months) @21:15")

        let risk = try XCTUnwrap((option["risks"] as? [[String: Any]])?.first)
        XCTAssertEqual(risk["name"] as? String, "outage")
        XCTAssertEqual(mark(risk["chance"]), "0.05 @24:17")
        XCTAssertEqual(risk["per_year"] as? Bool, true)
        XCTAssertEqual(mark(risk["one_off"]), "3000.0 @25:18")
        XCTAssertTrue(risk["until"] is NSNull)
    }

    /// The plan's lines with their base-case PVs: `service` is 10k a month from month 6 to 30,
    /// PV 60k + 120k / 1.035 + 60k / 1.035² = 231952.67; `saving` 1k a month from month 8,
    /// 4k + 12k / 1.035 + 6k / 1.035² = 21195.27, counted negative; `build` 2k (the PERT mode)
    /// in year 0.
    func testPlanLinesAndBaseCase() throws {
        let option = try XCTUnwrap((try model()["options"] as? [[String: Any]])?.first)
        let lines = try XCTUnwrap(option["plan_lines"] as? [[String: Any]])
        XCTAssertEqual(lines.map { $0["name"] as? String }, ["service", "build", "saving", "outage"])
        XCTAssertEqual(lines.map { $0["kind"] as? String }, ["cost", "cost", "benefit", "risk"])
        XCTAssertEqual(lines.map { $0["line"] as? Int }, [12, 15, 19, 23])
        let pv = lines.compactMap { $0["base_case_pv"] as? Double }
        XCTAssertEqual(pv.count, 4)
        XCTAssertEqual(pv[0], 231_952.67, accuracy: 0.01)
        XCTAssertEqual(pv[1], 2_000, accuracy: 1e-9)
        XCTAssertEqual(pv[2], -21_195.27, accuracy: 0.01)
        XCTAssertEqual(pv[3], 0)
        let base = try XCTUnwrap(option["base_case"] as? [String: Any])
        XCTAssertEqual(base["go_live_month"] as? Double, 6)
        XCTAssertEqual(base["extension_months"] as? Double, 2)
        XCTAssertEqual(try XCTUnwrap(base["pv"] as? Double), 231_952.67 + 2_000 - 21_195.27, accuracy: 0.02)
    }

    func testInvalidScenarioPrintsNoJSON() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            Self.scenario.replacingOccurrences(of: "from: go-live", with: "form: go-live"),
            named: "bad.yaml", in: dir)
        let run = try Tool.run(["check", "--format", "json", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("\(file):14:9: error: unknown key `form`"), run.stderr)
    }
}
