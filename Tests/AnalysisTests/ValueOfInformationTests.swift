import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis

/// EVPPI per input on scenarios whose answers are known (`ValueOfInformation`).
final class ValueOfInformationTests: XCTestCase {
    private func report(_ yaml: String, iterations: Int, threads: Int = 0) throws -> RunReport {
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "voi.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        return try RunReport(
            engine: engine, results: engine.run(.init(iterations: iterations, seed: 5, sampling: .latinHypercube)),
            threads: threads)
    }

    private func row(_ r: RunReport, _ label: String) throws -> ValueOfInformation.Row {
        try XCTUnwrap(r.valueOfInformation.rows.first { $0.label == label }, label)
    }

    /// PV(a) = 10,000 + x + y, PV(b) = 10,000 (0% discounting, one-offs at start), x, y ~ N(0,
    /// 1000²): EVPI = σ·√2·φ(0) = 564.19 and EVPPI(x) = EVPPI(y) = σ·φ(0) = 398.94. With n =
    /// 40,000 the estimator's biases are under 1% of the value (`EVPPI`), so each is within four
    /// standard errors plus 1%. z moves nothing: not clear of the noise. A criteria score is
    /// not examined (it never moves a PV). No EVPPI exceeds the EVPI; shares are EVPPI / EVPI.
    func testKnownAnswersOfTwoNormalInputs() throws {
        let r = try report(
            """
            scenario: voi
            start: 2020-01
            horizon: 12 months
            discount: 0%
            inputs:
              x: normal(0, 1000)
              y: normal(0, 1000)
              z: uniform(0, 1)
            options:
              a:
                costs:
                  price: 10000 + x + y + 0 * z
              b:
                costs:
                  price: 10000
            criteria:
              quality:
                weight: 100%
                scores:
                  a: uniform(5, 9)
                  b: 6
            """, iterations: 40_000)
        let sigma = 1000.0, phi0 = 1 / (2 * Double.pi).squareRoot()
        XCTAssertEqual(r.evpi.value, sigma * 2.squareRoot() * phi0, accuracy: 0.03 * sigma)
        let v = r.valueOfInformation
        XCTAssertEqual(v.rows.map(\.label).sorted(), ["x", "y", "z"])
        for label in ["x", "y"] {
            let e = try row(r, label)
            XCTAssertEqual(e.evppi.value, sigma * phi0, accuracy: 4 * e.evppi.standardError + 0.01 * sigma * phi0)
            XCTAssertEqual(e.shareOfEVPI, e.evppi.value / r.evpi.value, accuracy: 1e-15)
            XCTAssertTrue(v.isClearOfNoise(e), label)
        }
        let z = try row(r, "z")
        XCTAssertFalse(v.isClearOfNoise(z))
        XCTAssertLessThan(z.evppi.value, 0.1 * sigma * phi0)
        XCTAssertTrue(v.rows.allSatisfy { $0.evppi.value <= r.evpi.value })
        XCTAssertEqual(v.rows.first?.label == "z", false, "largest first")
        XCTAssertEqual(try XCTUnwrap(v.noiseFloor).value, z.evppi.value, accuracy: 4 * 2.squareRoot() * z.evppi.standardError)
    }

    /// A risk's occurrence is learned like an input. PV(a) = 10,000 + 4,000·R with R the
    /// occurrence of a 50% risk, PV(b) = 11,000. Without information b (E a = 12,000); knowing
    /// R, a when it does not occur (10,000), b when it does (11,000). With p0 the share of
    /// iterations without it (1/2 up to the stratification, 1/n), EVPPI(R) = 11,000 - (p0·10,000
    /// + (1 - p0)·11,000) = 1,000·p0 = 500, and it equals the EVPI: the occurrence is all the
    /// uncertainty. The two values of R are two bins, exactly. The same on one thread or two.
    func testRiskOccurrenceIsExactlyTwoBins() throws {
        let yaml = """
            scenario: voi risk
            start: 2020-01
            horizon: 12 months
            discount: 0%
            options:
              a:
                costs:
                  price: 10000
                risks:
                  overrun:
                    chance: 50%
                    one-off: 4000
              b:
                costs:
                  price: 11000
            """
        let r = try report(yaml, iterations: 10_000)
        let e = try row(r, "a / overrun (occurs)")
        XCTAssertEqual(e.evppi.bins, 2)
        XCTAssertEqual(e.evppi.value, 500, accuracy: 1000.0 / 10_000)
        XCTAssertEqual(e.evppi.value, r.evpi.value, accuracy: 1e-9)
        XCTAssertEqual(e.shareOfEVPI, 1, accuracy: 1e-12)
        XCTAssertEqual(e.sourceLine, 10)
        let one = try report(yaml, iterations: 10_000, threads: 1)
        XCTAssertEqual(try row(one, "a / overrun (occurs)").evppi, e.evppi)
    }
}
