import Foundation
import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// Known answers for prices and the financial case (docs/scenario-language.md, "Prices and
/// inflation" and "The financial case"), derived by hand from `I(t) = J(t) / J(price-base)`.
final class PricesKnownAnswerTests: XCTestCase {
    private func scenario(start: String = "2020-01", horizon: String = "72 months", top: String = "", costs: String)
        -> String
    {
        "scenario: prices\nstart: \(start)\nhorizon: \(horizon)\n\(top)options:\n  only:\n    costs:\n\(costs)"
    }

    /// £1,000 cash at month 60 with 2% inflation is 1000 / 1.02^5 in real prices of start, and
    /// its PV is that discounted as usual: / 1.035^5. Its cash, in financial year 2024/25 (month
    /// 60 is January 2025), is the £1,000 paid.
    func testNominalPaymentIsDeflatedThenDiscounted() throws {
        let plan = try compile(
            scenario(
                top: "inflation: 2%\n",
                costs: "      payment:\n        one-off: 1000\n        at: month 60\n        prices: nominal\n"))
        let base = Engine(plan: plan).deterministic()[0]
        let real = 1000 / power(1.02, 5)
        XCTAssertEqual(base.total, real, accuracy: 1e-9)
        XCTAssertEqual(base.yearCash[5], real, accuracy: 1e-9)
        XCTAssertEqual(base.pv, real / power(1.035, 5), accuracy: 1e-9)
        XCTAssertEqual(base.linePV[0], real / power(1.035, 5), accuracy: 1e-9)
        let years = plan.financialYears
        XCTAssertEqual(years.label(years.year(of: 60)), "2024/25")
        var cash = [Double](repeating: 0, count: years.count)
        cash[years.year(of: 60)] = 1000
        XCTAssertEqual(base.financialCash[.revenue] ?? [], cash)
    }

