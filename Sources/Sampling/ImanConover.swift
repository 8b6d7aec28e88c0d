import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rank correlation between inputs by reordering their draws (Iman & Conover 1982), with
/// the correction for the scores' own sample correlation.
///
/// Given k columns of n draws, each already sampled from its exact marginal, and a target
/// rank (Spearman) correlation matrix C:
/// 1. The Pearson target for normal scores is C*_ij = 2 sin(π C_ij / 6) (for a bivariate
///    normal, Spearman ρ_s = (6/π) arcsin(ρ/2)); it is repaired by `NearestCorrelation` in
///    the rare case it is not positive semi-definite, and nudged to positive definite when it
///    is only semi-definite (a correlation of exactly ±1).
/// 2. Scores: the van der Waerden scores a_i = Φ⁻¹(i/(n + 1)), i = 1 ... n, standardised;
///    column j of S is an independent random permutation of them (Fisher–Yates on the stream).
/// 3. With E the sample correlation of S, E = F Fᵀ and C* = P Pᵀ (Cholesky), T = S (P F⁻¹)ᵀ
///    has sample correlation exactly C* (if E is not positive definite, T = S Pᵀ).
/// 4. Each input column is rearranged to have the ranks of T's column: the draw of rank m
///    goes to the row where T's column has rank m (ties broken by row, so the result is
///    deterministic). Every column keeps exactly its values.
public struct ImanConoverPlan: Sendable {
    /// n, the draws per column.
    public let rows: Int
    /// k, the number of columns.
    public let columns: Int
    /// The target rank correlation, as given.
    public let rankTarget: CorrelationMatrix
    /// The Pearson correlation imposed on the normal scores, 2 sin(π C / 6), repaired if need be.
    public let scoreTarget: CorrelationMatrix
    /// The largest entry change made by the repair of `scoreTarget` (0 almost always).
    public let scoreTargetRepair: Double
    let scores: [Double]
    let targetFactor: [Double]

    /// Prepares the scores and factors for n rows; reuse the plan for every chunk of n rows.
    public init(rows n: Int, rankCorrelation target: CorrelationMatrix) throws(ImanConoverError) {
        if let problem = target.problem() { throw .invalidTarget(problem) }
        let k = target.size
        guard n > k, k > 0 else { throw .tooFewRows(rows: n, columns: k) }
        GSLRuntime.configure()
        var pearson = target
        for i in 0..<k { for j in 0..<k where i != j { pearson[i, j] = 2 * sin(Double.pi * target[i, j] / 6) } }
        var repairSize = 0.0
        var factor = DenseLinearAlgebra.cholesky(pearson.entries, size: k)
        if factor == nil {
            let repaired: NearestCorrelation.Result
            do { repaired = try NearestCorrelation.repair(pearson) } catch { throw .invalidTarget(error) }
            repairSize = repaired.largestChange
            pearson = repaired.matrix
            factor = DenseLinearAlgebra.cholesky(pearson.entries, size: k)
            if factor == nil {  // semi-definite, e.g. a perfect correlation of 1
                pearson = NearestCorrelation.positiveDefinite(pearson)
                factor = DenseLinearAlgebra.cholesky(pearson.entries, size: k, minimumPivot: 0)
            }
        }
        guard let factor else { throw .targetNotPositiveDefinite }
        var scores = (1...n).map { gsl_cdf_ugaussian_Pinv(Double($0) / Double(n + 1)) }
        let mean = scores.reduce(0, +) / Double(n)
        let sd = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        for i in 0..<n { scores[i] = (scores[i] - mean) / sd }
        self.rows = n
        self.columns = k
        self.rankTarget = target
        self.scoreTarget = pearson
        self.scoreTargetRepair = repairSize
        self.scores = scores
        self.targetFactor = factor
    }

