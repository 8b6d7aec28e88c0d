import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Prices, inflation, financial years, budgets and the per-line `type` and `prices`: each
/// mistake located at the `1️⃣` marker, with a suggestion where a word is close to a valid one.
final class PricesDiagnosticsTests: XCTestCase {
    private func line(_ extra: String) -> String {
        "    costs:\n      licence:\n        one-off: 40k\n" + extra
    }

    // MARK: Settings

    func testTopLevelKeyTypoSuggestsInflation() {
        expectDiagnostic(
            scenario(top: "1️⃣inflaton: 2%\n"),
            contains: "unknown key `inflaton` in the scenario; did you mean `inflation`?")
    }

    func testPricesTypoSuggestsTheWord() {
        expectDiagnostic(
            scenario(top: "prices: 1️⃣reel\n"),
            contains: "`prices` is `real` or `nominal`, not `reel`; did you mean `real`?")
    }

    func testPriceBaseMonthOutOfRange() {
        expectDiagnostic(scenario(top: "price-base: 2020-1️⃣13\n"), contains: "month 13 is not between 1 and 12")
    }

    func testPriceBaseAfterTheEnd() {
        expectDiagnostic(
            scenario(top: "price-base: 1️⃣2026-01\n"),
            contains: "`price-base` 2026-01 is after the end of the appraisal (2025-01)")
    }

    func testFinancialYearStartMustBeAMonthNumber() {
        expectDiagnostic(
            scenario(top: "financial-year-start: 1️⃣April\n"),
            contains:
                "`financial-year-start` is the number of the month a financial year begins, from 01 to 12 "
                + "(`04` for April), not `April`"
        )
        expectDiagnostic(
            scenario(top: "financial-year-start: 1️⃣13\n"), contains: "from 01 to 12 (`04` for April), not `13`")
    }

    // MARK: Inflation

    func testInflationWithoutPercentWarns() {
        expectDiagnostic(
            scenario(top: "inflation: 1️⃣2\n"), contains: "`inflation` is 2, that is 200% a year", severity: .warning)
    }

    func testInflationAtOrBelowMinusOneHundredPercent() {
        expectDiagnostic(scenario(top: "inflation: 1️⃣-150%\n"), contains: "`inflation` must be above -100%, not -150%")
        expectDiagnostic(
            scenario(top: "inflation: [2%, 1️⃣-100%]\n"),
            contains: "the inflation of appraisal year 1 must be above -100%, not -100%")
    }

    func testInflationListLongerThanTheHorizonWarnsAtTheFirstUnusedRate() {
        let ds = expectDiagnostic(
            scenario(top: "inflation: [2%, 2%, 2%, 2%, 2%, 1️⃣3%, 4%]\n"),
            contains:
                "`inflation` lists 7 rates but the horizon has 5 appraisal years: "
                + "the rates from year 5 on are not used",
            severity: .warning)
        XCTAssertEqual(ds.count, 1)
    }

    func testInflationListLengthOfTheHorizonIsClean() throws {
        let (s, _) = loadClean(scenario(top: "inflation: [2.5%, 2.1%, 2%, 2%, 2%]\n"))
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(scenario.inflation.rates.compactMap(\.constant), [0.025, 0.021, 0.02, 0.02, 0.02])
        XCTAssertEqual(scenario.inflation.written, ["2.5%", "2.1%", "2%", "2%", "2%"])
    }

    func testInflationIsNotAMapping() {
        expectDiagnostic(
            scenario(top: "inflation: 1️⃣{rate: 2%}\n"),
            contains: "`inflation` is a rate (`2%`), a distribution, or a list")
    }

    func testInflationUnknownNameSuggestsASharedInput() {
        expectDiagnostic(
            scenario(top: "inputs:\n  cpi: 2%\ninflation: 1️⃣cpj\n"),
            contains: "unknown name `cpj`; did you mean `cpi`?")
    }

    func testInflationMayUseASharedInputAndADistribution() throws {
        let (s, _) = loadClean(scenario(top: "inputs:\n  cpi: pert(1%, 2%, 4%)\ninflation: cpi\n"))
        XCTAssertEqual(try XCTUnwrap(s).uncertainInputs.map(\.label), ["cpi"])
        let (t, _) = loadClean(scenario(top: "inflation:\n  - 3%\n  - pert(1%, 2%, 4%)\n"))
        XCTAssertEqual(try XCTUnwrap(t).uncertainInputs.map(\.label), ["inflation (year 1)"])
    }

    // MARK: Lines, benefits and risks

    func testLineTypeTypoSuggestsCapital() {
        expectDiagnostic(
            scenario(optionBody: line("        type: 1️⃣captial\n")),
            contains: "`type` is `revenue` or `capital`, not `captial`; did you mean `capital`?")
    }

    func testLinePricesTypoSuggestsNominal() {
        expectDiagnostic(
            scenario(top: "inflation: 2%\n", optionBody: line("        prices: 1️⃣nominl\n")),
            contains: "`prices` is `real` or `nominal`, not `nominl`; did you mean `nominal`?")
    }

