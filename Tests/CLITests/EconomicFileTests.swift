import Foundation
import XCTest

/// End to end: `economic.csv`, run.json's `baseline` and the summary's lead, from the built tool
/// on a scenario whose economic case is known exactly, and the located error of a bad baseline.
final class EconomicFileTests: XCTestCase {
    /// 0% discounting over 24 months, no uncertainty in any amount; the baseline is `extend`,
    /// written second:
    /// - PV(extend) = 1,500 × 24 = 36,000; PV(procure) = 1,000 × 24 = 24,000, NPV 12,000;
    /// - `invest` pays 20,000 at start and earns 15,000 a year: PV(costs) 20,000,
    ///   PV(benefits) 30,000, PV 20,000 − 30,000 = −10,000, so NPV = 36,000 + 10,000 = 46,000,
    ///   NPSV 10,000, BCR 30,000 / 20,000 = 1.5.
    static let scenario = """
        scenario: Economic case
        start: 2024-04
        horizon: 24 months
        discount: 0%
        iterations: 4096
        seed: 5
        baseline: extend
        inputs:
          noise: uniform(0, 1)
        options:
          procure:
            costs:
              fee:
                monthly: 1000
              rounding: noise * 0
          extend:
            costs:
              fee:
                monthly: 1500
          invest:
            costs:
              build: 20k
            benefits:
              savings:
                annual: 15k
        """

    static let header =
        "option,baseline,npv_mean,npv_sd,npv_p10,npv_p50,npv_p90,p_npv_positive,pv_costs_mean,"
        + "pv_benefits_mean,npsv_mean,bcr"

    func testEconomicFileHasTheKnownAnswersWithTypedColumns() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario, named: "economic.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)

        let rows = try readCSV(out + "/economic.csv")
        XCTAssertEqual(rows.first?.joined(separator: ","), Self.header)
        XCTAssertEqual(
            Array(rows.dropFirst()),
            [
                [
                    "procure", "extend", "12000.00", "0.00", "12000.00", "12000.00", "12000.00", "1", "24000.00",
                    "", "", ""
                ],
                [
                    "invest", "extend", "46000.00", "0.00", "46000.00", "46000.00", "46000.00", "1", "20000.00",
                    "30000.00", "10000.00", "1.5"
                ]
            ], "the baseline has no row; an option without benefits has no NPSV or BCR")
        // What pandas reads: text in the first two columns, every other cell a number or empty (NaN).
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, 12)
            for cell in row[2...] { XCTAssertTrue(cell.isEmpty || Double(cell) != nil, "not a number: \(cell)") }
        }
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
            as? [String: Any]
        XCTAssertEqual(json?["baseline"] as? String, "extend")

        // The summary leads with the answer against the baseline, within 80 columns.
        let lines = run.stdout.components(separatedBy: "\n")
        let lead = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Against the baseline") }, run.stdout)
        let table = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("option") && $0.contains("mean PV") })
        let basis = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Economic case: real prices") }, run.stdout)
        // The title (wrapped before the long temporary path), the run line, the basis, the
        // inflation and a blank line.
        XCTAssertEqual(lead, basis + 3, "right after the price basis, the inflation and a blank line")
        XCTAssertLessThanOrEqual(basis, 3)
        XCTAssertLessThan(lead, table)
        XCTAssertEqual(
            Array(lines[lead..<(lead + 7)]),
            [
                "Against the baseline, extend: NPV = PV(extend) - PV(option)",
                "option   expected NPV  80% range (P10 to P90)  P(NPV > 0)",
                "-------  ------------  ----------------------  ----------",
                "procure          £12k            £12k to £12k      100.0%",
                "invest           £46k            £46k to £46k      100.0%",
                "  invest: NPSV £10k, BCR 1.50 (PV benefits £30k, costs £20k)",
                "Best value: invest, expected NPV £46k against extend"
            ])
        for line in lines[lead..<table] { XCTAssertLessThanOrEqual(line.count, 80, line) }
    }

    /// The default baseline is the first option; a run with a single option writes the header only.
    func testDefaultBaselineAndSingleOption() throws {
        let dir = try Tool.temporaryDirectory()
        let text = Self.scenario.replacingOccurrences(of: "baseline: extend\n", with: "")
        let file = try Tool.write(text, named: "economic.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        XCTAssertEqual(try Tool.run(["run", file, "--out", out, "--quiet"]).status, 0)
        let rows = try readCSV(out + "/economic.csv")
        XCTAssertEqual(
            rows.dropFirst().map { [$0[0], $0[1], $0[2]] },
            [
                ["extend", "procure", "-12000.00"], ["invest", "procure", "34000.00"]
            ])
        let one = """
            scenario: One option
            start: 2024-04
            horizon: 12 months
            options:
              only:
                costs:
                  fee: uniform(1, 2)
            """
        let single = try Tool.write(one, named: "one.yaml", in: dir)
        let run = try Tool.run(["run", single, "--out", out, "--iterations", "1024"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try readCSV(out + "/economic.csv"), [Self.header.components(separatedBy: ",")])
        XCTAssertFalse(run.stdout.contains("Against the baseline"), run.stdout)
    }

    /// A baseline that is not an option is an invalid scenario (exit 2), located at the value.
    func testBadBaselineIsALocatedError() throws {
        let dir = try Tool.temporaryDirectory()
        let text = Self.scenario.replacingOccurrences(of: "baseline: extend", with: "baseline: extnd")
        let file = try Tool.write(text, named: "economic.yaml", in: dir)
        for arguments in [["check", file], ["run", file, "--out", dir.appendingPathComponent("out").path]] {
            let run = try Tool.run(arguments)
            XCTAssertEqual(run.status, 2, arguments[0])
            XCTAssertTrue(
                run.stderr.contains(
                    "economic.yaml:7:11: error: `baseline` must name one of the options, not `extnd`; "
                        + "did you mean `extend`?\n"), run.stderr)
            XCTAssertTrue(
                run.stderr.contains("\n  baseline: extnd\n" + String(repeating: " ", count: 12) + "^\n"), run.stderr)
        }
    }
}
