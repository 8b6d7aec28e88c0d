import ScenarioModel
import Simulation
import Statistics
import TestSupport
import XCTest

@testable import Analysis

/// The economic case against the baseline (docs/scenario-language.md §6) on scenarios whose
/// answers are derived by hand.
final class EconomicCaseTests: XCTestCase {
    func report(_ yaml: String, iterations: Int = 2048, seed: UInt64 = 1, sampling: SamplingMethod = .latinHypercube)
        throws -> RunReport
    {
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: "economic.yaml")
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        return try RunReport(
            engine: engine, results: engine.run(.init(iterations: iterations, seed: seed, sampling: sampling)))
    }

    /// Constant costs at a fixed 3.5% with annual discounting over two years, so D(0) = 1 and
    /// D(1) = 1/1.035, and the baseline is the second option:
    /// - PV(bau) = 1,500 × 12 × (1 + D(1)) = 18,000 + 17,391.30 = 35,391.30;
    /// - PV(a) = 12,000 × (1 + D(1)), so NPV(a) = 6,000 × (1 + D(1)) = 11,797.10 in every
    ///   iteration: sd 0, P10 = P50 = P90 = the NPV, P(NPV > 0) = 1;
    /// - PV(c) = 40,000 at start, so NPV(c) = 18,000 × (1 + D(1)) − 40,000 = −4,608.70, P(NPV > 0) = 0;
    /// - `same` costs what the baseline does: NPV 0 and P(NPV > 0) = 0 (a tie saves nothing).
    /// The best value is `a`, the highest expected NPV.
    func testNPVAgainstTheBaselineByHand() throws {
        let r = try report(
            """
            scenario: by hand
            start: 2020-04
            horizon: 24 months
            discount: 3.5%
            baseline: bau
            inputs:
              noise: uniform(0, 1)
            options:
              a:
                costs:
                  fee:
                    monthly: 1000
                  rounding: noise * 0
              bau:
                costs:
                  fee:
                    monthly: 1500
              c:
                costs:
                  fee: 40k
              same:
                costs:
                  fee:
                    monthly: 1500
            """)
        let d1 = 1 / 1.035
        XCTAssertEqual(r.baseline, OptionID(1))
        XCTAssertNil(r.economic[OptionID(1)].npv, "the baseline has no NPV against itself")
        XCTAssertEqual(r.againstBaseline.map(\.option.name), ["a", "c", "same"])
        let expected: [(String, Double, Double)] = [
            ("a", 6000 * (1 + d1), 1), ("c", 18000 * (1 + d1) - 40000, 0), ("same", 0, 0)
        ]
        for ((o, _, npv), (name, value, p)) in zip(r.againstBaseline, expected) {
            XCTAssertEqual(o.name, name)
            let s = npv.difference
            XCTAssertEqual(s.mean, value, accuracy: 1e-6, name)
            XCTAssertEqual(s.sd, 0, accuracy: 1e-6, name)
            for q in [s.p10, s.p50, s.p90] { XCTAssertEqual(q, value, accuracy: 1e-6, name) }
            XCTAssertEqual(npv.probabilityDifferencePositive, p, name)
            XCTAssertEqual(s.count, 2048)
        }
        XCTAssertEqual(r.economic[OptionID(0)].npv?.difference.mean ?? .nan, 11797.101449275362, accuracy: 1e-6)
        XCTAssertEqual(r.preferred, OptionID(0), "best value: the highest expected NPV")
        XCTAssertFalse(r.economic.contains { $0.hasBenefits })
        // Without benefits, E[PV(costs)] is the mean PV itself.
        for o in r.options { XCTAssertEqual(r.economic[o.id].pvCostsMean, o.pv.mean) }
    }

    /// Constant benefits and costs at 0% over two years:
    /// - `invest` pays 100,000 at start, a risk that always happens (chance 100%) costs 10,000,
    ///   and the benefit is 60,000 a year: PV(costs) = 110,000 (risk costs included),
    ///   PV(benefits) = 120,000, NPSV = 10,000, BCR = 120,000 / 110,000 = 1.0909;
    /// - the baseline `bau` pays 5,000 a month: PV 120,000, so NPV(invest) = 120,000 − (−10,000)
    ///   = 130,000.
    func testNPSVAndBCRByHand() throws {
        let r = try report(
            """
            scenario: benefits
            start: 2020-04
            horizon: 24 months
            discount: 0%
            options:
              bau:
                costs:
                  fee:
                    monthly: 5000
              invest:
                costs:
                  build: 100k
                benefits:
                  savings:
                    annual: 60k
                risks:
                  overrun:
                    chance: 100%
                    one-off: 10k
            """)
        XCTAssertEqual(r.baseline, OptionID(0), "default: the first option")
        let invest = r.economic[OptionID(1)]
        XCTAssertTrue(invest.hasBenefits)
        XCTAssertEqual(invest.pvCostsMean, 110_000, accuracy: 1e-6)
        XCTAssertEqual(invest.pvBenefitsMean, 120_000, accuracy: 1e-6)
        XCTAssertEqual(invest.npsvMean, 10_000, accuracy: 1e-6)
        XCTAssertEqual(invest.bcr, 120.0 / 110.0, accuracy: 1e-12)
        XCTAssertEqual(invest.npv?.difference.mean ?? .nan, 130_000, accuracy: 1e-6)
        XCTAssertEqual(invest.npv?.probabilityDifferencePositive, 1)
        let bau = r.economic[OptionID(0)]
        XCTAssertFalse(bau.hasBenefits)
        XCTAssertEqual(bau.pvBenefitsMean, 0)
        XCTAssertEqual(bau.pvCostsMean, 120_000, accuracy: 1e-6)
        XCTAssertEqual(bau.npsvMean, -120_000, accuracy: 1e-6)
    }

    /// `x` costs X ~ uniform(0, 10), the baseline a constant 7 (0% discounting), so
    /// NPV = 7 − X: P(NPV > 0) = P(X < 7) = 0.7, mean 2, sd 10/√12 = 2.8868, P10 = 7 − 9 = −2,
    /// P50 = 2, P90 = 7 − 1 = 6. Monte Carlo sampling at a fixed seed, n = 20,000; each
    /// tolerance is 4 standard errors: √(0.7 × 0.3 / n) = 0.0032 for the probability,
    /// sd/√n = 0.020 for the mean, sd × √(0.8 / 4n) = 0.029 for the sd (a uniform's kurtosis is
    /// 1.8), √(p(1 − p)/n) / f with density f = 0.1 for the quantiles (0.021 at P10 and P90,
    /// 0.035 at P50).
    func testProbabilityOfPositiveNPVForAUniformAgainstAConstant() throws {
        let n = 20_000
        let r = try report(
            """
            scenario: uniform against constant
            start: 2020-04
            horizon: 12 months
            discount: 0%
            options:
              bau:
                costs:
                  fee: 7
              x:
                costs:
                  fee: uniform(0, 10)
            """, iterations: n, seed: 20_240_611, sampling: .monteCarlo)
        let npv = try XCTUnwrap(r.economic[OptionID(1)].npv)
        let se = { (p: Double) in (p * (1 - p) / Double(n)).squareRoot() }
        XCTAssertEqual(npv.probabilityDifferencePositive, 0.7, accuracy: 4 * se(0.7))
        let d = npv.difference, sd = 10 / 12.0.squareRoot()
        XCTAssertEqual(d.mean, 2, accuracy: 4 * sd / Double(n).squareRoot())
        XCTAssertEqual(d.sd, sd, accuracy: 4 * sd * (0.8 / (4 * Double(n))).squareRoot())
        XCTAssertEqual(d.p10, -2, accuracy: 4 * se(0.1) / 0.1)
        XCTAssertEqual(d.p50, 2, accuracy: 4 * se(0.5) / 0.1)
        XCTAssertEqual(d.p90, 6, accuracy: 4 * se(0.9) / 0.1)
        // P(NPV > 0) is the strict share: with no ties it is P(x cheaper) of the paired comparison.
        let pair = try XCTUnwrap(r.pair(OptionID(0), OptionID(1)))
        XCTAssertEqual(npv.probabilityDifferencePositive, pair.comparison.probabilityBLess, accuracy: 1e-12)
        XCTAssertEqual(npv.difference, pair.comparison.difference, "the baseline first: the same difference")
    }
}
