import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// What the model hands to the plan compiler: every name resolved to its input, every task
/// reference to a scheduled `TaskID`, every time to its base, and every distribution numbered
/// as an uncertain input with its label.
final class ResolutionTests: XCTestCase {
    /// A task of the same option resolves to its place in the schedule (not in the file) wherever
    /// it is used: `after`, `not-before`, `go-live`, `during`, `at`, `delays`.
    func testTaskReferencesResolveToScheduledTaskIDs() throws {
        let (s, _) = loadClean(
            scenario(
                top: "deadline: 2021-01\n",
                optionBody: """
                        timeline:
                          build:
                            after: design
                            duration: 4
                            not-before: design.start + 1 months
                          design: 2
                        go-live: build
                        costs:
                          team:
                            one-off: 10k
                            during: build
                          fee:
                            one-off: 5k
                            at: design
                          run:
                            monthly: 1k
                            from: go-live
                            until: deadline
                        risks:
                          challenge:
                            chance: 10%
                            delays: design
                            delay: 2 months

                    """))
        let option = try XCTUnwrap(s?.options.first)
        XCTAssertEqual(option.tasks.map(\.name), ["design", "build"])
        let design = TaskID(0), build = TaskID(1)
        XCTAssertEqual(option.tasks[build].after, [design])
        XCTAssertEqual(option.tasks[build].notBefore?.base, .taskStart(design))
        XCTAssertEqual(option.tasks[build].notBefore?.offset?.constant, 1)
        XCTAssertEqual(option.goLive, build)
        XCTAssertEqual(option.costs[0].timing, .during(build))
        guard case .at(let at) = option.costs[1].timing, case .recurring(let from, let until) = option.costs[2].timing
        else {
            return XCTFail("one-off at a time, then a monthly line")
        }
        XCTAssertEqual(at.base, .scheduled(.taskFinish(design)))
        XCTAssertEqual(from.base, .goLive)
        // The deadline (2021-01) is known to exist: a month after start (2020-01).
        XCTAssertEqual(until.base, .scheduled(.month(12)))
        XCTAssertEqual(option.risks[0].delays, design)
        XCTAssertTrue(option.risks[0].isScheduleRisk)
    }

    /// Fixed bases become months: `start`, `end` (the horizon), a calendar month, `month N`;
    /// a constant offset folds into `constantMonths`.
    func testFixedTimesAreMonths() throws {
        let (s, _) = loadClean(
            scenario(
                optionBody: """
                        costs:
                          run:
                            monthly: 1k
                            from: 2021-03 + 2 months
                            until: end
                          fee:
                            one-off: 5k
                            at: month 7

                    """))
        let option = try XCTUnwrap(s?.options.first)
        guard case .recurring(let from, let until) = option.costs[0].timing, case .at(let at) = option.costs[1].timing
        else {
            return XCTFail("a monthly line, then a one-off")
        }
        XCTAssertEqual(from.base, .scheduled(.month(14)))
        XCTAssertEqual(from.constantMonths, 16)
        XCTAssertEqual(until.base, .scheduled(.month(60)))
        XCTAssertEqual(at.constantMonths, 7)
    }

