import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Base values (docs/scenario-language.md §3), computed by hand in the comments.
final class ExpressionBaseValueTests: XCTestCase {
    private func base(_ text: String, duration: Bool = false, _ names: [String: Double] = [:]) -> Double? {
        let (e, d) =
            duration ? ExpressionParser.parseDuration(exprScalar(text)) : ExpressionParser.parseValue(exprScalar(text))
        XCTAssertEqual(d, [], text)
        return e.flatMap { BaseValue.evaluate($0) { names[$0] } }
    }

    func testFamilies() throws {
        XCTAssertEqual(base("triangular(1, 2, 5)"), 2)  // the mode
        XCTAssertEqual(base("pert(1, 2, 5)"), 2)  // the mode
        XCTAssertEqual(base("pert(1, 2, 5, 6)"), 2)  // the mode, whatever lambda
        XCTAssertEqual(base("normal(3, 1)"), 3)  // the median = mean
        XCTAssertEqual(base("lognormal(4, 9)"), 4)  // the median
        XCTAssertEqual(base("4 to 9"), 6)  // √(4·9) = 6
        XCTAssertEqual(try XCTUnwrap(base("1m to 4m")), 2_000_000, accuracy: 1e-6)  // √(1e6·4e6)
        XCTAssertEqual(base("uniform(2, 6)"), 4)  // (2 + 6) / 2
        XCTAssertEqual(base("beta(2, 6)"), 0.25)  // 2 / (2 + 6)
        XCTAssertEqual(base("gamma(3, 2)"), 6)  // 3·2
        XCTAssertEqual(try XCTUnwrap(base("weibull(2, 1)")), 2, accuracy: 1e-12)  // 2·Γ(2) = 2
        XCTAssertEqual(try XCTUnwrap(base("weibull(1, 2)")), 0.886226925452758, accuracy: 1e-12)  // Γ(1.5) = √π/2
        XCTAssertEqual(try XCTUnwrap(base("weibull(3, 0.5)")), 6, accuracy: 1e-12)  // 3·Γ(3) = 3·2
        XCTAssertEqual(base("exponential(5)"), 5)  // the mean
        XCTAssertEqual(base("poisson(3.5)"), 3.5)  // the mean
        XCTAssertEqual(try XCTUnwrap(base("binomial(10, 0.3)")), 3, accuracy: 1e-12)  // 10·0.3
        XCTAssertEqual(base("bernoulli(0.7)"), 1)  // 1 is more probable
        XCTAssertEqual(base("chance(50%)"), 0)  // tie goes to 0
        XCTAssertEqual(base("chance(30%)"), 0)
        XCTAssertEqual(base("chance(51%)"), 1)
        XCTAssertEqual(base("discrete(10, 0.2, 20, 0.5, 30, 0.3)"), 20)  // most probable
        XCTAssertEqual(base("discrete(30, 0.5, 10, 0.5)"), 30)  // tie goes to the value written first
    }

    func testExpressions() throws {
        // 4.8m · 0.93 = 4.464m (the pert at its mode)
        XCTAssertEqual(
            try XCTUnwrap(base("incumbent_run_rate * pert(0.85, 0.93, 1.05)", ["incumbent_run_rate": 4.8e6])),
            4.464e6, accuracy: 1e-3)
        XCTAssertNil(base("unknown * 2"))
        XCTAssertNil(base("if(1, 2, unknown)"), "all branches are evaluated")
        XCTAssertEqual(base("if(w, pert(1, 2, 3), pert(4, 6, 9))", ["w": 0]), 6)
        XCTAssertEqual(base("if(w, pert(1, 2, 3), pert(4, 6, 9))", ["w": 1]), 2)
        XCTAssertEqual(base("uniform(2, 6) months", duration: true), 4)
        XCTAssertEqual(base("2 years + pert(1, 2, 3) weeks", duration: true), 24 + 2 * 12 / 52)
        XCTAssertEqual(base("1 / 0"), .infinity, "division by zero is left to the caller")
        XCTAssertEqual(base("0 / 0").map(\.isNaN), true)
        XCTAssertEqual(base("round(pert(1, 2.5, 3))"), 3)
        XCTAssertEqual(base("clamp(normal(10, 1), 0, 5)"), 5)
        XCTAssertEqual(base("max(1, 0 / 0)").map(\.isNaN), true)
        XCTAssertEqual(base("(0 / 0) != 1"), 1)
        XCTAssertEqual(base("(0 / 0) == (0 / 0)"), 0)
    }

    func testOfDirectly() {
        XCTAssertTrue(Distribution.Family.pert.baseValue([1, 2]).isNaN, "wrong parameter count")
        XCTAssertTrue(Distribution.Family.interval.baseValue([-1, 2]).isNaN, "interval through zero")
        XCTAssertEqual(Distribution.Family.discrete.baseValue([5, 1]), 5)
        XCTAssertTrue(Distribution.Family.discrete.baseValue([]).isNaN)
    }
}
