import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Scenario-level risks and per-option deadlines: their checks, located at the `1️⃣` marker, and
/// what the model makes of them.
final class SharedRiskDiagnosticsTests: XCTestCase {
    /// Two options, `a` with tasks `build` and `test`, `b` with task `build` only; `risks` is
    /// inserted at the top level, `deadlines` under each option (`a` first).
    private func shared(_ risks: String, deadlineA: String = "", deadlineB: String = "", top: String = "") -> String {
        """
        scenario: Test
        start: 2020-01
        horizon: 60 months
        \(top)risks:
        \(risks)
        options:
          a:
        \(deadlineA)    timeline:
              build: 3
              test:
                after: build
                duration: 2
            costs:
              licence: 40k
          b:
        \(deadlineB)    timeline:
              build: 4
            costs:
              licence: 40k
        """
    }

    func testAppliesToUnknownOptionSuggestsTheClosest() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    applies-to: [a, 1️⃣bb]
                """), contains: "unknown option `bb` in `applies-to` of risk `outage`; did you mean `b`?")
    }

    func testAppliesToAsOneName() throws {
        let (s, _) = loadClean(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    applies-to: b
                """))
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.risks.first?.appliesTo, [OptionID(1)])
        XCTAssertEqual(scenario.options.map { $0.risks.map(\.name) }, [[], ["outage"]])
    }

    func testAppliesToAnOptionTwice() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    applies-to: [a, 1️⃣a]
                """), contains: "option `a` is listed twice in `applies-to` of risk `outage`")
    }

    func testAppliesToNoOption() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    1️⃣applies-to: []
                """), contains: "`applies-to` of risk `outage` names no option")
    }

    func testAppliesToIsNotAMapping() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    applies-to: 1️⃣{a: 1}
                """), contains: "`applies-to` of risk `outage` is an option name or a list of them, such as `[a, b]`")
    }

    func testAppliesToInsideAnOptionsRiskIsUnknown() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence: 40k
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                            1️⃣applies-to: [a]

                    """),
            contains: "`applies-to` is not allowed in risk `outage`: only a scenario-level risk")
    }

    func testTopLevelKeyTypoSuggestsRisks() {
        expectDiagnostic(
            scenario(top: "1️⃣risk:\n  x:\n    chance: 5%\n    one-off: 1k\n"), contains: "did you mean `risks`?")
    }

    /// A task of the window or of `delays` must be a task of every option the risk applies to.
    func testTaskMissingInOneOption() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    from: 1️⃣test
                """),
            contains: "`test` is not a task of option `b`: a scenario-level risk may name only a task that every "
                + "option it applies to has")
    }

    func testUnknownTaskSuggestsACommonTask() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    delays: 1️⃣buld
                    delay: 2 months
                """),
            contains: "unknown task `buld` in `delays` of risk `outage`: a scenario-level risk may name only a "
                + "task that every option it applies to has; did you mean `build`?")
    }

    func testTaskOfTheOnlyOptionItAppliesTo() throws {
        let (s, _) = loadClean(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    from: test.start
                    applies-to: [a]
                """))
        let risk = try XCTUnwrap(s?.options[0].risks.first)
        XCTAssertEqual(risk.from?.base, .scheduled(.taskStart(TaskID(1))))
        XCTAssertEqual(risk.shared, SharedRiskID(0))
    }

    /// The amounts are the same in every option, so they may use shared inputs only.
    func testAmountCannotUseAnOptionsInput() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            risks:
              outage:
                chance: 5%
                one-off: 1️⃣cost
            options:
              a:
                inputs:
                  cost: 10k
                costs:
                  licence: cost
            """, contains: "unknown name `cost`; it is an input of option `a` and can be used only there")
    }

    func testGoLiveAndTheDeadlineOfEachOption() throws {
        let (s, _) = loadClean(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    from: go-live
                    until: deadline + 12 months
                """, deadlineB: "    deadline: 2021-01\n", top: "deadline: 2020-07\n"))
        let options = try XCTUnwrap(s).options
        XCTAssertEqual(options.map { $0.risks.first?.from?.base }, [.goLive, .goLive])
        XCTAssertEqual(options.map { $0.risks.first?.until?.base }, [.scheduled(.month(6)), .scheduled(.month(12))])
        // One offset, the same expression in both copies.
        XCTAssertEqual(options[0].risks.first?.until?.offset, options[1].risks.first?.until?.offset)
    }

    func testDeadlineNeedsOneInEveryOption() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    from: 1️⃣deadline
                """, deadlineB: "    deadline: 2021-01\n"),
            contains:
                "`deadline` is used in `from` of risk `outage` but option `a`, which it applies to, has no deadline")
    }

    func testOwnRiskOfTheSameName() {
        expectDiagnostic(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            risks:
              1️⃣outage:
                chance: 5%
                one-off: 10k
            options:
              a:
                costs:
                  licence: 40k
                risks:
                  outage:
                    chance: 1%
                    one-off: 1k
            """,
            contains:
                "risk `outage` applies to option `a`, which has its own risk `outage` (line 13); rename one of them")
    }

    func testRiskChecksStillApply() {
        expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 1️⃣150%
                    one-off: 10k
                """), contains: "`chance` of risk `outage`")
    }

    /// Copies whose constant windows never open give one warning, not one per option.
    func testWindowWarningOnce() {
        let ds = expectDiagnostic(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                    from: 1️⃣month 70
                """), contains: "risk `outage` can never happen", severity: .warning)
        XCTAssertEqual(ds.filter { $0.severity == .warning }.count, 1)
    }

    /// A scenario-level risk is not an option's own risk: it raises no optimism-bias warning.
    func testNoOptimismBiasWarningForASharedRisk() {
        loadClean(
            shared(
                """
                  outage:
                    chance: 5%
                    one-off: 10k
                """, top: "optimism-bias: {one-off: 10%}\n"))
    }

    // MARK: Per-option deadline

    func testOptionDeadlineBeforeStart() {
        expectDiagnostic(
            scenario(optionBody: "    deadline: 1️⃣2019-10\n    costs:\n      licence: 40k\n"),
            contains: "`deadline` 2019-10 is 3 months before `start` (2020-01): a deadline must not be before the "
                + "appraisal begins")
    }

    func testOptionDeadlineRelativeToAMissingScenarioDeadline() {
        expectDiagnostic(
            scenario(optionBody: "    deadline: 1️⃣deadline + 3 months\n    costs:\n      licence: 40k\n"),
            contains: "`deadline` in the `deadline` of option `a` means the scenario's deadline, but the scenario "
                + "sets no `deadline`")
    }

    func testOptionDeadlineCannotBeGoLive() {
        expectDiagnostic(
            scenario(optionBody: "    deadline: 1️⃣go-live\n    costs:\n      licence: 40k\n"),
            contains: "the `deadline` of option `a` cannot be its own `go-live`")
    }

    func testOptionKeyTypoSuggestsDeadline() {
        expectDiagnostic(
            scenario(optionBody: "    1️⃣dedline: 2020-06\n    costs:\n      licence: 40k\n"),
            contains: "unknown key `dedline` in option `a`; did you mean `deadline`?")
    }

    /// The option's deadline is what `deadline` means inside it; another option keeps the
    /// scenario's.
    func testOptionDeadlineOverridesTheScenarios() throws {
        let (s, _) = loadClean(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            deadline: 2020-07
            options:
              a:
                deadline: 2021-01
                costs:
                  holdover: {monthly: 1k, from: deadline, until: end}
              b:
                costs:
                  holdover: {monthly: 1k, from: deadline, until: end}
            """)
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.deadline, 6)
        XCTAssertEqual(scenario.options.map(\.deadline), [12, 6])
        XCTAssertEqual(scenario.options.map(\.deadlineMark?.line), [7, 4])
        let froms: [TimePoint?] = scenario.options.map {
            if case .recurring(let from, _) = $0.costs[0].timing { return from.base }
            return nil
        }
        XCTAssertEqual(froms, [.scheduled(.month(12)), .scheduled(.month(6))])
    }
}
