import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken top-level settings. The `1️⃣` marker in each text is where the diagnostic must point.
final class SettingsDiagnosticsTests: XCTestCase {
    func testUnknownTopKeySuggestsTheClosestKey() {
        expectDiagnostic(
            scenario(top: "1️⃣discont: 3.5%\n"),
            contains: "unknown key `discont` in the scenario; did you mean `discount`?")
    }

    func testUnknownKeyFarFromAnyListsTheKeys() {
        expectDiagnostic(
            scenario(top: "1️⃣colour: red\n"),
            contains: "unknown key `colour` in the scenario; expected one of: scenario, description")
    }

    func testMissingRequiredKeyIsReportedAtTheTopMapping() {
        expectDiagnostic(
            """
            1️⃣scenario: Test
            horizon: 60 months
            options:
              a:
                costs:
                  licence: 40k
            """, contains: "missing required key `start`")
    }

    func testBadStartMonth() {
        // The month is out of range: the calendar-month parser reports it at the month digits.
        expectDiagnostic(
            """
            scenario: Test
            start: 2017-1️⃣13
            horizon: 60 months
            options:
              a:
                costs:
                  licence: 40k
            """, contains: "month 13 is not between 1 and 12")
    }

    func testZeroHorizon() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 1️⃣0 months
            options:
              a:
                costs:
                  licence: 40k
            """, contains: "`horizon` must be a positive duration")
    }

    func testHorizonMustBeConstant() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 1️⃣pert(50, 60, 70)
            options:
              a:
                costs:
                  licence: 40k
            """, contains: "`horizon` must be a constant")
    }

    func testHorizonLongerThanSupported() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 1️⃣200 years
            options:
              a:
                costs:
                  licence: 40k
            """, contains: "longer than the 100 years supported")
    }

    func testDiscountWordSuggestsGreenBook() {
        expectDiagnostic(scenario(top: "discount: 1️⃣greenbook\n"), contains: "did you mean `green-book`?")
    }

    func testDiscountRateOutOfRange() {
        expectDiagnostic(
            scenario(top: "discount: 1️⃣150%\n"), contains: "`discount` rate must be between 0% and 100%, not 150%")
    }

    func testDiscountingTypoSuggestsAnnual() {
        expectDiagnostic(
            scenario(top: "discounting: 1️⃣anual\n"),
            contains: "`discounting` is `annual` or `monthly`, not `anual`; did you mean `annual`?")
    }

    func testUnknownSamplingMethod() {
        expectDiagnostic(
            scenario(top: "sampling: 1️⃣sobol\n"),
            contains: "`sampling` is `latin-hypercube` or `monte-carlo`, not `sobol`")
    }

    func testIterationsMustBePositive() {
        expectDiagnostic(
            scenario(top: "iterations: 1️⃣0\n"),
            contains: "`iterations` must be a whole number from 1 to 100000000")
    }

    func testIterationsMustBeWhole() {
        expectDiagnostic(
            scenario(top: "iterations: 1️⃣2.5\n"),
            contains: "`iterations` must be a whole number from 1 to 100000000")
    }

    func testSeedMustNotBeNegative() {
        expectDiagnostic(
            scenario(top: "seed: 1️⃣-3\n"),
            contains: "`seed` must be a whole number from 0 to 18446744073709551615, not -3")
    }

    func testSeedTooLarge() {
        expectDiagnostic(
            scenario(top: "seed: 1️⃣99999999999999999999\n"), contains: "`seed` must be a whole number from 0 to")
    }

    func testDeadlineCannotBeGoLive() {
        expectDiagnostic(
            scenario(top: "deadline: 1️⃣go-live\n"), contains: "`go-live` cannot be used in a scenario-level field")
    }

    func testDeadlineCannotBeATask() {
        expectDiagnostic(
            scenario(top: "deadline: 1️⃣procurement\n"), contains: "`deadline` must be a calendar month")
    }

    func testOptionsAsAListIsAWrongKind() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            options:
              1️⃣- a
              - b
            """, contains: "`options` should be a mapping of `key: value` entries, not a list")
    }

    func testOptionsMustNotBeEmpty() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            1️⃣options: {}
            """, contains: "`options` needs at least one option")
    }

    func testScenarioOptimismBiasUnknownKey() {
        expectDiagnostic(
            scenario(top: "optimism-bias:\n  1️⃣capex: 10%\n"),
            contains: "unknown key `capex` in `optimism-bias`; expected one of: one-off, recurring, duration")
    }

    func testNegativeOptimismBias() {
        expectDiagnostic(
            scenario(top: "optimism-bias:\n  one-off: 1️⃣-10%\n"),
            contains: "optimism-bias `one-off` must be an uplift of 0% or more")
    }

    func testDeadlineAsMonthAndCalendarMonth() {
        let (a, _) = loadClean(scenario(top: "deadline: month 9\n"))
        XCTAssertEqual(a?.deadline, 9.0)
        let (b, _) = loadClean(scenario(top: "deadline: 2020-11\n"))
        XCTAssertEqual(b?.deadline, 10.0)
    }

    func testDefaults() throws {
        let (s, _) = loadClean(scenario())
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.currency, "GBP")
        XCTAssertEqual(scenario.discount, .greenBook)
        XCTAssertEqual(scenario.discounting, .annual)
        XCTAssertEqual(scenario.iterations, 100_000)
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.sampling, .latinHypercube)
        XCTAssertNil(scenario.deadline)
        XCTAssertNil(scenario.optimismBias)
        XCTAssertEqual(scenario.horizonMonths, 60)
        XCTAssertEqual(scenario.start, CalendarMonth(year: 2020, month: 1))
    }

    func testSettingsAreRead() throws {
        let (s, _) = loadClean(
            scenario(
                top: """
                    currency: EUR
                    discount: 3.5%
                    discounting: monthly
                    iterations: 20_000
                    seed: 0
                    sampling: monte-carlo

                    """))
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.currency, "EUR")
        XCTAssertEqual(scenario.discount, .rate(0.035))
        XCTAssertEqual(scenario.discounting, .monthly)
        XCTAssertEqual(scenario.iterations, 20_000)
        XCTAssertEqual(scenario.seed, 0)
        XCTAssertEqual(scenario.sampling, .monteCarlo)
    }
}
