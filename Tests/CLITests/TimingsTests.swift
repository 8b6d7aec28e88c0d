import Foundation
import XCTest

/// `run --timings`: every phase's wall time and the peak memory on standard error, even with
/// `--quiet`, and the same files as a run without it.
final class TimingsTests: XCTestCase {
    func testTimingsListEveryPhaseAndThePeak() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        let timed = dir.appendingPathComponent("timed").path, plain = dir.appendingPathComponent("plain").path
        let run = try Tool.run(["run", file, "--iterations", "3000", "--quiet", "--timings", "--out", timed])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "phase                           wall s  peak MiB")
        let names = lines.dropFirst().map { String($0.prefix(30)).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(
            names,
            [
                "scenario", "simulation", "analysis: summaries", "analysis: P(cheapest)", "analysis: tornado",
                "analysis: sensitivity", "analysis: paired comparisons", "analysis: switching values",
                "analysis: economic case", "analysis: EVPPI", "files", "files: CSV tables", "files: business-case.xlsx",
            "files: report.html", "files: writing", "summary", "total", "peak memory (maxrss)",
            ])
        for line in lines.dropFirst().dropLast(2) {
            let fields = line.dropFirst(30).split(separator: " ")
            XCTAssertEqual(fields.count, 2, line)
            XCTAssertNotNil(Double(fields[0]), line)
            XCTAssertGreaterThan(Int(fields[1]) ?? 0, 0, line)
        }
        let peak = try XCTUnwrap(Int(lines.last!.dropFirst(30).trimmingCharacters(in: .whitespaces)))
        XCTAssertGreaterThan(peak, 1)
        XCTAssertLessThan(peak, 2000)

        let again = try Tool.run(["run", file, "--iterations", "3000", "--quiet", "--out", plain])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stderr, "")
        for name in RunCommandTests.expectedFiles where name != "run.json" && name != "report.html" {
            XCTAssertEqual(
                try Data(contentsOf: URL(fileURLWithPath: timed + "/" + name)),
                try Data(contentsOf: URL(fileURLWithPath: plain + "/" + name)), name)
        }
    }
}
