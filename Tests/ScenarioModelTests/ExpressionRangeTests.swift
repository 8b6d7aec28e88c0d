import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// `ValueRange`: interval arithmetic over the supports of an expression's distributions.
final class ExpressionRangeTests: XCTestCase {
    private let inputs = ["p": "pert(10%, 20%, 30%)", "q": "p * 2", "n": "normal(0, 1)", "loop": "loop + 1"]

    private func range(_ text: String, duration: Bool = false) -> ValueRange {
        let scalar = exprScalar(text)
        let (e, d) = duration ? ExpressionParser.parseDuration(scalar) : ExpressionParser.parseValue(scalar)
        XCTAssertEqual(d, [], text)
        guard let e else { return .unbounded }
        return ValueRange.of(e) { name in
            self.inputs[name].flatMap { ExpressionParser.parseValue(exprScalar($0)).0 }
        }
    }

    func testArithmetic() {
        XCTAssertEqual(range("pert(1, 2, 3) + uniform(10, 20)"), ValueRange(11, 23))
        XCTAssertEqual(range("pert(1, 2, 3) - uniform(10, 20)"), ValueRange(-19, -7))
        XCTAssertEqual(range("-pert(3%, 5%, 8%)"), ValueRange(-0.08, -0.03))
        XCTAssertEqual(range("uniform(-1, 2) * uniform(3, 4)"), ValueRange(-4, 8))
        XCTAssertEqual(range("1 / uniform(2, 4)"), ValueRange(0.25, 0.5))
        XCTAssertEqual(range("1 / uniform(-1, 1)"), .unbounded, "a divisor through zero")
        XCTAssertEqual(range("uniform(1, 2) ^ 2"), ValueRange(1, 4))
        XCTAssertEqual(range("uniform(-1, 2) ^ 2"), .unbounded, "a base that may be negative")
        XCTAssertEqual(range("uniform(0, 1) < 0.5"), ValueRange(0, 1))
        XCTAssertEqual(range("uniform(1, 2) months", duration: true), ValueRange(1, 2))
        XCTAssertEqual(range("uniform(1, 2) years", duration: true), ValueRange(12, 24))
    }

    func testFunctions() {
        XCTAssertEqual(range("min(uniform(0, 10), 5)"), ValueRange(0, 5))
        XCTAssertEqual(range("max(uniform(0, 10), 5)"), ValueRange(5, 10))
        XCTAssertEqual(range("if(uniform(0, 1) > 0.5, uniform(1, 2), uniform(5, 6))"), ValueRange(1, 6))
        XCTAssertEqual(
            range("if(1, uniform(1, 2), uniform(5, 6))"), ValueRange(1, 2), "a constant condition picks its branch")
        XCTAssertEqual(range("round(uniform(0.4, 2.5))"), ValueRange(0, 3))
        XCTAssertEqual(range("clamp(normal(0, 1), 0, 1)"), ValueRange(0, 1))
    }

    func testDistributions() {
        XCTAssertEqual(range("triangular(1, 2, 3)"), ValueRange(1, 3))
        XCTAssertEqual(range("pert(p, 0.5, uniform(0.6, 0.9))"), ValueRange(0.1, 0.9), "parameters that are ranges")
        XCTAssertEqual(range("beta(2, 3)"), ValueRange(0, 1))
        XCTAssertEqual(range("chance(p)"), ValueRange(0, 1))
        XCTAssertEqual(range("binomial(10, 0.5)"), ValueRange(0, 10))
        XCTAssertEqual(range("gamma(2, 1)"), ValueRange(0, .infinity))
        XCTAssertEqual(range("2 to 4"), ValueRange(0, .infinity))
        XCTAssertEqual(range("normal(5, 1)"), .unbounded)
        XCTAssertEqual(range("normal(5, 0)"), ValueRange(5, 5))
        XCTAssertEqual(range("discrete(1, 50%, 7, 50%)"), ValueRange(1, 7))
        XCTAssertEqual(range("0 * normal(0, 1)"), ValueRange(0, 0), "0 × an unbounded range is 0")
    }

    func testNamesAndTheirLimits() {
        XCTAssertEqual(range("q"), ValueRange(0.2, 0.6), "through two named inputs")
        XCTAssertEqual(range("n + p"), .unbounded)
        XCTAssertEqual(range("unknown"), .unbounded)
        XCTAssertEqual(range("loop"), .unbounded, "a cycle stops at the name limit")
        // Each occurrence of a name counts on its own: wider than the true range (0).
        XCTAssertEqual(range("p - p").lower, -0.2, accuracy: 1e-12)
    }

    func testWhatLeavesAProbability() {
        XCTAssertTrue(ValueRange(0.9, 1.5).provablyLeavesProbability)
        XCTAssertTrue(ValueRange(-0.08, -0.03).provablyLeavesProbability)
        XCTAssertTrue(ValueRange(1.5, .infinity).provablyLeavesProbability)
        XCTAssertFalse(ValueRange(0, .infinity).provablyLeavesProbability, "left to the run")
        XCTAssertFalse(ValueRange.unbounded.provablyLeavesProbability)
        XCTAssertFalse(ValueRange(0, 1).provablyLeavesProbability)
        XCTAssertTrue(ValueRange(0, 1).isProbability)
    }
}
