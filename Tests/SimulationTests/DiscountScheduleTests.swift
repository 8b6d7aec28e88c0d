import ScenarioModel
import XCTest

@testable import Simulation

final class DiscountScheduleTests: XCTestCase {
    /// Green Book table values: D(1) = 0.9662, D(5) = 0.8420, D(10) = 0.7089 (to 4 places).
    func testGreenBookFactorsMatchThePublishedTable() {
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 0), 1)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 1), 0.9662, accuracy: 0.00005)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 5), 0.8420, accuracy: 0.00005)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 10), 0.7089, accuracy: 0.00005)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 30), pow(1.035, -30), accuracy: 1e-15)
    }

    /// After year 30 the rate falls to 3.0% (years 31-75), then 2.5% (76-125).
    func testDecliningScheduleAfterYearThirty() {
        let d30 = pow(1.035, -30.0)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 31), d30 / 1.03, accuracy: 1e-15)
        let d75 = d30 * pow(1.03, -45.0)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 75), d75, accuracy: 1e-15)
        XCTAssertEqual(DiscountSchedule.factor(.greenBook, year: 76), d75 / 1.025, accuracy: 1e-15)
    }

    func testFixedRateAndScheduleArrays() {
        let s = DiscountSchedule(discount: .rate(0.05), discounting: .annual, horizonMonths: 30)
        XCTAssertEqual(s.yearFactors[2], pow(1.05, -2), accuracy: 1e-15)
        // Annual convention: every month of year 1 carries D(1).
        XCTAssertEqual(s.monthFactors[12], s.yearFactors[1])
        XCTAssertEqual(s.monthFactors[23], s.yearFactors[1])
        let m = DiscountSchedule(discount: .rate(0.05), discounting: .monthly, horizonMonths: 30)
        // Monthly: month m carries (1.05)^(-m/12).
        XCTAssertEqual(m.monthFactors[6], pow(1.05, -0.5), accuracy: 1e-15)
        XCTAssertEqual(m.monthFactors[18], pow(1.05, -1.5), accuracy: 1e-15)
    }

    /// The appraisal years, ⌈horizon / 12⌉ (at least 1), have one definition
    /// (`Scenario.appraisalYears`), which the plan, the accrual kernels and the discount schedule
    /// (one factor more) all use: 69 months are 6 years, the last a part year of 9 months.
    func testAppraisalYearsHaveOneDefinition() throws {
        let cases: [(Double, Int)] = [(0.5, 1), (12, 1), (12.5, 2), (24, 2), (30, 3), (69, 6), (1200, 100)]
        for (horizon, years) in cases {
            XCTAssertEqual(Scenario.appraisalYears(horizonMonths: horizon), years, "\(horizon) months")
            let schedule = DiscountSchedule(discount: .greenBook, discounting: .annual, horizonMonths: horizon)
            XCTAssertEqual(schedule.yearFactors.count, years + 1, "\(horizon) months")
            XCTAssertEqual(Accrual(schedule: schedule, horizon: horizon).years, years, "\(horizon) months")
        }
        let plan = try compile(
            """
            scenario: part year
            start: 2024-01
            horizon: 69 months
            options:
              only:
                costs:
                  fee:
                    monthly: 1
            """)
        XCTAssertEqual(plan.scenario.appraisalYears, 6)
        XCTAssertEqual(plan.years, 6)
    }
}
