import Sampling
import Simulation
import Synchronization
import XCTest

/// The one chunk loop of the engine and the sampling floor: the layout of a run in chunks, and
/// every chunk handed to exactly one worker whatever the number of threads. That the engine's
/// bytes do not depend on the thread count through it is `ChunkedDeterminismTests` and
/// `DeterminismTests.testThreadCountDoesNotChangeResults`.
final class ChunkRunnerTests: XCTestCase {
    /// 2,500 iterations are 3 chunks of 1,024, 1,024 and 452, each with the seed
    /// `SeedMix.chunkSeed(master:chunk:)`; never more workers than chunks.
    func testLayout() {
        let runner = ChunkRunner(iterations: 2_500, seed: 42, threads: 8)
        XCTAssertEqual(runner.chunkSize, Plan.chunkSize)
        XCTAssertEqual(runner.chunks, 3)
        XCTAssertEqual(runner.workers, 3)
        let chunks = (0..<3).map(runner.chunk)
        XCTAssertEqual(chunks.map(\.index), [0, 1, 2])
        XCTAssertEqual(chunks.map(\.offset), [0, 1_024, 2_048])
        XCTAssertEqual(chunks.map(\.count), [1_024, 1_024, 452])
        XCTAssertEqual(chunks.map(\.seed), (0..<3).map { SeedMix.chunkSeed(master: 42, chunk: $0) })
        XCTAssertEqual(
            chunks[1].stream().uniform(), RandomStream(seed: SeedMix.chunkSeed(master: 42, chunk: 1)).uniform())

        XCTAssertEqual(ChunkRunner(iterations: 2_048, seed: 1, threads: 1).chunks, 2)
        XCTAssertEqual(ChunkRunner(iterations: 2_049, seed: 1, threads: 1).chunk(2).count, 1)
        XCTAssertEqual(
            ChunkRunner(iterations: 100 * 1_024, seed: 1, threads: 0).workers,
            min(Engine.defaultThreads, 100), "0 threads: all cores")
        let empty = ChunkRunner(iterations: 0, seed: 1, threads: 4)
        XCTAssertEqual([empty.chunks, empty.workers], [0, 1])
        XCTAssertEqual(ChunkRunner(iterations: -5, seed: 1, threads: 4).iterations, 0)
    }

    /// Every chunk goes to exactly one worker, each of the `workers` threads runs the worker
    /// once, and `next` keeps returning nil once the chunks are taken.
    func testEveryChunkRunsOnceOnAnyThreadCount() {
        for threads in [1, 2, 3, 8] {
            let runner = ChunkRunner(iterations: 20 * 1_024 + 7, seed: 9, threads: threads)
            let seen = Mutex<[Int]>([])
            let workersRun = Atomic<Int>(0)
            runner.run { next in
                workersRun.add(1, ordering: .relaxed)
                var mine: [Int] = []
                while let chunk = next() {
                    XCTAssertEqual(chunk.offset, chunk.index * runner.chunkSize)
                    mine.append(chunk.index)
                }
                XCTAssertNil(next())
                seen.withLock { $0 += mine }
            }
            XCTAssertEqual(workersRun.load(ordering: .relaxed), min(threads, 21), "\(threads) threads")
            XCTAssertEqual(seen.withLock { $0.sorted() }, Array(0..<21), "\(threads) threads")
        }
    }
}
