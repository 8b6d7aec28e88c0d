import Foundation
import XCTest

/// `run --variant`, `run --variants` and `run --sweep` end to end: files, columns, terminal
/// output, `run.json` and exit codes.
final class WhatIfRunTests: XCTestCase {
    /// PV(a) = x, PV(b) = 150 + y, no discounting: b preferred in the base case; `cheap a` and
    /// `dear b` prefer a; `longer` changes nothing the one-off costs see.
    static let scenario = """
        scenario: What if
        start: 2020-01
        horizon: 12 months
        discount: 0%
        iterations: 2000
        inputs:
          x: pert(100, 200, 400)
          y: uniform(0, 100)
        options:
          a:
            costs:
              c:
                one-off: x
          b:
            costs:
              c:
                one-off: 150 + y
        variants:
          cheap a:
            x: pert(50, 100, 150)
          dear b:
            y: uniform(100, 200)
          longer:
            horizon: 24 months

        """

    private func setUp(_ text: String = scenario) throws -> (dir: URL, file: String) {
        let dir = try Tool.temporaryDirectory()
        return (dir, try Tool.write(text, named: "whatif.yaml", in: dir))
    }

    private func column(_ rows: [[String]], _ name: String) throws -> [String] {
        let j = try XCTUnwrap(rows.first?.firstIndex(of: name), "no column \(name)")
        return rows.dropFirst().map { $0[j] }
    }

