import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis
@testable import Reports

/// The 99-point quantile grid agrees with the summary: same definition, same sorted columns.
final class QuantileGridTests: XCTestCase {
    /// Each option's grid at p = 0.10, 0.50 and 0.90 is its summary's P10, P50 and P90 exactly,
    /// for PV, total and go-live; quantiles.csv's rows for those p carry summary.csv's cells.
    func testGridAgreesWithTheSummaryAndQuantilesCSVWithSummaryCSV() throws {
        let yaml = """
            scenario: grid
            start: 2020-01
            horizon: 36 months
            inputs:
              x: pert(1m, 2m, 4m)
            options:
              a:
                timeline:
                  build: triangular(3, 5, 9)
                costs:
                  price: x
                  run: {monthly: 100k, from: go-live}
              b:
                costs:
                  price: uniform(1.5m, 3m)
            """
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "grid.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        let r = try RunReport(
            engine: engine, results: engine.run(.init(iterations: 4_999, seed: 11, sampling: .monteCarlo)))
        XCTAssertEqual(QuantileGrid.probabilities.count, 99)
        XCTAssertEqual(QuantileGrid.probabilities[9], 0.10)
        XCTAssertEqual(QuantileGrid.probabilities[49], 0.50)
        XCTAssertEqual(QuantileGrid.probabilities[89], 0.90)
        for o in r.options {
            for (grid, s) in [(o.quantiles.pv, o.pv), (o.quantiles.total, o.total), (o.quantiles.goLive, o.goLive)] {
                XCTAssertEqual(grid.values.count, 99)
                XCTAssertEqual(grid.values[9], s.p10)
                XCTAssertEqual(grid.values[49], s.p50)
                XCTAssertEqual(grid.values[89], s.p90)
                XCTAssertEqual(grid.values, grid.values.sorted(), "a grid never decreases")
            }
        }
        XCTAssertNotEqual(
            r.options[OptionID(0)].quantiles.goLive.values[9], r.options[OptionID(0)].quantiles.goLive.values[89],
            "go-live varies")

        let summary = BusinessCaseFiles.summary(r), quantiles = BusinessCaseFiles.quantiles(r)
        XCTAssertEqual(quantiles.header, ["option", "metric", "p", "value"])
        XCTAssertEqual(quantiles.rows.count, 2 * 3 * 99)
        XCTAssertEqual(quantiles.rows.first, ["a", "pv_cost", "0.01", quantiles.rows[0][3]])
        for row in summary.rows where ["pv_cost", "total_cost", "go_live_month"].contains(row[1]) {
            for (p, column) in [("0.1", 7), ("0.5", 8), ("0.9", 10)] {
                let match = quantiles.rows.filter { $0[0] == row[0] && $0[1] == row[1] && $0[2] == p }
                XCTAssertEqual(match.map { $0[3] }, [row[column]], "\(row[0]) \(row[1]) p=\(p)")
            }
        }
    }
}
