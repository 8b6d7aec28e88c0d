/// Small dense symmetric linear algebra (k ≤ 50): Cholesky factors and Jacobi eigen-
/// decompositions, on row-major [Double] of k × k entries.
public enum DenseLinearAlgebra {
    /// The lower-triangular L with A = L Lᵀ, or nil when A is not (numerically) positive
    /// definite: a pivot A_jj − Σ_{m<j} L_jm² ≤ `minimumPivot`.
    ///
    ///     L_jj = √(A_jj − Σ_{m<j} L_jm²),   L_ij = (A_ij − Σ_{m<j} L_im L_jm) / L_jj  (i > j)
    public static func cholesky(_ a: [Double], size k: Int, minimumPivot: Double = 1e-14) -> [Double]? {
        guard k >= 0, a.count == k * k else { return nil }
        var l = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            var d = a[j * k + j]
            for m in 0..<j { d -= l[j * k + m] * l[j * k + m] }
            guard d > minimumPivot, d.isFinite else { return nil }
            let pivot = d.squareRoot()
            l[j * k + j] = pivot
            for i in (j + 1)..<Swift.max(j + 1, k) {
                var s = a[i * k + j]
                for m in 0..<j { s -= l[i * k + m] * l[j * k + m] }
                l[i * k + j] = s / pivot
            }
        }
        return l
    }

    /// The inverse of a lower-triangular matrix with a non-zero diagonal (forward
    /// substitution on the identity); lower-triangular itself.
    public static func invertLower(_ l: [Double], size k: Int) -> [Double] {
        var inv = [Double](repeating: 0, count: k * k)
        for c in 0..<k {
            // Solve L x = e_c; x_i = 0 for i < c.
            for i in c..<k {
                var s = i == c ? 1.0 : 0.0
                for m in c..<i { s -= l[i * k + m] * inv[m * k + c] }
                inv[i * k + c] = s / l[i * k + i]
            }
        }
        return inv
    }

    /// C = A B for k × k matrices.
    public static func multiply(_ a: [Double], _ b: [Double], size k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for m in 0..<k {
                let aim = a[i * k + m]
                if aim == 0 { continue }
                for j in 0..<k { c[i * k + j] += aim * b[m * k + j] }
            }
        }
        return c
    }

    /// Eigenvalues λ and orthonormal eigenvectors V (column c of the row-major V belongs to
    /// λ_c) of a symmetric matrix, A = V diag(λ) Vᵀ, by the cyclic Jacobi method: sweep over
    /// all pairs p < q, zeroing A_pq with the rotation t = sgn(θ)/(|θ| + √(θ² + 1)),
    /// θ = (A_qq − A_pp)/(2 A_pq), c = 1/√(t² + 1), s = t c, until the off-diagonal mass is
    /// below (1e-15)² of the total (at most 100 sweeps).
    public static func symmetricEigen(_ a: [Double], size k: Int) -> (values: [Double], vectors: [Double]) {
        guard k > 0, a.count == k * k else { return ([], []) }
        var m = a
        var v = [Double](repeating: 0, count: k * k)
        for i in 0..<k { v[i * k + i] = 1 }
        let total = m.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<k { for q in 0..<k where q != p { off += m[p * k + q] * m[p * k + q] } }
            if off <= 1e-30 * total || off == 0 { break }
            for p in 0..<(k - 1) {
                for q in (p + 1)..<k {
                    let apq = m[p * k + q]
                    if apq == 0 { continue }
                    let theta = (m[q * k + q] - m[p * k + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for r in 0..<k {  // columns p, q: M J
                        let x = m[r * k + p], y = m[r * k + q]
                        m[r * k + p] = c * x - s * y
                        m[r * k + q] = s * x + c * y
                    }
                    for r in 0..<k {  // rows p, q: Jᵀ M
                        let x = m[p * k + r], y = m[q * k + r]
                        m[p * k + r] = c * x - s * y
                        m[q * k + r] = s * x + c * y
                    }
                    m[p * k + q] = 0
                    m[q * k + p] = 0
                    for r in 0..<k {  // V J
                        let x = v[r * k + p], y = v[r * k + q]
                        v[r * k + p] = c * x - s * y
                        v[r * k + q] = s * x + c * y
                    }
                }
            }
        }
        return ((0..<k).map { m[$0 * k + $0] }, v)
    }

    /// V diag(max(λ, floor)) Vᵀ: the projection onto matrices with eigenvalues ≥ floor.
    public static func clipEigenvalues(_ a: [Double], size k: Int, floor: Double) -> [Double] {
        let (values, v) = symmetricEigen(a, size: k)
        var out = [Double](repeating: 0, count: k * k)
        for c in 0..<k {
            let lambda = Swift.max(values[c], floor)
            if lambda == 0 { continue }
            for i in 0..<k {
                let vi = v[i * k + c] * lambda
                if vi == 0 { continue }
                for j in 0..<k { out[i * k + j] += vi * v[j * k + c] }
            }
        }
        // Restore exact symmetry lost to rounding.
        for i in 0..<k {
            for j in (i + 1)..<Swift.max(i + 1, k) {
                let s = 0.5 * (out[i * k + j] + out[j * k + i])
                out[i * k + j] = s
                out[j * k + i] = s
            }
        }
        return out
    }
}
