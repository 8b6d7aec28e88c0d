import Foundation
import XCTest

/// The financial case and the price basis from the command line: `affordability.csv`, the
/// summary's lines, `run.json`, and the checks `check` reports.
final class FinancialCaseCLITests: XCTestCase {
    /// 10k a month of cash from February 2020 for two years (0% inflation, so cash = amounts),
    /// and a capital one-off drawn uniformly in 0..100k at start. Financial years from April:
    /// 2019/20 holds February and March 2020 (20k of revenue), 2020/21 twelve months (120k),
    /// 2021/22 ten (100k).
    static func scenario(
        inflation: String = "inflation: 0%\n", budget: String = "  revenue: {2019/20: 15k, 2020/21: 100k}\n"
    )
        -> String
    {
        """
        scenario: affordable
        start: 2020-02
        horizon: 24 months
        discount: 0%
        \(inflation)iterations: 2000
        seed: 4
        budget:
        \(budget)  capital: 50k
        options:
          a:
            costs:
              service:
                monthly: 10k
                prices: nominal
              kit:
                one-off: uniform(0, 100k)
                type: capital

        """
    }

    func testAffordabilityFileSummaryAndRunJSON() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario(), named: "affordable.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/affordability.csv")
        XCTAssertEqual(rows.count, 1 + 3 * 3)
        let fixed = rows.filter { $0[2] != "capital" || $0[1] != "2019/20" }
        XCTAssertEqual(
            fixed.dropFirst().filter { $0[2] != "total" || $0[1] != "2019/20" },
            [
                ["a", "2019/20", "revenue", "20000.00", "20000.00", "20000.00", "20000.00", "15000.00", "1"],
                ["a", "2020/21", "capital", "0.00", "0.00", "0.00", "0.00", "50000.00", "0"],
                ["a", "2020/21", "revenue", "120000.00", "120000.00", "120000.00", "120000.00", "100000.00", "1"],
                ["a", "2020/21", "total", "120000.00", "120000.00", "120000.00", "120000.00", "150000.00", "0"],
                ["a", "2021/22", "capital", "0.00", "0.00", "0.00", "0.00", "50000.00", "0"],
                ["a", "2021/22", "revenue", "100000.00", "100000.00", "100000.00", "100000.00", "", ""],
                ["a", "2021/22", "total", "100000.00", "100000.00", "100000.00", "100000.00", "", ""]
            ])
        // P(U > 50k) = 0.5 for the capital line; P(20k + U > 65k) = P(U > 45k) = 0.55 for the
        // total. Latin hypercube strata make both within a stratum's width of exact.
        let capital = try XCTUnwrap(rows.first { $0[1] == "2019/20" && $0[2] == "capital" })
        XCTAssertEqual(capital[7], "50000.00")
        XCTAssertEqual(try XCTUnwrap(Double(capital[8])), 0.5, accuracy: 0.01)
        let total = try XCTUnwrap(rows.first { $0[1] == "2019/20" && $0[2] == "total" })
        XCTAssertEqual(total[7], "65000.00")
        XCTAssertEqual(try XCTUnwrap(Double(total[8])), 0.55, accuracy: 0.01)

        XCTAssertTrue(
            run.stdout.contains(
                "Economic case: real prices of 2020-02, discounted at 0% a year\n"
                    + "Inflation 0% a year; 1 line in cash prices, deflated\n"
            ),
            run.stdout)
        XCTAssertTrue(
            run.stdout.contains(
                "Financial case (affordability.csv): cash prices, undiscounted, years from April:\n"),
            run.stdout)
        XCTAssertTrue(
            run.stdout.contains(
                "  a: highest year 2020/21, mean £120k, P90 £120k; P(over budget) up to 100.0%\n"
                    + "    (2019/20 revenue)\n"),
            run.stdout)

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
                as? [String: Any])
        XCTAssertEqual(json["prices"] as? String, "real")
        XCTAssertEqual(json["price_base"] as? String, "2020-02")
        XCTAssertEqual(json["economic_case_basis"] as? String, "real prices of 2020-02, discounted")
        XCTAssertEqual(json["financial_year_start"] as? Int, 4)
        let inflation = try XCTUnwrap(json["inflation"] as? [String: Any])
        XCTAssertEqual(inflation["written"] as? String, "0%")
        XCTAssertEqual(inflation["by_year"] as? [Double], [0, 0])
        let lines = try readCSV(out + "/lines.csv")
        XCTAssertEqual(lines.map { $0.suffix(2) }, [["type", "prices"], ["revenue", "nominal"], ["capital", "real"]])
    }

    /// A nominal line without `inflation:` runs with the default 2%, which `check` says as a
    /// warning at the `nominal`; `--strict` refuses it.
    func testDefaultInflationIsAWarningUnderCheck() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.scenario(inflation: ""), named: "default.yaml", in: dir)
        let check = try Tool.run(["check", file])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(
            check.stderr.contains(
                "default.yaml:15:17: warning: cash (nominal) prices are converted to real prices with inflation, "
                    + "but the scenario sets no `inflation`: the default of 2% a year is used"), check.stderr)
        XCTAssertTrue(check.stderr.contains("          prices: nominal\n                  ^"), check.stderr)
        XCTAssertTrue(check.stdout.contains("inflation 2% a year (the default)"), check.stdout)
        let strict = try Tool.run(["check", "--strict", file])
        XCTAssertEqual(strict.status, 2)
    }

    /// A budget for a financial year outside the appraisal is an error at the year.
    func testBudgetYearOutsideTheHorizonIsLocated() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            Self.scenario(budget: "  revenue: {2019/20: 15k, 2030/31: 100k}\n"), named: "late.yaml", in: dir)
        let check = try Tool.run(["check", file])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(
            check.stderr.contains(
                "late.yaml:9:27: error: financial year `2030/31` of the revenue budget is outside the appraisal, "
                    + "which covers `2019/20` to `2021/22`"), check.stderr)
    }

    /// The shipped scenarios keep passing `check --strict` on their new keys: the template's
    /// commented examples, uncommented, are clean too.
    func testTemplateExamplesPassStrictCheck() throws {
        let template = try String(
            contentsOf: Tool.packageRoot.appendingPathComponent("scenarios/template.yaml"), encoding: .utf8)
        var text = ""
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            let keys = ["prices:", "price-base:", "inflation:", "financial-year-start:", "budget:"]
            if keys.contains(where: { line.hasPrefix("# " + $0) }) {
                text += line.dropFirst(2) + "\n"
            } else if line.hasPrefix("#   revenue:") || line.hasPrefix("#   capital:") {
                text += "  " + line.dropFirst(4) + "\n"
            } else if line.hasPrefix("        # type:") || line.hasPrefix("        # prices:") {
                text += "        " + line.dropFirst(10) + "\n"
            } else {
                text += line + "\n"
            }
        }
        XCTAssertTrue(text.contains("\nbudget:") && text.contains("        type: capital"), text)
        let dir = try Tool.temporaryDirectory()
        for (name, body) in [("template.yaml", template), ("uncommented.yaml", text)] {
            let file = try Tool.write(body, named: name, in: dir)
            let check = try Tool.run(["check", "--strict", file])
            XCTAssertEqual(check.status, 0, name + ": " + check.stderr)
        }
    }
}
