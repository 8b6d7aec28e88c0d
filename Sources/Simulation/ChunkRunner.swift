import Dispatch
import Sampling
import Synchronization

/// The chunk layout of a run and the loop that hands its chunks to worker threads: the one used
/// by `Engine.run` and by `bench`'s sampling floor.
///
/// `n` iterations make `⌈n / chunkSize⌉` chunks (`Plan.chunkSize`, fixed, so the layout never
/// depends on the thread count). Chunk `c` covers iterations `c × chunkSize ..< min((c + 1) ×
/// chunkSize, n)` and draws from its own generator, seeded with `SeedMix.chunkSeed(master:
/// chunk: c)`. `workers` threads (`threads`, 0 meaning `Engine.defaultThreads`, at least 1 and
/// at most one per chunk) each take the next chunk not yet taken until none is left, so chunks
/// run in any order and on any thread; a worker that writes only its chunk's rows therefore
/// gives the same bytes whatever the number of threads. No iterations: no chunk, one worker.
public struct ChunkRunner: Sendable {
    public let iterations: Int
    public let seed: UInt64
    public let chunkSize: Int
    public let chunks: Int
    /// Worker threads that `run` starts.
    public let workers: Int

    /// One chunk: its number, its first iteration, its number of iterations and its seed.
    public struct Chunk: Sendable {
        public let index: Int
        public let offset: Int
        public let count: Int
        public let seed: UInt32

        /// The chunk's own generator.
        public func stream() -> RandomStream { RandomStream(seed: seed) }
    }

    public init(iterations: Int, seed: UInt64, threads: Int, chunkSize: Int = Plan.chunkSize) {
        self.iterations = max(0, iterations)
        self.seed = seed
        self.chunkSize = chunkSize
        chunks = (self.iterations + chunkSize - 1) / chunkSize
        workers = min(max(1, threads == 0 ? Engine.defaultThreads : threads), max(chunks, 1))
    }

    /// Chunk `c` of the layout.
    public func chunk(_ c: Int) -> Chunk {
        let offset = c * chunkSize
        return Chunk(
            index: c, offset: offset, count: min(chunkSize, iterations - offset),
            seed: SeedMix.chunkSeed(master: seed, chunk: c))
    }

    /// Runs `worker` on `workers` threads at once and returns when all have returned. Each
    /// worker sets itself up, calls `next` for chunks until it returns nil, and tidies up; every
    /// chunk is given to exactly one worker.
    public func run(from first: Int = 0, _ worker: @Sendable (_ next: () -> Chunk?) -> Void) {
        let taken = Atomic<Int>(first)
        let chunks = self.chunks
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            worker {
                let c = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                return c < chunks ? chunk(c) : nil
            }
        }
    }
}
