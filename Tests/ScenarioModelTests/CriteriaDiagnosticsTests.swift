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

    func testWeightsMustSumToOne() {
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

                """), contains: "criteria weights must sum to 100%; they sum to 60%")
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

    func testWeightOutOfRange() {
        expectDiagnostic(
            twoOptions(
                """
                criteria:
                  quality:
                    weight: 1️⃣150%
                    scores: {a: 5, b: 6}

                """), contains: "the weight of criterion `quality` must be between 0% and 100%, not 150%")
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
        XCTAssertEqual(criteria[0].weight, 0.25)
    }
}