    /// The same payment in real prices keeps its real PV, and its cash is amount × I(60) =
    /// 1000 × 1.02^5.
    func testRealPaymentCashIsAmountTimesIndex() throws {
        let plan = try compile(
            scenario(top: "inflation: 2%\n", costs: "      payment:\n        one-off: 1000\n        at: month 60\n"))
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.pv, 1000 / power(1.035, 5), accuracy: 1e-9)
        XCTAssertEqual(base.total, 1000)
        let cash = base.financialCash[.revenue] ?? []
        XCTAssertEqual(cash[plan.financialYears.year(of: 60)], 1000 * power(1.02, 5), accuracy: 1e-9)
        XCTAssertEqual(cash.reduce(0, +), 1000 * power(1.02, 5), accuracy: 1e-9)
    }

    /// A scenario in nominal prices without `inflation:` uses the default 2%, with a warning.
    func testDefaultInflationConvertsNominalScenario() throws {
        let text = scenario(
            top: "prices: nominal\n", costs: "      payment:\n        one-off: 1000\n        at: month 60\n")
        let (_, diagnostics) = ScenarioLoader.load(text: text, file: "test.yaml")
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
        let base = Engine(plan: try compile(text)).deterministic()[0]
        XCTAssertEqual(base.pv, 1000 / power(1.02, 5) / power(1.035, 5), accuracy: 1e-9)
    }

    /// A list of rates by appraisal year, the last repeating, and a price base 18 months after
    /// start: J(42) = 1.05 × 1.03 × 1.02 × 1.02^(6/12), J(18) = 1.05 × 1.03^(6/12), and £1,000 cash
    /// at month 42 is 1000 × J(18) / J(42) in real prices of month 18, discounted by 1.035^-3.
    func testInflationListAndPriceBase() throws {
        let plan = try compile(
            scenario(
                horizon: "5 years", top: "inflation: [5%, 3%, 2%]\nprice-base: 2021-07\n",
                costs: "      payment:\n        one-off: 1000\n        at: month 42\n        prices: nominal\n"))
        let j42 = 1.05 * 1.03 * 1.02 * power(1.02, 0.5), j18 = 1.05 * power(1.03, 0.5)
        let base = Engine(plan: plan).deterministic()[0]
        XCTAssertEqual(base.total, 1000 * j18 / j42, accuracy: 1e-9)
        XCTAssertEqual(base.pv, 1000 * j18 / j42 / power(1.035, 3), accuracy: 1e-9)
        XCTAssertEqual(Engine(plan: plan).baseInflation(), [0.05, 0.03, 0.02, 0.02, 0.02])
    }

    /// A recurring nominal line, integrated exactly: 1,000 a month of cash over months 0–24 with
    /// 2% inflation and no discounting is 1000 × 12 (1 − 1.02^-1) / ln 1.02 in year 0 and that
    /// / 1.02 in year 1, in real prices; its cash by financial year (years begin at start, in
    /// January) is 12,000 a year.
    func testRecurringNominalLineIsIntegratedExactly() throws {
        let plan = try compile(
            scenario(
                horizon: "24 months", top: "discount: 0%\ninflation: 2%\nfinancial-year-start: 01\n",
                costs: "      fee:\n        monthly: 1000\n        prices: nominal\n"))
        let base = Engine(plan: plan).deterministic()[0]
        let year0 = 1000 * 12 * (1 - 1 / 1.02) / log(1.02)
        XCTAssertEqual(base.yearCash[0], year0, accuracy: 1e-8)
        XCTAssertEqual(base.yearCash[1], year0 / 1.02, accuracy: 1e-8)
        XCTAssertEqual(base.total, year0 * (1 + 1 / 1.02), accuracy: 1e-8)
        XCTAssertEqual(plan.financialYears.labels, ["2020", "2021"])
        let cash = base.financialCash[.revenue] ?? []
        XCTAssertEqual(cash[0], 12_000, accuracy: 1e-9)
        XCTAssertEqual(cash[1], 12_000, accuracy: 1e-9)
    }

    /// Monthly discounting of a nominal line: month m counts 1000 × ∫_m^{m+1} 1.02^(-t/12) dt
    /// = 1000 × 12 (1.02^(-m/12) − 1.02^(-(m+1)/12)) / ln 1.02, times D(m / 12) = 1.12^(-m/12).
    func testNominalLineUnderMonthlyDiscounting() throws {
        let plan = try compile(
            scenario(
                horizon: "24 months", top: "discount: 12%\ndiscounting: monthly\ninflation: 2%\n",
                costs: "      fee:\n        monthly: 1000\n        prices: nominal\n"))
        var expected = 0.0
        for m in 0..<24 {
            let real = 1000 * 12 * (power(1.02, -Double(m) / 12) - power(1.02, -Double(m + 1) / 12)) / log(1.02)
            expected += real * power(1.12, -Double(m) / 12)
        }
        XCTAssertEqual(Engine(plan: plan).deterministic()[0].pv, expected, accuracy: 1e-8)
    }

    /// 10k a month from 2017-02 for 6 months crosses 1 April: financial year 2016/17 gets
    /// February and March (20k of cash), 2017/18 April to July (40k). In real prices the cash is
    /// 10k × ∫ I(t) dt over each part: 10k × 12 (1.02^(2/12) − 1) / ln 1.02 and 10k × 12
    /// (1.02^(6/12) − 1.02^(2/12)) / ln 1.02.
    func testFinancialYearSplitAcrossFirstOfApril() throws {
        let line = "      service:\n        monthly: 10k\n        until: 2017-08\n"
        let nominal = try compile(
            scenario(
                start: "2017-02", horizon: "24 months", top: "inflation: 2%\n",
                costs: line + "        prices: nominal\n"))
        XCTAssertEqual(nominal.financialYears.labels, ["2016/17", "2017/18", "2018/19"])
        let cash = Engine(plan: nominal).deterministic()[0].financialCash[.revenue] ?? []
        XCTAssertEqual(cash[0], 20_000, accuracy: 1e-9)
        XCTAssertEqual(cash[1], 40_000, accuracy: 1e-9)
        XCTAssertEqual(cash[2], 0)

        let real = try compile(scenario(start: "2017-02", horizon: "24 months", top: "inflation: 2%\n", costs: line))
        let realCash = Engine(plan: real).deterministic()[0].financialCash[.revenue] ?? []
        let k = 10_000 * 12 / log(1.02)
        XCTAssertEqual(realCash[0], k * (power(1.02, 2.0 / 12) - 1), accuracy: 1e-8)
        XCTAssertEqual(realCash[1], k * (power(1.02, 6.0 / 12) - power(1.02, 2.0 / 12)), accuracy: 1e-8)
    }

    /// Capital and revenue lines go to their own financial-year cash; a risk has a type too.
    /// With 0% inflation cash equals the amounts: a 500k capital build at start, 10k a month of
    /// revenue over a year from April 2020, and a capital risk that always happens (50k).
    func testCapitalAndRevenueSplit() throws {
        let text = """
            scenario: split
            start: 2020-04
            horizon: 24 months
            inflation: 0%
            options:
              only:
                costs:
                  build:
                    one-off: 500k
                    type: capital
                  service:
                    monthly: 10k
                    until: month 12
                risks:
                  rework:
                    chance: 100%
                    one-off: 50k
                    from: month 13
                    until: month 14
                    type: capital
            """
        let plan = try compile(text)
        XCTAssertEqual(plan.options[0].financialTypes, [.revenue, .capital])
        XCTAssertEqual(plan.options[0].lines.map(\.type), [.capital, .revenue, .capital])
        let results = Engine(plan: plan).run(.init(iterations: 100, seed: 3, sampling: .monteCarlo, threads: 1))
        let capital = results.options[0].financialCash[.capital] ?? []
        let revenue = results.options[0].financialCash[.revenue] ?? []
        XCTAssertEqual(capital.map { $0[0] }, [500_000, 50_000])
        XCTAssertEqual(revenue.map { $0[0] }, [120_000, 0])
    }

    /// Escalation compounds per appraisal year on a nominal line's cash: 100 a month escalating
    /// 10% gives 1,200 then 1,320 of cash, whatever the inflation.
    func testEscalationOfNominalCash() throws {
        let plan = try compile(
            scenario(
                start: "2020-04", horizon: "24 months", top: "inflation: 3%\n",
                costs: "      fee:\n        monthly: 100\n        escalate: 10%\n        prices: nominal\n"))
        let cash = Engine(plan: plan).deterministic()[0].financialCash[.revenue] ?? []
        XCTAssertEqual(cash[0], 1200, accuracy: 1e-9)
        XCTAssertEqual(cash[1], 1320, accuracy: 1e-9)
    }

    /// An uncertain inflation is drawn once per iteration: each iteration's PV of £1,000 cash
    /// at month 60 is 1000 / (1 + i)^5 / 1.035^5 with that iteration's i.
    func testUncertainInflationIsDrawnOncePerIteration() throws {
        let plan = try compile(
            scenario(
                top: "inflation: uniform(1%, 3%)\n",
                costs: "      payment:\n        one-off: 1000\n        at: month 60\n        prices: nominal\n"))
        XCTAssertEqual(plan.inputs.map(\.label), ["inflation"])
        let results = Engine(plan: plan).run(.init(iterations: 2000, seed: 11, sampling: .latinHypercube, threads: 2))
        let rates = results.inputs[InputID(0)]
        for i in 0..<results.iterations {
            let expected = 1000 / power(1 + Double(rates[i]), 5) / power(1.035, 5)
            XCTAssertEqual(results.options[0].pv[i], expected, accuracy: 1e-4)
        }
    }

    /// A price base before start: prices of July 2019 with start January 2020 make I(0) =
    /// 1.02^(6/12), so £1,000 of cash at start is 1000 / 1.02^0.5 in real prices of July 2019.
    func testPriceBaseBeforeStart() throws {
        let plan = try compile(
            scenario(
                top: "inflation: 2%\nprice-base: 2019-07\n",
                costs: "      payment:\n        one-off: 1000\n        prices: nominal\n"))
        XCTAssertEqual(Engine(plan: plan).deterministic()[0].pv, 1000 / power(1.02, 0.5), accuracy: 1e-9)
    }

    /// A drawn inflation of -100% or less fails the run at the growth of prices it gives, with
    /// the uncertain input it came from.
    func testDrawnInflationBelowMinusOneHundredPercentFailsTheRun() throws {
        let plan = try compile(
            scenario(
                top: "inflation: normal(2%, 100%)\n",
                costs: "      payment:\n        one-off: 1000\n        prices: nominal\n"))
        let results = Engine(plan: plan).run(.init(iterations: 2000, seed: 1, sampling: .monteCarlo, threads: 1))
        let roots = ValueProblem.roots(results.problems, plan: plan)
        XCTAssertEqual(
            roots.map(\.check.what), ["the price index from `inflation` (which must stay above -100%)"])
        XCTAssertEqual(roots.first?.inputs.map(\.name), ["inflation"])
        XCTAssertEqual(roots.first?.value.isNaN, true)
    }

    /// An uncertain inflation, nominal and real lines and a financial-year boundary inside the
    /// appraisal years give the same bits on any number of threads (the price index is per row).
    func testPricesAreTheSameOnAnyThreadCount() throws {
        let plan = try compile(
            scenario(
                start: "2020-02", top: "inflation:\n  - pert(1%, 2%, 4%)\n  - normal(2%, 0.5%)\n",
                costs: "      fee:\n        monthly: uniform(900, 1100)\n        prices: nominal\n"
                    + "      kit:\n        one-off: 5k\n        at: month 30.5\n"))
        func run(_ threads: Int) -> SimulationResults {
            Engine(plan: plan).run(.init(iterations: 3000, seed: 9, sampling: .latinHypercube, threads: threads))
        }
        let one = run(1), three = run(3)
        XCTAssertEqual(one.options[0].pv, three.options[0].pv)
        XCTAssertEqual(one.options[0].financialCash[.revenue], three.options[0].financialCash[.revenue])
        XCTAssertNil(one.options[0].financialCash[.capital])
    }
}

private func power(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
