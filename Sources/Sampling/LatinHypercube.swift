import CGSL

/// Latin hypercube sampling of uniforms.
///
/// For n draws of one input, u_i = (π(i) + U_i) / n with π a uniformly random permutation of
/// 0 ..< n and U_i independent U(0, 1): exactly one draw falls in each stratum [j/n, (j + 1)/n), and each
/// u_i is U(0, 1). Each input column gets its own permutation, so columns are independent;
/// feed the column to `DistributionSpec.fillQuantiles` for the input's marginal.
///
/// Rounding: the stratum bounds are taken as lo_j = fl(j/n) and hi_j = fl((j + 1)/n); since
/// rounding is monotone, fl((j + U)/n) ≥ lo_j, and the rare value that rounds up to hi_j is
/// replaced by the double just below it, so u_i lies in [lo_j, hi_j) and in (0, 1) always.
public enum LatinHypercube {
    /// Fills `buffer` (n = buffer.count) with one Latin hypercube column, consuming
    /// n − 1 integer draws (the permutation) then n uniforms from `stream`.
    ///
    /// With a generator of full 32-bit range (every one this tool offers) the column is made by
    /// `cgsl_latin_hypercube_fill` in C: the permutation by Lemire's exactly uniform bounded
    /// integers and U_i = (k + ½)/2³² from one raw 32-bit draw k, in one tight loop. Otherwise
    /// by `gsl_rng_uniform_int` and `gsl_rng_uniform_pos`.
    public static func fill(_ buffer: UnsafeMutableBufferPointer<Double>, stream: RandomStream) {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return }
        let n = buffer.count
        let r = stream.pointer
        if gsl_rng_min(r) == 0, gsl_rng_max(r) == 0xFFFF_FFFF, n < 1 << 32 {
            cgsl_latin_hypercube_fill(r, out, n)
            return
        }
        for i in 0..<n { out[i] = Double(i) }
        // Fisher–Yates: for i from n − 1 down to 1, swap slot i with a uniform slot in 0 ... i.
        if n > 1 {
            for i in stride(from: n - 1, through: 1, by: -1) {
                let j = Int(gsl_rng_uniform_int(r, UInt(i + 1)))
                let t = out[i]
                out[i] = out[j]
                out[j] = t
            }
        }
        let size = Double(n)
        for i in 0..<n {
            let stratum = out[i]
            let u = (stratum + cgsl_uniform_pos(r)) / size
            let ceiling = (stratum + 1) / size
            out[i] = u < ceiling ? u : ceiling.nextDown
        }
    }

    /// Fills `columns` consecutive columns of `rows` draws each (column-major: column c is
    /// buffer[c·rows ..< (c + 1)·rows]), each with its own permutation, in column order.
    /// Processes only whole columns that fit in `buffer`.
    public static func fill(
        _ buffer: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int, stream: RandomStream
    ) {
        guard rows > 0, columns > 0, let base = buffer.baseAddress else { return }
        let fitting = Swift.min(columns, buffer.count / rows)
        for c in 0..<fitting {
            fill(UnsafeMutableBufferPointer(start: base + c * rows, count: rows), stream: stream)
        }
    }

    /// A column of n Latin hypercube uniforms (allocates; for tests and small uses).
    public static func column(count n: Int, stream: RandomStream) -> [Double] {
        guard n > 0 else { return [] }
        var result = [Double](repeating: 0, count: n)
        result.withUnsafeMutableBufferPointer { fill($0, stream: stream) }
        return result
    }
}
