import Foundation
import XCTest

/// End to end: a run's files are one set (old or new, never a mixture, no temporaries left),
/// signals stop a run cleanly, and a bad `--out` fails before anything is simulated.
final class RunOutputTests: XCTestCase {
    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private func data(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A run without `--samples` after one with it leaves no `samples.csv` from the earlier run.
    func testRunWithoutSamplesRemovesTheEarlierSamplesFile() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        XCTAssertEqual(try Tool.run(["run", file, "--out", out, "--quiet", "--samples"]).status, 0)
        XCTAssertEqual(entries(out), (RunCommandTests.expectedFiles + ["samples.csv"]).sorted())
        let run = try Tool.run(["run", file, "--out", out + "/", "--quiet", "--iterations", "3000"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(entries(out), RunCommandTests.expectedFiles.sorted())
        XCTAssertEqual(entries(dir.path), ["known.yaml", "out"], "no temporary directory left beside the output")
    }

    /// A temporary directory left by a killed run (its process gone) is removed by the next run;
    /// one of a live process is not.
    func testTemporaryOfAKilledRunIsRemovedByTheNextRun() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let stale = dir.appendingPathComponent(".out.tmp-2147483647-0").path
        let live = dir.appendingPathComponent(".out.tmp-\(getpid())-0").path
        for path in [stale, live] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try "half".write(toFile: path + "/summary.csv", atomically: false, encoding: .utf8)
            try "half".write(toFile: path + "/.run.json.tmp-2147483647-4", atomically: false, encoding: .utf8)
        }
        let run = try Tool.run(["run", file, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(entries(dir.path), [".out.tmp-\(getpid())-0", "known.yaml", "out"])
        XCTAssertEqual(entries(live), [".run.json.tmp-2147483647-4", "summary.csv"])
    }

    /// SIGTERM and SIGINT stop a long run with 143 and 130; the earlier files stay as they were
    /// and no temporary is left.
    func testSignalsStopTheRunCleanly() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        XCTAssertEqual(try Tool.run(["run", file, "--out", out, "--quiet"]).status, 0)
        let before = try data(out + "/summary.csv")
        for (signal, expected) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let process = Process()
            process.executableURL = Tool.executable
            process.arguments = ["run", "--iterations", "2000000", "--threads", "1", "--out", out, "--quiet"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.5)
            XCTAssertTrue(process.isRunning, "the run ended before the signal")
            kill(process.processIdentifier, signal)
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit)
            XCTAssertEqual(process.terminationStatus, expected)
            XCTAssertTrue(message.hasSuffix("interrupted: the run stopped before writing any file\n"), message)
            XCTAssertEqual(try data(out + "/summary.csv"), before)
            XCTAssertEqual(entries(out), RunCommandTests.expectedFiles.sorted())
            XCTAssertEqual(entries(dir.path), ["known.yaml", "out"])
        }
    }

    /// SIGTERM while the files are being written (the temporary directory beside the output has
    /// appeared): the run still exits 143 and leaves no temporary directory; the output is the
    /// previous set (or, if the signal came just after the swap, the complete new one).
    func testSignalWhileWritingLeavesOneCompleteSet() throws {
        let dir = try Tool.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        XCTAssertEqual(try Tool.run(["run", "--iterations", "1024", "--out", out, "--quiet"]).status, 0)
        let before = try data(out + "/summary.csv")
        let process = Process()
        process.executableURL = Tool.executable
        process.arguments = ["run", "--iterations", "20000", "--out", out, "--quiet", "--samples"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The staging directory once it holds a file: the run also creates and removes an empty
        // directory of the same form at the start, to check that it can.
        func writing() -> Bool {
            entries(dir.path).contains { $0.hasPrefix(".out.tmp-") && !entries(dir.path + "/" + $0).isEmpty }
        }
        while process.isRunning && !writing() { Thread.sleep(forTimeInterval: 0.01) }
        kill(process.processIdentifier, SIGTERM)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 143, message)
        XCTAssertEqual(entries(dir.path), ["out"])
        if message == "interrupted: nothing was written; the files in \(out)/ are as they were\n" {
            XCTAssertEqual(try data(out + "/summary.csv"), before)
            XCTAssertEqual(entries(out), (RunCommandTests.expectedFiles + RunCommandTests.criteriaFiles).sorted())
        } else {
            XCTAssertEqual(message, "interrupted: the run's files were already complete in \(out)/\n")
            XCTAssertEqual(try readCSV(out + "/samples.csv").count, 20001)
        }
    }

    /// `--out ''` is a usage error and writes nothing (in particular not into `/` or the current
    /// directory).
    func testEmptyOutIsAUsageError() throws {
        let dir = try Tool.temporaryDirectory()
        let run = try Tool.run(["run", "--iterations", "1024", "--out", ""], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("--out needs a directory name"), run.stderr)
        XCTAssertEqual(entries(dir.path), [])
    }

    /// An `--out` that cannot be written fails with exit 1 before the simulation (nothing of a
    /// run printed), with the path and the reason.
    func testImpossibleOutFailsBeforeTheSimulation() throws {
        let dir = try Tool.temporaryDirectory()
        let blocker = try Tool.write("x", named: "blocker", in: dir)
        let occupied = dir.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
        try "mine".write(to: occupied.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let cases: [(String, String)] = [
            (blocker + "/out", "cannot write \(blocker)/out: create a directory in \(blocker) failed: Not a directory"),
            (blocker, "cannot write \(blocker): replace the directory failed: Not a directory"),
            (
                "/proc/sourcing-sim-test/out",
                "cannot write /proc/sourcing-sim-test/out: create a directory in /proc failed"
            ),
            (
                occupied.path,
                "cannot write \(occupied.path): replace the directory failed: it holds notes.txt, which is not "
                    + "one of the files written there"
            ),
            ("/", "cannot write /: replace the directory failed: the root directory cannot be replaced")
        ]
        for (out, message) in cases {
            let run = try Tool.run(["run", "--iterations", "200000", "--out", out, "--format", "json"], in: dir)
            XCTAssertEqual(run.status, 1, out)
            XCTAssertEqual(run.stdout, "", out)
            XCTAssertTrue(run.stderr.contains("error: " + message), run.stderr)
        }
        XCTAssertEqual(entries(dir.path), ["blocker", "occupied"])
        XCTAssertEqual(entries(occupied.path), ["notes.txt"])
    }

    /// run.json records the output directory: `--out` as given, or the default the run chose,
    /// `notebooks-output/<slug>` relative to the current directory, where the files then are.
    func testRunJSONRecordsTheOutputDirectory() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        func recorded(_ runJSON: String) throws -> String? {
            let json = try JSONSerialization.jsonObject(with: data(runJSON)) as? [String: Any]
            return json?["output_directory"] as? String
        }
        let out = dir.appendingPathComponent("chosen").path
        XCTAssertEqual(try Tool.run(["run", file, "--out", out, "--quiet"]).status, 0)
        XCTAssertEqual(try recorded(out + "/run.json"), out)
        let relative = try Tool.run(["run", "known.yaml", "--out", "sub/dir", "--quiet"], in: dir)
        XCTAssertEqual(relative.status, 0, relative.stderr)
        XCTAssertEqual(try recorded(dir.path + "/sub/dir/run.json"), "sub/dir")
        let byDefault = try Tool.run(["run", "known.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(byDefault.status, 0, byDefault.stderr)
        XCTAssertEqual(
            try recorded(dir.path + "/notebooks-output/known-answers/run.json"),
            "notebooks-output/known-answers")
        let printed = try JSONSerialization.jsonObject(with: Data(byDefault.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(
            (printed?["run"] as? [String: Any])?["output_directory"] as? String, "notebooks-output/known-answers")
        XCTAssertEqual((printed?["files"] as? [String])?.first, "notebooks-output/known-answers/summary.csv")
        // The key sits after the scenario's identity, before the run's settings.
        let text = try String(contentsOfFile: out + "/run.json", encoding: .utf8)
        XCTAssertTrue(
            text.contains("\"scenario_sha256\": \"")
                && text.contains(
                    "\",\n  \"output_directory\": \"" + out
                        + "\",\n  \"seed\": 99,"),
            text)
    }

    /// A seed above 2^63 is recorded exactly in run.json, and running again with the recorded
    /// seed gives the same files (a clamped seed would give other numbers).
    func testLargestSeedIsRecordedExactly() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            RunCommandTests.deterministic.replacingOccurrences(of: "noise * 0", with: "noise * 1000"),
            named: "noisy.yaml", in: dir)
        func run(_ seed: String, _ name: String) throws -> String {
            let out = dir.appendingPathComponent(name).path
            let result = try Tool.run(["run", file, "--out", out, "--quiet", "--seed", seed])
            XCTAssertEqual(result.status, 0, result.stderr)
            return out
        }
        let first = try run("18446744073709551615", "first")
        let json = try String(contentsOfFile: first + "/run.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\n  \"seed\": 18446744073709551615,\n"), json)
        let again = try run("18446744073709551615", "again")
        let clamped = try run(String(Int64.max), "clamped")
        for name in RunCommandTests.expectedFiles where name != "run.json" && name != "report.html" {
            XCTAssertEqual(try data(first + "/" + name), try data(again + "/" + name), name)
        }
        XCTAssertNotEqual(try data(first + "/summary.csv"), try data(clamped + "/summary.csv"))
    }

    /// A `--precision` that the iteration cap cannot reach is refused with exit 1 and no files.
    func testUnreachablePrecisionFails() throws {
        let dir = try Tool.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", "--iterations", "2048", "--precision", "0.00001%", "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.hasPrefix(
                "error: --precision 0.00001% cannot be reached: after 2048 iterations the mean PV of "),
            run.stderr)
        XCTAssertTrue(run.stderr.contains("; a run may have at most "), run.stderr)
        XCTAssertEqual(entries(dir.path), [])
    }

    func testVersionNamesToolAndGSL() throws {
        let run = try Tool.run(["--version"])
        XCTAssertEqual(run.status, 0)
        let gsl = try XCTUnwrap(run.stdout.split(separator: "GSL ").last)
        XCTAssertTrue(run.stdout.hasPrefix("sourcing-sim 0.1.0 (GSL "), run.stdout)
        XCTAssertTrue(gsl.hasSuffix(")\n") && gsl.dropLast(2).split(separator: ".").count >= 2, run.stdout)
    }

    /// The same input given twice with `--set` is an error located at the second `--set`.
    func testRepeatedSetIsAnError() throws {
        let run = try Tool.run(["check", "--set", "incumbent_run_rate=5m", "--set", "incumbent_run_rate=6m"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(
            run.stderr.contains(
                "--set:2:1: error: `--set incumbent_run_rate` is given twice (first at --set:1); "
                    + "give each input one --set\n  incumbent_run_rate=6m\n  ^"), run.stderr)
    }

    /// The README's example: a constant for a correlated input drops its correlation, warning.
    func testConstantForACorrelatedInputIsAccepted() throws {
        let scenario = Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path
        let run = try Tool.run(["check", scenario, "--set", "incumbent_run_rate=5.2m"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "\(scenario):41:5: warning: the correlation between `incumbent_run_rate` and "
                    + "`extension_per_month` is dropped: `--set incumbent_run_rate` makes "
                    + "`incumbent_run_rate` a value that is not a single distribution"), run.stderr)
    }
}
