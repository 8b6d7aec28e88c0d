import Foundation
import XCTest

/// The value of information end to end: `evppi.csv`, run.json's `evppi` rows and the summary.
final class EVPPIOutputTests: XCTestCase {
    /// PV(a) = 10,000 + x + y, PV(b) = 10,000, x, y ~ N(0, 1000²): EVPPI(x) = EVPPI(y) = 1000·φ(0)
    /// = 398.94 and EVPI = 564.19 (`ValueOfInformationTests`); z moves nothing.
    static let scenario = """
        scenario: Value of information
        start: 2020-01
        horizon: 12 months
        discount: 0%
        iterations: 40000
        seed: 5
        inputs:
          x: normal(0, 1000)
          y: normal(0, 1000)
          z: uniform(0, 1)
        options:
          a:
            costs:
              price: 10000 + x + y + 0 * z
          b:
            costs:
              price: 10000
        """

    func testEVPPIFileJSONAndSummary() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "voi.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)

        let rows = try readCSV(out + "/evppi.csv")
        XCTAssertEqual(rows.first, ["input", "source_line", "evppi", "evppi_se", "share_of_evpi"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] }.sorted(), ["x", "y", "z"])
        XCTAssertEqual(Array(rows.dropFirst().map { $0[0] }.suffix(1)), ["z"], "largest first")
        let x = try XCTUnwrap(rows.first { $0[0] == "x" })
        XCTAssertEqual(x[1], "8")
        let (value, se) = (try XCTUnwrap(Double(x[2])), try XCTUnwrap(Double(x[3])))
        XCTAssertEqual(value, 398.94, accuracy: 4 * se + 4)
        XCTAssertTrue(x[2].split(separator: ".").last?.count == 2, "money to 2 decimals")

        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
            as? [String: Any]
        let evppi = try XCTUnwrap(json?["evppi"] as? [[String: Any]])
        XCTAssertEqual(evppi.count, 3)
        let first = try XCTUnwrap(evppi.first { $0["input"] as? String == "x" })
        XCTAssertEqual(first["source_line"] as? Int, 8)
        XCTAssertEqual(try XCTUnwrap(first["evppi"] as? Double), value, accuracy: 0.005)
        XCTAssertEqual(try XCTUnwrap(first["evppi_se"] as? Double), se, accuracy: 0.005)
        let evpi = try XCTUnwrap(json?["evpi"] as? Double)
        XCTAssertEqual(try XCTUnwrap(first["share_of_evpi"] as? Double), value / evpi, accuracy: 1e-4)
        XCTAssertNotNil(json?["evppi_noise_floor"] as? Double)

        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let knowing = lines.filter { $0.hasPrefix("  knowing ") }
        XCTAssertEqual(knowing.map { String($0.prefix(12)) }.sorted(), ["  knowing x ", "  knowing y "], run.stdout)
        XCTAssertTrue(knowing.allSatisfy { $0.contains(" before deciding would be worth £") && $0.count <= 80 })
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Expected value of perfect information: £") })
        XCTAssertTrue(lines[at + 1].hasPrefix("  knowing "))
    }

    /// A label too long for one line is followed by the value on the next, each line within 80
    /// columns.
    func testLongLabelBreaksTheLine() throws {
        let long = "an_input_with_a_very_long_name_that_describes_the_incumbent_run_rate"
        let dir = try Tool.temporaryDirectory()
        let text = Self.scenario.replacingOccurrences(of: "x", with: long)
        let file = try Tool.write(text, named: "voi.yaml", in: dir)
        let run = try Tool.run(["run", file, "--out", dir.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let at = try XCTUnwrap(lines.firstIndex { $0 == "  knowing \(long)" }, run.stdout)
        XCTAssertTrue(lines[at + 1].hasPrefix("    before deciding would be worth £"), lines[at + 1])
        XCTAssertLessThanOrEqual(lines[at + 1].count, 80)
    }
}
