import Sampling

/// Spearman correlations of many inputs with a few targets, for the sensitivity analysis,
/// without holding every input's ranks at once, from exact integer sums.
///
/// Columns are held as doubled average ranks a_i = 2·rank_i (a_i = i + j + 2 for a run of ties
/// at sorted positions i ... j, an integer, so `UInt32` holds it exactly for any column shorter
/// than 2^31). They always sum to n(n + 1), so ā = n + 1 and, for two such columns a and b,
///
///     Σ (a_i - ā)(b_i - b̄) = Σ a_i b_i - n(n + 1)²,   Σ (a_i - ā)² = Σ a_i² - n(n + 1)²,
///
/// exactly, in integers. ρ = S_ab / √(S_aa · S_bb) (the factors 2 cancel) is then one rounding
/// of each exact sum to a double, a product, a square root and a division: within a few ulps of
/// `Correlation.spearman`, which adds the same terms in compensated floating point, and not
/// always bit for bit equal to it.
///
/// A target is ranked once (`RankedTarget`, 4 bytes an iteration, with its S_bb); an input is
/// ranked on its own (`Ranks.doubledRanks(_:in:)`) and correlated with every target it can move
/// in one pass over its ranks (`Correlation.spearman(doubledRanks:targets:)`).
public struct RankedTarget: Sendable {
    /// 2 · average rank per iteration.
    let doubledRanks: [UInt32]
    /// Σ (a_i - ā)² of the doubled ranks, exact.
    let squares: UInt128

    /// Ranks a NaN-free target (`Ranks.averageRanks`, doubled).
    ///
    /// - Complexity: O(n).
    public init(_ values: [Double]) {
        doubledRanks = Ranks.doubledRanks(values)
        squares = doubledRanks.withUnsafeBufferPointer { RankSums.centredSquares($0) }
    }

    public var count: Int { doubledRanks.count }
}

/// The exact integer sums behind `Correlation.spearman(doubledRanks:targets:)`.
enum RankSums {
    /// Rows summed in a `UInt64` before the sum moves to a `UInt128`: the most, up to 4096, whose
    /// products a_i·b_i ≤ (2n)² cannot overflow 64 bits (4096 for n < 2^25, fewer beyond).
    static func rowsPerBlock(_ n: Int) -> Int {
        let largest = UInt64(2 * n) * UInt64(2 * n)
        return Int(min(4096, max(1, UInt64.max / max(1, largest))))
    }

    /// n(n + 1)², the sum Σ a_i² and Σ a_i b_i exceed their centred forms by.
    static func offset(_ n: Int) -> UInt128 { UInt128(n) * UInt128(n + 1) * UInt128(n + 1) }

    /// Σ x_i y_i over rows start ..< end (at most `rowsPerBlock` of them), in wrapping
    /// arithmetic that cannot wrap, so that the loop vectorises.
    @inline(__always)
    static func dot(_ x: UnsafePointer<UInt32>, _ y: UnsafePointer<UInt32>, _ start: Int, _ end: Int) -> UInt64 {
        var s: UInt64 = 0
        for i in start..<end { s &+= UInt64(x[i]) &* UInt64(y[i]) }
        return s
    }

    /// Σ (a_i - ā)² = Σ a_i² - n(n + 1)² of doubled ranks, exact.
    static func centredSquares(_ a: UnsafeBufferPointer<UInt32>) -> UInt128 {
        let n = a.count
        guard n > 0 else { return 0 }
        let block = rowsPerBlock(n)
        var total: UInt128 = 0
        var start = 0
        while start < n {
            let end = min(start + block, n)
            total += UInt128(dot(a.baseAddress!, a.baseAddress!, start, end))
            start = end
        }
        return total - offset(n)
    }
}

