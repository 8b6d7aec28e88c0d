import Reports
import ScenarioModel
import Simulation
import XCTest

@testable import Analysis

/// Inputs that reach a target only through a correlation are marked, not presented as drivers.
final class CorrelatedDriverTests: XCTestCase {
    /// A feeds option a; B feeds no option but is correlated 0.9 with A; C feeds b only. For
    /// PV(a): A is the one driver (contribution 1), B is listed after it marked via correlation
    /// (its rank correlation near 0.9, no contribution, no swings), C is left out. The same in
    /// the difference PV(a) - PV(b), whose drivers are A and C. `sensitivity.csv` writes `via`
    /// as `model` or `correlation`; the summary's drivers leave B out.
    func testInputFeedingNoOptionIsMarkedViaCorrelation() throws {
        let yaml = """
            scenario: correlated
            start: 2020-01
            horizon: 12 months
            discount: 0%
            inputs:
              A: uniform(0, 10)
              B: uniform(0, 10)
              C: uniform(0, 1)
            correlations:
              - [A, B, 0.9]
            options:
              a:
                costs:
                  price: 100 + A
              b:
                costs:
                  price: 103 + C
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "correlated.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let (a, b, c) = (InputID(0), InputID(1), InputID(2))
        XCTAssertEqual(plan.inputsFeedingPV(), [[a], [c]])
        let engine = Engine(plan: plan)
        let report = try RunReport(
            engine: engine, results: engine.run(.init(iterations: 4000, seed: 2, sampling: .latinHypercube)))

        let pv = report.drivers(of: .pv(OptionID(0)))
        XCTAssertEqual(pv.map(\.label), ["A", "B"])
        XCTAssertEqual(pv.map(\.viaCorrelation), [false, true])
        XCTAssertEqual(pv[0].contributionToVariance, 1, accuracy: 1e-12)
        XCTAssertEqual(pv[1].rankCorrelation, 0.9, accuracy: 0.03)
        XCTAssertTrue(pv[1].contributionToVariance.isNaN && pv[1].swingLow.isNaN && pv[1].swingHigh.isNaN)
        let difference = report.drivers(of: .difference(OptionID(0), OptionID(1)))
        XCTAssertEqual(difference.map(\.label), ["A", "C", "B"])
        XCTAssertEqual(difference.map(\.viaCorrelation), [false, false, true])
        XCTAssertEqual(report.drivers(of: .pv(OptionID(1))).map(\.label), ["C"])
        XCTAssertEqual(
            difference.filter { !$0.viaCorrelation }.map(\.contributionToVariance).reduce(0, +), 1, accuracy: 1e-12)

        let csv = String(decoding: BusinessCaseFiles.sensitivity(report).bytes(), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0].split(separator: ",").last, "via")
        XCTAssertTrue(lines.contains { $0.hasPrefix("a,pv_cost,A,6,") && $0.hasSuffix(",model") }, csv)
        let marked = try XCTUnwrap(lines.first { $0.hasPrefix("a,pv_cost,B,7,") }, csv)
        XCTAssertTrue(marked.hasSuffix(",,,,correlation"), marked)
        XCTAssertFalse(lines.contains { $0.hasPrefix("a,pv_cost,C,") }, csv)

        let text = RunSummary(report: report, elapsedSeconds: 0).render()
        let drives = text.components(separatedBy: "What drives")[1].split(separator: "\n").dropFirst().prefix(3)
        XCTAssertFalse(drives.contains { $0.contains(" B [line 7]") }, text)
    }

    /// On the Southwark scenario the data flow agrees with the tornado: an input whose swing
    /// moves an option's PV feeds it, and an input that does not feed it leaves its PV at the
    /// base case at both ends.
    func testFeedsAgreeWithTheTornadoOnSouthwark() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/southwark-2017.yaml")
        let (scenario, diagnostics) = ScenarioLoader.load(
            text: try String(contentsOf: url, encoding: .utf8), file: "southwark-2017.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let feeds = plan.inputsFeedingPV()
        let tornado = Tornado(engine: engine)
        let base = engine.deterministic()
        var fed = 0
        for (k, input) in plan.inputs.enumerated where !input.isCriterion {
            for o in plan.options.indices {
                let moves = tornado.low[k][o].pv != base[o].pv || tornado.high[k][o].pv != base[o].pv
                if moves { XCTAssertTrue(feeds[o].contains(k), "\(input.label) moves option \(o)") }
                if feeds[o].contains(k) { fed += 1 }
                if let owner = input.option, owner.index != o {
                    XCTAssertFalse(feeds[o].contains(k), "\(input.label) belongs to option \(owner.index)")
                }
            }
        }
        XCTAssertGreaterThan(fed, plan.inputs.count / 2)
    }
}
