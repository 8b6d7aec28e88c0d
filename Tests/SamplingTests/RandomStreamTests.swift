import Sampling
import XCTest

final class RandomStreamTests: XCTestCase {
    /// Known answer: GSL seeds mt19937 like the 2002 reference code (init_genrand), so seed
    /// 5489 gives the reference sequence, whose 10,000th output C++ pins at 4123659995.
    func testMersenneTwisterKnownAnswer() {
        let stream = RandomStream(seed: 5489)
        XCTAssertEqual(stream.generatorName, "mt19937")
        let first = (0..<5).map { _ in stream.rawNext() }
        XCTAssertEqual(first, [3_499_211_612, 581_869_302, 3_890_346_734, 3_586_334_585, 545_404_204])
        for _ in 5..<9_999 { _ = stream.rawNext() }
        XCTAssertEqual(stream.rawNext(), 4_123_659_995)
    }

    /// mt19937 reads seed 0 as 4357, which is why chunk seeds must never be 0.
    func testSeedZeroIsReadAs4357() {
        let zero = RandomStream(seed: 0), other = RandomStream(seed: 4357)
        XCTAssertEqual((0..<10).map { _ in zero.rawNext() }, (0..<10).map { _ in other.rawNext() })
    }

    /// Uniforms: in (0, 1), reproducible from the seed, the reseed restarts the stream, and
    /// draw k is raw output k / 2^32.
    func testUniformsAreOpenAndReproducible() {
        let a = RandomStream(seed: 42), b = RandomStream(seed: 42), raw = RandomStream(seed: 42)
        var sum = 0.0
        let n = 100_000
        for _ in 0..<n {
            let u = a.uniform()
            XCTAssertTrue(u > 0 && u < 1)
            XCTAssertEqual(u, b.uniform())
            sum += u
        }
        // Mean of U(0,1): sd 1/√12, se = 1/√(12n) ≈ 9.1e-4; tolerance 5 se.
        XCTAssertEqual(sum / Double(n), 0.5, accuracy: 5 / (12.0 * Double(n)).squareRoot())
        XCTAssertEqual(RandomStream(seed: 42).uniformHalfOpen(), Double(raw.rawNext()) / 4_294_967_296)
        let c = RandomStream(seed: 7)
        let first = c.uniform()
        _ = c.uniform()
        c.reseed(7)
        XCTAssertEqual(c.uniform(), first)
        XCTAssertEqual(c.seed, 7)
    }

    func testUniformIntStaysInRange() {
        let s = RandomStream(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let k = s.uniformInt(below: 7)
            XCTAssertTrue((0..<7).contains(k))
            seen.insert(k)
        }
        XCTAssertEqual(seen.count, 7)
        XCTAssertEqual(s.uniformInt(below: 0), 0)
        XCTAssertEqual(s.uniformInt(below: -3), 0)
    }

    func testOtherGenerators() {
        for generator in RandomStream.Generator.allCases {
            let s = RandomStream(seed: 11, generator: generator)
            XCTAssertEqual(s.generatorName, generator.rawValue)
            let u = s.uniform()
            XCTAssertTrue(u > 0 && u < 1)
        }
    }

    func testRuntime() {
        GSLRuntime.configure()
        GSLRuntime.configure()
        XCTAssertTrue(GSLRuntime.version.hasPrefix("2."), GSLRuntime.version)
    }

    /// Bijective over the first million chunk indices for fixed masters, never 0.
    func testChunkSeedsAreDistinctAndNeverZero() {
        for master: UInt64 in [0, 1, 20_170_207, .max] {
            var seen = Set<UInt32>(minimumCapacity: 1_000_000)
            for chunk in 0..<1_000_000 {
                let seed = SeedMix.chunkSeed(master: master, chunk: chunk)
                XCTAssertNotEqual(seed, 0)
                seen.insert(seed)
            }
            XCTAssertEqual(seen.count, 1_000_000, "master \(master)")
        }
    }

    /// The one chunk index whose mix is 0 is given the seed of the unused index 2^32 − 1.
    func testZeroMixIsRedirected() {
        let master: UInt64 = 99
        let key = SeedMix.fold(master)
        // p(c) = fmix32(key ^ c·0x9E3779B9) = 0 ⇔ c·0x9E3779B9 = key ⇔ c = key · inverse.
        var inverse: UInt32 = 0x9E37_79B9  // Newton's iteration for the inverse mod 2^32
        for _ in 0..<5 { inverse = inverse &* (2 &- 0x9E37_79B9 &* inverse) }
        XCTAssertEqual(inverse &* 0x9E37_79B9, 1)
        let zeroChunk = Int(key &* inverse)
        XCTAssertEqual(SeedMix.fmix32(key ^ (UInt32(zeroChunk) &* 0x9E37_79B9)), 0)
        let redirected = SeedMix.chunkSeed(master: master, chunk: zeroChunk)
        XCTAssertNotEqual(redirected, 0)
        XCTAssertEqual(redirected, SeedMix.fmix32(key ^ (UInt32.max &* 0x9E37_79B9)))
    }

    func testChunkSeedsDependOnTheMaster() {
        let a = (0..<100).map { SeedMix.chunkSeed(master: 1, chunk: $0) }
        let b = (0..<100).map { SeedMix.chunkSeed(master: 2, chunk: $0) }
        XCTAssertEqual(Set(a).intersection(b).count, 0)
        XCTAssertNotEqual(SeedMix.chunkSeed(master: 1, chunk: 2), SeedMix.chunkSeed(master: 2, chunk: 1))
        XCTAssertEqual(SeedMix.chunkSeed(master: 5, chunk: 3), SeedMix.chunkSeed(master: 5, chunk: 3))
    }
}
