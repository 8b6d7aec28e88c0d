/// Checks a correlation matrix and, if it is not positive semi-definite, repairs it to the
/// nearest correlation matrix in the Frobenius norm (Higham 2002, "Computing the nearest
/// correlation matrix", alternating projections with Dykstra's correction):
///
///     ΔS₀ = 0, Y₀ = A
///     repeat:  R = Y − ΔS;  X = P_S(R);  ΔS = X − R;  Y = P_U(X)
///
/// where P_S clips negative eigenvalues to 0 (Jacobi eigen-decomposition) and P_U sets the
/// diagonal to 1, until the relative changes of X and Y and the gap ‖Y − X‖ are all below
/// `tolerance` (relative to ‖Y‖_F). The result is then nudged to be positive definite
/// (eigenvalues ≥ 1e-10, rescaled to a unit diagonal: D^{-1/2} X D^{-1/2}) so that Cholesky
/// factorisation succeeds. The caller reports `changes` ("ρ(a, b) changed from 0.9 to
/// 0.87") and may refuse when `largestChange` is large (say > 0.05).
public enum NearestCorrelation {
    /// One off-diagonal entry (row < column) changed by the repair.
    public struct Change: Sendable, Hashable {
        public let row: Int
        public let column: Int
        public let from: Double
        public let to: Double
        public var magnitude: Double { abs(to - from) }
    }

    /// The outcome of `repair`.
    public struct Result: Sendable, Hashable {
        /// The matrix to use: the input when it was already positive semi-definite.
        public let matrix: CorrelationMatrix
        /// Whether the input was positive semi-definite (smallest eigenvalue ≥ −1e-12).
        public let wasPositiveSemidefinite: Bool
        /// The smallest eigenvalue of the input.
        public let smallestEigenvalue: Double
        /// max |repaired − input| over all entries (0 when nothing changed).
        public let largestChange: Double
        /// Off-diagonal entries that changed by more than 1e-9, largest change first.
        public let changes: [Change]
        /// Alternating-projection iterations used (0 when nothing changed).
        public let iterations: Int
    }

    /// The smallest eigenvalue of a symmetric matrix.
    public static func smallestEigenvalue(_ m: CorrelationMatrix) -> Double {
        DenseLinearAlgebra.symmetricEigen(m.entries, size: m.size).values.min() ?? 0
    }

    /// The nearby positive definite correlation matrix used where a Cholesky factor is
    /// needed: eigenvalues raised to at least 1e-10, then rescaled to a unit diagonal
    /// (D^{-1/2} X D^{-1/2}). Entries move by about 1e-10 (a perfect correlation of 1 becomes
    /// 1 − 1e-10 or so).
    public static func positiveDefinite(_ m: CorrelationMatrix) -> CorrelationMatrix {
        let k = m.size
        var z = DenseLinearAlgebra.clipEigenvalues(m.entries, size: k, floor: 1e-10)
        let d = (0..<k).map { 1 / z[$0 * k + $0].squareRoot() }
        for i in 0..<k { for j in 0..<k { z[i * k + j] *= d[i] * d[j] } }
        for i in 0..<k { z[i * k + i] = 1 }
        return CorrelationMatrix(size: k, entries: z) ?? m
    }

    /// Validates `m` (throws its structural problem), then returns it unchanged when positive
    /// semi-definite or repaired otherwise.
    public static func repair(
        _ m: CorrelationMatrix, tolerance: Double = 1e-10, maximumIterations: Int = 20_000
    ) throws(CorrelationError) -> Result {
        if let problem = m.problem() { throw problem }
        let k = m.size
        let smallest = smallestEigenvalue(m)
        if smallest >= -1e-12 {
            return Result(
                matrix: m, wasPositiveSemidefinite: true, smallestEigenvalue: smallest,
                largestChange: 0, changes: [], iterations: 0)
        }
        func norm(_ a: [Double]) -> Double { a.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        func difference(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        var y = m.entries
        var x = y
        var correction = [Double](repeating: 0, count: k * k)
        var iterations = 0
        var converged = false
        while iterations < maximumIterations {
            iterations += 1
            let r = zip(y, correction).map { $0 - $1 }
            let xNew = DenseLinearAlgebra.clipEigenvalues(r, size: k, floor: 0)
            correction = zip(xNew, r).map { $0 - $1 }
            var yNew = xNew
            for i in 0..<k { yNew[i * k + i] = 1 }
            let scale = Swift.max(norm(yNew), 1)
            let dx = difference(xNew, x) / scale, dy = difference(yNew, y) / scale
            let gap = difference(yNew, xNew) / scale
            x = xNew
            y = yNew
            if Swift.max(dx, dy, gap) <= tolerance {
                converged = true
                break
            }
        }
        if !converged { throw .repairDidNotConverge(iterations: iterations) }
        let repaired = positiveDefinite(CorrelationMatrix(size: k, entries: y) ?? m)
        var changes: [Change] = []
        var largest = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let delta = abs(repaired[i, j] - m[i, j])
                largest = Swift.max(largest, delta)
                if j > i && delta > 1e-9 {
                    changes.append(Change(row: i, column: j, from: m[i, j], to: repaired[i, j]))
                }
            }
        }
        changes.sort { ($0.magnitude, $1.row, $1.column) > ($1.magnitude, $0.row, $0.column) }
        return Result(
            matrix: repaired, wasPositiveSemidefinite: false, smallestEigenvalue: smallest,
            largestChange: largest, changes: changes, iterations: iterations)
    }
}
