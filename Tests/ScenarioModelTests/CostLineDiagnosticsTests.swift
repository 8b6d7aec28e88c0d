import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken cost lines and benefits, and the time references they use. The `1️⃣` marker is where
/// the diagnostic must point.
final class CostLineDiagnosticsTests: XCTestCase {
    private let timeline = "    timeline:\n      procurement: 6\n"

    func testBothAtAndDuring() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          team:
                            one-off: 100k
                            at: month 2
                            1️⃣during: procurement

                    """), contains: "a one-off line is paid `at` a time or `during` a task, not both")
    }

    func testMonthlyWithDuring() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          team:
                            monthly: 10k
                            1️⃣during: procurement

                    """), contains: "`during` is for one-off lines; a monthly line is paid `from` a time `until` a time"
        )
    }

    func testOneOffWithFrom() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          kit:
                            one-off: 100k
                            1️⃣from: month 3

                    """),
            contains: "`from` is for monthly and annual lines; a one-off line is paid `at` a time or `during` a task")
    }

    func testLineWithoutAmount() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          1️⃣kit:
                            at: month 3

                    """), contains: "cost line `kit` needs one of `one-off`, `monthly` or `annual`")
    }

    func testLineWithTwoAmounts() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          kit:
                            one-off: 100k
                            1️⃣monthly: 1k

                    """), contains: "cost line `kit` has both `one-off` and `monthly`")
    }

    func testUnknownLineKeySuggests() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          kit:
                            one-off: 100k
                            1️⃣escalte: 2%

                    """), contains: "unknown key `escalte` in cost line `kit`; did you mean `escalate`?")
    }

    func testChanceOnACostLineSaysItIsARisk() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          kit:
                            one-off: 100k
                            1️⃣chance: 10%

                    """), contains: "`chance` is not allowed in cost line `kit`: a line that may not happen is a risk")
    }

    func testShareAboveOne() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          host:
                            annual: 1m
                            share: 1️⃣150%

                    """), contains: "`share` of cost line `host` must be between 0% and 100%, not 150%")
    }

    func testUnknownOptionKeySuggests() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        1️⃣cost:
                          licence: 40k

                    """), contains: "unknown key `cost` in option `a`; did you mean `costs`?")
    }

    func testCostLineAsAListIsAWrongKind() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence:
                            1️⃣- 40k

                    """), contains: "cost line `licence` should be an amount (a one-off at start) or a mapping")
    }

    func testDeadlineUsedWithoutADeadline() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          extension:
                            monthly: 10k
                            from: 1️⃣deadline

                    """),
            contains: "`deadline` is used in `from` of cost line `extension` but the scenario sets no `deadline`")
    }

    func testUnknownTaskInDuring() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          team:
                            one-off: 100k
                            during: 1️⃣procurment

                    """),
            contains: "unknown task `procurment` in `during` of cost line `team`; did you mean `procurement`?")
    }

    func testUnknownTaskInATimeWithOffset() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        benefits:
                          savings:
                            monthly: 10k
                            from: 1️⃣procurment + 2 months

                    """),
            contains: "unknown task `procurment` in `from` of benefit `savings`; did you mean `procurement`?")
    }

    func testTaskUsedInAnOptionWithoutTimeline() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          kit:
                            one-off: 10k
                            at: 1️⃣procurement

                    """), contains: "unknown task `procurement` in `at` of cost line `kit`: option `a` has no timeline")
    }

    func testLinesAreBuilt() throws {
        let (s, _) = loadClean(
            scenario(
                top: "deadline: 2020-06\n",
                optionBody: timeline + """
                        go-live: procurement
                        costs:
                          licence: 40k
                          team:
                            one-off: 100k
                            during: procurement
                          service:
                            annual: 1.2m
                            from: go-live
                            escalate: 2%
                            share: 40%
                        benefits:
                          savings:
                            monthly: 5k
                            from: deadline
                            until: go-live + 12 months

                    """))
        let option = try XCTUnwrap(s?.options.first)
        XCTAssertEqual(option.costs.map(\.name), ["licence", "team", "service"])
        XCTAssertEqual(
            option.costs[0].timing, .at(ResolvedTime(base: .scheduled(.month(0)), mark: option.costs[0].mark)))
        XCTAssertEqual(option.costs[1].timing, option.tasks.firstID { $0.name == "procurement" }.map(Timing.during))
        guard case .binary(.divide, let annual, let twelve) = option.costs[2].amount.kind else {
            return XCTFail("an annual amount is stored as annual / 12")
        }
        XCTAssertEqual(annual.constant, 1_200_000)
        XCTAssertEqual(twelve.kind, .number(12))
        XCTAssertTrue(option.costs[2].isRecurring)
        XCTAssertNotNil(option.costs[2].escalate)
        XCTAssertEqual(option.costs[2].share?.constant, 0.4)
        XCTAssertEqual(option.benefits.count, 1)
        XCTAssertTrue(option.benefits[0].isBenefit)
        XCTAssertEqual(option.costs[1].mark.line, 12)
        XCTAssertEqual(option.costs[1].mark.column, 7)
    }
}

/// Sections of an option written as the wrong kind of node.
final class OptionShapeDiagnosticsTests: XCTestCase {
    func testRisksAsAList() {
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 40k\n    risks: 1️⃣[outage, fire]\n"),
            contains: "`risks` of option `a` should be a mapping of `key: value` entries, not a list")
    }

    func testEmptyOption() {
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 40k\n  1️⃣b:\n"), contains: "option `b` is empty")
    }

    func testTimelineAsAValue() {
        expectDiagnostic(
            scenario(optionBody: "    timeline: 1️⃣6 months\n    costs:\n      licence: 40k\n"),
            contains: "the timeline of option `a` should be a mapping of `key: value` entries, not the value `6 months`"
        )
    }
}
