import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis
@testable import Reports

/// The shape of the typed report: every option has its years, lines and metrics; every pair is
/// there once and found in either order; every input has its tornado runs; and the report is
/// the same whatever the number of threads the analysis uses.
final class RunReportStructureTests: XCTestCase {
    /// Three options (so three pairs), a deadline, criteria, a benefit, a risk per option in two
    /// of them, a shared input and inputs of an option: 3 appraisal years.
    static let yaml = """
        scenario: structure
        start: 2020-01
        horizon: 30 months
        deadline: 2020-07
        inputs:
          price: uniform(90, 110)
        options:
          a:
            timeline:
              build: pert(2, 4, 9)
            go-live: build
            costs:
              licence:
                annual: price
                from: go-live
              setup: uniform(5, 8)
            benefits:
              savings:
                annual: uniform(10, 20)
                from: go-live
            risks:
              outage:
                chance: 30%
                one-off: uniform(20, 40)
          b:
            costs:
              licence:
                annual: price * 1.1
            risks:
              overrun:
                chance: 50%
                one-off: 25
          c:
            inputs:
              rate: uniform(95, 125)
            costs:
              licence:
                annual: rate
        criteria:
          quality:
            weight: 100%
            scores:
              a: uniform(5, 9)
              b: 6
              c: 7
        """