    private func runJSON(_ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A variant uses the same draws as a plain run with the same seed: the input it does not
    /// touch has the identical column in samples.csv; `run.json` names the variant.
    func testVariantKeepsTheDrawsOfUntouchedInputs() throws {
        let (dir, file) = try setUp()
        let plain = dir.appendingPathComponent("plain").path, variant = dir.appendingPathComponent("variant").path
        XCTAssertEqual(try Tool.run(["run", file, "--out", plain, "--quiet", "--samples"]).status, 0)
        let run = try Tool.run(["run", file, "--variant", "cheap a", "--out", variant, "--quiet", "--samples"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let a = try readCSV(plain + "/samples.csv"), b = try readCSV(variant + "/samples.csv")
        XCTAssertEqual(try column(a, "y"), try column(b, "y"))
        XCTAssertEqual(try column(a, "pv_b"), try column(b, "pv_b"))
        XCTAssertNotEqual(try column(a, "x"), try column(b, "x"))
        XCTAssertEqual(try runJSON(variant)["variant"] as? String, "cheap a")
        XCTAssertTrue(try runJSON(plain)["variant"] is NSNull)
        XCTAssertEqual(try runJSON(plain)["overrides"] as? [String], [])
        XCTAssertTrue(try runJSON(plain)["sweep"] is NSNull)
    }

    /// A variant that holds an uncertain input at a constant keeps every other draw of the base
    /// case (it runs the base plan with the input pinned): b, which reads only y, has exactly the
    /// base case's figures (Monte Carlo sampling, where a shifted draw would show).
    func testVariantHoldingAnInputAtAConstantKeepsTheOtherDraws() throws {
        let text = Self.scenario.replacingOccurrences(of: "  longer:\n", with: "  x fixed:\n    x: 300\n  longer:\n")
            .replacingOccurrences(of: "iterations: 2000\n", with: "iterations: 2000\nsampling: monte-carlo\n")
        let (dir, file) = try setUp(text)
        let out = dir.appendingPathComponent("o").path
        let run = try Tool.run(["run", file, "--variants", "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/variants.csv")
        let base = try XCTUnwrap(rows.first { $0[0] == "base" && $0[1] == "b" })
        let b = try XCTUnwrap(rows.first { $0[0] == "x fixed" && $0[1] == "b" })
        let a = try XCTUnwrap(rows.first { $0[0] == "x fixed" && $0[1] == "a" })
        XCTAssertEqual(Array(b[2...5]), Array(base[2...5]))
        XCTAssertEqual(Array(a[2...5]), ["300.00", "300.00", "300.00", "300.00"])
    }

    func testUnknownVariantIsAUsageErrorWithASuggestion() throws {
        let (dir, file) = try setUp()
        let run = try Tool.run(["run", file, "--variant", "cheap", "--out", dir.appendingPathComponent("o").path])
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "error: --variant: the scenario has no variant `cheap`; did you mean `cheap a`?\n")
        let none = try Tool.run(["run", file, "--variant", "ten years", "--out", dir.appendingPathComponent("o").path])
        XCTAssertEqual(none.status, 64)
        XCTAssertEqual(
            none.stderr,
            "error: --variant: the scenario has no variant `ten years`; the variants are `cheap a`, `dear b`, `longer`\n")
    }

    /// variants.csv: base first, then the variants in file order, every option on each; the base
    /// rows are the run's own summary.csv and ranking.csv figures; the terminal table marks the
    /// variants whose preferred option differs from the base case's.
    func testVariantsWritesVariantsCSVAndTheTable() throws {
        let (dir, file) = try setUp()
        let out = dir.appendingPathComponent("o").path
        let run = try Tool.run(["run", file, "--variants", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/variants.csv")
        XCTAssertEqual(rows[0], ["variant", "option", "pv_mean", "pv_p10", "pv_p50", "pv_p90", "p_cheapest", "preferred"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] + "/" + $0[1] }, [
            "base/a", "base/b", "cheap a/a", "cheap a/b", "dear b/a", "dear b/b", "longer/a", "longer/b"
        ])
        XCTAssertEqual(try column(rows, "preferred"), ["b", "b", "a", "a", "a", "a", "b", "b"])
        let summary = try readCSV(out + "/summary.csv").filter { $0[1] == "pv_cost" }
        let ranking = try readCSV(out + "/ranking.csv")
        for (k, option) in ["a", "b"].enumerated() {
            let s = try XCTUnwrap(summary.first { $0[0] == option })
            XCTAssertEqual(Array(rows[1 + k][2...5]), [s[3], s[7], s[8], s[10]], "base row of \(option) is summary.csv's")
            XCTAssertEqual(rows[1 + k][6], try XCTUnwrap(ranking.first { $0[0] == option })[1])
        }
        // `longer` moves no draw the one-off costs use: the same figures as the base case.
        XCTAssertEqual(Array(rows[7][2...]), Array(rows[1][2...]))
        XCTAssertTrue(run.stdout.contains("Variants on the same draws (seed 1): mean PV and P(cheapest)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("cheap a !  a *        £100       100.0%\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("longer     a          £217        42.9%\n"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains(
                "* preferred (lowest mean PV). ! prefers another option than the base case: cheap a, dear b.\n"),
            run.stdout)
        XCTAssertTrue(run.stdout.contains("variants.csv") && run.stdout.contains("\(out)/report.html"), run.stdout)
        for line in run.stdout.split(separator: "\n") where line.contains("£") && !line.contains(":") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
    }

    /// Known answer: PV(a) = x, so with x held at each value the mean PV of a is that value
    /// (exactly, to the CSV's cents) while b's figures stay the same at every step.
    func testSweepWritesSweepCSVAndTheSwitchingValue() throws {
        let (dir, file) = try setUp()
        let out = dir.appendingPathComponent("o").path
        let run = try Tool.run(["run", file, "--sweep", "x=100..400:3", "--out", out, "--set", "y=uniform(0, 100)"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/sweep.csv")
        XCTAssertEqual(rows[0], ["input", "value", "option", "pv_mean", "pv_p10", "pv_p90", "p_cheapest"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] + " " + $0[1] + " " + $0[2] }, [
            "x 100 a", "x 100 b", "x 250 a", "x 250 b", "x 400 a", "x 400 b"
        ])
        XCTAssertEqual(rows.dropFirst().filter { $0[2] == "a" }.map { $0[3] }, ["100.00", "250.00", "400.00"])
        XCTAssertEqual(Set(rows.dropFirst().filter { $0[2] == "b" }.map { $0[3] }).count, 1)
        XCTAssertEqual(rows.dropFirst().filter { $0[2] == "a" }.map { $0[6] }, ["1", "0", "0"])
        XCTAssertTrue(
            run.stdout.contains(
                "Switching value: between x = 100 and 250\n  the preferred option changes from a to b.\n"),
            run.stdout)
        let section = try XCTUnwrap(run.stdout.range(of: "Sweep of x")).lowerBound
        let end = try XCTUnwrap(run.stdout.range(of: "Files written")).lowerBound
        for line in run.stdout[section..<end].split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        XCTAssertEqual(try runJSON(out)["sweep"] as? String, "x=100..400:3")
        XCTAssertEqual(try runJSON(out)["overrides"] as? [String], ["y=uniform(0, 100)"])
        let flat = try Tool.run(["run", file, "--sweep", "y=0..10:2", "--out", out])
        XCTAssertEqual(flat.status, 0, flat.stderr)
        XCTAssertTrue(
            flat.stdout.contains("The preferred option does not change: b at every value\n  from 0 to 10.\n"), flat.stdout)
    }

    func testSweepErrorsAreLocated() throws {
        let (dir, file) = try setUp()
        let out = dir.appendingPathComponent("o").path
        let down = try Tool.run(["run", file, "--sweep", "x=400..100", "--out", out])
        XCTAssertEqual(down.status, 2)
        XCTAssertEqual(
            down.stderr,
            "--sweep:1:3: error: `--sweep` range goes down: FROM (400) is above TO (100)\n  x=400..100\n    ^\n"
                + "1 error generated.\n")
        let unknown = try Tool.run(["run", file, "--sweep", "xx=1..2", "--out", out])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(
            unknown.stderr.hasPrefix("--sweep:1:1: error: unknown input `xx` in `--sweep`; did you mean `x`?\n"),
            unknown.stderr)
        let steps = try Tool.run(["run", file, "--sweep", "x=1..2:1", "--out", out])
        XCTAssertEqual(steps.status, 2)
        XCTAssertTrue(steps.stderr.hasPrefix("--sweep:1:8: error: `--sweep` needs at least 2 steps, not 1\n"), steps.stderr)
        let malformed = try Tool.run(["run", file, "--sweep", "x=100", "--out", out])
        XCTAssertEqual(malformed.status, 64)
        XCTAssertTrue(malformed.stderr.contains("--sweep expects NAME=FROM..TO[:STEPS]"), malformed.stderr)
        let both = try Tool.run(["run", file, "--sweep", "x=1..2", "--variants", "--out", out])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains("--variant, --variants and --sweep cannot be combined"), both.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// `check` lists the variants and builds every one: a mistake in a variant fails the check.
    func testCheckListsAndValidatesEveryVariant() throws {
        let (_, file) = try setUp()
        let good = try Tool.run(["check", file])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(
            good.stdout.contains(
                "Variants (run --variant NAME, or --variants for all on the same draws):\n"
                    + "  cheap a [line 19]: x\n  dear b [line 21]: y\n  longer [line 23]: horizon\n"), good.stdout)
        let json = try Tool.run(["check", "--format", "json", file])
        XCTAssertEqual(json.status, 0, json.stderr)
        let model = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let variants = try XCTUnwrap(model["variants"] as? [[String: Any]])
        XCTAssertEqual(variants.map { $0["name"] as? String }, ["cheap a", "dear b", "longer"])
        XCTAssertEqual(variants.map { $0["line"] as? Int }, [19, 21, 23])
        XCTAssertEqual(variants.map { $0["column"] as? Int }, [3, 3, 3])
        XCTAssertEqual(variants.map { $0["keys"] as? [String] }, [["x"], ["y"], ["horizon"]])
        let (_, broken) = try setUp(Self.scenario.replacingOccurrences(of: "horizon: 24 months\n", with: "horizon: 0\n"))
        let bad = try Tool.run(["check", broken])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.stderr.hasPrefix(
                broken + ":24:14: error: `horizon` must be a positive duration, such as `69 months` or `5 years`\n"),
            bad.stderr)
    }

    /// `report.html` of a `--variants` run has the variants section (a row per case and option,
    /// the changed cases marked) and no sweep; of a `--sweep` run, the sweep's two charts with
    /// the switching marker; a plain run has neither.
    func testReportShowsTheVariantsAndTheSweep() throws {
        let (dir, file) = try setUp()
        let variants = dir.appendingPathComponent("variants").path, sweep = dir.appendingPathComponent("sweep").path
        let plain = dir.appendingPathComponent("plain").path
        let v = try Tool.run(["run", file, "--variants", "--out", variants, "--quiet"])
        XCTAssertEqual(v.status, 0, v.stderr)
        let s = try Tool.run(["run", file, "--sweep", "x=100..400:4", "--out", sweep, "--quiet"])
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertEqual(try Tool.run(["run", file, "--out", plain, "--quiet"]).status, 0)
        let vr = try String(contentsOfFile: variants + "/report.html", encoding: .utf8)
        let sr = try String(contentsOfFile: sweep + "/report.html", encoding: .utf8)
        let pr = try String(contentsOfFile: plain + "/report.html", encoding: .utf8)
        XCTAssertTrue(vr.contains("<section id=\"variants\">"))
        XCTAssertFalse(vr.contains("<section id=\"sweep\">"))
        XCTAssertEqual(vr.components(separatedBy: "<tr class=\"changed\">").count - 1, 4, "cheap a and dear b, 2 options each")
        XCTAssertTrue(vr.contains("The preferred option changes in: cheap a, dear b."))
        XCTAssertTrue(sr.contains("<section id=\"sweep\">"))
        XCTAssertFalse(sr.contains("<section id=\"variants\">"))
        XCTAssertEqual(sr.components(separatedBy: "<line class=\"switch\"").count - 1, 2, "one switch on each chart")
        XCTAssertFalse(pr.contains("<section id=\"variants\">") || pr.contains("<section id=\"sweep\">"))
        // The provenance names the sweep as written.
        XCTAssertTrue(sr.contains("<td>sweep (--sweep)</td><td>x=100..400:4</td>"), sr)
        XCTAssertTrue(pr.contains("<td>sweep (--sweep)</td><td>none</td>"))
    }
}

/// The shipped Southwark scenario's variants and a sweep of its incumbent run rate.
final class SouthwarkWhatIfTests: XCTestCase {
    func testVariantsAndSweepRunOnSouthwark() throws {
        let dir = try Tool.temporaryDirectory()
        let scenario = Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path
        let out = dir.appendingPathComponent("v").path
        let run = try Tool.run(["run", scenario, "--variants", "--iterations", "3000", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/variants.csv")
        XCTAssertEqual(
            rows.dropFirst().map { $0[0] }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } },
            ["base", "lower incumbent run rate", "partner exit likelier", "ten-year horizon"])
        XCTAssertEqual(rows.count, 1 + 4 * 3)
        // The partner-exit case changes only the shared service: the other options keep their figures.
        XCTAssertEqual(Array(rows[1][2...5]), Array(rows[7][2...5]))
        XCTAssertNotEqual(rows[3][2], rows[9][2])
        let sweep = dir.appendingPathComponent("s").path
        let swept = try Tool.run([
            "run", scenario, "--sweep", "incumbent_run_rate=3.5m..5.5m:5", "--iterations", "3000", "--out", sweep
        ])
        XCTAssertEqual(swept.status, 0, swept.stderr)
        XCTAssertEqual(try readCSV(sweep + "/sweep.csv").count, 1 + 5 * 3)
        XCTAssertTrue(swept.stdout.contains("Switching value: between incumbent_run_rate = "), swept.stdout)
    }
}
