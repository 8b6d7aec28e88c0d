import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis

/// The analysis takes shortcuts for memory and time (one sort of go-live for three summaries,
/// 32-bit sorts of single-precision columns, each input ranked on its own, risk counts ranked
/// by counting); each must give exactly what the plain computation on the columns gives.
final class AnalysisShortcutTests: XCTestCase {
    private func analysed(
        phase: (AnalysisPhase) -> Void = { _ in }
    ) throws -> (Engine, SimulationResults, RunReport) {
        let (scenario, diagnostics) = ScenarioLoader.load(text: RunReportStructureTests.yaml, file: "structure.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let results = engine.run(.init(iterations: 5000, seed: 5, sampling: .latinHypercube, threads: 2))
        XCTAssertTrue(results.problems.isEmpty)
        return (engine, results, try RunReport(engine: engine, results: results, threads: 2, phase: phase))
    }

    /// Go-live, extension months and live by deadline from one sort equal the summaries of the
    /// columns; year, line and score summaries of floats equal those of the widened columns.
    func testSummariesEqualThoseOfTheColumns() throws {
        let (_, results, report) = try analysed()
        for (o, option) in zip(results.options, report.options) {
            let deadline = try XCTUnwrap(o.deadline)
            XCTAssertEqual(option.goLive, Summary(o.goLive.array))
            XCTAssertEqual(option.extensionMonths, Summary(o.extensionMonths))
            XCTAssertEqual(option.liveByDeadline, Summary(o.goLive.map { $0 <= deadline + 1e-9 ? 1 : 0 }))
            XCTAssertEqual(option.score, o.score.map { Summary($0.array) })
            XCTAssertEqual(option.years.map(\.cash), o.yearCash.map { Summary($0.doubles) })
            XCTAssertEqual(Array(option.lines.map(\.pv)), o.linePV.map { Summary($0.doubles) })
            let revenue = try XCTUnwrap(o.financialCash[.revenue])
            XCTAssertFalse(revenue.isEmpty)
            XCTAssertEqual(
                option.financialYears.map(\.revenue.summary), revenue.map { Summary($0.map { 0 + Double($0) }) })
        }
        // Option a goes live in 2 to 9 months against a deadline of 6: some late, some not.
        let a = report.options[OptionID(0)]
        XCTAssertGreaterThan(try XCTUnwrap(a.liveByDeadline).mean, 0)
        XCTAssertLessThan(try XCTUnwrap(a.liveByDeadline).mean, 1)
    }

    /// A float column with NaN, ±0, ±∞ and ties sorts as its widened values do.
    func testFloatSummaryEqualsWidenedSummary() {
        let values: [Float] = [3, .nan, -0.0, 0, 2.5, -.infinity, 2.5, 1e-30, -7, .infinity, .nan, 3]
        let summary = values.withUnsafeBufferPointer { Summary($0) }
        XCTAssertEqual(summary, Summary(values.map(Double.init)))
        XCTAssertEqual(summary.missing, 2)
        XCTAssertEqual(summary.count, 10)
        let empty: [Float] = [.nan]
        XCTAssertEqual(empty.withUnsafeBufferPointer { Summary($0) }, Summary([Double.nan]))
    }

    /// Every target's rows agree with the contribution to variance computed from every input's
    /// full ranks at once in floating point (`Correlation.pearson` of the ranks): the analysis
    /// takes ρ from exact integer sums of doubled ranks, so the two differ by rounding only,
    /// within a few ulps of 1 (ρ) and of the largest contribution.
    func testSensitivityEqualsAllRanksAtOnce() throws {
        let (engine, results, report) = try analysed()
        let plan = engine.plan
        let pvs = results.options.map(\.pv.array)
        var targets: [(Sensitivity.Target, [Double], Set<OptionID>)] = []
        for i in pvs.indices { targets.append((.pv(OptionID(i)), pvs[i], [OptionID(i)])) }
        for i in pvs.indices {
            for j in pvs.indices where j > i {
                targets.append(
                    (
                        .difference(OptionID(i), OptionID(j)), zip(pvs[i], pvs[j]).map { $0 - $1 },
                        [OptionID(i), OptionID(j)]
                    ))
            }
        }
        let feeds = plan.inputsFeedingPV()
        for (target, column, owners) in targets {
            var expected: [(Sensitivity.Driver, [Double])] = []
            let fed = owners.reduce(into: Set<InputID>()) { $0.formUnion(feeds[$1.index]) }
            for (k, input) in plan.inputs.enumerated where !input.isCriterion {
                // The drivers are the inputs that feed the target through the model.
                guard fed.contains(k) else { continue }
                expected.append((.input(k), results.inputs[k].doubles))
            }
            for (i, (o, op)) in zip(results.options, plan.options).enumerated() where owners.contains(OptionID(i)) {
                let firstRisk = op.lines.count - op.riskOccurrences.count
                for (r, column) in o.riskOccurrences.enumerated() {
                    expected.append((.riskOccurrence(OptionID(i), LineID(firstRisk + r)), column.map(Double.init)))
                }
            }
            let plain = try ContributionToVariance(
                targetRanks: Ranks.averageRanks(column), inputRanks: expected.map { Ranks.averageRanks($0.1) })
            let rows = report.drivers(of: target).filter { !$0.viaCorrelation }
            XCTAssertEqual(rows.count, expected.count)
            for (k, (driver, _)) in expected.enumerated() {
                let row = try XCTUnwrap(rows.first { $0.driver == driver })
                XCTAssertEqual(
                    row.rankCorrelation, plain.rankCorrelations[k], accuracy: 4 * (1.0).ulp, "\(target) \(driver)")
                XCTAssertEqual(row.contributionToVariance, plain.contributions[k], accuracy: 8 * (1.0).ulp)
            }
        }
    }

    /// The analysis reports each phase once, in order, so that a status line can follow it.
    func testPhasesAreReportedInOrder() throws {
        var seen: [AnalysisPhase] = []
        _ = try analysed { seen.append($0) }
        XCTAssertEqual(seen, AnalysisPhase.allCases)
        XCTAssertEqual(
            AnalysisPhase.tornado.status(iterations: 1_000_000), "Analysing 1000000 iterations: [3/8] tornado")
        for phase in AnalysisPhase.allCases {
            XCTAssertLessThan(phase.status(iterations: Int.max).count, 80, "\(phase)")
        }
    }
}
