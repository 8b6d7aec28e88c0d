import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis

/// Rank acceptability and central weights (SMAA) on scenarios whose answers are exact fractions:
/// constant scores, so only the weights vary. On the ordered simplex of three criteria
/// (w₁ ≥ w₂ ≥ w₃ ≥ 0, Σ w = 1), drawn in the (w₁, w₂) plane it is the triangle with corners
/// (1, 0, 0), (½, ½, 0) and (⅓, ⅓, ⅓), of area 1/12; its centroid is (11/18, 5/18, 2/18).
final class CriteriaAcceptabilityTests: XCTestCase {
    static let iterations = 40_000

    private func report(
        _ criteria: String, options: [String], sampling: SamplingMethod = .monteCarlo, seed: UInt64 = 11,
        top: String = ""
    ) throws -> RunReport {
        let body = options.map { "  \($0):\n    costs:\n      fee: 1\n" }.joined()
        let yaml =
            "scenario: smaa\nstart: 2020-01\nhorizon: 12 months\n\(top)options:\n\(body)criteria:\n\(criteria)"
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "smaa.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        return try RunReport(
            engine: engine, results: engine.run(.init(iterations: Self.iterations, seed: seed, sampling: sampling)))
    }

    /// Four standard errors of a proportion p over the run's iterations (a floor of 1e-12 for p
    /// of 0 or 1, which must be exact).
    private func tolerance(_ p: Double) -> Double {
        max(4 * (p * (1 - p) / Double(Self.iterations)).squareRoot(), 1e-12)
    }

    /// Four standard errors of a mean weight over a share p of the iterations: a weight lies in
    /// 0...1, so its standard deviation is at most 1/2.
    private func weightTolerance(share p: Double) -> Double {
        4 * 0.5 / (p * Double(Self.iterations)).squareRoot()
    }

    private func assertAcceptability(
        _ r: RunReport, _ expected: [[Double]], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let c = try XCTUnwrap(r.criteria, file: file, line: line)
        for (j, row) in expected.enumerated() {
            for (k, p) in row.enumerated() {
                XCTAssertEqual(
                    c.acceptability.probabilities[j][k], p, accuracy: tolerance(p),
                    "option \(j) rank \(k + 1)", file: file, line: line)
            }
        }
    }

    private func assertCentral(
        _ r: RunReport, option: Int, _ expected: [Double], share: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let w = try XCTUnwrap(r.criteria?.acceptability.centralWeights[option], file: file, line: line)
        XCTAssertEqual(w.count, expected.count, file: file, line: line)
        for (a, b) in zip(w, expected) {
            XCTAssertEqual(a, b, accuracy: weightTolerance(share: share), file: file, line: line)
        }
    }

    /// Two ranked criteria, a scores (1, 0) and b (0, 1): a's score w₁ ≥ b's w₂ always, so a
    /// ranks first in every iteration (w₁ = w₂ has probability 0); its central weights are the
    /// mean of the ordered simplex, (3/4, 1/4); b never ranks first and has none.
    func testTwoRankedCriteriaFirstAlwaysWins() throws {
        let r = try report(
            """
              weights: ranked
              first:
                scores: {a: 1, b: 0}
              second:
                scores: {a: 0, b: 1}

            """, options: ["a", "b"])
        try assertAcceptability(r, [[1, 0], [0, 1]])
        try assertCentral(r, option: 0, [0.75, 0.25], share: 1)
        XCTAssertNil(r.criteria?.acceptability.centralWeights[1])
        XCTAssertEqual(r.options.map(\.pBestScore), [1, 0])
        XCTAssertEqual(r.criteria?.weighting, .ranked)
    }

    /// Three ranked criteria; a = (1, 0, 0) scores w₁, b = (0, 1, 1) scores 1 − w₁, c = (½, ½, ½)
    /// scores ½. a > c > b when w₁ > ½, else b > c > a. The part of the triangle with w₁ > ½
    /// has corners (1, 0), (½, ½), (½, ¼): area 1/16, so P(a first) = (1/16)/(1/12) = 3/4. The
    /// central weights are the centroids of the two parts: (2/3, 1/4, 1/12) for a and
    /// (4/9, 13/36, 7/36) for b; c always ranks second and has none.
    func testThreeRankedCriteriaThreeQuarters() throws {
        let r = try report(
            """
              weights: ranked
              one:
                scores: {a: 1, b: 0, c: 0.5}
              two:
                scores: {a: 0, b: 1, c: 0.5}
              three:
                scores: {a: 0, b: 1, c: 0.5}

            """, options: ["a", "b", "c"])
        try assertAcceptability(r, [[0.75, 0, 0.25], [0.25, 0, 0.75], [0, 1, 0]])
        try assertCentral(r, option: 0, [2.0 / 3, 1.0 / 4, 1.0 / 12], share: 0.75)
        try assertCentral(r, option: 1, [4.0 / 9, 13.0 / 36, 7.0 / 36], share: 0.25)
        XCTAssertNil(r.criteria?.acceptability.centralWeights[2])
    }

    /// Three ranked criteria; a = (0, 0, 5) scores 5w₃, b = (0, 2, 0) scores 2w₂. The line
    /// 5w₃ = 2w₂ runs from the corner (1, 0, 0) to the midpoint (5/12, 5/12, 1/6) of the
    /// opposite side, halving the triangle: each option ranks first with probability 1/2. Under
    /// Latin hypercube sampling too.
    func testThreeRankedCriteriaOneHalf() throws {
        let r = try report(
            """
              weights: ranked
              one:
                scores: {a: 0, b: 0}
              two:
                scores: {a: 0, b: 2}
              three:
                scores: {a: 5, b: 0}

            """, options: ["a", "b"], sampling: .latinHypercube)
        try assertAcceptability(r, [[0.5, 0.5], [0.5, 0.5]])
    }

    /// An option that always ranks first under three ranked criteria has the centroid of the
    /// ordered simplex as its central weights: (11/18, 5/18, 2/18). A third option tied with b
    /// in every iteration shares ranks 2 and 3 with it, ½ each.
    func testCentroidOfThreeAndTiesSplit() throws {
        let r = try report(
            """
              weights: ranked
              one:
                scores: {a: 3, b: 1, c: 1}
              two:
                scores: {a: 2, b: 1, c: 1}
              three:
                scores: {a: 1, b: 1, c: 1}

            """, options: ["a", "b", "c"])
        try assertAcceptability(r, [[1, 0, 0], [0, 0.5, 0.5], [0, 0.5, 0.5]])
        try assertCentral(r, option: 0, [11.0 / 18, 5.0 / 18, 2.0 / 18], share: 1)
        XCTAssertEqual(CriteriaPlan.rankOrderCentroid(3), [11.0 / 18, 5.0 / 18, 2.0 / 18].map { $0 }, accuracy: 1e-15)
    }

    /// Uncertain given weights w ~ uniform(0, 1) and 1 − w: a = (1, 0) ranks first when w > ½,
    /// probability ½, with central weights (3/4, 1/4); b the mirror image.
    func testUncertainWeightFromAnInput() throws {
        let r = try report(
            """
              quality:
                weight: w
                scores: {a: 1, b: 0}
              price:
                weight: 1 - w
                scores: {a: 0, b: 1}

            """, options: ["a", "b"], top: "inputs:\n  w: uniform(0, 1)\n")
        try assertAcceptability(r, [[0.5, 0.5], [0.5, 0.5]])
        try assertCentral(r, option: 0, [0.75, 0.25], share: 0.5)
        try assertCentral(r, option: 1, [0.25, 0.75], share: 0.5)
        XCTAssertEqual(r.criteria?.weightsVary, true)
    }

    /// Constant weights 3 and 1 (a warning) are normalised to 3/4 and 1/4: a scores exactly 0.75
    /// in every iteration, b 0.25, and a's central weights are (3/4, 1/4).
    func testConstantWeightsAreNormalised() throws {
        let r = try report(
            """
              quality:
                weight: 3
                scores: {a: 1, b: 0}
              price:
                weight: 1
                scores: {a: 0, b: 1}

            """, options: ["a", "b"])
        XCTAssertEqual(r.options[OptionID(0)].score?.mean, 0.75)
        XCTAssertEqual(r.options[OptionID(1)].score?.mean, 0.25)
        XCTAssertEqual(r.criteria?.acceptability.centralWeights[0], [0.75, 0.25])
        XCTAssertEqual(r.criteria?.weightsVary, false)
        XCTAssertTrue(r.results.criteriaWeights.isEmpty, "constant weights keep no columns")
    }
}

private func XCTAssertEqual(
    _ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
