import Foundation
import XCTest

/// End to end: each option's optimism-bias uplifts and their source in the terminal summary,
/// `optimism_bias.csv`, `run.json` and `check`; a wrong class is refused where it is written.
final class OptimismBiasOutputTests: XCTestCase {
    /// `cloud` uses a reference class, `shared` explicit percentages, `keep` none (0% discounting):
    /// cloud: one-off 200% × 0.4 = 80%, duration 54% × 0.4 = 21.6%; build 10 × 1.216 = 12.16
    /// months; PV = 100k × 1.8 + 1k × (24 − 12.16) = 191,840. shared: 900 × 24 = 21,600 (a
    /// recurring line, 0% recurring uplift). keep: 1,000 × 24 = 24,000.
    static let scenario = """
        scenario: Bias sources
        start: 2024-01
        horizon: 24 months
        discount: 0%
        iterations: 200
        seed: 5
        options:
          keep:
            costs:
              fee:
                monthly: 1000
          cloud:
            optimism-bias: {class: equipment-development, mitigation: 60%}
            timeline:
              build: 10 months
            costs:
              setup: 100k
              service:
                monthly: 1k
                from: go-live
          shared:
            optimism-bias: {one-off: 10%, recurring: 0%, duration: 0%}
            costs:
              fee:
                monthly: 900
        """

    func testRunStatesEachOptionsUpliftsAndSource() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "bias.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.components(separatedBy: "\n")
        let heading = "Optimism bias in these figures (uplift on one-off/recurring/duration, source):"
        let at = try XCTUnwrap(lines.firstIndex(of: heading), run.stdout)
        XCTAssertEqual(
            Array(lines[at + 1...at + 2]),
            [
                "  cloud   80%/0%/21.6%  equipment-development, 60% mitigated",
                "  shared  10%/0%/0%     explicit"
            ])
        XCTAssertTrue(lines[at + 3].hasPrefix("Monte Carlo precision:"), lines[at + 3])
        XCTAssertTrue(lines[at...at + 2].allSatisfy { $0.count <= 80 })

        let csv = try String(contentsOfFile: out + "/optimism_bias.csv", encoding: .utf8)
        XCTAssertEqual(
            csv,
            "option,source,class,mitigation,one_off,recurring,duration,source_line\r\n"
                + "keep,none,,,0,0,0,\r\n"
                + "cloud,class,equipment-development,0.6,0.8,0,0.216,13\r\n"
                + "shared,explicit,,,0.1,0,0,22\r\n")

        let summary = try readCSV(out + "/summary.csv")
        let cloud = try XCTUnwrap(summary.first { $0[0] == "cloud" && $0[1] == "pv_cost" })
        XCTAssertEqual(cloud[3], "191840.00")
        let goLive = try XCTUnwrap(summary.first { $0[0] == "cloud" && $0[1] == "go_live_month" })
        XCTAssertEqual(goLive[3], "12.16")

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
                as? [String: Any])
        let bias = try XCTUnwrap(json["optimism_bias"] as? [String: [String: Any]])
        XCTAssertEqual(bias["cloud"]?["one_off"] as? Double, 0.8)
        XCTAssertEqual(bias["cloud"]?["recurring"] as? Double, 0)
        XCTAssertEqual(bias["cloud"]?["duration"] as? Double, 0.216)
        XCTAssertEqual(bias["cloud"]?["source"] as? String, "class")
        XCTAssertEqual(bias["cloud"]?["class"] as? String, "equipment-development")
        XCTAssertEqual(bias["cloud"]?["mitigation"] as? Double, 0.6)
        XCTAssertEqual(bias["cloud"]?["source_line"] as? Int, 13)
        XCTAssertEqual(bias["shared"]?["source"] as? String, "explicit")
        XCTAssertTrue(bias["shared"]?["class"] is NSNull)
        XCTAssertEqual(bias["keep"]?["source"] as? String, "none")
        XCTAssertTrue(bias["keep"]?["mitigation"] is NSNull)
        XCTAssertEqual(Array(bias.keys).sorted(), ["cloud", "keep", "shared"])
    }

    func testCheckStatesTheUpliftsAndTheirSource() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "bias.yaml", in: dir)
        let check = try Tool.run(["check", file])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(
            check.stdout.contains(
                "  optimism bias: one-off 80%, recurring 0%, duration 21.6% (equipment-development, 60% mitigated)\n"),
            check.stdout)
        XCTAssertTrue(
            check.stdout.contains("  optimism bias: one-off 10%, recurring 0%, duration 0% (explicit)\n"), check.stdout)
        let json = try Tool.run(["check", "--format", "json", file])
        XCTAssertEqual(json.status, 0, json.stderr)
        let model = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let options = try XCTUnwrap(model["options"] as? [[String: Any]])
        let cloud = try XCTUnwrap(
            options.first { $0["name"] as? String == "cloud" }?["optimism_bias"] as? [String: Any])
        XCTAssertEqual(cloud["source"] as? String, "class")
        XCTAssertEqual(cloud["class"] as? String, "equipment-development")
        XCTAssertEqual(cloud["mitigation"] as? Double, 0.6)
        XCTAssertEqual(cloud["duration"] as? Double, 0.216)
        XCTAssertEqual(cloud["line"] as? Int, 13)
    }

    /// A class that does not exist: exit 2, the error at the value with its line and a caret.
    func testUnknownClassIsRefusedAtTheValue() throws {
        let dir = try Tool.temporaryDirectory()
        let text = Self.scenario.replacingOccurrences(of: "class: equipment-development", with: "class: equipment")
        let file = try Tool.write(text, named: "bias.yaml", in: dir)
        let check = try Tool.run(["check", file])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(
            check.stderr.contains(
                "bias.yaml:13:28: error: unknown optimism-bias class `equipment`; the Green Book reference classes are "
            ), check.stderr)
        XCTAssertTrue(
            check.stderr.contains(
                "      optimism-bias: {class: equipment, mitigation: 60%}\n" + String(repeating: " ", count: 29) + "^"),
            check.stderr)
    }
}
