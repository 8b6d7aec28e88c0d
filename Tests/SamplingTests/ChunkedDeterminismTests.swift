import Dispatch
import Synchronization
import XCTest
import Sampling

/// The engine's pattern: chunks of iterations, each with its own stream seeded from
/// (master, chunk index), sharing one immutable PERT table across threads. The bytes must not
/// depend on the number of threads.
final class ChunkedDeterminismTests: XCTestCase {
    static func run(threads: Int, table: PertQuantileTable, spec: DistributionSpec) -> [Double] {
        let chunks = 16, size = 1_024
        let results = Mutex([[Double]](repeating: [], count: chunks))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if chunk >= chunks { return }
                let stream = RandomStream(seed: SeedMix.chunkSeed(master: 20_170_207, chunk: chunk))
                var column = [Double](repeating: 0, count: size)
                column.withUnsafeMutableBufferPointer { buffer in
                    LatinHypercube.fill(buffer, stream: stream)
                    spec.fillQuantiles(UnsafeBufferPointer(buffer), into: buffer, pertTable: table)
                }
                results.withLock { $0[chunk] = column }
            }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    func testSameBytesOnOneOrFourThreads() throws {
        let spec = DistributionSpec.pert(min: 6, mode: 8, max: 12)
        let table = try XCTUnwrap(spec.pertShape.flatMap { PertQuantileTable(shape: $0) })
        let one = Self.run(threads: 1, table: table, spec: spec)
        let four = Self.run(threads: 4, table: table, spec: spec)
        XCTAssertEqual(one.count, 16 * 1_024)
        XCTAssertEqual(one, four)
        XCTAssertTrue(one.allSatisfy { $0 >= 6 && $0 <= 12 })
    }
}
