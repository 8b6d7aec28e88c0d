import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken timelines and go-live. The `1️⃣` marker is where the diagnostic must point.
final class TimelineDiagnosticsTests: XCTestCase {
    func testUnknownTaskInAfterSuggestsTheClosest() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          requirements: 3
                          procurement:
                            after: 1️⃣requirments
                            duration: 8

                    """),
            contains: "unknown task `requirments` in `after` of task `procurement`; did you mean `requirements`?")
    }

    func testUnknownTaskInAnAfterList() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          design: 3
                          build: 4
                          test:
                            after: [design, 1️⃣biuld]
                            duration: 2

                    """), contains: "unknown task `biuld` in `after` of task `test`; did you mean `build`?")
    }

    func testTimelineCycleListsTheCycle() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          1️⃣a:
                            after: c
                            duration: 1
                          b:
                            after: a
                            duration: 1
                          c:
                            after: b
                            duration: 1

                    """), contains: "timeline cycle: a -> b -> c -> a")
    }

    func testTaskAfterItself() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          1️⃣a:
                            after: a
                            duration: 1

                    """), contains: "timeline cycle: a -> a")
    }

    func testNegativeConstantDuration() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          requirements: 1️⃣-2

                    """), contains: "the duration of task `requirements` is negative (-2 months)")
    }

    func testTaskNeedsADuration() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          design: 2
                          1️⃣build:
                            after: design

                    """), contains: "task `build` needs a `duration`")
    }

    func testUnknownTaskKey() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          design: 2
                          build:
                            1️⃣afterr: design
                            duration: 3

                    """), contains: "unknown key `afterr` in task `build`; did you mean `after`?")
    }

    func testReservedTaskName() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          1️⃣start: 2

                    """), contains: "`start` cannot name a task")
    }

    func testUnknownGoLiveTask() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          transition: 3
                        go-live: 1️⃣transtion

                    """), contains: "unknown task `transtion` in `go-live`; did you mean `transition`?")
    }

    func testGoLiveWithoutTimeline() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        1️⃣go-live: transition
                        costs:
                          licence: 40k

                    """), contains: "`go-live` needs a `timeline` in option `a`")
    }

    func testGoLiveCannotBeUsedInNotBefore() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          design: 2
                          build:
                            duration: 3
                            not-before: 1️⃣go-live

                    """), contains: "`go-live` cannot be used in `not-before` of task `build`")
    }

    func testCycleThroughNotBefore() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          1️⃣design:
                            duration: 2
                            not-before: build.start
                          build:
                            after: design
                            duration: 3

                    """), contains: "timeline cycle: design -> build -> design")
    }

    func testTasksAreStoredInTopologicalOrder() throws {
        let (s, _) = loadClean(
            scenario(
                optionBody: """
                        timeline:
                          test:
                            after: [build, design]
                            duration: 1
                          build:
                            after: design
                            duration: 3
                          docs: 2
                          design: 2
                        go-live: test
                        costs:
                          licence: 40k

                    """))
        let option = try XCTUnwrap(s?.options.first)
        XCTAssertEqual(option.tasks.map(\.name), ["docs", "design", "build", "test"])
        XCTAssertEqual(option.tasks.last?.after.map { option.tasks[$0].name }, ["build", "design"])
        XCTAssertEqual(option.goLive.map { option.tasks[$0].name }, "test")
    }

    func testOptionWithoutTimelineHasNoTasksAndNoGoLive() throws {
        let (s, _) = loadClean(scenario())
        let option = try XCTUnwrap(s?.options.first)
        XCTAssertTrue(option.tasks.isEmpty)
        XCTAssertNil(option.goLive)
        XCTAssertEqual(option.label, "a")
    }
}
