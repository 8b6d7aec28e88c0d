import Distributions
import ScenarioSyntax
import Simulation
import XCTest

@testable import ScenarioModel

/// The catalogue seen through the language: every family is found by name, has its arity
/// checked by the parser, its rules reported at the offending parameter's column by
/// `ExpressionChecks.check`, and the same base value whether the model or the plan asks
/// (scalars at 7:12).
final class FamilyCatalogueCheckTests: XCTestCase {
    private func checked(_ text: String) -> [String] {
        let (e, d) = ExpressionParser.parseValue(exprScalar(text))
        guard let e else { return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" } }
        return (d + ExpressionChecks.check(e)).map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
    }

    /// One bad parameter of every family, reported at its column.
    func testEachFamilyReportsAParameterAtItsColumn() {
        let cases: [(String, String)] = [
            ("normal(1, -2)", "7:22: normal sd must not be negative (it is -2)"),
            ("lognormal(-1, 5)", "7:22: lognormal median must be positive (it is -1)"),
            (
                "-1 to 5",
                "7:12: 'a to b' is a lognormal 90% interval and needs both ends positive (a is -1); "
                    + "write normal(mean, sd) for a range through zero"
            ),
            ("triangular(1, 9, 3)", "7:26: triangular mode (9) must lie between min (1) and max (3)"),
            ("pert(1, 2, 3, 2000)", "7:26: pert lambda must be at most 1000 (it is 2000)"),
            ("uniform(9, 3)", "7:20: uniform min (9) must not exceed max (3)"),
            ("loguniform(1, -3)", "7:26: loguniform max must be positive (it is -3)"),
            ("beta(1, 0)", "7:20: beta b must be positive (it is 0)"),
            ("gamma(-1, 1)", "7:18: gamma shape must be positive (it is -1)"),
            ("weibull(1, -1)", "7:23: weibull shape must be positive (it is -1)"),
            ("exponential(-3)", "7:24: exponential mean must be positive (it is -3)"),
            ("poisson(2bn)", "7:20: poisson mean must be at most 1000000000 (it is 2000000000)"),
            ("binomial(3bn, 0.5)", "7:21: binomial n must be at most 1000000 (it is 3000000000)"),
            ("bernoulli(2)", "7:22: bernoulli p must be a probability between 0 and 1, i.e. 0% to 100% (it is 2)"),
            ("chance(-5%)", "7:19: chance p must be a probability between 0 and 1, i.e. 0% to 100% (it is -0.05)"),
            ("discrete(1, 0.5, 2, 2)", "7:32: discrete probability must be between 0 and 1, i.e. 0% to 100% (it is 2)")
        ]
        XCTAssertEqual(cases.count, Distribution.Family.all.count)
        for (text, expected) in cases { XCTAssertEqual(checked(text), [expected], text) }
    }

    /// Every family written as a call is found by name, in any case, and its arity is checked.
    func testEveryCallableFamilyParsesWithItsArity() {
        for family in Distribution.Family.all where family.isCall {
            let count = family.parameterNames.count
            let ones = Array(repeating: "0.5", count: count).joined(separator: ", ")
            let (e, d) = ExpressionParser.parseValue(exprScalar(family.name.uppercased() + "(" + ones + ")"))
            XCTAssertEqual(d, [], family.name)
            guard case .distribution(let dist)? = e?.kind else { return XCTFail(family.name) }
            XCTAssertTrue(dist.family === family)
            let (_, wrong) = ExpressionParser.parseValue(
                exprScalar(family.name + "(0.5" + String(repeating: ", 0.5", count: count) + ")"))
            let found = "\(count + 1) arguments"
            XCTAssertEqual(wrong.map(\.message), ["\(family.expectedForm), found \(found)"], family.name)
        }
    }

    /// The new family goes through the language with no code of its own outside the catalogue
    /// and its sampler: the check, the range analysis and the base value.
    func testLoguniformInTheLanguage() throws {
        XCTAssertEqual(checked("loguniform(10k, 1m)"), [])
        XCTAssertEqual(checked("loguniform(0, 1m)"), ["7:23: loguniform min must be positive (it is 0)"])
        XCTAssertEqual(checked("loguniform(5, 2)"), ["7:23: loguniform min (5) must not exceed max (2)"])
        XCTAssertEqual(checked("loguniform(5)"), ["7:12: loguniform takes (min, max), found 1 argument"])
        let (e, _) = ExpressionParser.parseValue(exprScalar("loguniform(1, 100)"))
        let expr = try XCTUnwrap(e)
        XCTAssertEqual(ValueRange.of(expr) { _ in nil }, ValueRange(1, 100))
        // The base value is the mean, 99 / ln 100.
        XCTAssertEqual(try XCTUnwrap(BaseValue.evaluate(expr) { _ in nil }), 99 / log(100), accuracy: 1e-12)
    }

    /// The model's base value (`BaseValue`, used by the warnings) and the plan's (the spec's)
    /// are the same number for every family: both ask the catalogue.
    func testModelAndPlanAgreeOnBaseValues() throws {
        let texts = [
            "normal(3, 1)", "lognormal(4.8m, 6m)", "4m to 9m", "triangular(1, 2, 5)", "pert(1, 2, 5, 6)",
            "uniform(0.1, 0.7)", "loguniform(2, 8)", "beta(2, 6)", "gamma(3, 2)", "weibull(2.5, 1.7)",
            "exponential(5)", "poisson(3.5)", "binomial(10, 0.3)", "bernoulli(0.7)", "chance(50%)",
            "discrete(3, 0.4, 1, 0.2, 2, 0.2, 1, 0.2)"
        ]
        XCTAssertEqual(texts.count, Distribution.Family.all.count)
        for text in texts {
            let (e, _) = ExpressionParser.parseValue(exprScalar(text))
            guard case .distribution(let d)? = e?.kind else { return XCTFail(text) }
            let p = d.parameters.compactMap(ExpressionChecks.constantValue)
            let spec = try DistributionSpec.make(d.family, parameters: p).get()
            XCTAssertEqual(BaseValue.evaluate(try XCTUnwrap(e)) { _ in nil }, spec.baseValue, text)
        }
        let (e, _) = ExpressionParser.parseValue(exprScalar("discrete(3, 0.4, 1, 0.2, 2, 0.2, 1, 0.2)"))
        XCTAssertEqual(
            BaseValue.evaluate(try XCTUnwrap(e)) { _ in nil }, 3, "merged repeats; the tie to the first written")
    }

    /// A problem with drawn parameters reads as the check's message for the same constants.
    func testRunTimeAndCheckSayTheSame() {
        let (e, _) = ExpressionParser.parseValue(exprScalar("pert(3, 10, 9)"))
        guard case .distribution(let d)? = e?.kind else { return XCTFail() }
        guard case .failure(let problem) = DistributionSpec.make(d.family, parameters: [3, 10, 9]) else {
            return XCTFail()
        }
        XCTAssertEqual(checked("pert(3, 10, 9)"), ["7:20: " + problem.message])
        XCTAssertEqual(problem.parameter, 1)
    }
}
