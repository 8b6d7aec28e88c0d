import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// Known answers: scenarios whose results can be computed by hand.
final class EngineKnownAnswerTests: XCTestCase {
    /// A deterministic option: 10k a month over 36 months, a 50k one-off at month 18, a 30k
    /// one-off spread over a task running months 6 to 12, Green Book annual discounting.
    ///
    /// Year cash: y0 = 120k + 30k = 150k, y1 = 120k + 50k = 170k, y2 = 120k.
    /// PV = 150k + 170k / 1.035 + 120k / 1.035^2
    ///    = 150000 + 164251.2077... + 112021.2607... = 426272.4684...
    func testDeterministicPresentValueByHand() throws {
        let plan = try compile(
            """
            scenario: hand
            start: 2020-01
            horizon: 36 months
            options:
              only:
                timeline:
                  setup: 6 months
                  build:
                    after: setup
                    duration: 6
                costs:
                  running:
                    monthly: 10k
                  build cost:
                    one-off: 30k
                    during: build
                  milestone:
                    one-off: 50k
                    at: month 18
            """)
        let expected = 150_000 + 170_000 / 1.035 + 120_000 / (1.035 * 1.035)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.pv, expected, accuracy: 1e-6)
        XCTAssertEqual(base.total, 440_000, accuracy: 1e-6)
        XCTAssertEqual(base.yearCash, [150_000, 170_000, 120_000])
        XCTAssertEqual(base.goLive, 12)
        // Monte Carlo of a scenario with no uncertainty gives the same number in every iteration.
        let results = Engine(plan: plan).run(.init(iterations: 5000, seed: 7, sampling: .latinHypercube, threads: 2))
        XCTAssertTrue(results.options[0].pv.allSatisfy { abs($0 - expected) < 1e-6 })
    }

    /// Monthly discounting: 1,200 a month over months 0-24 at a fixed 12% a year. Month m pays
    /// 1,200 × 1.12^(-m/12); PV = Σ_{m=0}^{23} 1200 × 1.12^(-m/12).
    func testMonthlyDiscountingByHand() throws {
        let plan = try compile(
            """
            scenario: monthly
            start: 2020-01
            horizon: 24 months
            discount: 12%
            discounting: monthly
            options:
              only:
                costs:
                  fee:
                    monthly: 1200
            """)
        var expected = 0.0
        for m in 0..<24 { expected += 1200 * pow(1.12, -Double(m) / 12) }
        XCTAssertEqual(Engine(plan: plan).deterministic()[0].pv, expected, accuracy: 1e-6)
    }

    /// Fractional months: a monthly cost from month 8.4 to 10.0 pays for 1.6 months
    /// (docs/scenario-language.md §7); escalation 10% compounds per appraisal year: 100/month over
    /// months 0-24 gives 1200 in year 0 and 1320 in year 1 (undiscounted with a 0% rate).
    func testFractionalMonthsAndEscalation() throws {
        let plan = try compile(
            """
            scenario: fractions
            start: 2020-01
            horizon: 24 months
            discount: 0%
            options:
              only:
                costs:
                  short:
                    monthly: 1000
                    from: month 8.4
                    until: month 10
                  rising:
                    monthly: 100
                    escalate: 10%
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.linePV[0], 1600, accuracy: 1e-9)
        XCTAssertEqual(base.linePV[1], 1200 + 1320, accuracy: 1e-9)
    }

    /// A cost after the horizon is outside the appraisal: a one-off at month 30 of a 24-month
    /// horizon counts nothing; a monthly cost is clipped at the horizon.
    func testCostsAreClippedToTheHorizon() throws {
        let plan = try compile(
            """
            scenario: clip
            start: 2020-01
            horizon: 24 months
            discount: 0%
            options:
              only:
                costs:
                  late:
                    one-off: 1m
                    at: month 30
                  tail:
                    monthly: 10
                    from: month 20
                    until: month 40
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.linePV, [0, 40])
    }

    /// A risk with chance 30% and a fixed 100k impact, at 0% discounting: E[cost] = 30k.
    /// The occurrence indicator is Bernoulli(0.3), so sd(cost) = 100k × √(0.21) and the standard
    /// error at n = 100,000 is about 145; Latin hypercube sampling of the occurrence uniform makes
    /// the error far smaller, so 5 × the plain-MC standard error is a safe tolerance.
    func testRiskMeanIsChanceTimesImpact() throws {
        let plan = try compile(
            """
            scenario: risk
            start: 2020-01
            horizon: 12 months
            discount: 0%
            options:
              only:
                risks:
                  outage:
                    chance: 30%
                    one-off: 100k
            """)
        for sampling in [SamplingMethod.monteCarlo, .latinHypercube] {
            let pv = Engine(plan: plan).run(.init(iterations: 100_000, seed: 11, sampling: sampling)).options[0].pv
            let se = 100_000 * (0.21 / 100_000).squareRoot()
            XCTAssertEqual(mean(pv), 30_000, accuracy: 5 * se, "\(sampling)")
            XCTAssertEqual(Engine(plan: plan).deterministic()[0].pv, 0, "risks do not occur in the base case")
        }
    }

    /// A risk of 10% per year over a 30-month window (docs/scenario-language.md §7): years 0 and 1
    /// have chance 0.1, the half year 2 has 1 - 0.9^(6/12).
    /// Expected occurrences = 0.2 + 1 - √0.9 = 0.2513167...
    func testPerYearRiskPartYear() throws {
        let plan = try compile(
            """
            scenario: per year
            start: 2020-01
            horizon: 30 months
            discount: 0%
            options:
              only:
                risks:
                  failure:
                    chance: 10% per year
                    one-off: 1
            """)
        let pv = Engine(plan: plan).run(.init(iterations: 100_000, seed: 3, sampling: .monteCarlo)).options[0].pv
        let expected = 0.2 + 1 - 0.9.squareRoot()
        // Var ≤ Σ p(1-p) ≈ 0.09 + 0.09 + 0.046; se ≈ √(0.226 / 1e5) ≈ 0.0015.
        XCTAssertEqual(mean(pv), expected, accuracy: 5 * 0.0015)
    }

    /// A schedule risk: a 6-month task, 50% chance of a 3-month delay: go-live is 6 or 9 months,
    /// mean 7.5 (se = 1.5 / √n); with chance 100% every iteration goes live at 9.
    func testScheduleRiskMovesGoLive() throws {
        func plan(_ chance: String) throws -> Plan {
            try compile(
                """
                scenario: schedule
                start: 2020-01
                horizon: 24 months
                deadline: 2020-08
                options:
                  only:
                    timeline:
                      build: 6 months
                    risks:
                      slip:
                        chance: \(chance)
                        delays: build
                        delay: 3 months
                """)
        }
        let sure = Engine(plan: try plan("100%")).run(.init(iterations: 4096, seed: 1, sampling: .monteCarlo)).options[
            0]
        XCTAssertTrue(sure.goLive.allSatisfy { $0 == 9 })
        XCTAssertTrue(sure.extensionMonths.allSatisfy { $0 == 2 }, "deadline 2020-08 is month 7")
        let half = Engine(plan: try plan("50%")).run(.init(iterations: 100_000, seed: 1, sampling: .monteCarlo))
            .options[0]
        XCTAssertEqual(mean(half.goLive), 7.5, accuracy: 5 * 1.5 / 100_000.0.squareRoot())
        XCTAssertEqual(Set(half.goLive), [6, 9])
    }

    /// A one-off at `end` is the last payment of the appraisal: it counts in the last year
    /// (year 1 of a 24-month horizon, discounted by 1/1.035).
    func testOneOffAtEndCountsInTheLastYear() throws {
        let plan = try compile(
            """
            scenario: end
            start: 2020-01
            horizon: 24 months
            options:
              only:
                costs:
                  residual:
                    one-off: 1035
                    at: end
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.yearCash, [0, 1035])
        XCTAssertEqual(base.pv, 1000, accuracy: 1e-9)
    }

    /// Criteria: score = Σ weight × score; a score may use the option's own input.
    /// a: 0.25 × 8 + 0.75 × 4 = 5; b: 0.25 × 2 + 0.75 × (own input 6) = 5.
    func testWeightedScoresMayUseOptionInputs() throws {
        let plan = try compile(
            """
            scenario: scores
            start: 2020-01
            horizon: 12 months
            options:
              a:
                costs:
                  fee: 1
              b:
                inputs:
                  quality: 6
                costs:
                  fee: 2
            criteria:
              control:
                weight: 25%
                scores:
                  a: 8
                  b: 2
              service:
                weight: 75%
                scores:
                  a: 4
                  b: quality
            """)
        let results = Engine(plan: plan).run(.init(iterations: 10, seed: 1, sampling: .monteCarlo))
        XCTAssertEqual(results.options[0].score?.array, [Double](repeating: 5, count: 10))
        XCTAssertEqual(results.options[1].score?.array, [Double](repeating: 5, count: 10))
    }

    /// A task that follows none starts at `start`, or at its not-before if later: a not-before
    /// before the scenario's start does not start it early. A drawn negative duration counts
    /// as zero: normal(-10, 0.001) months gives go-live at the task's start.
    func testTaskStartsAndNegativeDurations() throws {
        let plan = try compile(
            """
            scenario: starts
            start: 2020-06
            horizon: 24 months
            options:
              early:
                timeline:
                  work:
                    duration: 2
                    not-before: 2020-01
              late:
                timeline:
                  work:
                    duration: 2
                    not-before: 2020-09
              negative:
                timeline:
                  work:
                    duration: normal(-10, 0.001)
                    not-before: month 1
            """)
        let base = Engine(plan: plan).deterministic()
        XCTAssertEqual(base.map(\.goLive), [2, 5, 1])
        let drawn = Engine(plan: plan).run(.init(iterations: 100, seed: 1, sampling: .monteCarlo)).options[2]
        XCTAssertTrue(drawn.goLive.allSatisfy { $0 == 1 })
    }

    /// Optimism bias uplifts one-off amounts, recurring amounts and durations (not benefits);
    /// `share` takes this organisation's part; benefits count negatively. At 0% discounting:
    /// - build: 6 months × 1.5 = 9 months, so go-live at 9;
    /// - setup: 100k × 1.2 = 120k; service: 1k/month × 1.1 × 50% share over months 9-24 = 8,250;
    /// - savings: 2k/month from go-live = -30k (no uplift);
    /// PV = 120,000 + 8,250 - 30,000 = 98,250.
    func testOptimismBiasShareAndBenefits() throws {
        let plan = try compile(
            """
            scenario: uplift
            start: 2020-01
            horizon: 24 months
            discount: 0%
            optimism-bias: {one-off: 20%, recurring: 10%, duration: 50%}
            options:
              only:
                timeline:
                  build: 6 months
                costs:
                  setup: 100k
                  service:
                    monthly: 1k
                    from: go-live
                    share: 50%
                benefits:
                  savings:
                    monthly: 2k
                    from: go-live
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.goLive, 9, accuracy: 1e-12)
        XCTAssertEqual(base.linePV, [120_000, 8_250, -30_000], accuracy: 1e-9)
        XCTAssertEqual(base.pv, 98_250, accuracy: 1e-9)
    }

    /// A certain risk's monthly impact runs from its occurrence for its `for` duration: chance
    /// 100% in the window [month 6, month 7) and 1k a month for 3 months costs 3k whenever it
    /// falls. Without `for` it runs to the window's end: with the window [month 6, month 12) the
    /// occurrence t is uniform on [6, 12) and the cost (12 - t) × 1k has mean 3k.
    func testRiskMonthlyImpactForAndUntilWindowEnd() throws {
        let plan = try compile(
            """
            scenario: monthly risk
            start: 2020-01
            horizon: 24 months
            discount: 0%
            options:
              with-for:
                risks:
                  outage:
                    chance: 100%
                    from: month 6
                    until: month 7
                    monthly: 1k
                    for: 3 months
              to-window-end:
                risks:
                  outage:
                    chance: 100%
                    from: month 6
                    until: month 12
                    monthly: 1k
            """)
        let results = Engine(plan: plan).run(.init(iterations: 10_000, seed: 4, sampling: .latinHypercube))
        XCTAssertTrue(results.options[0].pv.allSatisfy { abs($0 - 3000) < 1e-9 })
        // Latin hypercube stratifies t, so the mean is within far less than 1 of 3k
        // (plain sampling's standard error would be 1k × 6/√12/√10000 ≈ 17).
        XCTAssertEqual(mean(results.options[1].pv), 3000, accuracy: 1)
    }

    /// Gamma inputs with shapes where GSL's inverse CDF returns NaN (0.1 and 2000), drawn by
    /// their quantile functions under Latin hypercube sampling, with constant parameters and
    /// with a shape that is itself an input (drawn per iteration). One-offs at start, so
    /// PV = total; the means are shape × scale: 0.1 × 1m + 2000 × 500 = 1.1m, and 10k for
    /// gamma(k, 10k) / k whatever k.
    func testGammaWithSmallAndLargeShapesUnderLatinHypercube() throws {
        let plan = try compile(
            """
            scenario: gamma shapes
            start: 2020-01
            horizon: 12 months
            inputs:
              shape: uniform(0.05, 0.2)
            options:
              only:
                costs:
                  small: gamma(0.1, 1m)
                  large: gamma(2000, 500)
                  dependent: gamma(shape, 10k) / shape
            """)
        let results = Engine(plan: plan).run(.init(iterations: 8192, seed: 3, sampling: .latinHypercube))
        let pv = Array(results.options[0].pv)
        XCTAssertTrue(pv.allSatisfy { $0.isFinite && $0 > 0 }, "\(pv.filter { !$0.isFinite }.count) non-finite PVs")
        // The sum's mean is 1.1m + 10k; its standard error over 8192 plain draws would be 3.5k
        // (sd 316k from the small shape), and stratification makes it smaller still.
        XCTAssertEqual(mean(pv), 1_110_000, accuracy: 5_000)
    }
}

private func XCTAssertEqual(
    _ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
