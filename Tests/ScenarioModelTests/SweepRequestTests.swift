import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// `run --sweep NAME=FROM..TO[:STEPS]`: its form, its values and its located errors (marks in
/// the pseudo-file `--sweep`, line 1, the column in the argument).
final class SweepRequestTests: XCTestCase {
    private let text = scenario(
        top: "inputs:\n  rate: pert(8k, 10k, 14k)\n  fixed: 5k\n  both: rate * 2\n",
        optionBody: """
                inputs:
                  wins: chance(50%)
                  share: uniform(10%, 30%)
                costs:
                  licence: rate + fixed + both + wins * share

            """)

    private func mark(_ column: Int) -> SourceMark { SourceMark(file: "--sweep", line: 1, column: column) }

    func testParsesTheForm() throws {
        let r = try SweepRequest.parse("rate=8k..14k:4")
        XCTAssertEqual(r.name, "rate")
        XCTAssertEqual(r.from.text, "8k")
        XCTAssertEqual(r.from.mark, mark(6))
        XCTAssertEqual(r.to.text, "14k")
        XCTAssertEqual(r.to.mark, mark(10))
        XCTAssertEqual(r.steps, 4)
        XCTAssertEqual(r.stepsMark, mark(14))
        XCTAssertEqual(try SweepRequest.parse("a.share=10%..30%").steps, 11)
        for bad in ["rate", "rate=8k", "=1..2", "rate=..2", "rate=1..", "rate=1..2:", "rate=1..2:x", "rate=1..2:-3"] {
            XCTAssertThrowsError(try SweepRequest.parse(bad), bad) { error in
                XCTAssertEqual(
                    (error as? SweepRequest.FormError)?.description,
                    "--sweep expects NAME=FROM..TO[:STEPS], e.g. --sweep incumbent_run_rate=3.5m..6m:11 (got '\(bad)')")
            }
        }
    }

    func testValuesAreEvenlySpacedEndingExactlyAtTo() throws {
        let (s, _) = loadClean(text)
        let scenario = try XCTUnwrap(s)
        let (resolved, ds) = try SweepRequest.parse("rate=8k..14k:4").resolve(in: scenario)
        XCTAssertEqual(ds, [])
        XCTAssertEqual(resolved?.values, [8000, 10000, 12000, 14000])
        XCTAssertEqual(resolved?.inputs.count, 1)
        let (share, _) = try SweepRequest.parse("share=10%..30%:3").resolve(in: scenario)
        XCTAssertEqual(share?.values.count, 3)
        XCTAssertEqual(share?.values.last, 0.3)
        XCTAssertEqual(try SweepRequest.parse("a.share=0.1..0.2").resolve(in: scenario).0?.values.count, 11)
    }

    private func expectError(
        _ argument: String, _ message: String, at column: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (s, _) = loadClean(text)
        let scenario = try XCTUnwrap(s)
        let (resolved, ds) = try SweepRequest.parse(argument).resolve(in: scenario)
        XCTAssertNil(resolved, file: file, line: line)
        XCTAssertEqual(ds.map(\.mark), [mark(column)], ds.map(\.description).joined(separator: "\n"), file: file, line: line)
        XCTAssertEqual(ds.first?.message, message, file: file, line: line)
    }

    func testLocatedErrors() throws {
        try expectError("rte=1..2", "unknown input `rte` in `--sweep`; did you mean `rate`?", at: 1)
        try expectError(
            "fixed=1k..2k",
            "`--sweep` holds an uncertain input at each value, but `fixed` is a constant; sweep an input written "
                + "as one distribution, or use --set to change it", at: 1)
        try expectError(
            "both=1k..2k",
            "`--sweep` holds an uncertain input at each value, but `both` is an expression, not a single "
                + "distribution; sweep an input written as one distribution, or use --set to change it", at: 1)
        try expectError(
            "wins=0..1", "`a.wins` is chance(...), true or false: not a number to sweep; use --set a.wins=... for each case",
            at: 1)
        try expectError("rate=14k..8k", "`--sweep` range goes down: FROM (14k) is above TO (8k)", at: 6)
        try expectError("rate=8k..14k:1", "`--sweep` needs at least 2 steps, not 1", at: 14)
        try expectError("rate=8k..rate", "a `--sweep` bound must be a constant (no input names or distributions)", at: 10)
    }
}
