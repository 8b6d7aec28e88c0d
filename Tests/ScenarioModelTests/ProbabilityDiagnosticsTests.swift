import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// A `chance` or `share` whose range (interval arithmetic over the supports of its
/// distributions) leaves 0...1 is an error at the expression; one that may leave it only
/// through an unbounded distribution is left to the run. The `1️⃣` marker is the expected mark.
final class ProbabilityDiagnosticsTests: XCTestCase {
    private func risk(_ chance: String, inputs: String = "") -> String {
        scenario(
            top: inputs,
            optionBody: """
                    risks:
                      outage:
                        chance: \(chance)
                        one-off: 10k

                """)
    }

    private func share(_ share: String, inputs: String = "") -> String {
        scenario(
            top: inputs,
            optionBody: """
                    costs:
                      host:
                        one-off: 10k
                        share: \(share)

                """)
    }

    func testChanceWhoseRangeReachesAbove100Percent() {
        expectDiagnostic(
            risk("1️⃣pert(90%, 120%, 150%)"),
            contains:
                "`chance` of risk `outage` must be between 0% and 100%, "
                + "but over the ranges of its distributions it can reach 150%"
        )
    }

    func testNegatedChanceIsAlwaysBelowZero() {
        expectDiagnostic(
            risk("1️⃣-pert(3%, 5%, 8%)"),
            contains:
                "`chance` of risk `outage` must be between 0% and 100%, "
                + "but over the ranges of its distributions it is always between -8% and -3%"
        )
    }

    func testPerYearChanceThroughANamedInput() {
        expectDiagnostic(
            risk("1️⃣base_rate * 2 per year", inputs: "inputs:\n  base_rate: pert(20%, 40%, 60%)\n"),
            contains:
                "`chance` of risk `outage` must be between 0% and 100%, "
                + "but over the ranges of its distributions it can reach 120%"
        )
    }

    func testChanceThatCanFallBelowZero() {
        expectDiagnostic(
            risk("1️⃣uniform(-1%, 5%)"),
            contains:
                "`chance` of risk `outage` must be between 0% and 100%, "
                + "but over the ranges of its distributions it can fall to -1%"
        )
    }

    func testShareWhoseRangeReachesAbove100Percent() {
        expectDiagnostic(
            share("1️⃣pert(0.5, 1, 1.5)"),
            contains:
                "`share` of cost line `host` must be between 0% and 100%, "
                + "but over the ranges of its distributions it can reach 150%"
        )
    }

    func testShareAtLeastOneAndAHalfWithAnUnboundedSide() {
        expectDiagnostic(
            share("1️⃣1.5 + gamma(2, 1)"),
            contains:
                "`share` of cost line `host` must be between 0% and 100%, "
                + "but over the ranges of its distributions it is always 150% or more"
        )
    }

    /// Ranges inside 0...1, and ranges left open only by an unbounded distribution, load.
    func testRangesThatStayInsideOrCannotBeBoundedLoad() {
        for chance in [
            "pert(5%, 7%, 10%)", "beta(2, 30)", "chance(30%) * 50%", "clamp(normal(5%, 10%), 0, 1)",
            "normal(5%, 1%)", "p", "1 - p", "if(p > 0.5, 10%, 20%)", "min(gamma(1, 1), 1)"
        ] {
            loadClean(risk(chance, inputs: "inputs:\n  p: pert(10%, 20%, 30%)\n"), allowWarnings: true)
        }
        loadClean(share("normal(0.5, 0.1)"))
        loadClean(share("0.5 * beta(2, 2)"))
    }

    /// A `--set` override is what is checked.
    func testOverrideIsChecked() {
        let yaml = risk("p", inputs: "inputs:\n  p: pert(10%, 20%, 30%)\n")
        let (_, ds) = ScenarioLoader.load(
            text: yaml, file: "test.yaml",
            overrides: [InputOverride(assignment: "p=pert(50%, 90%, 130%)")!])
        XCTAssertEqual(
            ds.filter { $0.severity == .error }.map(\.message),
            [
                "`chance` of risk `outage` must be between 0% and 100%, "
                    + "but over the ranges of its distributions it can reach 130%"
            ])
    }
}
