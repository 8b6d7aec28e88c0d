import Sampling
import XCTest

final class DistributionValidationTests: XCTestCase {
    static let invalid: [(DistributionSpec, String)] = [
        (.normal(mean: 0, sd: -1), "sd must not be negative"),
        (.normal(mean: .nan, sd: 1), "mean must be a finite number"),
        (.lognormal(median: 0, p95: 1), "median must be positive"),
        (.lognormal(median: 5, p95: 4), "lognormal p95 (4) must not be below the median (5)"),
        (.interval(p5: -1, p95: 3), "write normal(mean, sd) for a range through zero"),
        (.interval(p5: 5, p95: 3), "in 'a to b', a (5) must be at most b (3)"),
        (.triangular(min: 5, mode: 3, max: 10), "triangular mode (3) must lie between min (5) and max (10)"),
        (.triangular(min: 5, mode: 11, max: 10), "triangular mode (11) must lie between min (5) and max (10)"),
        (.pert(min: 10, mode: 10, max: 5), "pert min (10) must not exceed max (5)"),
        (.pert(min: 1, mode: 2, max: 3, lambda: -1), "pert lambda must not be negative (it is -1)"),
        (.pert(min: -.infinity, mode: 2, max: 3), "min must be a finite number"),
        (.pert(min: -1.7e308, mode: 0, max: 1.7e308), "pert max - min must be a finite number"),
        (.triangular(min: -1.7e308, mode: 0, max: 1.7e308), "triangular max - min must be a finite number"),
        (.uniform(min: 2, max: 1), "uniform min (2) must not exceed max (1)"),
        (.beta(a: 0, b: 1), "beta a must be positive (it is 0)"),
        (.beta(a: 2e5, b: 2e5), "beta a must be at most 100000 (it is 200000)"),
        (.beta(a: 1, b: 100_001), "beta b must be at most 100000 (it is 100001)"),
        (.gamma(shape: -5, scale: 1), "gamma shape must be positive (it is -5)"),
        (.weibull(scale: 1, shape: 0), "weibull shape must be positive (it is 0)"),
        (.exponential(mean: 0), "mean must be positive"),
        (.poisson(mean: -1), "poisson mean must not be negative (it is -1)"),
        (.poisson(mean: 1e10), "poisson mean must be at most 1000000000 (it is 10000000000)"),
        (.binomial(n: -1, p: 0.5), "n must be a whole number"),
        (.binomial(n: 10, p: 1.5), "p must be a probability between 0 and 1"),
        (.binomial(n: 1_000_001, p: 0.5), "binomial n must be at most 1000000 (it is 1000001)"),
        (.bernoulli(p: -0.1), "p must be a probability"),
        (
            .discrete(values: [], probabilities: []),
            "discrete takes value-probability pairs (v1, p1, v2, p2, ...), found 0 parameters"
        ),
        (.discrete(values: [1, 2], probabilities: [1]), "needs as many probabilities (1) as values (2)"),
        (
            .discrete(values: [1, 2], probabilities: [0.5, 0.6]),
            "discrete probabilities must sum to 1 (100%); they sum to 1.1"
        ),
        (
            .discrete(values: [1, 2], probabilities: [1.5, -0.5]),
            "discrete probability must be between 0 and 1, i.e. 0% to 100% (it is 1.5)"
        )
    ]

    func testInvalidParametersAreReportedInWords() {
        for (spec, text) in Self.invalid {
            XCTAssertFalse(spec.isValid, "\(spec)")
            XCTAssertThrowsError(try spec.validate(), "\(spec)") { error in
                let description = String(describing: error)
                XCTAssertTrue(description.contains(text), "\(description) lacks \(text)")
                XCTAssertEqual((error as? DistributionError)?.family, spec.family, description)
            }
        }
    }

    /// Invalid distributions never trap: every entry point yields NaN and consumes nothing.
    func testInvalidDistributionsYieldNaN() {
        let stream = RandomStream(seed: 9), twin = RandomStream(seed: 9)
        var buffer = [Double](repeating: 0, count: 16)
        let u = (0..<16).map { (Double($0) + 0.5) / 16 }
        for (spec, _) in Self.invalid {
            XCTAssertTrue(spec.sample(stream).isNaN, "\(spec)")
            XCTAssertTrue(spec.quantile(0.5).isNaN, "\(spec)")
            XCTAssertTrue(spec.mean.isNaN && spec.variance.isNaN && spec.baseValue.isNaN, "\(spec)")
            buffer.withUnsafeMutableBufferPointer { spec.fill($0, stream: stream) }
            XCTAssertTrue(buffer.allSatisfy(\.isNaN), "\(spec)")
            buffer = Array(repeating: 0, count: 16)
            u.withUnsafeBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0) }
            }
            XCTAssertTrue(buffer.allSatisfy(\.isNaN), "\(spec)")
        }
        XCTAssertEqual(stream.rawNext(), twin.rawNext())
    }

    func testValidEdgeCasesAreAccepted() {
        let valid: [DistributionSpec] = [
            .normal(mean: -3, sd: 0), .lognormal(median: 1, p95: 1), .interval(p5: 2, p95: 2),
            .pert(min: 1, mode: 1, max: 1), .pert(min: 0, mode: 0, max: 1, lambda: 0),
            .triangular(min: 0, mode: 1, max: 1), .poisson(mean: 0), .binomial(n: 0, p: 1),
            .bernoulli(p: 1), .discrete(values: [7], probabilities: [1]),
            .discrete(values: [1, 2, 3], probabilities: [0.1, 0.2, 0.7000000001])
        ]
        for spec in valid { XCTAssertNoThrow(try spec.validate(), "\(spec)") }
        XCTAssertNil(PertQuantileTable(shape: PertShape(alpha: 0.5, beta: 2)))
        XCTAssertNil(PertQuantileTable(min: 1, mode: 1, max: 1))
        XCTAssertNotNil(PertQuantileTable(min: 1, mode: 1, max: 2))
    }

    /// The PERT shape formula: α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min).
    func testPertShape() {
        let shape = DistributionSpec.pert(min: 2, mode: 5, max: 12, lambda: 2).pertShape
        XCTAssertEqual(shape?.alpha ?? 0, 1.6, accuracy: 1e-15)
        XCTAssertEqual(shape?.beta ?? 0, 2.4, accuracy: 1e-15)
        XCTAssertNil(DistributionSpec.pert(min: 2, mode: 2, max: 2).pertShape)
        XCTAssertNil(DistributionSpec.beta(a: 2, b: 2).pertShape)
    }
}
