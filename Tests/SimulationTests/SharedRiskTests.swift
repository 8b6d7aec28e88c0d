import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// Scenario-level risks (docs/scenario-language.md §6 "Shared risks"): the same random numbers in
/// every option they apply to, the window evaluated in each option's own timeline.
final class SharedRiskTests: XCTestCase {
    /// The risks of the paired test, indented for `risks:` at the top level (`indent` 2) or in
    /// an option (`indent` 6).
    private func incidents(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return """
            cyber incident:
              chance: 40%
              one-off: pert(100k, 200k, 600k)
              monthly: pert(5k, 10k, 20k)
              for: 6 months
              from: go-live
            breach fines:
              chance: 20% per year
              one-off: uniform(50k, 150k)

            """.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
                .joined(separator: "\n")
    }

    /// Two options identical but for a constant 50k: with the incidents as scenario-level risks
    /// PV(b) − PV(a) is 50k in every iteration (zero spread); with a copy of the same risks in
    /// each option it spreads, by Var(d) = Var(R_a) + Var(R_b) for independent risk PVs R.
    func testPairedDifferenceHasZeroSpreadOnlyWhenTheRiskIsShared() throws {
        func run(shared: Bool) throws -> (d: [Double], ra: [Double], rb: [Double]) {
            let own = shared ? "" : "    risks:\n" + incidents(indent: 6)
            let plan = try compile(
                """
                scenario: paired
                start: 2020-01
                horizon: 60 months
                \(shared ? "risks:\n" + incidents(indent: 2) : "")
                options:
                  a:
                    timeline:
                      build: 6
                    costs:
                      run: {annual: 1m, from: go-live}
                \(own)
                  b:
                    timeline:
                      build: 6
                    costs:
                      run: {annual: 1m, from: go-live}
                      extra: 50k
                \(own)
                """)
            let r = Engine(plan: plan).run(.init(iterations: 20_000, seed: 11, sampling: .monteCarlo, threads: 2))
            let a = r.options[0], b = r.options[1]
            // The risks are each option's last two lines.
            func risks(_ o: OptionResults) -> [Double] {
                let n = o.linePV.count
                return zip(o.linePV[n - 2], o.linePV[n - 1]).map { Double($0) + Double($1) }
            }
            return (zip(b.pv, a.pv).map { $0 - $1 }, risks(a), risks(b))
        }
        let shared = try run(shared: true)
        XCTAssertEqual(shared.d.map { abs($0 - 50_000) }.max() ?? .nan, 0, accuracy: 1e-6)
        XCTAssertGreaterThan(sd(shared.ra), 100_000, "the risks themselves vary")

        let copies = try run(shared: false)
        let n = Double(copies.d.count)
        XCTAssertEqual(mean(copies.d), 50_000, accuracy: 4 * standardError(copies.d))
        // Var(d) − Var(R_a) − Var(R_b) = −2 cov(R_a, R_b), whose standard error under independence
        // is 2 sd(R_a) sd(R_b) / √n.
        let sa = sd(copies.ra), sb = sd(copies.rb)
        XCTAssertEqual(
            variance(copies.d), sa * sa + sb * sb, accuracy: 4 * 2 * sa * sb / n.squareRoot())
        XCTAssertGreaterThan(sd(copies.d), 100_000)
    }

    /// The occurrence of a scenario-level risk is the same in every option in each iteration,
    /// even where the options go live at different times (a window from go-live that is not empty
    /// in either), and a per-year risk's count too.
    func testOccurrencesAreTheSameInEveryOption() throws {
        let plan = try compile(
            """
            scenario: occurrences
            start: 2020-01
            horizon: 60 months
            risks:
              outage:
                chance: pert(10%, 30%, 50%)
                one-off: 10k
                from: go-live
              fines:
                chance: 25% per year
                one-off: 5k
            options:
              a:
                timeline:
                  build: pert(2, 4, 8)
                costs:
                  run: 1m
              b:
                timeline:
                  build: pert(10, 14, 20)
                costs:
                  run: 1m
            """)
        let r = Engine(plan: plan).run(.init(iterations: 4096, seed: 5, sampling: .latinHypercube, threads: 2))
        let a = r.options[0], b = r.options[1]
        XCTAssertEqual(a.riskOccurrences.count, 2)
        XCTAssertEqual(a.riskOccurrences[0], b.riskOccurrences[0])
        XCTAssertEqual(a.riskOccurrences[1], b.riskOccurrences[1])
        XCTAssertNotEqual(a.goLive, b.goLive)
        let outages = mean(a.riskOccurrences[0].map(Double.init))
        XCTAssertEqual(outages, 0.3, accuracy: 0.03, "E[chance] = 30%")
        // The chance and impacts are one uncertain input each, not one per option.
        let labels = plan.inputs.map(\.label)
        XCTAssertEqual(labels.filter { $0.hasPrefix("risks / outage") }, ["risks / outage (chance)"])
        XCTAssertTrue(plan.inputs.filter { $0.label.hasPrefix("risks / ") }.allSatisfy { $0.option == nil })
    }

