import CGSL
import Sampling
import XCTest

import struct TestSupport.SplitMix64

/// The shim steps GSL's mt19937 state inline (`cgsl_mt_next`) rather than through the
/// generator's function pointer; it must give GSL's own stream word for word, and the uniforms
/// GSL's own uniforms, for any seed and across many regenerations of the 624-word state.
final class InlineMersenneTwisterTests: XCTestCase {
    private func seeds() -> [UInt32] {
        var g = SplitMix64(seed: 19937)
        return [0, 1, 2, 4357, 5489, 20_170_207, .max] + (0..<40).map { _ in UInt32(truncatingIfNeeded: g.next()) }
    }

    func testRawWordsEqualGSLsForManySeeds() {
        for seed in seeds() {
            let inline = RandomStream(seed: seed), gsl = RandomStream(seed: seed)
            for k in 0..<5_000 {
                let a = cgsl_get(inline.pointer), b = gsl_rng_get(gsl.pointer)
                if a != b {
                    XCTFail("seed \(seed), word \(k): \(a) != \(b)")
                    break
                }
            }
        }
    }

    /// A long stream (a million words, 1,603 regenerations) and the reference's 10,000th word.
    func testLongStreamAndKnownAnswer() {
        let inline = RandomStream(seed: 5489), gsl = RandomStream(seed: 5489)
        var words: [UInt] = []
        for _ in 0..<10_000 { words.append(cgsl_get(inline.pointer)) }
        XCTAssertEqual(words.last, 4_123_659_995)
        for _ in 0..<10_000 { _ = gsl_rng_get(gsl.pointer) }
        var mismatches = 0
        for _ in 0..<1_000_000 where cgsl_get(inline.pointer) != gsl_rng_get(gsl.pointer) { mismatches += 1 }
        XCTAssertEqual(mismatches, 0)
    }

    /// Uniforms in [0, 1) and (0, 1) equal gsl_rng_uniform and gsl_rng_uniform_pos bit for bit;
    /// another generator still goes through GSL.
    func testUniformsEqualGSLs() {
        for seed in seeds().prefix(12) {
            let inline = RandomStream(seed: seed), gsl = RandomStream(seed: seed)
            for _ in 0..<3_000 {
                XCTAssertEqual(inline.uniformHalfOpen().bitPattern, gsl_rng_uniform(gsl.pointer).bitPattern)
                XCTAssertEqual(inline.uniform().bitPattern, gsl_rng_uniform_pos(gsl.pointer).bitPattern)
            }
        }
        let taus = RandomStream(seed: 7, generator: .taus2), reference = RandomStream(seed: 7, generator: .taus2)
        for _ in 0..<1_000 { XCTAssertEqual(cgsl_get(taus.pointer), gsl_rng_get(reference.pointer)) }
    }
}
