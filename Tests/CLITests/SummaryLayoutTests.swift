import Foundation
import XCTest

/// The terminal summary fits 80 columns and shows the criteria.
final class SummaryLayoutTests: XCTestCase {
    /// Every line printed by `run` on the shipped scenarios is at most 80 columns wide (the
    /// output directory given relative to the run's own, so that the paths are short ones).
    func testShippedScenariosFitEightyColumns() throws {
        for name in ["southwark-2017.yaml", "district-2025.yaml", "template.yaml"] {
            let dir = try Tool.temporaryDirectory()
            let file = Tool.packageRoot.appendingPathComponent("scenarios/" + name).path
            let run = try Tool.run(["run", file, "--iterations", "2048", "--out", "out"], in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            let lines = run.stdout.components(separatedBy: "\n")
            XCTAssertGreaterThan(lines.count, 30, name)
            for line in lines { XCTAssertLessThanOrEqual(line.count, 80, "\(name): \(line)") }
            XCTAssertTrue(lines.contains { $0.hasPrefix("option") && $0.contains("mean PV") }, name)
            XCTAssertTrue(lines.last { !$0.isEmpty }?.hasSuffix("/report.html") == true, run.stdout)
        }
    }

    /// Four options with 20-character names, a deadline, costs in the tens of millions and
    /// ranked criteria: every table still fits 80 columns.
    func testTwentyCharacterNamesFit() throws {
        let names = ["a-twenty-character-1", "a-twenty-character-2", "a-twenty-character-3", "a-twenty-character-4"]
        var text = "scenario: Wide names\nstart: 2020-01\nhorizon: 10 years\ndeadline: 2021-01\noptions:\n"
        for (k, name) in names.enumerated() {
            text += "  \(name):\n    timeline:\n      build: pert(6, 12, 30)\n"
            text += "    costs:\n      run:\n        annual: pert(\(10 + k)m, \(12 + k)m, \(20 + k)m)\n        from: go-live\n"
        }
        text += "criteria:\n  weights: ranked\n"
        for c in ["one", "two", "three"] {
            text += "  \(c):\n    scores:\n" + names.map { "      \($0): pert(1, 5, 9)\n" }.joined()
        }
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(text, named: "wide.yaml", in: dir)
        let run = try Tool.run(["run", file, "--iterations", "1024", "--out", "out"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.contains("P(rank 4)") }, run.stdout)
        for line in lines.dropFirst() { XCTAssertLessThanOrEqual(line.count, 80, line) }
        // No table row was wrapped: the last option has a whole row in each of the five tables
        // (economic case, PV, go-live, criteria, precision), each with all its cells.
        let rows = lines.filter { $0.hasPrefix(names[3] + "  ") }
        XCTAssertEqual(rows.map { $0.split(separator: " ").count }, [6, 6, 6, 6, 7], rows.joined(separator: "\n"))
    }

    /// With ranked weights over two criteria, a = (1, 0) always ranks first: the criteria table
    /// shows a's mean score (the mean of w₁, 3/4 under Latin hypercube sampling to two decimals),
    /// P(best score) and P(rank 2), and a's central weights.
    func testCriteriaSection() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(CriteriaFilesTests.ranked, named: "ranked.yaml", in: dir)
        let run = try Tool.run(["run", file, "--out", dir.path + "/out", "--iterations", "4096"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex(of: "Criteria: weighted score, higher is better"), run.stdout)
        XCTAssertEqual(
            Array(lines[at..<(at + 10)]),
            [
                "Criteria: weighted score, higher is better",
                "Weights: ranked, quality > speed, uniform on the ordered simplex",
                "option  mean score  P(best score)  P(rank 2)",
                "------  ----------  -------------  ---------",
                "a             0.75         100.0%       0.0%",
                "b             0.25           0.0%     100.0%",
                "P(best score) = P(rank 1); all ranks in acceptability.csv, central weights in",
                "  central_weights.csv",
                "  a ranks first with mean weights quality 75%, speed 25%",
                ""
            ])
    }

    /// Constant weights are listed, normalised.
    func testConstantWeightsAreListed() throws {
        let dir = try Tool.temporaryDirectory()
        let text = CriteriaFilesTests.ranked.replacingOccurrences(of: "  weights: ranked\n", with: "")
            .replacingOccurrences(of: "scores: {a: 1, b: 0}", with: "weight: 3\n    scores: {a: 1, b: 0}")
            .replacingOccurrences(of: "scores: {a: 0, b: 1}", with: "weight: 1\n    scores: {a: 0, b: 1}")
        let file = try Tool.write(text, named: "given.yaml", in: dir)
        let run = try Tool.run(["run", file, "--out", dir.path + "/out", "--iterations", "64"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Weights: quality 75%, speed 25%\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("P(best score) = P(rank 1); all ranks in acceptability.csv\n"), run.stdout)
    }
}
