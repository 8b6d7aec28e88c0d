import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken criteria. The `1️⃣` marker is where the diagnostic must point.
final class CriteriaDiagnosticsTests: XCTestCase {
    /// Two options, `a` and `b`, then `criteria`.
    private func twoOptions(_ criteria: String) -> String {
        scenario(optionBody: "    costs:\n      licence: 40k\n  b:\n    costs:\n      licence: 50k\n", more: criteria)
    }

    /// Constant weights that do not sum to 100% are normalised, with a warning at `criteria`.
    func testWeightsThatDoNotSumToOneAreNormalisedWithAWarning() {
        expectDiagnostic(
            twoOptions(
                """
                1️⃣criteria:
                  quality:
                    weight: 30%
                    scores: {a: 5, b: 6}
                  speed:
                    weight: 30%
                    scores: {a: 7, b: 4}

                """), contains: "the criteria weights sum to 60%, not 100%: each is divided by 60% so that they do",
            severity: .warning)
    }

    func testMissingScoreNamesTheOption() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 100%
                    1️⃣scores:
                      a: 5

                """), contains: "criterion `quality` has no score for option `b`")
    }

    func testUnknownOptionInScoresSuggests() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 100%
                    scores:
                      a: 5
                      b: 6
                      1️⃣bb: 7

                """), contains: "unknown option `bb` in the scores of criterion `quality`; did you mean `b`?")
    }

    func testNegativeWeight() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 1️⃣-10%
                    scores: {a: 5, b: 6}
                  speed:
                    weight: 110%
                    scores: {a: 5, b: 6}

                """), contains: "the weight of criterion `quality` must be 0% or more, not -10%")
    }

    /// A distribution whose support reaches below 0 is refused at check time.
    func testWeightWhoseRangeFallsBelowZero() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 1️⃣pert(-10%, 20%, 40%)
                    scores: {a: 5, b: 6}
                  speed:
                    weight: 70%
                    scores: {a: 5, b: 6}

                """),
            contains: "the weight of criterion `quality` must be 0% or more, but over the ranges of its distributions it can fall to -10%")
    }

    func testConstantWeightsSummingToZero() {
        expectDiagnostic(
            twoOptions(
                """
                1️⃣criteria:
                  quality:
                    weight: 0%
                    scores: {a: 5, b: 6}

                """), contains: "the criteria weights sum to 0%: at least one must be above 0%")
    }

    /// Uncertain weights that are not provably summing to 100% warn at `criteria`.
    func testUncertainWeightsWarn() {
        expectDiagnostic(
            twoOptions(
                """
                1️⃣criteria:
                  quality:
                    weight: pert(20%, 30%, 40%)
                    scores: {a: 5, b: 6}
                  speed:
                    weight: 70%
                    scores: {a: 5, b: 6}

                """),
            contains: "the criteria weights are uncertain and need not sum to 100%: in each iteration each is divided by their sum",
            severity: .warning)
    }

    /// `w`, `(1 - w) * 60%` and `(1 - w) * 40%` sum to 1 whatever w is: no warning, and w is used.
    func testUncertainWeightsSummingToOneAreClean() throws {
        let (s, _) = loadClean(
            scenario(
                top: "inputs:\n  w: pert(20%, 30%, 40%)\n",
                optionBody: "    costs:\n      licence: 40k\n  b:\n    costs:\n      licence: 50k\n",
                more: """
                    criteria:
                      quality:
                        weight: w
                        scores: {a: 5, b: 6}
                      speed:
                        weight: (1 - w) * 60%
                        scores: {a: 5, b: 6}
                      cost:
                        weight: (1 - w) / 2.5
                        scores: {a: 5, b: 6}

                    """))
        XCTAssertEqual(s?.criteria.count, 3)
    }

    func testRankedWeightsTakeNoWeightKey() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  weights: ranked
                  quality:
                    1️⃣weight: 30%
                    scores: {a: 5, b: 6}
                  speed:
                    scores: {a: 5, b: 6}

                """),
            contains: "criterion `quality` has a `weight`, but under `weights: ranked` the order of the criteria sets the weights: remove it")
    }

    func testWeightsTakesOnlyRanked() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  weights: 1️⃣ordered
                  quality:
                    scores: {a: 5, b: 6}

                """),
            contains: "`weights` under `criteria` can only be `ranked` (the criteria listed most important first), not `ordered`",
            onlyError: false)
    }

    func testWeightsMustBeTheFirstKey() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 100%
                    scores: {a: 5, b: 6}
                  1️⃣weights: ranked

                """), contains: "`weights` must be the first key under `criteria`")
    }

    func testRankedNeedsCriteria() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  1️⃣weights: ranked

                """), contains: "`weights: ranked` needs criteria after it")
    }

    func testRankedCriteriaAreBuilt() throws {
        let (s, _) = loadClean(
            twoOptions(
                """
                criteria:
                  weights: ranked
                  quality:
                    scores: {a: 5, b: 6}
                  speed:
                    scores: {a: 7, b: 4}

                """))
        XCTAssertEqual(s?.criteriaWeighting, .ranked)
        XCTAssertEqual(s?.criteria.map(\.name), ["quality", "speed"])
        XCTAssertEqual(s?.criteria.map { $0.weight == nil }, [true, true])
    }

    func testCriterionNeedsAWeight() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  1️⃣quality:
                    scores: {a: 5, b: 6}

                """), contains: "criterion `quality` needs a `weight`")
    }

    func testCriteriaAreBuiltInOptionOrder() throws {
        let (s, _) = loadClean(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 0.25
                    scores:
                      b: pert(3, 5, 7)
                      a: 6
                  speed:
                    weight: 75%
                    scores: {a: 7, b: 4}

                """))
        let criteria = try XCTUnwrap(s?.criteria)
        XCTAssertEqual(criteria.map(\.name), ["quality", "speed"])
        // Written b first; kept in option order: a's constant, then b's distribution.
        XCTAssertEqual(criteria[0].scores.count, 2)
        XCTAssertEqual(criteria[0].scores[OptionID(0)].constant, 6)
        guard case .draw = criteria[0].scores[OptionID(1)].kind else { return XCTFail("b's score is a distribution") }
        XCTAssertEqual(criteria[0].weight?.constant, 0.25)
        XCTAssertEqual(s?.criteriaWeighting, .given)
    }
}
