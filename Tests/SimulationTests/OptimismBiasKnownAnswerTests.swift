import ScenarioModel
import Simulation
import XCTest

/// Reference-class optimism bias applied to deterministic scenarios, every figure derived by hand
/// from the Green Book upper bounds and the mitigation: uplift = upper bound × (1 − mitigation).
final class OptimismBiasKnownAnswerTests: XCTestCase {
    /// `equipment-development` at 60% mitigation: one-off 200% × 0.4 = 80%, duration 54% × 0.4 =
    /// 21.6%, recurring 0%. At 0% discounting:
    /// - build: 10 months × 1.216 = 12.16 months, so go-live at month 12.16;
    /// - setup: 100k × 1.8 = 180,000;
    /// - service: 1k a month (no uplift) from 12.16 to 24 = 11.84 months = 11,840;
    /// PV = 191,840 in the base case and in every iteration (nothing is uncertain).
    func testEquipmentDevelopmentSixtyPercentMitigated() throws {
        let plan = try compile(
            """
            scenario: equipment
            start: 2020-01
            horizon: 24 months
            discount: 0%
            options:
              build:
                optimism-bias: {class: equipment-development, mitigation: 60%}
                timeline:
                  build: 10 months
                costs:
                  setup: 100k
                  service:
                    monthly: 1k
                    from: go-live
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.goLive, 12.16, accuracy: 1e-9)
        XCTAssertEqual(base.linePV.count, 2)
        XCTAssertEqual(base.linePV[0], 180_000, accuracy: 1e-6)
        XCTAssertEqual(base.linePV[1], 11_840, accuracy: 1e-6)
        XCTAssertEqual(base.pv, 191_840, accuracy: 1e-6)
        let run = Engine(plan: plan).run(.init(iterations: 64, seed: 3, sampling: .monteCarlo)).options[0]
        XCTAssertTrue(run.pv.allSatisfy { abs($0 - 191_840) < 1e-6 })
    }

    /// `outsourcing` at 50% mitigation: recurring 41% × 0.5 = 20.5%, one-off and duration 0%.
    /// Green Book discounting, annual: a 10k one-off at start (year 0, no uplift), a 1k monthly
    /// charge × 1.205 = 1,205 a month, 14,460 in each of years 0 and 1, and the 6-month task is
    /// not lengthened. PV = 10,000 + 14,460 + 14,460 / 1.035 = 38,431.0144927...
    func testOutsourcingHalfMitigatedWithGreenBookDiscounting() throws {
        let plan = try compile(
            """
            scenario: outsourcing
            start: 2020-01
            horizon: 24 months
            options:
              outsource:
                optimism-bias: {class: outsourcing, mitigation: 50%}
                timeline:
                  transition: 6 months
                costs:
                  exit fee: 10k
                  charge:
                    monthly: 1k
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.goLive, 6, accuracy: 1e-12)
        XCTAssertEqual(base.pv, 10_000 + 14_460 + 14_460 / 1.035, accuracy: 1e-6)
        XCTAssertEqual(base.total, 10_000 + 2 * 14_460, accuracy: 1e-6)
    }

    /// The upper bounds (no mitigation) of `standard-buildings`: one-off 24%, duration 4%: a
    /// 12-month build takes 12.48 months and a 50k one-off during it costs 62,000 (0% discounting).
    func testStandardBuildingsAtTheUpperBounds() throws {
        let plan = try compile(
            """
            scenario: buildings
            start: 2020-01
            horizon: 24 months
            discount: 0%
            optimism-bias: {class: standard-buildings}
            options:
              fit-out:
                timeline:
                  works: 12 months
                costs:
                  works:
                    one-off: 50k
                    during: works
            """)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.goLive, 12.48, accuracy: 1e-9)
        XCTAssertEqual(base.pv, 62_000, accuracy: 1e-6)
    }
}