    func testTypeKeyTypoInALine() {
        expectDiagnostic(
            scenario(optionBody: line("        1️⃣typ: capital\n")),
            contains: "unknown key `typ` in cost line `licence`; did you mean `type`?")
    }

    func testRiskTypeIsChecked() {
        expectDiagnostic(
            scenario(
                optionBody: line("")
                    + "    risks:\n      outage:\n        chance: 10%\n        one-off: 5k\n        type: 1️⃣capex\n"),
            contains: "`type` is `revenue` or `capital`, not `capex`")
    }

    func testLinesKeepTypeAndPrices() throws {
        let body =
            line("        type: capital\n        prices: nominal\n")
            + "      support: 1k\n    benefits:\n      savings:\n        annual: 2k\n        type: capital\n"
            + "    risks:\n      outage:\n        chance: 10%\n        one-off: 5k\n        prices: nominal\n"
        let (s, _) = loadClean(scenario(top: "prices: real\ninflation: 2%\n", optionBody: body))
        let option = try XCTUnwrap(s?.options.first)
        XCTAssertEqual(option.costs.map(\.type), [.capital, .revenue])
        XCTAssertEqual(option.costs.map(\.prices), [.nominal, .real])
        XCTAssertEqual(option.benefits.map(\.type), [.capital])
        XCTAssertEqual(option.risks.map(\.prices), [.nominal])
        XCTAssertEqual(option.risks.map(\.type), [.revenue])
    }

    func testNominalScenarioMakesBareLinesNominal() throws {
        let (s, _) = loadClean(scenario(top: "prices: nominal\ninflation: 2%\n"))
        XCTAssertEqual(s?.options.first?.costs.map(\.prices), [.nominal])
    }

    // MARK: Default inflation

    func testNominalLineWithoutInflationWarnsOnce() {
        let ds = expectDiagnostic(
            scenario(
                optionBody: line("        prices: 1️⃣nominal\n")
                    + "      more:\n        one-off: 1k\n        prices: nominal\n"),
            contains: "the scenario sets no `inflation`: the default of 2% a year is used", severity: .warning)
        XCTAssertEqual(ds.count, 1)
        XCTAssertNil(ds.first?.fix)
    }

    func testNominalScenarioWithoutInflationWarnsAtThePricesKey() {
        expectDiagnostic(
            scenario(top: "prices: 1️⃣nominal\n"), contains: "the scenario sets no `inflation`", severity: .warning)
    }

    func testNominalLineWithInflationIsClean() {
        loadClean(scenario(top: "inflation: 2%\n", optionBody: line("        prices: nominal\n")))
    }

    // MARK: Budget

    func testBudgetMustBeAMapping() {
        expectDiagnostic(
            scenario(top: "budget: 1️⃣4m\n"),
            contains: "`budget` should be a mapping of `key: value` entries, not the value `4m`")
    }

    func testBudgetKeyTypoSuggestsRevenue() {
        expectDiagnostic(
            scenario(top: "budget:\n  1️⃣revnue: 4m\n"),
            contains: "unknown key `revnue` in `budget`; did you mean `revenue`?")
    }

    func testBudgetYearOutsideTheHorizon() {
        expectDiagnostic(
            scenario(top: "budget:\n  revenue: {2019/20: 4m, 1️⃣2030/31: 4m}\n"),
            contains:
                "financial year `2030/31` of the revenue budget is outside the appraisal, "
                + "which covers `2019/20` to `2024/25`"
        )
    }

    func testBudgetYearMisspelt() {
        expectDiagnostic(
            scenario(top: "budget:\n  capital:\n    1️⃣2020/22: 1m\n"),
            contains:
                "`2020/22` in the capital budget is not a financial year: write one like `2019/20`, "
                + "of the appraisal's `2019/20` to `2024/25`; did you mean `2020/21`?"
        )
    }

    func testBudgetAmountMustNotBeNegative() {
        expectDiagnostic(
            scenario(top: "budget:\n  revenue: 1️⃣-4m\n"),
            contains: "the revenue budget must be an amount of 0 or more, not -4000000")
    }

    func testBudgetAmountMustBeConstant() {
        expectDiagnostic(
            scenario(top: "budget:\n  revenue: 1️⃣pert(1m, 2m, 3m)\n"),
            contains: "the revenue budget must be a constant")
    }

    func testBudgetIsKeptByYear() throws {
        let (s, _) = loadClean(
            scenario(top: "financial-year-start: 01\nbudget:\n  revenue: 4.5m\n  capital: {2021: 1m, 2023: 2m}\n"))
        let budget = try XCTUnwrap(s?.budget)
        XCTAssertEqual(s?.financialYears.labels, ["2020", "2021", "2022", "2023", "2024"])
        XCTAssertEqual(budget.amount(.revenue, year: "2022"), 4_500_000)
        XCTAssertEqual(budget.amount(.capital, year: "2021"), 1_000_000)
        XCTAssertNil(budget.amount(.capital, year: "2022"))
        XCTAssertEqual(budget.amount(nil, year: "2023"), 6_500_000)
        XCTAssertNil(budget.amount(nil, year: "2022"))
    }
}