    /// A shared input is one uncertain input whichever options read it: both options' lines
    /// refer to the same shared input, whose value is one numbered distribution.
    func testSharedInputReadByTwoOptionsIsOneUncertainInput() throws {
        let (s, _) = loadClean(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            inputs:
              rate: pert(1, 2, 3)
            options:
              a:
                costs:
                  licence: rate * 10k
              b:
                costs:
                  licence: rate * 20k + pert(1, 2, 3)

            """)
        let scenario = try XCTUnwrap(s)
        let rate = NamedInputID(0)
        guard case .draw(let id, _) = scenario.inputs[rate].value.kind else {
            return XCTFail("rate is one distribution")
        }
        XCTAssertEqual(id, InputID(0))
        for option in scenario.options {
            XCTAssertEqual(references(option.costs[0].amount), [.shared(rate)], option.name)
        }
        XCTAssertEqual(draws(scenario.options[1].costs[0].amount), [InputID(1)])
        XCTAssertEqual(scenario.uncertainInputs.map(\.label), ["rate", "b / licence"])
        XCTAssertEqual(scenario.uncertainInputs.map(\.option), [nil, OptionID(1)])
    }

    /// An option's own input resolves within its option: two options with an own input of the
    /// same name get different uncertain inputs, labelled `option.name`.
    func testOwnInputsResolveWithinTheirOption() throws {
        let (s, _) = loadClean(
            """
            scenario: Test
            start: 2020-01
            horizon: 60 months
            options:
              a:
                inputs:
                  x: pert(1, 2, 3)
                costs:
                  licence: x
              b:
                inputs:
                  x: pert(4, 5, 6)
                costs:
                  licence: x

            """)
        let scenario = try XCTUnwrap(s)
        for (k, option) in scenario.options.enumerated() {
            XCTAssertEqual(references(option.costs[0].amount), [.own(NamedInputID(0))])
            XCTAssertEqual(draws(option.inputs[NamedInputID(0)].value), [InputID(k)])
        }
        XCTAssertEqual(scenario.uncertainInputs.map(\.label), ["a.x", "b.x"])
        XCTAssertEqual(scenario.uncertainInputs.map(\.option), [OptionID(0), OptionID(1)])
        XCTAssertEqual(scenario.uncertainInputs.map(\.constantParameters), [[1, 2, 3], [4, 5, 6]])
    }

    /// Every place a distribution can be written, labelled as the plan compiler labelled it
    /// before the model did (the list is the `samples.csv` header of that version), unique, and
    /// numbered in the plan's evaluation order: shared inputs (a name's inputs at its first use),
    /// then per option its inputs, schedule risks, tasks, lines, risks (per-year impacts once a
    /// year) and criteria scores.
    func testLabelsAreUniqueAndInEvaluationOrder() throws {
        let (s, _) = loadClean(Self.everyPlace)
        let catalogue = try XCTUnwrap(s).uncertainInputs
        let labels = catalogue.map(\.label)
        XCTAssertEqual(
            labels,
            [
                "rate", "pair", "pair #2", "base_cost", "a.own", "a.own2", "a / challenge (chance)",
                "a / challenge (delay)", "a / design (duration)", "a / time offset", "a / licence",
                "a / licence (share)", "a / time offset #2", "a / team (escalate)", "a / time offset #3",
                "a / dependent", "a / savings", "a / challenge", "a / time offset #4", "a / exit (year 0)",
                "a / exit (year 0) (monthly)", "a / exit (year 0) (for)", "a / exit (year 1)",
                "a / exit (year 1) (monthly)", "a / exit (year 1) (for)", "a / exit (year 2)",
                "a / exit (year 2) (monthly)", "a / exit (year 2) (for)", "a / flat (chance)",
                "criteria / quality / a", "b / same", "b / same #2"
            ])
        XCTAssertEqual(Set(labels).count, labels.count)
        XCTAssertEqual(catalogue.filter(\.isCriterion).map(\.label), ["criteria / quality / a"])
        XCTAssertEqual(catalogue.filter { $0.option == nil }.count, 4)
        // The dependent draw has parameters that depend on an input; the others are constants.
        XCTAssertEqual(catalogue.filter { $0.constantParameters == nil }.map(\.label), ["a / dependent"])
    }

    /// A risk impact written `annual:` draws annual amounts (stored per month as annual / 12),
    /// so its inputs are labelled `(annual)`, not `(monthly)`: once, per year and in a
    /// scenario-level risk; `monthly:` keeps `(monthly)`.
    func testAnnualRiskImpactIsLabelledAnnual() throws {
        let (s, _) = loadClean(
            """
            scenario: annual labels
            start: 2020-01
            horizon: 24 months
            risks:
              outage:
                chance: 10%
                annual: uniform(1k, 2k)
                applies-to: [a]
            options:
              a:
                costs:
                  licence: 40k
                risks:
                  exit:
                    chance: 10% per year
                    annual: pert(10k, 12k, 20k)
                  once:
                    chance: 20%
                    annual: uniform(5k, 6k)
                  monthly:
                    chance: 20%
                    monthly: uniform(1k, 2k)
            """)
        let labels = try XCTUnwrap(s).uncertainInputs.map(\.label)
        XCTAssertEqual(
            labels,
            [
                "risks / outage (annual)", "a / exit (year 0) (annual)", "a / exit (year 1) (annual)",
                "a / once (annual)", "a / monthly (monthly)"
            ])
    }

    /// A distribution inside another's parameters is its own uncertain input, numbered after the
    /// outer one and labelled apart (the plan compiler used to give both the same label and draw
    /// the outer with the inner's family).
    func testNestedDistributionIsNumberedAfterTheOuterOne() throws {
        let (s, _) = loadClean(
            scenario(
                top: "inputs:\n  x: normal(pert(100, 200, 300), 10)\n",
                optionBody: "    costs:\n      licence: x\n"))
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.uncertainInputs.map(\.label), ["x", "x #2"])
        XCTAssertEqual(scenario.uncertainInputs.map(\.family), [.normal, .pert])
        XCTAssertEqual(scenario.uncertainInputs.map(\.constantParameters), [nil, [100, 200, 300]])
        XCTAssertEqual(draws(scenario.inputs[NamedInputID(0)].value), [InputID(0), InputID(1)])
    }

    /// The named inputs an expression refers to, in source order.
    private func references(_ e: ResolvedExpr) -> [InputReference] {
        var found: [InputReference] = []
        visit(e) { if case .input(let r) = $0.kind { found.append(r) } }
        return found
    }

    /// The uncertain inputs drawn in an expression, outermost first.
    private func draws(_ e: ResolvedExpr) -> [InputID] {
        var found: [InputID] = []
        visit(e) { if case .draw(let id, _) = $0.kind { found.append(id) } }
        return found
    }

    private func visit(_ e: ResolvedExpr, _ body: (ResolvedExpr) -> Void) {
        body(e)
        switch e.kind {
        case .number, .input: break
        case .negate(let a), .duration(let a, _): visit(a, body)
        case .binary(_, let a, let b):
            visit(a, body)
            visit(b, body)
        case .function(_, let args): for a in args { visit(a, body) }
        case .draw(_, let parameters): for p in parameters { visit(p, body) }
        }
    }

    /// A distribution in every place the language allows one.
    static let everyPlace = """
        scenario: labels
        start: 2020-01
        horizon: 30 months
        deadline: 2021-01
        iterations: 200
        inputs:
          rate: pert(1%, 2%, 4%)
          pair: uniform(1, 2) + uniform(3, 4)
          later: base_cost * 2
          base_cost: triangular(10k, 20k, 40k)
        options:
          a:
            inputs:
              own: normal(100k, 10k)
              own2: own + pert(1, 2, 3)
            timeline:
              design: pert(2, 3, 5)
              build:
                after: design
                duration: 4
                not-before: design + uniform(0, 1) months
            go-live: build
            costs:
              licence:
                one-off: pert(10k, 20k, 30k)
                at: go-live + uniform(1, 2) months
                share: pert(40%, 50%, 60%)
              team:
                monthly: own2 / 10 + rate * 1k
                from: design.start
                until: end - pert(1, 2, 3) months
                escalate: pert(1%, 2%, 3%)
              build work:
                one-off: later
                during: build
              dependent: normal(own, 1k)
            benefits:
              savings:
                annual: uniform(10k, 20k)
                from: go-live
            risks:
              challenge:
                chance: pert(5%, 7%, 10%)
                delays: design
                delay: uniform(1, 2) months
                one-off: pert(1k, 2k, 3k)
              exit:
                chance: 10% per year
                one-off: pert(5k, 6k, 7k)
                monthly: uniform(1k, 2k)
                for: pert(2, 3, 4) months
                from: month 3 + uniform(0, 1) months
              flat:
                chance: beta(2, 20)
                one-off: 10k
          b:
            costs:
              licence: base_cost + pair
              same:
                one-off: pert(1, 2, 3)
              "same #2":
                one-off: pert(1, 2, 3)
        criteria:
          quality:
            weight: 100%
            scores:
              a: pert(3, 5, 7)
              b: 6

        """
}
