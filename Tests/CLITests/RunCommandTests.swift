import Foundation
import XCTest

/// End to end: the built tool on small scenarios, checking exit codes, files, columns and
/// numbers that can be known exactly.
final class RunCommandTests: XCTestCase {
    /// Two options without uncertainty in their costs, so every figure is known:
    /// `cheap` pays 1,000 a month for 24 months, `dear` 1,500 a month (0% discounting):
    /// PV(cheap) = 24,000, PV(dear) = 36,000 in every iteration. `dear`'s rate is an input.
    static let deterministic = """
        scenario: Known answers
        start: 2024-01
        horizon: 24 months
        discount: 0%
        iterations: 5000
        seed: 99
        inputs:
          dear_rate: 1500
          noise: uniform(0, 1)
        options:
          cheap:
            costs:
              fee:
                monthly: 1000
          dear:
            costs:
              fee:
                monthly: dear_rate
              rounding:
                one-off: noise * 0
        """

    static let expectedFiles = [
        "summary.csv", "comparison.csv", "economic.csv", "ranking.csv", "cashflow.csv", "lines.csv",
        "distributions.csv", "sensitivity.csv", "switching.csv", "optimism_bias.csv", "affordability.csv",
        "quantiles.csv", "report.html", "business-case.xlsx", "evppi.csv", "run.json"
    ]
    /// Written besides `expectedFiles` by a scenario with criteria (the embedded default).
    static let criteriaFiles = ["acceptability.csv", "central_weights.csv"]

