/// Seeds for the chunks of a run, derived from the scenario's master seed.
///
/// The engine splits a run into chunks of iterations and gives each chunk its own generator.
/// Seeding chunk `c` with the bare index would make neighbouring runs share streams (master 1,
/// chunk 2 = master 2, chunk 1 for any additive scheme) and would hand mt19937 the seed 0, which
/// it silently reads as 4357. So the seed is a bijective 32-bit mix:
///
///     key      = fold(master)       = low32(z) ^ high32(z),  z = splitmix64 finaliser of master
///     p(c)     = fmix32(key ^ (c · 0x9E3779B9 mod 2^32))
///     seed(c)  = p(c)              if p(c) != 0
///              = p(2^32 - 1)       if p(c) == 0
///
/// `fmix32` (MurmurHash3's finaliser: xor-shifts and odd multiplications) and `c ↦ c · odd`
/// and `x ↦ key ^ x` are all bijections of the 32-bit integers, so `p` is a bijection of the
/// chunk index for a fixed master. Exactly one index maps to 0; its seed is replaced by the
/// value of the one index that is never used, 2^32 - 1. Hence on the chunk indices
/// 0 ..< 2^32 - 1 (over four billion chunks) the seeds are pairwise distinct and never 0.
/// Indices are taken modulo 2^32.
public enum SeedMix {
    /// The splitmix64 finaliser (a bijection of 64-bit integers).
    @inlinable
    public static func mix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// MurmurHash3's 32-bit finaliser (a bijection of 32-bit integers, fmix32(0) = 0).
    @inlinable
    public static func fmix32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }

    /// The 32-bit key of a master seed: both halves of its splitmix64 mix, xored.
    @inlinable
    public static func fold(_ master: UInt64) -> UInt32 {
        let z = mix64(master)
        return UInt32(truncatingIfNeeded: z) ^ UInt32(truncatingIfNeeded: z >> 32)
    }

    @inlinable
    static func permute(_ key: UInt32, _ index: UInt32) -> UInt32 {
        fmix32(key ^ (index &* 0x9E37_79B9))
    }

    /// The generator seed of chunk `chunk` of a run with seed `master`: never 0, and distinct
    /// for distinct chunk indices in 0 ..< 2^32 - 1 (see the type's documentation).
    @inlinable
    public static func chunkSeed(master: UInt64, chunk: Int) -> UInt32 {
        let key = fold(master)
        let seed = permute(key, UInt32(truncatingIfNeeded: chunk))
        if seed != 0 { return seed }
        let spare = permute(key, UInt32.max)
        // spare == 0 only when chunk itself is the unused index 2^32 - 1.
        return spare != 0 ? spare : 1
    }
}
