import CGSL

/// One stream of pseudo-random numbers: a GSL generator (`gsl_rng`) owned by this object.
///
/// A stream is deliberately not `Sendable`: the engine creates one per chunk of iterations,
/// inside the task that runs the chunk, seeded with `SeedMix.chunkSeed(master:chunk:)`, so the
/// numbers drawn never depend on the number of threads. Samplers reach the generator through
/// `pointer` and call GSL's `gsl_ran_*` functions on it.
public final class RandomStream {
    /// The GSL generator algorithms this tool may use.
    public enum Generator: String, Sendable, CaseIterable {
        /// Mersenne Twister MT19937 (GSL's default); the seed's low 32 bits, 0 read as 4357.
        case mt19937
        /// RANLUX at luxury level 2, double precision (slow, strongly decorrelated).
        case ranlxd2
        /// Tausworthe generator of L'Ecuyer (fast, small state).
        case taus2

        var gslType: UnsafePointer<gsl_rng_type> {
            switch self {
            case .mt19937: return cgsl_rng_mt19937()
            case .ranlxd2: return cgsl_rng_ranlxd2()
            case .taus2: return cgsl_rng_taus2()
            }
        }
    }

    /// The GSL generator. Valid for the lifetime of this object; never free it.
    public let pointer: UnsafeMutablePointer<gsl_rng>
    /// GSL's name of the algorithm, e.g. "mt19937".
    public let generatorName: String
    /// The algorithm.
    public let generator: Generator
    /// The seed given at creation or at the last `reseed(_:)`.
    public private(set) var seed: UInt32

    /// Creates a generator seeded with `seed` (`gsl_rng_set`).
    public init(seed: UInt32, generator: Generator = .mt19937) {
        GSLRuntime.configure()
        guard let rng = gsl_rng_alloc(generator.gslType) else {
            // A few kilobytes could not be allocated: nothing sensible can follow.
            fatalError("out of memory allocating a GSL random number generator")
        }
        gsl_rng_set(rng, UInt(seed))
        self.pointer = rng
        self.generator = generator
        self.generatorName = String(cString: gsl_rng_name(rng))
        self.seed = seed
    }

    deinit { gsl_rng_free(pointer) }

    /// Restarts the stream from `seed`.
    public func reseed(_ seed: UInt32) {
        gsl_rng_set(pointer, UInt(seed))
        self.seed = seed
    }

    /// A uniform draw in the open interval (0, 1) (`gsl_rng_uniform_pos`).
    @inlinable @inline(__always)
    public func uniform() -> Double { cgsl_uniform_pos(pointer) }

    /// A uniform draw in [0, 1) (`gsl_rng_uniform`).
    @inlinable @inline(__always)
    public func uniformHalfOpen() -> Double { cgsl_uniform(pointer) }

    /// A uniform integer in 0 ..< n (`gsl_rng_uniform_int`, unbiased by rejection).
    /// `n` must be in 1 ... 2^32 for mt19937; outside that range the result is 0.
    @inlinable
    public func uniformInt(below n: Int) -> Int {
        guard n > 1, UInt(n) <= gsl_rng_max(pointer) - gsl_rng_min(pointer) + 1 else { return 0 }
        return Int(gsl_rng_uniform_int(pointer, UInt(n)))
    }

    /// The raw 32-bit output of the generator (`gsl_rng_get`), for known-answer tests.
    public func rawNext() -> UInt { gsl_rng_get(pointer) }
}

/// A stream must stay inside the task that created it.
@available(*, unavailable)
extension RandomStream: Sendable {}