extension Correlation {
    /// Spearman's ρ of an input, given as its doubled average ranks (`Ranks.doubledRanks`, of a
    /// NaN-free column, so that they sum to n(n + 1)), with each target, in the order of
    /// `targets`: ρ = S_ab / √(S_aa · S_bb) from exact integer sums (see `RankedTarget`),
    /// clamped to [-1, 1]. NaN when n < 2 or either column is constant (S = 0).
    ///
    /// - Complexity: O(n·k) for k targets, one pass over the input's ranks in blocks of up to
    ///   4096 rows, each block read from cache by every target.
    public static func spearman(doubledRanks x: UnsafeBufferPointer<UInt32>, targets: [RankedTarget]) -> [Double] {
        let n = x.count
        guard n >= 2, !targets.isEmpty else { return targets.map { _ in .nan } }
        precondition(targets.allSatisfy { $0.count == n }, "a target's length differs from the input's")
        let block = RankSums.rowsPerBlock(n)
        var sxx: UInt128 = 0
        var sxy = [UInt128](repeating: 0, count: targets.count)
        let columns = targets.map(\.doubledRanks)
        columns.withUnsafeBufferPointer { ys in
            var start = 0
            while start < n {
                let end = min(start + block, n)
                sxx += UInt128(RankSums.dot(x.baseAddress!, x.baseAddress!, start, end))
                for t in ys.indices {
                    ys[t].withUnsafeBufferPointer { y in
                        sxy[t] += UInt128(RankSums.dot(x.baseAddress!, y.baseAddress!, start, end))
                    }
                }
                start = end
            }
        }
        let offset = RankSums.offset(n)
        let sxxCentred = Double(sxx - offset)
        return targets.indices.map { t in
            let denominator = (sxxCentred * Double(targets[t].squares)).squareRoot()
            guard denominator > 0, denominator.isFinite else { return .nan }
            let r = Double(Int128(sxy[t]) - Int128(offset)) / denominator
            return r.isNaN ? .nan : min(1, max(-1, r))
        }
    }
}

extension Ranks {
    /// Writes a = start + end + 2 (2 · the average of ranks start+1 ... end+1) at `out[order[m]]`
    /// for each run of sorted positions start ... end holding equal values, where
    /// `equalsNext(m)` says whether sorted positions m and m + 1 hold equal values.
    @inline(__always)
    static func writeDoubledRanks(
        order: UnsafePointer<Int32>, count: Int, into out: UnsafeMutablePointer<UInt32>,
        equalsNext: (Int) -> Bool
    ) {
        var start = 0
        while start < count {
            var end = start
            while end + 1 < count, equalsNext(end) { end += 1 }
            let a = UInt32(truncatingIfNeeded: start + end + 2)
            for m in start...end { out[Int(order[m])] = a }
            start = end + 1
        }
    }

