import Sampling
import TestSupport
import XCTest

final class CorrelationTests: XCTestCase {
    static let target = CorrelationMatrix(size: 3, pairs: [(0, 1, 0.6), (0, 2, -0.3), (1, 2, 0.2)])

    /// Iman–Conover at n = 100,000: achieved Spearman within 0.02 of the target (the sampling
    /// se of a rank correlation is about (1 − ρ²)/√n ≤ 0.0032, so 0.02 leaves room for the
    /// method's own approximation), and every column keeps exactly its values.
    func testRankCorrelationIsImposedAndMarginalsKept() throws {
        let n = 100_000
        let stream = RandomStream(seed: 1_234)
        let specs: [DistributionSpec] = [
            .pert(min: 4.3e6, mode: 4.8e6, max: 5.6e6), .lognormal(median: 100, p95: 300), .poisson(mean: 4)
        ]
        var columns = specs.map { spec -> [Double] in
            var x = [Double](repeating: 0, count: n)
            x.withUnsafeMutableBufferPointer { spec.fill($0, stream: stream) }
            return x
        }
        let before = columns
        let plan = try ImanConoverPlan(rows: n, rankCorrelation: Self.target)
        XCTAssertEqual(plan.scoreTargetRepair, 0)
        try plan.apply(to: &columns, stream: stream)
        for j in 0..<3 {
            XCTAssertEqual(columns[j].sorted(), before[j].sorted(), "column \(j) values changed")
            XCTAssertNotEqual(columns[j], before[j])
        }
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let rho = spearman(columns[i], columns[j])
            XCTAssertEqual(rho, Self.target[i, j], accuracy: 0.02, "ρ(\(i), \(j))")
        }
    }

    /// The same stream state gives the same reordering; a different one another.
    func testDeterministicGivenTheStream() throws {
        let n = 2_000
        let plan = try ImanConoverPlan(rows: n, rankCorrelation: Self.target)
        func run(_ seed: UInt32) throws -> [[Double]] {
            let stream = RandomStream(seed: seed)
            var columns = (0..<3).map { _ in LatinHypercube.column(count: n, stream: stream) }
            try plan.apply(to: &columns, stream: stream)
            return columns
        }
        XCTAssertEqual(try run(3), try run(3))
        XCTAssertNotEqual(try run(3), try run(4))
    }

    /// Strong correlation (0.95) and the identity (no correlation) on small chunks.
    func testExtremeTargetsOnSmallChunks() throws {
        let n = 4_096
        let stream = RandomStream(seed: 10)
        for rho in [0.95, -0.95, 0.0] {
            let target = CorrelationMatrix(size: 2, pairs: [(0, 1, rho)])
            var columns = (0..<2).map { _ in LatinHypercube.column(count: n, stream: stream) }
            try ImanConoverPlan(rows: n, rankCorrelation: target).apply(to: &columns, stream: stream)
            // With the T correction the score correlation is exact; what remains is the
            // normal-score-to-rank step, well within 0.02 at this n.
            XCTAssertEqual(spearman(columns[0], columns[1]), rho, accuracy: 0.02, "ρ = \(rho)")
        }
    }

    /// A perfect rank correlation (semi-definite target) is honoured almost exactly.
    func testPerfectCorrelation() throws {
        let n = 5_000
        let stream = RandomStream(seed: 12)
        let target = CorrelationMatrix(size: 3, pairs: [(0, 1, 1), (0, 2, 0.5), (1, 2, 0.5)])
        var columns = (0..<3).map { _ in LatinHypercube.column(count: n, stream: stream) }
        try ImanConoverPlan(rows: n, rankCorrelation: target).apply(to: &columns, stream: stream)
        XCTAssertGreaterThan(spearman(columns[0], columns[1]), 0.9999)
        // 5 × the se of a rank correlation from independent draws, (1 − ρ²)/√n ≈ 0.0106.
        XCTAssertEqual(spearman(columns[0], columns[2]), 0.5, accuracy: 0.053)
    }

    func testImanConoverRefusesBadInput() {
        XCTAssertThrowsError(try ImanConoverPlan(rows: 2, rankCorrelation: Self.target))
        let asymmetric = CorrelationMatrix(rows: [[1, 0.5], [0.4, 1]])!
        XCTAssertThrowsError(try ImanConoverPlan(rows: 100, rankCorrelation: asymmetric))
        let outOfRange = CorrelationMatrix(size: 2, pairs: [(0, 1, 1.5)])
        XCTAssertThrowsError(try ImanConoverPlan(rows: 100, rankCorrelation: outOfRange))
        guard let plan = try? ImanConoverPlan(rows: 10, rankCorrelation: Self.target) else {
            return XCTFail("plan")
        }
        var wrongCount: [[Double]] = [[Double](repeating: 1, count: 10)]
        XCTAssertThrowsError(try plan.apply(to: &wrongCount, stream: RandomStream(seed: 1)))
        var wrongLength = [[Double]](repeating: [1, 2, 3], count: 3)
        XCTAssertThrowsError(try plan.apply(to: &wrongLength, stream: RandomStream(seed: 1)))
        XCTAssertEqual(wrongLength, [[Double]](repeating: [1, 2, 3], count: 3))
    }

    /// A rank target that is not positive semi-definite is repaired on the way.
    func testNonPositiveTargetIsRepairedInThePlan() throws {
        let target = CorrelationMatrix(size: 3, pairs: [(0, 1, 0.9), (0, 2, 0.9), (1, 2, -0.9)])
        let plan = try ImanConoverPlan(rows: 1_000, rankCorrelation: target)
        XCTAssertGreaterThan(plan.scoreTargetRepair, 0.05)
        XCTAssertGreaterThanOrEqual(NearestCorrelation.smallestEigenvalue(plan.scoreTarget), 0)
    }

    /// Higham (2002)'s example: the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]]
    /// has off-diagonal entries 0.7607, 0.1573, 0.7607 (to four decimals).
    func testHighamExample() throws {
        let a = CorrelationMatrix(rows: [[1, 1, 0], [1, 1, 1], [0, 1, 1]])!
        XCTAssertLessThan(NearestCorrelation.smallestEigenvalue(a), 0)
        let result = try NearestCorrelation.repair(a)
        XCTAssertFalse(result.wasPositiveSemidefinite)
        XCTAssertEqual(result.matrix[0, 1], 0.7607, accuracy: 1e-4)
        XCTAssertEqual(result.matrix[1, 2], 0.7607, accuracy: 1e-4)
        XCTAssertEqual(result.matrix[0, 2], 0.1573, accuracy: 1e-4)
        XCTAssertEqual(result.largestChange, 1 - 0.7607, accuracy: 1e-4)
        XCTAssertEqual(result.changes.count, 3)
        XCTAssertEqual(result.changes.first?.magnitude ?? 0, result.largestChange, accuracy: 1e-15)
        XCTAssertGreaterThan(NearestCorrelation.smallestEigenvalue(result.matrix), 0)
        XCTAssertNil(result.matrix.problem())
        XCTAssertNotNil(DenseLinearAlgebra.cholesky(result.matrix.entries, size: 3))
    }

    /// A scenario-like case: a small inconsistency is repaired with a small, reported change.
    func testSmallInconsistencyGivesSmallReportedChange() throws {
        let a = CorrelationMatrix(size: 3, pairs: [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.45)])
        let result = try NearestCorrelation.repair(a)
        XCTAssertFalse(result.wasPositiveSemidefinite)
        XCTAssertGreaterThan(result.largestChange, 0.001)
        XCTAssertLessThan(result.largestChange, 0.05)
        XCTAssertGreaterThan(NearestCorrelation.smallestEigenvalue(result.matrix), 0)
        for change in result.changes {
            XCTAssertEqual(change.from, a[change.row, change.column])
            XCTAssertEqual(change.to, result.matrix[change.row, change.column])
        }
    }

    func testPositiveSemidefiniteInputIsUnchanged() throws {
        let result = try NearestCorrelation.repair(Self.target)
        XCTAssertTrue(result.wasPositiveSemidefinite)
        XCTAssertEqual(result.matrix, Self.target)
        XCTAssertEqual(result.largestChange, 0)
        XCTAssertTrue(result.changes.isEmpty)
        // Perfect correlation is semi-definite, hence accepted as it is.
        let perfect = CorrelationMatrix(size: 2, pairs: [(0, 1, 1)])
        XCTAssertTrue(try NearestCorrelation.repair(perfect).wasPositiveSemidefinite)
    }

    func testStructuralProblemsAreRefused() {
        XCTAssertThrowsError(try NearestCorrelation.repair(CorrelationMatrix(rows: [[1, 0.3], [0.2, 1]])!)) {
            XCTAssertEqual($0 as? CorrelationError, .notSymmetric(row: 0, column: 1, value: 0.3, mirror: 0.2))
        }
        XCTAssertThrowsError(try NearestCorrelation.repair(CorrelationMatrix(rows: [[2, 0], [0, 1]])!))
        XCTAssertThrowsError(try NearestCorrelation.repair(CorrelationMatrix(size: 2, pairs: [(0, 1, -1.2)])))
        XCTAssertThrowsError(try NearestCorrelation.repair(CorrelationMatrix(size: 2, pairs: [(0, 1, .nan)])))
        XCTAssertNil(CorrelationMatrix(rows: [[1, 0], [0]]))
        XCTAssertNil(CorrelationMatrix(size: 2, entries: [1, 0, 0]))
    }

    /// Jacobi: A = V diag(λ) Vᵀ with V orthonormal; known eigenvalues of [[2,1],[1,2]] are 1, 3.
    func testJacobiAndCholesky() {
        let (values, _) = DenseLinearAlgebra.symmetricEigen([2, 1, 1, 2], size: 2)
        XCTAssertEqual(values.sorted()[0], 1, accuracy: 1e-14)
        XCTAssertEqual(values.sorted()[1], 3, accuracy: 1e-14)
        let k = 6
        var a = [Double](repeating: 0, count: k * k)
        for i in 0..<k { for j in 0..<k { a[i * k + j] = 1 / Double(i + j + 1) + (i == j ? 1 : 0) } }
        let (lambda, v) = DenseLinearAlgebra.symmetricEigen(a, size: k)
        for i in 0..<k {
            for j in 0..<k {
                var rebuilt = 0.0, identity = 0.0
                for c in 0..<k {
                    rebuilt += v[i * k + c] * lambda[c] * v[j * k + c]
                    identity += v[c * k + i] * v[c * k + j]
                }
                XCTAssertEqual(rebuilt, a[i * k + j], accuracy: 1e-13)
                XCTAssertEqual(identity, i == j ? 1 : 0, accuracy: 1e-13)
            }
        }
        guard let l = DenseLinearAlgebra.cholesky(a, size: k) else { return XCTFail("positive definite") }
        let product = DenseLinearAlgebra.multiply(l, (0..<(k * k)).map { l[($0 % k) * k + $0 / k] }, size: k)
        for (x, y) in zip(product, a) { XCTAssertEqual(x, y, accuracy: 1e-14) }
        let inverse = DenseLinearAlgebra.invertLower(l, size: k)
        let one = DenseLinearAlgebra.multiply(l, inverse, size: k)
        for i in 0..<k { for j in 0..<k { XCTAssertEqual(one[i * k + j], i == j ? 1 : 0, accuracy: 1e-13) } }
        XCTAssertNil(DenseLinearAlgebra.cholesky([1, 2, 2, 1], size: 2))
    }
}
