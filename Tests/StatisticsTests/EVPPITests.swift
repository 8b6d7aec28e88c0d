import Foundation
import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

final class EVPPITests: XCTestCase {
    private static let phi0 = 1 / (2 * Double.pi).squareRoot()

    /// Independent N(0, σ²) draws by Box–Muller on SplitMix64.
    private static func normals(_ n: Int, sigma: Double, rng: inout SplitMix64) -> [Double] {
        (0..<n).map { _ in
            let u = 1 - rng.uniform(), v = rng.uniform()
            return sigma * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    /// PV(a) = X + Y, PV(b) = 0 with X, Y independent N(0, σ²): EVPI = E[max(0, -(X + Y))] =
    /// σ·√2·φ(0) and EVPPI(X) = EVPPI(Y) = E[max(0, -X)] = σ·φ(0). With n = 40,000 there are
    /// K = ⌈40,000^(1/3)⌉ = 35 bins of J ≈ 1,143 iterations; the estimator's known upward bias is
    /// about σ·φ(0)/(2J) (0.04% of the value), the downward one O(K^-2), so the estimates must be
    /// within four standard errors plus 1% of the value. An independent Z that moves neither PV
    /// must be near 0: below the noise bound φ(0)·sd(PV(a) - PV(b))/√J plus four standard
    /// errors, and within four standard errors of the noise floor, which x and y are far above.
    func testKnownAnswerTwoNormalInputs() throws {
        let sigma = 1000.0, n = 40_000, bins = 35.0, perBin = Double(n) / bins
        var rng = SplitMix64(seed: 12)
        let x = Self.normals(n, sigma: sigma, rng: &rng)
        let y = Self.normals(n, sigma: sigma, rng: &rng)
        let z = (0..<n).map { _ in rng.uniform() }
        let a = zip(x, y).map { $0 + $1 }
        let b = [Double](repeating: 0, count: n)
        let decision = try EVPPI.Decision(costs: [a, b])
        XCTAssertEqual(decision.evpi.value, sigma * 2.squareRoot() * Self.phi0, accuracy: 0.03 * sigma)

        let bias = sigma * Self.phi0 * (1 / (2 * perBin) + 0.01)
        let floor = try EVPPI.noiseFloor(decision)
        for parameter in [x, y] {
            let e = try EVPPI(decision: decision, parameter: parameter)
            XCTAssertEqual(e.bins, 35)
            XCTAssertGreaterThan(e.value, 10 * floor.value)
            XCTAssertGreaterThan(e.standardError, 0)
            XCTAssertLessThan(e.standardError, 0.02 * sigma)
            XCTAssertEqual(e.value, sigma * Self.phi0, accuracy: 4 * e.standardError + bias)
            XCTAssertLessThanOrEqual(e.value, decision.evpi.value)
        }
        let none = try EVPPI(decision: decision, parameter: z)
        XCTAssertGreaterThanOrEqual(none.value, 0)
        XCTAssertLessThan(none.value, Self.phi0 * sigma * 2.squareRoot() / perBin.squareRoot() + 4 * none.standardError)
        XCTAssertLessThan(none.value, 0.1 * sigma * Self.phi0)
        XCTAssertEqual(none.value, floor.value, accuracy: 4 * max(none.standardError, floor.standardError))
    }

    /// The standard error is honest: PV(a) = X + Y, PV(b) = μ = σ/2, so a is chosen without
    /// information and EVPPI(X) = E[max(0, X - μ)] = σ·φ(½) - μ·(1 - Φ(½)). Over 40 independent
    /// replications at n = 4,000 the spread of the estimates is within a factor 0.6 to 1.6 of
    /// the mean stated standard error (the sample sd of 40 values is itself within about ±25%
    /// at 2σ), and their mean is within three standard errors of the mean (plus the bias) of
    /// the analytic value. (At an exact tie of expected costs, as in the case above, the
    /// first-order standard error overstates the spread: it is conservative there.)
    func testStandardErrorMatchesTheSpreadOfReplications() throws {
        var rng = SplitMix64(seed: 99)
        let n = 4000, mu = 0.5
        var values: [Double] = [], errors: [Double] = []
        for _ in 0..<40 {
            let x = Self.normals(n, sigma: 1, rng: &rng)
            let y = Self.normals(n, sigma: 1, rng: &rng)
            let a = zip(x, y).map { $0 + $1 }
            let e = try EVPPI(costs: [a, [Double](repeating: mu, count: n)], parameter: x)
            values.append(e.value)
            errors.append(e.standardError)
        }
        let spread = Moments.standardDeviation(values), stated = Moments.mean(errors)
        XCTAssertGreaterThan(spread / stated, 0.6)
        XCTAssertLessThan(spread / stated, 1.6)
        let exact = Self.phi0 * exp(-mu * mu / 2) - mu * 0.5 * erfc(mu / 2.squareRoot())
        XCTAssertEqual(Moments.mean(values), exact, accuracy: 3 * stated / 40.squareRoot() + Self.phi0 / (2 * 250))
    }

    /// n = 6, K = ⌈6^(1/3)⌉ = 2, S = 6: the cut is the sorted values' element 3, a 0, so the
    /// bins are the four 0s (not above the cut) and the two 1s, though they are not halves. a = [1, 3, 2, 2,
    /// 9, 9], b = 4: means 26/6 and 4, so b is chosen without information. Bin of 0s: mean of a
    /// 2 < 4, choose a; bin of 1s: 9 > 4, choose b. EVPPI = 4 - (4/6·2 + 2/6·4) = 4/3, equal to
    /// the EVPI (4 - mean of [1, 3, 2, 2, 4, 4]). z = [3, 1, 2, 2, 0, 0]: mean 4/3, sample
    /// variance 66/45, standard error √(66/45/6) = √(11/45).
    func testTiesStayInOneBinByHand() throws {
        let e = try EVPPI(costs: [[1, 3, 2, 2, 9, 9], [4, 4, 4, 4, 4, 4]], parameter: [0, 0, 0, 0, 1, 1])
        XCTAssertEqual(e.bins, 2)
        XCTAssertEqual(e.value, 4.0 / 3, accuracy: 1e-14)
        XCTAssertEqual(e.standardError, (11.0 / 45).squareRoot(), accuracy: 1e-14)
        // The order of the iterations does not matter, only their values.
        let shuffled = try EVPPI(costs: [[9, 1, 3, 9, 2, 2], [4, 4, 4, 4, 4, 4]], parameter: [1, 0, 0, 1, 0, 0])
        XCTAssertEqual(shuffled.value, e.value, accuracy: 1e-14)
        XCTAssertEqual(shuffled.bins, 2)
    }

    /// A stored single-precision input and a risk's counts, read in place, give exactly the
    /// estimate of the column widened to double precision (value, standard error and bins), and
    /// the same length check.
    func testNarrowColumnsReadInPlaceEqualTheWidenedColumn() throws {
        var rng = SplitMix64(seed: 31)
        let n = 20_000
        let x = (0..<n).map { _ in Float(2 * rng.uniform() - 1) }
        let k = (0..<n).map { _ in UInt8(rng.uniform() < 0.3 ? (rng.uniform() < 0.5 ? 2 : 1) : 0) }
        let a = (0..<n).map { i in Double(x[i]) * 100 + Double(k[i]) * 40 + 30 * rng.uniform() }
        let decision = try EVPPI.Decision(costs: [a, [Double](repeating: 20, count: n)])
        let narrow = try x.withUnsafeBufferPointer { p throws(StatisticsError) in try EVPPI(decision: decision, parameter: p) }
        XCTAssertEqual(narrow, try EVPPI(decision: decision, parameter: x.map(Double.init)))
        XCTAssertGreaterThan(narrow.value, 0)
        let counts = try k.withUnsafeBufferPointer { p throws(StatisticsError) in try EVPPI(decision: decision, parameter: p) }
        XCTAssertEqual(counts, try EVPPI(decision: decision, parameter: k.map(Double.init)))
        XCTAssertEqual(counts.bins, 3)
        XCTAssertThrowsError(
            try x.dropLast().withUnsafeBufferPointer { p throws(StatisticsError) in try EVPPI(decision: decision, parameter: p) })
    }

    /// A constant parameter is one bin: learning it tells nothing. NaN costs or fewer than two
    /// iterations give NaN; columns of different lengths are an error.
    func testEdgeCases() throws {
        let constant = try EVPPI(costs: [[1, 5, 2, 8], [3, 3, 3, 3]], parameter: [7, 7, 7, 7])
        XCTAssertEqual(constant.value, 0)
        XCTAssertEqual(constant.bins, 1)
        XCTAssertTrue(try EVPPI(costs: [[1, .nan], [2, 2]], parameter: [0, 1]).value.isNaN)
        XCTAssertTrue(try EVPPI(costs: [[1], [2]], parameter: [0]).value.isNaN)
        XCTAssertThrowsError(try EVPPI(costs: [[1, 2], [2, 2]], parameter: [0, 1, 2]))
        XCTAssertThrowsError(try EVPPI(costs: [], parameter: [0, 1]))
    }

    /// The grid lookup of a value's bin agrees with counting the cuts below it, for values
    /// between, equal to, below and above the cuts, with tied cuts and with a single cut.
    func testBinLocatorCountsTheCutsBelow() {
        var rng = SplitMix64(seed: 7)
        let cutSets: [[Double]] = [
            (0..<40).map { _ in rng.uniform() }.sorted(),
            [0, 0, 0, 1, 1, 2.5, 2.5, 2.5, 10],
            [3],
            (0..<30).map { _ in exp(6 * rng.uniform()) }.sorted()
        ]
        for cuts in cutSets {
            let locate = BinLocator(cuts: cuts)
            let probes = cuts + cuts.map { $0.nextUp } + cuts.map { $0.nextDown } + [-1, 1e9]
                + (0..<500).map { _ in -1 + 500 * rng.uniform() }
            for x in probes {
                XCTAssertEqual(locate(x), cuts.filter { $0 < x }.count, "\(x) among \(cuts)")
            }
        }
    }
}
