import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Warnings load (no errors, scenario present) and point at the right place.
final class WarningTests: XCTestCase {
    func testUnusedSharedInput() {
        expectDiagnostic(
            scenario(top: "inputs:\n  1️⃣spare: 10k\n"),
            contains: "input `spare` is never used", severity: .warning)
    }

    func testUnusedOptionInput() {
        expectDiagnostic(
            scenario(optionBody: "    inputs:\n      1️⃣spare: 10k\n    costs:\n      licence: 40k\n"),
            contains: "input `spare` of option `a` is never used", severity: .warning)
    }

    func testRiskWindowClosingBeforeItOpens() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                            from: month 10
                            until: 1️⃣month 5

                    """),
            contains: "risk `outage` can never happen: its window closes (month 5) before it opens (month 10)",
            severity: .warning)
    }

    func testRiskWindowOpeningAfterTheHorizon() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                            from: 1️⃣month 70

                    """),
            contains:
                "risk `outage` can never happen: its window opens at month 70, "
                + "at or after the end of the horizon (month 60)",
            severity: .warning)
    }

    func testOptionOptimismBiasWithRisks() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        1️⃣optimism-bias: {one-off: 10%, recurring: 0%, duration: 0%}
                        costs:
                          licence: 40k
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k

                    """),
            contains: "option `a` has optimism bias and explicit risks: this may count the same uncertainty twice",
            severity: .warning)
    }

    func testScenarioOptimismBiasWithRisks() {
        expectDiagnostic(
            scenario(
                top: "optimism-bias: {duration: 20%}\n",
                optionBody: """
                        costs:
                          licence: 40k
                        1️⃣risks:
                          outage:
                            chance: 5%
                            one-off: 10k

                    """), contains: "option `a` has the scenario's optimism bias and explicit risks", severity: .warning
        )
    }

    func testZeroOptimismBiasDoesNotWarn() throws {
        let (s, _) = loadClean(
            scenario(
                optionBody: """
                        optimism-bias: {one-off: 0%}
                        costs:
                          licence: 40k
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k

                    """))
        XCTAssertEqual(s?.options.first?.optimismBias?.oneOff, 0)
    }

    func testOptionOptimismBiasReplacesTheScenarios() throws {
        let (s, _) = loadClean(
            scenario(
                top: "optimism-bias: {one-off: 20%, recurring: 5%}\n",
                optionBody: """
                        optimism-bias: {duration: 10%}
                        costs:
                          licence: 40k
                      b:
                        costs:
                          licence: 40k

                    """))
        let options = try XCTUnwrap(s?.options)
        XCTAssertEqual(options[0].optimismBias?.oneOff, 0)
        XCTAssertEqual(options[0].optimismBias?.duration, 0.1)
        XCTAssertEqual(options[1].optimismBias?.oneOff, 0.2)
        XCTAssertEqual(options[1].optimismBias?.recurring, 0.05)
        XCTAssertEqual(s?.optimismBias?.oneOff, 0.2)
    }

    func testCostLineEntirelyAfterTheHorizon() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          exit:
                            monthly: 10k
                            from: 1️⃣month 61

                    """), contains: "cost line `exit` starts at month 61, at or after the horizon ends (month 60)",
            severity: .warning)
    }

    func testOneOffAfterTheHorizon() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          exit:
                            one-off: 10k
                            at: 1️⃣end + 1 months

                    """), contains: "cost line `exit` is paid at month 61, after the horizon ends (month 60)",
            severity: .warning)
    }
}