    private func analysed(iterations: Int = 4000, threads: Int = 0) throws -> (Engine, SimulationResults, RunReport) {
        let (scenario, diagnostics) = ScenarioLoader.load(text: Self.yaml, file: "structure.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let results = engine.run(.init(iterations: iterations, seed: 11, sampling: .monteCarlo, threads: 2))
        XCTAssertTrue(results.problems.isEmpty)
        return (engine, results, try RunReport(engine: engine, results: results, threads: threads))
    }

    func testEveryOptionHasItsYearsLinesAndMetrics() throws {
        let (engine, _, report) = try analysed()
        let plan = engine.plan
        XCTAssertEqual(plan.years, 3)
        XCTAssertEqual(report.years.map(\.index), [0, 1, 2])
        XCTAssertEqual(report.years.map(\.discountFactor), plan.schedule.yearFactors.prefix(3).map { $0 })
        XCTAssertEqual(report.options.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(Array(report.options.ids), [OptionID(0), OptionID(1), OptionID(2)])
        for (id, option) in report.options.enumerated {
            XCTAssertEqual(option.id, id)
            XCTAssertEqual(option.years.count, plan.years, option.name)
            XCTAssertEqual(option.lines.count, plan.options[id.index].lines.count, option.name)
            for (lineID, line) in option.lines.enumerated {
                XCTAssertEqual(line.id, lineID)
                XCTAssertEqual(line.name, plan.options[id.index].lines[lineID.index].name)
                XCTAssertEqual(line.pv.count, 4000)
            }
            XCTAssertEqual(
                option.metrics.map { $0.metric }, [.pv, .total, .goLive, .extensionMonths, .liveByDeadline, .score])
            XCTAssertEqual(option.base.option, option.name)
            XCTAssertEqual(option.pv.count, 4000)
            XCTAssertNotNil(option.pBestScore)
            XCTAssertFalse(option.drivers.isEmpty)
        }
        XCTAssertEqual(report.options[OptionID(0)].lines.map(\.kind), [.cost, .cost, .benefit, .risk])
        XCTAssertEqual(report.options[OptionID(0)].lines.map(\.sourceLine), [13, 16, 18, 22])
        XCTAssertEqual(report.options.map(\.pCheapest).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(report.options.compactMap(\.pBestScore).reduce(0, +), 1, accuracy: 1e-12)
        // Option c has no risk line: its summary of live-by-deadline is 1 in every iteration.
        XCTAssertEqual(report.options[OptionID(2)].liveByDeadline?.mean, 1)
    }

    /// Without a deadline or criteria those metrics are absent, not zero.
    func testMetricsWithoutDeadlineOrCriteria() throws {
        let yaml = """
            scenario: plain
            start: 2020-01
            horizon: 12 months
            options:
              only:
                costs:
                  price: uniform(1, 2)
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "plain.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let report = try RunReport(
            engine: engine, results: engine.run(.init(iterations: 100, seed: 1, sampling: .monteCarlo)))
        let only = report.options[OptionID(0)]
        XCTAssertEqual(only.metrics.map { $0.metric }, [.pv, .total, .goLive])
        XCTAssertNil(only.extensionMonths)
        XCTAssertNil(only.score)
        XCTAssertNil(only.pBestScore)
        XCTAssertTrue(report.pairs.isEmpty)
        XCTAssertNil(report.twoBest)
        XCTAssertNil(report.pair(OptionID(0), OptionID(0)))
        XCTAssertTrue(report.switching.isEmpty)
    }

    func testPairsAreFoundInEitherOrder() throws {
        let (_, results, report) = try analysed()
        XCTAssertEqual(report.pairs.map { [$0.a.index, $0.b.index] }, [[0, 1], [0, 2], [1, 2]])
        for a in report.options.ids {
            XCTAssertNil(report.pair(a, a))
            for b in report.options.ids where b != a {
                let pair = try XCTUnwrap(report.pair(a, b))
                XCTAssertEqual(pair.a, min(a, b))
                XCTAssertEqual(pair.b, max(a, b))
                let expected = try PairedComparison(
                    results.options[pair.a.index].pv.array,
                    results.options[pair.b.index].pv.array)
                XCTAssertEqual(pair.comparison, expected)
                XCTAssertEqual(report.drivers(of: .difference(a, b)).map(\.driver), pair.drivers.map(\.driver))
            }
        }
        XCTAssertNil(report.pair(OptionID(0), OptionID(3)), "out of range")
    }

    /// Drivers are typed: inputs by InputID (shared ones in every target, an option's own only
    /// in its targets), risk occurrences by option and line, and that line is the risk.
    func testDriversAndInputs() throws {
        let (engine, _, report) = try analysed()
        XCTAssertEqual(report.inputs.count, engine.plan.inputs.count)
        XCTAssertEqual(
            report.inputs.map(\.label),
            [
                "price", "a / build (duration)", "a / setup", "a / savings",
                "a / outage", "criteria / quality / a", "c.rate"
            ])
        XCTAssertEqual(report.inputs.map(\.isCriterion), [false, false, false, false, false, true, false])
        let price = try XCTUnwrap(report.inputs.enumerated.first { $0.element.label == "price" }).id
        let rate = try XCTUnwrap(report.inputs.enumerated.first { $0.element.label == "c.rate" }).id
        XCTAssertNil(report.inputs[price].option)
        XCTAssertEqual(report.inputs[rate].option, OptionID(2))
        for input in report.inputs {
            XCTAssertEqual(input.low.count, 3)
            XCTAssertEqual(input.high.count, 3)
        }
        XCTAssertEqual(
            report.inputs[rate].low[OptionID(2)].pv,
            report.drivers(of: .pv(OptionID(2)))
                .first { $0.driver == .input(rate) }?.swingLow)
        let a = report.drivers(of: .pv(OptionID(0))).map(\.driver)
        XCTAssertTrue(a.contains(.input(price)))
        XCTAssertFalse(a.contains(.input(rate)), "c's input cannot move a's PV")
        XCTAssertTrue(report.drivers(of: .difference(OptionID(0), OptionID(2))).map(\.driver).contains(.input(rate)))
        let risks = a.compactMap { driver -> (OptionID, LineID)? in
            if case let .riskOccurrence(o, l) = driver { return (o, l) } else { return nil }
        }
        XCTAssertEqual(risks.count, 1)
        let (o, l) = try XCTUnwrap(risks.first)
        XCTAssertEqual(report.options[o].lines[l].name, "outage")
        XCTAssertEqual(report.options[o].lines[l].kind, .risk)
        // A shared input is listed for the targets it feeds through the model: a's and b's PVs
        // and every difference involving them, not c's PV, which does not use it.
        XCTAssertEqual(
            report.sensitivity(of: price).map { $0.target },
            [
                .pv(OptionID(0)), .pv(OptionID(1)), .difference(OptionID(0), OptionID(1)),
                .difference(OptionID(0), OptionID(2)), .difference(OptionID(1), OptionID(2))
            ])
    }

    /// The analysis on 1, 2 and all threads gives the same report: every file and the summary.
    func testSameReportOnOneOrTwoThreads() throws {
        let (engine, results, one) = try analysed(threads: 1)
        let two = try RunReport(engine: engine, results: results, threads: 2)
        let all = try RunReport(engine: engine, results: results, threads: 0)
        func files(_ r: RunReport) -> [[UInt8]] {
            [
                BusinessCaseFiles.summary(r), BusinessCaseFiles.comparison(r), BusinessCaseFiles.ranking(r),
                BusinessCaseFiles.cashflow(r), BusinessCaseFiles.lines(r), BusinessCaseFiles.distributions(r),
                BusinessCaseFiles.sensitivity(r), BusinessCaseFiles.switching(r)
            ].map { Array($0.bytes()) }
        }
        XCTAssertEqual(files(one), files(two))
        XCTAssertEqual(files(one), files(all))
        XCTAssertEqual(
            RunSummary(report: one, elapsedSeconds: 0).render(), RunSummary(report: two, elapsedSeconds: 0).render())
        for (x, y) in zip(one.options, two.options) {
            XCTAssertEqual(x.pv, y.pv)
            XCTAssertEqual(x.pvP80Interval, y.pvP80Interval)
            XCTAssertEqual(x.lines.map(\.pv), y.lines.map(\.pv))
            XCTAssertEqual(x.years.map(\.cash), y.years.map(\.cash))
        }
    }
}
