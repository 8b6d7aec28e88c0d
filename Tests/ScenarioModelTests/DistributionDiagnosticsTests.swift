import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Bad distribution parameters reach the user through the builder, at the distribution's mark.
/// (The messages are the expression checks'; these tests pin where they surface.)
final class DistributionDiagnosticsTests: XCTestCase {
    private func cost(_ expression: String) -> String {
        scenario(optionBody: "    costs:\n      licence: " + expression + "\n")
    }

    func testPertMinAboveMax() {
        expectDiagnostic(cost("pert(1️⃣5, 3, 1)"), contains: "pert min (5) must be less than max (1)")
    }

    func testNegativeStandardDeviation() {
        expectDiagnostic(cost("normal(10k, 1️⃣-1k)"), contains: "normal sd must not be negative")
    }

    func testProbabilityAboveOne() {
        expectDiagnostic(cost("10k * chance(1️⃣150%)"), contains: "chance p must be a probability between 0 and 1")
    }

    func testDiscreteWeightsNotSummingToOne() {
        expectDiagnostic(
            cost("1️⃣discrete(1k, 0.5, 2k, 0.4)"),
            contains: "discrete probabilities must sum to 1 (100%); they sum to 0.9")
    }

    func testIntervalThroughZero() {
        expectDiagnostic(
            cost("1️⃣0 to 10k"), contains: "'a to b' is a lognormal 90% interval and needs both ends positive")
    }

    func testBadDistributionInAnInputIsReportedOnce() {
        expectDiagnostic(
            scenario(top: "inputs:\n  rate: uniform(1️⃣5, 1)\n", optionBody: "    costs:\n      licence: rate\n"),
            contains: "uniform min (5) must not exceed max (1)")
    }

    func testBadDistributionInATaskDuration() {
        expectDiagnostic(
            scenario(optionBody: "    timeline:\n      build: triangular(4, 1️⃣2, 6)\n"),
            contains: "triangular mode (2) must lie between")
    }
}