    func testRunWritesEveryFileWithItsColumns() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        for name in Self.expectedFiles {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), name)
        }
        let headers: [String: String] = [
            "summary.csv": "option,metric,unit,mean,sd,se_mean,p5,p10,p50,p80,p90,p95,min,max",
            "comparison.csv": "option_a,option_b,mean_difference,p_a_cheaper,p5,p50,p95",
            "economic.csv":
                "option,baseline,npv_mean,npv_sd,npv_p10,npv_p50,npv_p90,p_npv_positive,pv_costs_mean,"
                + "pv_benefits_mean,npsv_mean,bcr",
            "ranking.csv": "option,p_cheapest,p_best_score,base_case_pv",
            "cashflow.csv": "option,year,discount_factor,mean,p10,p50,p90,pv_mean",
            "lines.csv": "option,line,kind,source_line,pv_mean,pv_p10,pv_p90,type,prices",
            "distributions.csv": "option,quantity,name,source_line,mean,sd,p5,p10,p50,p80,p90,p95,min,max",
            "sensitivity.csv":
                "option,target,input,source_line,rank_correlation,contribution_to_variance,swing_low,swing_high,via",
            "switching.csv": "input,base_value,switching_value,preferred_before,preferred_after",
            "optimism_bias.csv": "option,source,class,mitigation,one_off,recurring,duration,source_line",
            "affordability.csv": "option,financial_year,type,mean,p10,p50,p90,budget,p_over_budget",
            "quantiles.csv": "option,metric,p,value",
            "evppi.csv": "input,source_line,evppi,evppi_se,share_of_evpi"
        ]
        for (name, header) in headers {
            let rows = try readCSV(out + "/" + name)
            XCTAssertEqual(rows.first?.joined(separator: ","), header, name)
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == rows[0].count }, "\(name): ragged rows")
        }
        let summary = try readCSV(out + "/summary.csv")
        let cheap = try XCTUnwrap(summary.first { $0[0] == "cheap" && $0[1] == "pv_cost" })
        XCTAssertEqual(cheap[3], "24000.00")  // mean
        XCTAssertEqual(cheap[4], "0.00")  // sd
        XCTAssertEqual(cheap[8], "24000.00")  // p50
        let dear = try XCTUnwrap(summary.first { $0[0] == "dear" && $0[1] == "pv_cost" })
        XCTAssertEqual(dear[3], "36000.00")
        let quantiles = try readCSV(out + "/quantiles.csv")
        XCTAssertEqual(quantiles.count, 1 + 2 * 3 * 99)
        XCTAssertEqual(quantiles[1], ["cheap", "pv_cost", "0.01", "24000.00"])
        XCTAssertEqual(quantiles[99], ["cheap", "pv_cost", "0.99", "24000.00"])
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""), String(report.prefix(200)))
        let ranking = try readCSV(out + "/ranking.csv")
        XCTAssertEqual(ranking[1], ["cheap", "1", "", "24000.00"])
        XCTAssertEqual(ranking[2], ["dear", "0", "", "36000.00"])
        let comparison = try readCSV(out + "/comparison.csv")
        XCTAssertEqual(comparison[1], ["cheap", "dear", "-12000.00", "1", "-12000.00", "-12000.00", "-12000.00"])
        let cashflow = try readCSV(out + "/cashflow.csv")
        XCTAssertEqual(cashflow[1], ["cheap", "0", "1", "12000.00", "12000.00", "12000.00", "12000.00", "12000.00"])
        let distributions = try readCSV(out + "/distributions.csv")
        XCTAssertEqual(
            distributions[1],
            ["cheap", "year_cash", "0", "", "12000.00", "0.00"] + Array(repeating: "12000.00", count: 8))
        XCTAssertTrue(
            distributions.contains(
                ["dear", "line_pv", "fee", "17", "36000.00", "0.00"] + Array(repeating: "36000.00", count: 8)))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
            as? [String: Any]
        XCTAssertEqual(json?["iterations"] as? Int, 5000)
        XCTAssertEqual(json?["seed"] as? Int, 99)
        XCTAssertEqual(json?["generator"] as? String, "mt19937")
        XCTAssertEqual((json?["scenario_sha256"] as? String)?.count, 64)
    }

    /// `--set dear_rate=500` makes `dear` cost 500 × 24 = 12,000, now the cheaper option.
    func testSetOverridesAnInput() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet", "--set", "dear_rate=500"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let ranking = try readCSV(out + "/ranking.csv")
        XCTAssertEqual(ranking[2], ["dear", "1", "", "12000.00"])
        let bad = try Tool.run(["run", file, "--out", out, "--quiet", "--set", "dear_rat=500"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("dear_rate"), bad.stderr)
        // An error in the second --set is marked on "line" 2 of `--set`, with the text and a caret.
        let broken = try Tool.run([
            "run", file, "--out", out, "--quiet", "--set", "dear_rate=500", "--set", "noise=pert("
        ])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("--set:2:11: error:"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("  noise=pert(\n            ^"), broken.stderr)
    }

    /// The same seed gives byte-identical CSV files on 1 and 2 threads.
    func testSameSeedSameBytesOnAnyThreadCount() throws {
        let dir = try Tool.temporaryDirectory()
        let scenario = Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path
        var outputs: [[String: Data]] = []
        for threads in ["1", "2"] {
            let out = dir.appendingPathComponent("t\(threads)").path
            let run = try Tool.run([
                "run", scenario, "--iterations", "9000", "--threads", threads, "--out", out,
                "--quiet", "--samples"
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            var files: [String: Data] = [:]
            // run.json and report.html record the thread count and the elapsed time.
            for name in Self.expectedFiles + ["samples.csv"] where name != "run.json" && name != "report.html" {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            }
            outputs.append(files)
        }
        for (name, data) in outputs[0] {
            XCTAssertEqual(data, outputs[1][name], "\(name) differs between 1 and 2 threads")
        }
        let samples = try readCSV(dir.appendingPathComponent("t1/samples.csv").path)
        XCTAssertEqual(samples.count, 9001)
    }

    /// A failed run (invalid file) leaves the earlier results in place, untouched.
    func testFailedRunLeavesEarlierResultsIntact() throws {
        let dir = try Tool.temporaryDirectory()
        let good = try Tool.write(Self.deterministic, named: "known.yaml", in: dir)
        let broken = try Tool.write("scenario: broken\nstart: 2024-13\n", named: "broken.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        XCTAssertEqual(try Tool.run(["run", good, "--out", out, "--quiet"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.csv"))
        let failed = try Tool.run(["run", broken, "--out", out])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/summary.csv")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testJSONFormatAndDefaultScenario() throws {
        let dir = try Tool.temporaryDirectory()
        let run = try Tool.run(["run", "--iterations", "4096", "--format", "json", "--out", dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let options = json?["options"] as? [[String: Any]]
        XCTAssertEqual(options?.compactMap { $0["option"] as? String }, ["reprocure", "siam", "shared-service"])
        let total = options?.compactMap { $0["p_cheapest"] as? Double }.reduce(0, +) ?? 0
        XCTAssertEqual(total, 1, accuracy: 1e-12)
    }

    func testTextSummaryNamesTheDefaultScenario() throws {
        let dir = try Tool.temporaryDirectory()
        let run = try Tool.run(["run", "--iterations", "4096", "--out", dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("embedded default"), run.stderr)
        for text in ["P(cheapest)", "Preferred by expected PV", "What drives", "Monte Carlo precision", "Base case"] {
            XCTAssertTrue(run.stdout.contains(text), "summary lacks '\(text)':\n\(run.stdout)")
        }
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try Tool.run(["run", "--iterations", "0"]).status, 64)
        XCTAssertEqual(try Tool.run(["run", "--sampling", "sobol"]).status, 64)
        XCTAssertEqual(try Tool.run(["run", "--precision", "abc"]).status, 64)
        XCTAssertEqual(try Tool.run(["run", "--set", "novalue"]).status, 64)
    }

    /// `--sampling` takes the scenario language's sampling methods, parsed by the argument
    /// parser: `--help` lists them, a valid one is used (and recorded in run.json), any other
    /// value is a usage error (exit 64) that names the value and lists the valid ones.
    func testSamplingIsParsedAsAMethod() throws {
        let bad = try Tool.run(["run", "--sampling", "sobol", "--quiet"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(
            bad.stderr.hasPrefix(
                "Error: The value 'sobol' is invalid for '--sampling <sampling>'. "
                    + "Please provide one of 'monte-carlo' and 'latin-hypercube'.\n"), bad.stderr)
        XCTAssertEqual(bad.stdout, "")
        // The raw values only: the Swift case names are not accepted.
        XCTAssertEqual(try Tool.run(["run", "--sampling", "monteCarlo", "--quiet"]).status, 64)
        XCTAssertEqual(try Tool.run(["run", "--sampling", "", "--quiet"]).status, 64)
        let help = try Tool.run(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(
            help.stdout.contains("(values:\n                          monte-carlo, latin-hypercube)")
                || help.stdout.contains("(values: monte-carlo, latin-hypercube)"), help.stdout)
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.deterministic, named: "known.yaml", in: dir)
        for method in ["monte-carlo", "latin-hypercube"] {
            let out = dir.appendingPathComponent(method).path
            let run = try Tool.run(["run", file, "--sampling", method, "--iterations", "1024", "--out", out, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let json =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
                as? [String: Any]
            XCTAssertEqual(json?["sampling"] as? String, method)
        }
    }

    /// `check` and `run` read the scenario file and `--set` through the same arguments: a
    /// malformed `--set` is the same usage error in both; `parse` and `bench` take no `--set`.
    func testScenarioArgumentsAreSharedByCheckAndRun() throws {
        for command in ["check", "run"] {
            let run = try Tool.run([command, "--set", "=5"])
            XCTAssertEqual(run.status, 64, command)
            XCTAssertTrue(
                run.stderr.hasPrefix(
                    "Error: --set expects NAME=EXPRESSION, e.g. --set incumbent_run_rate=5.2m (got '=5')\n"), run.stderr
            )
            XCTAssertEqual(try Tool.run([command, "/nonexistent/scenario.yaml"]).status, 66, command)
        }
        for command in ["parse", "bench"] {
            XCTAssertEqual(try Tool.run([command, "--set", "a=1"]).status, 64, command)
            XCTAssertEqual(try Tool.run([command, "/nonexistent/scenario.yaml"]).status, 66, command)
        }
    }

    /// More iterations than memory can hold is refused before anything runs, with the limit.
    func testTooManyIterationsIsRefusedClearly() throws {
        let run = try Tool.run(["run", "--iterations", "1000000000000", "--quiet"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("GB for their per-iteration results"), run.stderr)
        XCTAssertTrue(run.stderr.contains("use at most"), run.stderr)
    }

    func testMissingFileExits66() throws {
        let run = try Tool.run(["run", "/nonexistent/scenario.yaml"])
        XCTAssertEqual(run.status, 66)
        XCTAssertTrue(run.stderr.contains("cannot read scenario"), run.stderr)
    }

    /// `--precision` adds iterations until every option's mean PV has a relative standard error
    /// below the target.
    func testPrecisionAddsIterations() throws {
        let dir = try Tool.temporaryDirectory()
        let run = try Tool.run(["run", "--iterations", "4096", "--precision", "0.02%", "--out", dir.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("run.json")))
            as? [String: Any]
        let iterations = try XCTUnwrap(json?["iterations"] as? Int)
        XCTAssertGreaterThan(iterations, 4096)
        let summary = try readCSV(dir.appendingPathComponent("summary.csv").path)
        for row in summary where row[1] == "pv_cost" {
            let mean = try XCTUnwrap(Double(row[3])), se = try XCTUnwrap(Double(row[5]))
            XCTAssertLessThan(se / mean, 0.0002, row[0])
        }
        // The rounds continue the run they have; the files are those of a plain run of the
        // final size.
        let plain = dir.deletingLastPathComponent().appendingPathComponent("plain-\(iterations)")
        let again = try Tool.run(["run", "--iterations", "\(iterations)", "--out", plain.path, "--quiet"])
        XCTAssertEqual(again.status, 0, again.stderr)
        for name in Self.expectedFiles where name != "run.json" && name != "report.html" {
            XCTAssertEqual(
                try Data(contentsOf: dir.appendingPathComponent(name)),
                try Data(contentsOf: plain.appendingPathComponent(name)), name)
        }
    }
}
