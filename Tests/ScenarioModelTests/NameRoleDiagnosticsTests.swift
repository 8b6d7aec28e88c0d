import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// A name used in the wrong role says what the name is and where it is defined; a body key
/// indented at the level of the entries says so instead of failing on its value.
final class NameRoleDiagnosticsTests: XCTestCase {
    private let timeline =
        "    timeline:\n      procurement: 6\n      transition:\n        after: procurement\n        duration: 3\n"

    func testDedentedFromIsAnIndentationErrorNotAnUnknownName() {
        let ds = expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        go-live: transition
                        costs:
                          fee:
                            monthly: 10k
                          1️⃣from: go-live

                    """),
            contains: "`from` is read as a cost line named `from` because of its indentation; "
                + "if it belongs to cost line `fee`, indent it one level deeper, under `fee`")
        XCTAssertFalse(ds.contains { $0.message.contains("`go`") }, ds.map(\.description).joined(separator: "\n"))
    }

    func testDedentedKeysOfRisksAndTasks() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          licence: 40k
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k
                          1️⃣from: go-live

                    """),
            contains: "`from` is read as a risk named `from` because of its indentation; "
                + "if it belongs to risk `outage`, indent it one level deeper, under `outage`")
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          procurement: 6
                          build:
                            duration: 3
                          1️⃣after: procurement
                        costs:
                          licence: 40k

                    """),
            contains: "`after` is read as a task named `after` because of its indentation; "
                + "if it belongs to task `build`, indent it one level deeper, under `build`")
    }

    func testDedentedKeyWithNoEntryBefore() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          1️⃣escalate: 2%

                    """),
            contains: "`escalate` is read as a cost line named `escalate` because of its indentation; "
                + "indent it under the cost line it belongs to")
    }

    func testTimeKeywordUsedAsAnAmount() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          fee:
                            one-off: 1️⃣go-live * 2

                    """),
            contains: "`go-live` is a time, not an amount: times are written in `at`, `from`, `until` and `not-before`")
    }

    func testGoLiveIsOneWordOnlyWithoutSpaces() {
        XCTAssertEqual(exprValue("go-live"), "go-live")
        XCTAssertEqual(exprValue("Go-Live + 1"), "(+ Go-Live 1)")
        XCTAssertEqual(exprValue("go - live"), "(- go live)")
        XCTAssertEqual(exprValue("go-lively"), "(- go lively)")
    }

    func testTaskUsedAsANumber() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        costs:
                          fee:
                            one-off: 1️⃣procurement * 2

                    """),
            contains: "`procurement` is a task of option `a` (line 7), not an input: only inputs can be used in an "
                + "expression; a task's finish is a time, for `at`, `from`, `until` or `not-before`")
    }

    func testCostLineUsedAsANumber() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence: 40k
                          support: 1️⃣licence * 20%

                    """),
            contains: "`licence` is a cost line of option `a` (line 7), not an input: only inputs can be used in an "
                + "expression; to use the same amount in two places, make it an input")
    }

    func testAfterNamingAnotherOptionsTask() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          build:
                            after: 1️⃣tender
                            duration: 3
                        costs:
                          licence: 40k
                      b:
                        timeline:
                          tender: 3
                        costs:
                          licence: 40k

                    """),
            contains: "`tender` is a task of option `b` (line 14), not of option `a`; "
                + "`after` of task `build` must name a task of option `a`")
    }

    func testGoLiveNamingACostLine() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        go-live: 1️⃣handover
                        costs:
                          handover: 40k

                    """),
            contains: "`handover` is a cost line of option `a` (line 13), not a task; "
                + "`go-live` must name a task of option `a`")
    }

    func testDuringNamingARiskOfAnOptionWithoutTimeline() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          fee:
                            one-off: 10k
                            during: 1️⃣outage
                        risks:
                          outage:
                            chance: 5%
                            one-off: 10k

                    """),
            contains: "`outage` is a risk of option `a` (line 11), not a task; "
                + "`during` of cost line `fee` must name a task of option `a` (it has no timeline)")
    }

    func testAnUnknownTaskStillGetsASuggestion() {
        expectDiagnostic(
            scenario(
                optionBody: timeline + """
                        go-live: 1️⃣transitoin
                        costs:
                          licence: 40k

                    """), contains: "unknown task `transitoin` in `go-live`; did you mean `transition`?")
    }

    func testATaskAndACostLineMayShareAName() {
        loadClean(
            scenario(
                optionBody: timeline + """
                        go-live: transition
                        costs:
                          transition:
                            one-off: 100k
                            during: transition

                    """))
    }
}