    /// Reorders each of the k columns (each exactly `rows` long) in place.
    public func apply(to data: [UnsafeMutableBufferPointer<Double>], stream: RandomStream) throws(ImanConoverError) {
        guard data.count == columns else { throw .wrongColumnCount(expected: columns, got: data.count) }
        for column in data where column.count != rows {
            throw .wrongColumnLength(expected: rows, got: column.count)
        }
        let n = rows, k = columns
        let r = stream.pointer
        // S, column-major: column j holds the scores in the order of a random permutation perm_j
        // (Fisher–Yates, with Lemire's exactly uniform bounded integers when the generator has
        // the full 32-bit range): S[i, j] = scores[perm_j(i)].
        var s = [Double](repeating: 0, count: n * k)
        var permutation = [Int32](repeating: 0, count: n)
        for j in 0..<k {
            for i in 0..<n { permutation[i] = Int32(i) }
            let fullRange = gsl_rng_min(r) == 0 && gsl_rng_max(r) == 0xFFFF_FFFF
            for i in stride(from: n - 1, through: 1, by: -1) {
                let m = fullRange ? Int(cgsl_bounded32(r, UInt32(i + 1))) : Int(gsl_rng_uniform_int(r, UInt(i + 1)))
                permutation.swapAt(i, m)
            }
            for i in 0..<n { s[j * n + i] = scores[Int(permutation[i])] }
        }
        // E, the sample correlation of S (every column has mean 0 and variance 1 up to rounding).
        var e = [Double](repeating: 0, count: k * k)
        var means = [Double](repeating: 0, count: k)
        for j in 0..<k { means[j] = s[(j * n)..<((j + 1) * n)].reduce(0, +) / Double(n) }
        for a in 0..<k {
            for b in a..<k {
                var sum = 0.0
                for i in 0..<n { sum += (s[a * n + i] - means[a]) * (s[b * n + i] - means[b]) }
                e[a * k + b] = sum
                e[b * k + a] = sum
            }
        }
        let d = (0..<k).map { 1 / e[$0 * k + $0].squareRoot() }
        for a in 0..<k { for b in 0..<k { e[a * k + b] *= d[a] * d[b] } }
        // M = P F⁻¹ (lower triangular); T = S Mᵀ, column j = Σ_{l ≤ j} M_jl S_l.
        let transform: [Double]
        if let f = DenseLinearAlgebra.cholesky(e, size: k) {
            transform = DenseLinearAlgebra.multiply(targetFactor, DenseLinearAlgebra.invertLower(f, size: k), size: k)
        } else {
            transform = targetFactor
        }
        // Rank-match each column to T's column j: the draw of rank m goes to the row where T has
        // rank m (ties by row). Both orders come from a stable radix argsort.
        var t = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var valueOrder = [Int32](repeating: 0, count: n)
        var sorted = [Double](repeating: 0, count: n)
        var keys = [UInt64](repeating: 0, count: 2 * n)
        var scratch = [Int32](repeating: 0, count: n)
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let k0 = keys.baseAddress!, k1 = keys.baseAddress! + n, sc = scratch.baseAddress!
                for j in 0..<k {
                    for i in 0..<n { t[i] = 0 }
                    for l in 0...j {
                        let weight = transform[j * k + l]
                        if weight == 0 { continue }
                        for i in 0..<n { t[i] += weight * s[l * n + i] }
                    }
                    let column = data[j]
                    guard let base = column.baseAddress else { continue }
                    t.withUnsafeBufferPointer { tb in
                        order.withUnsafeMutableBufferPointer { ob in
                            RadixArgsort.argsort(
                                tb.baseAddress!, count: n, into: ob.baseAddress!, keys: k0,
                                scratchKeys: k1, scratchOrder: sc)
                        }
                    }
                    valueOrder.withUnsafeMutableBufferPointer { vb in
                        RadixArgsort.argsort(
                            base, count: n, into: vb.baseAddress!, keys: k0, scratchKeys: k1,
                            scratchOrder: sc)
                    }
                    for m in 0..<n { sorted[m] = base[Int(valueOrder[m])] }
                    for m in 0..<n { base[Int(order[m])] = sorted[m] }
                }
            }
        }
    }

    /// Reorders `data` (k arrays of `rows` draws) in place; unchanged when it throws.
    public func apply(to data: inout [[Double]], stream: RandomStream) throws(ImanConoverError) {
        guard data.count == columns else { throw .wrongColumnCount(expected: columns, got: data.count) }
        let buffers = data.map { column -> UnsafeMutableBufferPointer<Double> in
            let p = UnsafeMutableBufferPointer<Double>.allocate(capacity: column.count)
            _ = p.initialize(from: column)
            return p
        }
        defer { for p in buffers { p.deallocate() } }
        try apply(to: buffers, stream: stream)
        data = buffers.map { Array($0) }
    }
}

/// Why an Iman–Conover reordering cannot be done.
public enum ImanConoverError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidTarget(CorrelationError)
    case tooFewRows(rows: Int, columns: Int)
    case targetNotPositiveDefinite
    case wrongColumnCount(expected: Int, got: Int)
    case wrongColumnLength(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .invalidTarget(let e): return "invalid rank correlation matrix: \(e)"
        case .tooFewRows(let n, let k):
            return "\(n) draws are too few to correlate \(k) inputs (need more draws than inputs)"
        case .targetNotPositiveDefinite: return "the rank correlation matrix is not positive definite"
        case .wrongColumnCount(let e, let g): return "expected \(e) columns, got \(g)"
        case .wrongColumnLength(let e, let g): return "expected columns of \(e) draws, got \(g)"
        }
    }
}
