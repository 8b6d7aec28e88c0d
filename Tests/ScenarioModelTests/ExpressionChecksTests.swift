import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Parameter checks: each rule, with the column of the offending parameter (scalar at 7:12).
final class ExpressionChecksTests: XCTestCase {
    private func checked(_ text: String, duration: Bool = false) -> [String] {
        let (e, d) =
            duration ? ExpressionParser.parseDuration(exprScalar(text)) : ExpressionParser.parseValue(exprScalar(text))
        XCTAssertEqual(d, [], text)
        guard let e else { return ["parse failed"] }
        return ExpressionChecks.check(e).map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
    }

    func testTriangularAndPert() {
        XCTAssertEqual(checked("pert(10, 5, 8)"), ["7:17: pert min (10) must be less than max (8)"])
        XCTAssertEqual(checked("pert(1, 9, 8)"), ["7:20: pert mode (9) must lie between min (1) and max (8)"])
        XCTAssertEqual(checked("triangular(3, 3, 3)"), ["7:23: triangular min (3) must be less than max (3)"])
        XCTAssertEqual(
            checked("triangular(1, 0, 3)"), ["7:26: triangular mode (0) must lie between min (1) and max (3)"])
        XCTAssertEqual(checked("pert(1, 2, 3, 0)"), ["7:26: pert lambda must be positive (it is 0)"])
        XCTAssertEqual(checked("pert(1, 1, 3)"), [], "mode may equal min")
        XCTAssertEqual(
            checked("pert(a, 5, 3)"), ["7:20: pert mode (5) must lie between min (?) and max (3)"],
            "rules whose parameters are constant apply even when others are names")
        XCTAssertEqual(checked("pert(a, 2, 3)"), [])
    }

    func testUniformNormalLognormal() {
        XCTAssertEqual(checked("uniform(6, 2)"), ["7:20: uniform min (6) must not exceed max (2)"])
        XCTAssertEqual(checked("uniform(2, 2)"), [])
        XCTAssertEqual(checked("normal(0, -1)"), ["7:22: normal sd must not be negative (it is -1)"])
        XCTAssertEqual(checked("normal(0, 0)"), [])
        XCTAssertEqual(checked("normal(0, sd)"), [])
        XCTAssertEqual(checked("lognormal(0, 5)"), ["7:22: lognormal median must be positive (it is 0)"])
        XCTAssertEqual(checked("lognormal(8, 5)"), ["7:25: lognormal p95 (5) must be greater than the median (8)"])
    }

    func testIntervals() {
        XCTAssertEqual(
            checked("-1 to 5"),
            [
                "7:12: 'a to b' is a lognormal 90% interval and needs both ends positive (a is -1); "
                    + "write normal(mean, sd) for a range through zero"
            ])
        XCTAssertEqual(
            checked("1 to 0"),
            [
                "7:17: 'a to b' is a lognormal 90% interval and needs both ends positive (b is 0); "
                    + "write normal(mean, sd) for a range through zero"
            ])
        XCTAssertEqual(checked("5 to 1"), ["7:12: in 'a to b', a (5) must be less than b (1)"])
        XCTAssertEqual(checked("1m to 5m"), [])
    }

    func testOtherFamilies() {
        XCTAssertEqual(checked("beta(0, 1)"), ["7:17: beta a must be positive (it is 0)"])
        XCTAssertEqual(checked("beta(1, -2)"), ["7:20: beta b must be positive (it is -2)"])
        XCTAssertEqual(checked("gamma(0, 1)"), ["7:18: gamma shape must be positive (it is 0)"])
        XCTAssertEqual(checked("gamma(1, 0)"), ["7:21: gamma scale must be positive (it is 0)"])
        XCTAssertEqual(checked("weibull(0, 1)"), ["7:20: weibull scale must be positive (it is 0)"])
        XCTAssertEqual(checked("weibull(1, 0)"), ["7:23: weibull shape must be positive (it is 0)"])
        XCTAssertEqual(checked("exponential(0)"), ["7:24: exponential mean must be positive (it is 0)"])
        XCTAssertEqual(checked("poisson(-1)"), ["7:20: poisson mean must not be negative (it is -1)"])
        XCTAssertEqual(checked("poisson(0)"), [])
        XCTAssertEqual(
            checked("binomial(2.5, 0.5)"),
            ["7:21: binomial n must be a whole number of trials, 0 or more (it is 2.5)"])
        XCTAssertEqual(
            checked("binomial(10, 1.5)"),
            ["7:25: binomial p must be a probability between 0 and 1, i.e. 0% to 100% (it is 1.5)"])
        XCTAssertEqual(
            checked("bernoulli(-0.1)"),
            ["7:22: bernoulli p must be a probability between 0 and 1, i.e. 0% to 100% (it is -0.1)"])
        XCTAssertEqual(
            checked("chance(150%)"),
            ["7:19: chance p must be a probability between 0 and 1, i.e. 0% to 100% (it is 1.5)"])
        XCTAssertEqual(checked("chance(0%) + chance(100%)"), [])
    }