    /// 2 · `averageRanks(values)` of NaN-free doubles, as integers: a radix argsort on 64-bit keys
    /// (`RadixArgsort.argsortWithKeys`, −0 merged with +0), whose sorted keys give the runs of
    /// equal values without reading the values again in sorted order.
    ///
    /// - Complexity: O(n): the argsort and one pass over the ties.
    public static func doubledRanks(_ values: [Double]) -> [UInt32] {
        assert(!values.contains(where: \.isNaN), "doubled ranks of a column with NaN values")
        let n = values.count
        guard n > 0 else { return [] }
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * n)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        defer {
            order.deallocate()
            keys.deallocate()
        }
        let sorted = values.withUnsafeBufferPointer {
            RadixArgsort.argsortWithKeys($0, mergingZeros: true, order: order, keys: keys, scratchOrder: order + n)
        }
        return [UInt32](unsafeUninitializedCapacity: n) { out, count in
            let k = sorted.keys
            writeDoubledRanks(order: sorted.order, count: n, into: out.baseAddress!) { k[$0 + 1] == k[$0] }
            count = n
        }
    }

    /// 2 · the average ranks of a single-precision column (an input as stored) in the
    /// workspace's buffers, valid while it lives and until its next use; nil when a value is NaN (such a column
    /// has no full ranking). The same as 2 · `averageRanks(values.map(Double.init))`, sorting
    /// the 32-bit values (`RadixArgsort.argsortWithKeys`, −0 merged with +0) rather than
    /// widening them first.
    ///
    /// - Complexity: O(n): three radix passes and one pass over the ties; no allocation once
    ///   the workspace holds n values.
    public static func doubledRanks(
        _ values: UnsafeBufferPointer<Float>, in workspace: RankWorkspace
    ) -> UnsafeBufferPointer<UInt32>? {
        guard !values.contains(where: \.isNaN) else { return nil }
        let n = values.count
        workspace.reserve(n)
        guard n > 0 else { return UnsafeBufferPointer(start: workspace.ranks, count: 0) }
        let sorted = RadixArgsort.argsortWithKeys(
            values, mergingZeros: true, order: workspace.order, keys: workspace.keys,
            scratchOrder: workspace.scratchOrder)
        // Equal values have equal keys (−0 merged with +0), read in sorted order.
        let keys = sorted.keys
        writeDoubledRanks(order: sorted.order, count: n, into: workspace.ranks) { keys[$0 + 1] == keys[$0] }
        return UnsafeBufferPointer(start: workspace.ranks, count: n)
    }

    /// `averageRanks` of a single-precision column, bit for bit what
    /// `averageRanks(values.map(Double.init))` gives: `doubledRanks(_:in:)` halved. NaN values
    /// get rank NaN and the others are ranked among themselves.
    ///
    /// - Complexity: O(n).
    public static func averageRanks(_ values: UnsafeBufferPointer<Float>) -> [Double] {
        let workspace = RankWorkspace()
        return withExtendedLifetime(workspace) {
            if let doubled = doubledRanks(values, in: workspace) { return doubled.map { Double($0) / 2 } }
            var ranks = [Double](repeating: .nan, count: values.count)
            let kept = values.indices.filter { !values[$0].isNaN }
            let narrow = kept.map { values[$0] }
            narrow.withUnsafeBufferPointer { v in
                for (m, a) in doubledRanks(v, in: workspace)!.enumerated() { ranks[kept[m]] = Double(a) / 2 }
            }
            return ranks
        }
    }

    /// 2 · the average ranks of small non-negative counts (a risk's occurrences per iteration),
    /// by counting, in the workspace's buffers (valid while it lives and until its next use): a value v taken by
    /// c_v iterations, with b_v iterations below it, has average rank b_v + (c_v + 1) / 2, so
    /// a = 2 b_v + c_v + 1.
    ///
    /// - Complexity: O(n + 256).
    public static func doubledRanks(
        counts: UnsafeBufferPointer<UInt8>, in workspace: RankWorkspace
    ) -> UnsafeBufferPointer<UInt32> {
        var tally = [Int](repeating: 0, count: 256)
        for c in counts { tally[Int(c)] += 1 }
        var doubledOf = [UInt32](repeating: 0, count: 256)
        var below = 0
        for v in 0..<256 where tally[v] > 0 {
            doubledOf[v] = UInt32(2 * below + tally[v] + 1)
            below += tally[v]
        }
        workspace.reserve(counts.count)
        for (i, c) in counts.enumerated() { workspace.ranks[i] = doubledOf[Int(c)] }
        return UnsafeBufferPointer(start: workspace.ranks, count: counts.count)
    }

    /// `averageRanks` of small non-negative counts: `doubledRanks(counts:in:)` halved, equal to
    /// `averageRanks(counts.map(Double.init))`.
    ///
    /// - Complexity: O(n + 256).
    public static func averageRanks(counts: UnsafeBufferPointer<UInt8>) -> [Double] {
        let workspace = RankWorkspace()
        return withExtendedLifetime(workspace) { doubledRanks(counts: counts, in: workspace).map { Double($0) / 2 } }
    }
}
