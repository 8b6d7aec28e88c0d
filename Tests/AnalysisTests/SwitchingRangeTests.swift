import Sampling
import ScenarioModel
import XCTest

@testable import Analysis

/// The switching-value search range: P0.1 to P99.9 widened by their distance w on each side, then
/// kept inside the family's domain as the catalogue gives it (no family is named here).
final class SwitchingRangeTests: XCTestCase {
    private func range(_ spec: DistributionSpec) -> [Double] {
        let (a, b) = SwitchingValues.range(spec.family, spec: spec)
        return [a, b]
    }

    func testRangesStayInTheFamilysDomain() {
        // pert(4, 6, 9) is not cut: values below its min still mean something.
        let pert = DistributionSpec.pert(min: 4, mode: 6, max: 9)
        let (lo, hi) = (pert.quantile(0.001), pert.quantile(0.999))
        XCTAssertEqual(range(pert), [lo - (hi - lo), hi + (hi - lo)])
        XCTAssertLessThan(range(pert)[0], 4)
        // Probabilities stay in [0, 1].
        XCTAssertEqual(range(.beta(a: 2, b: 5)), [0, 1])
        // loguniform(1, 100): P0.1 = 100^0.001, P99.9 = 100^0.999; cut at 0 below only.
        let loguniform = DistributionSpec.loguniform(min: 1, max: 100)
        let (a, b) = (pow(100, 0.001), pow(100, 0.999))
        XCTAssertEqual(range(loguniform)[0], 0)
        XCTAssertEqual(range(loguniform)[1], b + (b - a), accuracy: 1e-9)
    }
}
