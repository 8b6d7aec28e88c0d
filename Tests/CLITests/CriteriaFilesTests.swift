import Foundation
import XCTest

/// `acceptability.csv`, `central_weights.csv` and `run.json`'s `criteria`, written only with
/// criteria.
final class CriteriaFilesTests: XCTestCase {
    /// Two ranked criteria with constant scores: a = (1, 0) always ranks first (w₁ ≥ w₂), so
    /// every acceptability is exactly 0 or 1; a's central weights are near (3/4, 1/4).
    static let ranked = """
        scenario: ranked
        start: 2020-01
        horizon: 12 months
        options:
          a:
            costs:
              fee: 1
          b:
            costs:
              fee: 2
        criteria:
          weights: ranked
          quality:
            scores: {a: 1, b: 0}
          speed:
            scores: {a: 0, b: 1}
        """

    func testCriteriaFiles() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(Self.ranked, named: "ranked.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet", "--iterations", "4096"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            try readCSV(out + "/acceptability.csv"),
            [["option", "rank", "probability"], ["a", "1", "1"], ["a", "2", "0"], ["b", "1", "0"], ["b", "2", "1"]])
        let central = try readCSV(out + "/central_weights.csv")
        XCTAssertEqual(central.map { Array($0.prefix(2)) }, [["option", "criterion"], ["a", "quality"], ["a", "speed"]])
        XCTAssertEqual(central[0][2], "weight")
        // The mean of w₂ over n draws: sd ≤ 1/2, so within 4 × 0.5 / √4096 ≈ 0.031 of 1/4.
        XCTAssertEqual(try XCTUnwrap(Double(central[2][2])), 0.25, accuracy: 0.031)
        XCTAssertEqual(try XCTUnwrap(Double(central[1][2])) + Double(central[2][2])!, 1, accuracy: 1e-12)

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as? [String: Any])
        let criteria = try XCTUnwrap(json["criteria"] as? [String: Any])
        XCTAssertEqual(criteria["weights"] as? String, "ranked")
        XCTAssertEqual(criteria["weights_vary"] as? Bool, true)
        XCTAssertEqual(criteria["criteria"] as? [String], ["quality", "speed"])
        let acceptability = try XCTUnwrap(criteria["acceptability"] as? [String: [Double]])
        XCTAssertEqual(acceptability["a"], [1, 0])
        XCTAssertEqual(acceptability["b"], [0, 1])
        let weights = try XCTUnwrap(criteria["central_weights"] as? [String: Any])
        XCTAssertTrue(weights["b"] is NSNull, "b never ranks first")
    }

    /// A score of 5.9 is 5.9 in `summary.csv`, not 5.900000095367432 (a single-precision column).
    func testScoresAreKeptInDoublePrecision() throws {
        let dir = try Tool.temporaryDirectory()
        let text = Self.ranked.replacingOccurrences(of: "  weights: ranked\n", with: "")
            .replacingOccurrences(of: "scores: {a: 1, b: 0}", with: "weight: 50%\n    scores: {a: 5.9, b: 0.1}")
            .replacingOccurrences(of: "scores: {a: 0, b: 1}", with: "weight: 50%\n    scores: {a: 5.9, b: 0.3}")
        let file = try Tool.write(text, named: "scores.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet", "--iterations", "16"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try readCSV(out + "/summary.csv").filter { $0[1] == "score" }
        XCTAssertEqual(rows.map { [$0[0], $0[3], $0[12], $0[13]] }, [["a", "5.9", "5.9", "5.9"], ["b", "0.2", "0.2", "0.2"]])
    }

    func testNoCriteriaFilesWithoutCriteria() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(RunCommandTests.deterministic, named: "known.yaml", in: dir)
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", file, "--out", out, "--quiet", "--iterations", "64"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in RunCommandTests.criteriaFiles {
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/" + name), name)
        }
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as? [String: Any])
        XCTAssertTrue(json["criteria"] is NSNull)
    }
}
