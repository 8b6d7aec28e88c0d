import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken risks. The `1️⃣` marker is where the diagnostic must point.
final class RiskDiagnosticsTests: XCTestCase {
    private let timeline = "    timeline:\n      procurement: 6\n"

    func testRiskWithoutImpact() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          1️⃣supplier distress:
                            chance: 5%
                            from: month 6

                    """), contains: "risk `supplier distress` has no impact")
    }

    func testDelaysWithoutDelay() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        risks:
                          challenge:
                            chance: 5%
                            1️⃣delays: procurement

                    """), contains: "`delays` needs a `delay` (how long the task is lengthened) in risk `challenge`")
    }

    /// A delay is drawn once, before the schedule: the model refuses it on a per-year risk (the
    /// plan compiler used to).
    func testPerYearRiskCannotDelayATask() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        risks:
                          1️⃣challenge:
                            chance: 5% per year
                            delays: procurement
                            delay: 3 months

                    """),
            contains: "a risk that delays a task happens at most once: remove 'per year' or split the risk")
    }

    func testDelayWithoutDelays() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          challenge:
                            chance: 5%
                            1️⃣delay: 3 months

                    """), contains: "`delay` needs `delays` (the task it lengthens) in risk `challenge`")
    }

    func testForNeedsARecurringCost() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                            1️⃣for: 6 months

                    """), contains: "`for` needs a `monthly` or `annual` cost in risk `outage`")
    }

    func testRiskNeedsAChance() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          1️⃣outage:
                            one-off: 10k

                    """), contains: "risk `outage` needs a `chance`")
    }

    func testConstantChanceAboveOne() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 1️⃣120%
                            one-off: 10k

                    """), contains: "`chance` of risk `outage` must be between 0% and 100%, not 120%")
    }

    func testUnknownTaskInDelays() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        risks:
                          challenge:
                            chance: 5%
                            delays: 1️⃣procurment
                            delay: 3

                    """),
            contains: "unknown task `procurment` in `delays` of risk `challenge`; did you mean `procurement`?")
    }

    func testNegativeDelay() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        risks:
                          challenge:
                            chance: 5%
                            delays: procurement
                            delay: 1️⃣-3

                    """), contains: "`delay` of risk `challenge` is negative (-3 months)")
    }

    func testMonthlyAndAnnualTogether() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 5%
                            monthly: 1k
                            1️⃣annual: 12k

                    """), contains: "risk `outage` has both `monthly` and `annual`")
    }

    func testAtOnARiskExplainsTheWindow() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                            1️⃣at: month 3

                    """), contains: "`at` is not allowed in risk `outage`: a risk happens at a drawn time in its window"
        )
    }

    func testRisksAreBuilt() throws {
        let (s, _) = loadClean(
            scenario(
                optionBody: timeline + """
                        go-live: procurement
                        costs:
                          licence: 40k
                        risks:
                          challenge:
                            chance: pert(5%, 7%, 10%)
                            delays: procurement
                            delay: uniform(2, 6) months
                            one-off: 100k
                          exit:
                            chance: 5% per year
                            annual: 120k
                            for: 18 months
                            from: go-live

                    """))
        let option = try XCTUnwrap(s?.options.first)
        let risks = option.risks
        XCTAssertEqual(risks.map(\.name), ["challenge", "exit"])
        XCTAssertEqual(risks[0].delays.map { option.tasks[$0].name }, "procurement")
        XCTAssertNotNil(risks[0].delay)
        XCTAssertFalse(risks[0].perYear)
        XCTAssertTrue(risks[1].perYear)
        // A per-year risk has one set of impacts per appraisal year.
        XCTAssertEqual(risks[1].impacts.count, s?.appraisalYears)
        XCTAssertEqual(risks[1].impacts[0].recurringFor?.constant, 18)
        XCTAssertEqual(risks[1].impacts[0].monthly?.constant, 10_000)
        XCTAssertEqual(risks[1].from?.base, .goLive)
    }
}