    /// The window is each option's own: `a` goes live at month 6 and `b` at month 18, the risk
    /// (certain, 120k) falls uniformly in [go-live, go-live + 12). With the same time uniform v,
    /// `a` pays at 6 + 12v and `b` at 18 + 12v: one appraisal year later in every iteration, so
    /// PV(b) = PV(a) / 1.035 exactly (Green Book annual discounting), and `a` pays in year 0 when
    /// v < 0.5.
    func testTheWindowIsEvaluatedInEachOptionsTimeline() throws {
        let plan = try compile(
            """
            scenario: windows
            start: 2020-01
            horizon: 60 months
            risks:
              incident:
                chance: 100%
                one-off: 120k
                from: go-live
                until: go-live + 12 months
            options:
              a:
                timeline:
                  build: 6
                costs:
                  nothing: 0
              b:
                timeline:
                  build: 18
                costs:
                  nothing: 0
            """)
        let r = Engine(plan: plan).run(.init(iterations: 4096, seed: 9, sampling: .latinHypercube, threads: 2))
        let a = r.options[0].pv.array, b = r.options[1].pv.array
        for i in a.indices { XCTAssertEqual(b[i] * 1.035, a[i], accuracy: 1e-6, "iteration \(i)") }
        let inYear0 = Double(a.filter { $0 == 120_000 }.count) / Double(a.count)
        XCTAssertEqual(inYear0, 0.5, accuracy: 1e-3, "stratified v: half the strata are below 0.5")
    }

    /// A scenario-level risk that delays a task every option has lengthens it by the same delay in
    /// the same iterations: go-live moves alike in both options.
    func testScheduleRiskDelaysEveryOptionAlike() throws {
        let plan = try compile(
            """
            scenario: delays
            start: 2020-01
            horizon: 60 months
            risks:
              supply shortage:
                chance: 30%
                delays: procurement
                delay: uniform(1, 5) months
            options:
              a:
                timeline:
                  procurement: 6
                costs:
                  run: {annual: 1m, from: go-live}
              b:
                timeline:
                  discovery: 4
                  procurement:
                    after: discovery
                    duration: 6
                costs:
                  run: {annual: 1m, from: go-live}
            """)
        let r = Engine(plan: plan).run(.init(iterations: 4096, seed: 2, sampling: .latinHypercube, threads: 2))
        let a = r.options[0], b = r.options[1]
        for i in 0..<r.iterations {
            XCTAssertEqual(a.goLive[i] - 6, b.goLive[i] - 10, accuracy: 1e-9, "iteration \(i)")
        }
        XCTAssertEqual(a.riskOccurrences[0], b.riskOccurrences[0])
        let delayed = mean(a.riskOccurrences[0].map(Double.init))
        XCTAssertEqual(delayed, 0.3, accuracy: 1e-3, "stratified u")
        XCTAssertEqual(plan.inputs.map(\.label), ["risks / supply shortage (delay)"])
    }

    /// A scenario-level risk applying to one option only is that option's own risk: with no other
    /// random numbers before it, the same draws, so the same results in every iteration; the other
    /// option has no such line.
    func testAppliesToOneOptionBehavesLikeItsOwnRisk() throws {
        let risk = """
            outage:
              chance: 35%
              one-off: pert(20k, 50k, 150k)
              monthly: 2k
              from: month 6

            """
        func indented(_ n: Int) -> String {
            risk.split(separator: "\n").map { String(repeating: " ", count: n) + $0 }.joined(separator: "\n")
        }
        func results(shared: Bool) throws -> (SimulationResults, Plan) {
            let plan = try compile(
                """
                scenario: one option
                start: 2020-01
                horizon: 36 months
                \(shared ? "risks:\n" + indented(2) + "\n    applies-to: [a]" : "")
                options:
                  a:
                    costs:
                      run: 100k
                \(shared ? "" : "    risks:\n" + indented(6))
                  b:
                    costs:
                      run: 120k
                """)
            return (
                Engine(plan: plan).run(.init(iterations: 3000, seed: 4, sampling: .latinHypercube, threads: 2)), plan
            )
        }
        let (shared, sharedPlan) = try results(shared: true)
        let (own, _) = try results(shared: false)
        XCTAssertEqual(shared.options[0].pv, own.options[0].pv)
        XCTAssertEqual(shared.options[0].riskOccurrences, own.options[0].riskOccurrences)
        XCTAssertEqual(shared.options[1].pv, own.options[1].pv)
        XCTAssertEqual(sharedPlan.options.map { $0.lines.map(\.name) }, [["run", "outage"], ["run"]])
        XCTAssertGreaterThan(Set(shared.options[0].pv).count, 100, "the risk varies")
    }

    private func variance(_ xs: [Double]) -> Double {
        let m = mean(xs)
        return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    }

    private func sd(_ xs: [Double]) -> Double { variance(xs).squareRoot() }
}
