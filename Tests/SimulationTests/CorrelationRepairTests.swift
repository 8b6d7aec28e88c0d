import ScenarioModel
import ScenarioSyntax
import XCTest

@testable import Simulation

/// A correlation matrix that is not positive semi-definite is repaired with a warning naming the
/// change when the repair is small (every entry moves by at most 0.05), refused otherwise.
final class CorrelationRepairTests: XCTestCase {
    func yaml(_ ab: Double, _ ac: Double, _ bc: Double) -> String {
        """
        scenario: correlations
        start: 2020-01
        horizon: 12 months
        inputs:
          a: pert(1, 2, 3)
          b: pert(1, 2, 3)
          c: pert(1, 2, 3)
        correlations:
          - [a, b, \(ab)]
          - [a, c, \(ac)]
          - [b, c, \(bc)]
        options:
          only:
            costs:
              sum: a + b + c
        """
    }

    func build(_ text: String) throws -> (Plan?, [Diagnostic]) {
        let (scenario, diagnostics) = ScenarioLoader.load(text: text, file: "c.yaml")
        let s = try XCTUnwrap(scenario, "\(diagnostics)")
        return PlanBuilder.build(s)
    }

    /// [[1, .9, .9], [.9, 1, .6], [.9, .6, 1]] has determinant -0.008: slightly inconsistent.
    func testSmallRepairWarns() throws {
        let (plan, diagnostics) = try build(yaml(0.9, 0.9, 0.6))
        XCTAssertNotNil(plan)
        let warning = try XCTUnwrap(diagnostics.first { $0.severity == .warning })
        XCTAssertTrue(warning.message.contains("repaired to the nearest consistent matrix"), warning.message)
        XCTAssertTrue(warning.message.contains("rho("), warning.message)
        XCTAssertEqual(warning.mark.line, 9)
        // The repaired matrix is used, and is a valid correlation matrix.
        let m = try XCTUnwrap(plan?.correlationMatrix)
        XCTAssertNil(m.problem())
    }

    /// rho(a, b) = rho(b, c) = 0.9 with rho(a, c) = -0.9 is far from consistent: refused.
    func testLargeRepairIsRefused() throws {
        let (plan, diagnostics) = try build(yaml(0.9, -0.9, 0.9))
        XCTAssertNil(plan)
        let error = try XCTUnwrap(diagnostics.first { $0.severity == .error })
        XCTAssertTrue(error.message.contains("not positive semi-definite"), error.message)
        XCTAssertTrue(error.message.contains("revise the coefficients"), error.message)
    }

    func testConsistentMatrixIsUsedAsWritten() throws {
        let (plan, diagnostics) = try build(yaml(0.5, 0.3, 0.2))
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics)")
        XCTAssertEqual(plan?.correlationMatrix?[0, 1], 0.5)
        XCTAssertEqual(plan?.correlated.count, 3)
    }
}
