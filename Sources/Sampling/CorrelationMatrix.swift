/// A k × k correlation matrix (row-major), as read from a scenario's `correlations:`.
///
/// Construction never traps: `problem` reports what is wrong (not square, not symmetric,
/// a diagonal entry other than 1, an entry outside [−1, 1] or not finite); positive
/// semi-definiteness is checked and repaired by `NearestCorrelation`.
public struct CorrelationMatrix: Sendable, Hashable {
    /// k, the number of variables.
    public let size: Int
    /// Row-major entries, size × size of them.
    public private(set) var entries: [Double]

    /// The identity (no correlation) of size k.
    public init(identity size: Int) {
        let k = Swift.max(size, 0)
        self.size = k
        var e = [Double](repeating: 0, count: k * k)
        for i in 0..<k { e[i * k + i] = 1 }
        self.entries = e
    }

    /// The identity with the given pairs set symmetrically (pairs out of range are ignored;
    /// check indices before). A pair on the diagonal sets that diagonal entry.
    public init(size: Int, pairs: [(Int, Int, Double)]) {
        self.init(identity: size)
        for (i, j, rho) in pairs where i >= 0 && j >= 0 && i < self.size && j < self.size {
            self[i, j] = rho
            self[j, i] = rho
        }
    }

    /// From rows; nil unless every row has as many entries as there are rows.
    public init?(rows: [[Double]]) {
        let k = rows.count
        guard rows.allSatisfy({ $0.count == k }) else { return nil }
        self.size = k
        self.entries = rows.flatMap { $0 }
    }

    /// From row-major entries; nil unless entries.count = size².
    public init?(size: Int, entries: [Double]) {
        guard size >= 0, entries.count == size * size else { return nil }
        self.size = size
        self.entries = entries
    }

    /// Entry (i, j); 0 ... size − 1 each (a precondition).
    public subscript(i: Int, j: Int) -> Double {
        get { entries[i * size + j] }
        set { entries[i * size + j] = newValue }
    }

    /// The rows, for printing.
    public var rows: [[Double]] {
        (0..<size).map { Array(entries[($0 * size)..<(($0 + 1) * size)]) }
    }

    /// The first structural problem, or nil. Symmetry and the unit diagonal are checked to
    /// within `tolerance`.
    public func problem(tolerance: Double = 1e-12) -> CorrelationError? {
        for i in 0..<size {
            for j in 0..<size {
                let v = self[i, j]
                if !v.isFinite { return .notFinite(row: i, column: j) }
                if i == j {
                    if abs(v - 1) > tolerance { return .diagonalNotOne(index: i, value: v) }
                } else {
                    if v < -1 || v > 1 { return .outOfRange(row: i, column: j, value: v) }
                    if abs(v - self[j, i]) > tolerance {
                        return .notSymmetric(row: i, column: j, value: v, mirror: self[j, i])
                    }
                }
            }
        }
        return nil
    }
}

/// What is wrong with a would-be correlation matrix.
public enum CorrelationError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFinite(row: Int, column: Int)
    case diagonalNotOne(index: Int, value: Double)
    case outOfRange(row: Int, column: Int, value: Double)
    case notSymmetric(row: Int, column: Int, value: Double, mirror: Double)
    /// The repair did not converge within its iteration limit.
    case repairDidNotConverge(iterations: Int)

    public var description: String {
        switch self {
        case .notFinite(let i, let j): return "correlation (\(i), \(j)) is not a finite number"
        case .diagonalNotOne(let i, let v): return "diagonal entry \(i) is \(v), not 1"
        case .outOfRange(let i, let j, let v): return "correlation (\(i), \(j)) = \(v) is outside -1 ... 1"
        case .notSymmetric(let i, let j, let v, let m):
            return "correlation (\(i), \(j)) = \(v) differs from (\(j), \(i)) = \(m)"
        case .repairDidNotConverge(let n):
            return "no nearest correlation matrix found within \(n) iterations"
        }
    }
}