    func testDiscrete() {
        XCTAssertEqual(
            checked("discrete(1, 0.5, 2, 0.4)"),
            ["7:12: discrete probabilities must sum to 1 (100%); they sum to 0.9"])
        XCTAssertEqual(
            checked("discrete(1, 1.5, 2, -0.5)"),
            [
                "7:24: discrete probability must be between 0 and 1, i.e. 0% to 100% (it is 1.5)",
                "7:32: discrete probability must be between 0 and 1, i.e. 0% to 100% (it is -0.5)"
            ])
        XCTAssertEqual(checked("discrete(1, 30%, 2, 70%)"), [])
        XCTAssertEqual(checked("discrete(1, 0.1, 2, 0.2, 3, 0.7)"), [], "0.1 + 0.2 + 0.7 is 1 within 1e-9")
        XCTAssertEqual(checked("discrete(1, p, 2, 0.2)"), [], "the sum is only checked when all are constant")
        // A hand-built tree without pairs.
        let m = SourceMark(file: "s.yaml", line: 3, column: 4)
        let empty = Expr(.distribution(Distribution(family: .discrete, parameters: [], mark: m)), at: m)
        XCTAssertEqual(ExpressionChecks.check(empty).map(\.mark), [m])
    }

    func testNestedNonFiniteAndDurations() {
        XCTAssertEqual(checked("if(a, pert(3, 2, 1), 0)"), ["7:23: pert min (3) must be less than max (1)"])
        XCTAssertEqual(checked("uniform(1/0, 2)"), ["7:20: division by zero: the value is not a finite number"])
        XCTAssertEqual(
            checked("uniform(2 years, 3 months)", duration: true),
            ["7:20: uniform min (24) must not exceed max (3)"])
    }

    func testContractExamplesPass() {
        for text in [
            "pert(4.3m, 4.8m, 5.6m)", "chance(50%)", "incumbent_run_rate * pert(0.85, 0.93, 1.05)",
            "if(incumbent_wins, pert(0.1m, 0.2m, 0.4m), pert(0.5m, 1.0m, 2.5m))", "pert(5%, 7%, 10%)",
            "towers * pert(8%, 10%, 15%)", "pert(3.6m, 3.82m, 4.4m)"
        ] {
            XCTAssertEqual(checked(text), [], text)
        }
    }

    func testConstantValue() {
        XCTAssertEqual(exprConstant("2 * (3 + 4)"), 14)
        XCTAssertNil(exprConstant("2 * a"))
        XCTAssertNil(exprConstant("pert(1, 2, 3)"))
        XCTAssertEqual(exprConstant("1 / 0"), .infinity)
        XCTAssertEqual(exprConstant("18 months", duration: true), 18)
    }

    func testNamesAndDistributions() {
        let (e, _) = ExpressionParser.parseValue(exprScalar("a + max(b, pert(c, 2, 3)) * a"))
        let names = e.map(ExpressionChecks.names) ?? []
        XCTAssertEqual(names.map(\.name), ["a", "b", "c", "a"])
        XCTAssertEqual(names.map(\.mark.column), [12, 20, 28, 40])
        let (f, _) = ExpressionParser.parseValue(exprScalar("if(x, pert(1, 2, 3), normal(pert(1, 2, 3), 1))"))
        let ds = f.map(ExpressionChecks.distributions) ?? []
        XCTAssertEqual(ds.map(\.family), [.pert, .normal, .pert])
        XCTAssertEqual(ds.map(\.mark.column), [18, 33, 40])
    }
}
