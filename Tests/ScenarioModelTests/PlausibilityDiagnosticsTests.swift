import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Values that load but are almost certainly not what was meant: warnings (errors for a
/// deadline before start and option names that differ only in case).
final class PlausibilityDiagnosticsTests: XCTestCase {
    // MARK: - Rates and uplifts written without `%`

    func testEscalateWithoutPercentAboveOne() throws {
        let ds = expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          support:
                            annual: 100k
                            escalate: 1️⃣2

                    """),
            contains:
                "`escalate` of cost line `support` is 2, that is 200% a year: a rate or uplift written without `%` "
                + "is a fraction; write `2%` for 2% a year, or `200%` if that is meant", severity: .warning)
        XCTAssertEqual(ds.first?.fix, "2%")
    }

    func testEscalateDistributionWithoutPercent() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          support:
                            annual: 100k
                            escalate: 1️⃣pert(1, 2, 4)

                    """),
            contains: "`escalate` of cost line `support` has a base value of 2, that is 200% a year: a rate or uplift "
                + "written without `%` is a fraction; write the percentages with `%` (e.g. `2%`), or `200%` if "
                + "that is meant", severity: .warning)
    }

    func testEscalateBelowOneOrWithPercentDoesNotWarn() {
        for rate in ["2%", "0.03", "150%", "-0.5", "pert(1%, 2%, 3%)"] {
            loadClean(
                scenario(optionBody: "    costs:\n      support:\n        annual: 100k\n        escalate: \(rate)\n"))
        }
    }

    func testOptimismBiasWithoutPercent() throws {
        let ds = expectDiagnostic(
            scenario(top: "optimism-bias: {one-off: 1️⃣10}\n"),
            contains: "optimism-bias `one-off` is 10, that is 1000%: a rate or uplift written without "
                + "`%` is a fraction; write `10%` for 10%, or `1000%` if that is meant", severity: .warning)
        XCTAssertEqual(ds.first?.fix, "10%")
    }

    func testGreenBookUpperBoundWrittenAsAPercentageDoesNotWarn() {
        loadClean(
            scenario(optionBody: "    optimism-bias: {one-off: 200%, duration: 0.54}\n    costs:\n      licence: 40k\n")
        )
    }

    // MARK: - Lines that count nothing, or count the wrong way

    func testNegativeBenefit() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence: 40k
                        benefits:
                          savings:
                            annual: 1️⃣-50k

                    """),
            contains: "benefit `savings` is negative (-50000): a benefit is taken off the cost, so a negative one adds "
                + "to it; write the benefit as a positive amount, or make it a cost line", severity: .warning)
    }

    func testNegativeCostIsNotWarned() {
        loadClean(scenario(optionBody: "    costs:\n      licence: 40k\n      resale: -5k\n"))
    }

    func testOptionWithoutCostLines() {
        expectDiagnostic(
            scenario(optionBody: "    benefits:\n      savings: 10k\n  1️⃣b:\n    label: B\n"),
            contains: "option `b` has no cost lines: its cost is only its risks, less its benefits; "
                + "list what it pays under `costs:` (even keeping the current service costs something)",
            severity: .warning)
    }

    func testOptionWithAnEmptyCostsSection() {
        expectDiagnostic(
            scenario(optionBody: "    label: A\n    1️⃣costs:\n"),
            contains: "option `a` has no cost lines", severity: .warning)
    }

    func testOneOffBeforeStart() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          deposit:
                            one-off: 10k
                            at: 1️⃣start - 2 months

                    """),
            contains: "cost line `deposit` is paid at month -2, before `start`: a payment before the appraisal "
                + "begins is not counted", severity: .warning)
    }

    func testOneOffAtStartIsNotWarned() {
        loadClean(scenario(optionBody: "    costs:\n      deposit:\n        one-off: 10k\n        at: start\n"))
    }

    func testConstantUntilBeforeFrom() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          support:
                            monthly: 10k
                            from: month 10
                            until: 1️⃣month 5

                    """),
            contains: "cost line `support` is never paid: its `until` (month 5) is at or before its `from` (month 10)",
            severity: .warning)
    }

    func testUntilBeforeFromThroughTheDefaultStart() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          support:
                            monthly: 10k
                            until: 1️⃣start

                    """),
            contains: "cost line `support` is never paid: its `until` (month 0) is at or before its `from` (month 0)",
            severity: .warning)
    }

    func testUntilAfterFromIsNotWarned() {
        loadClean(
            scenario(
                optionBody:
                    "    costs:\n      support:\n        monthly: 10k\n        from: month 5\n        until: month 10\n"
            ))
    }

    // MARK: - Errors

    func testDeadlineBeforeStart() {
        expectDiagnostic(
            scenario(top: "deadline: 1️⃣2019-06\n"),
            contains: "`deadline` 2019-06 is 7 months before `start` (2020-01): a deadline must not be before "
                + "the appraisal begins")
    }

    func testDeadlineAtStartIsAccepted() {
        let (s, _) = loadClean(scenario(top: "deadline: 2020-01\n"))
        XCTAssertEqual(s?.deadline, 0)
    }

    func testOptionNamesDifferingOnlyInCase() {
        expectDiagnostic(
            scenario(more: "  1️⃣A:\n    costs:\n      licence: 40k\n"),
            contains: "option `A` differs from option `a` (line 5) only in letter case; rename one of them "
                + "(spreadsheet look-ups on the output files ignore case)")
    }
}
