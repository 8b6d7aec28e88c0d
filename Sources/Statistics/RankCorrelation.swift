import Sampling

/// Spearman correlations of many inputs with a few targets, for the sensitivity analysis,
/// without holding every input's ranks at once.
///
/// A target is ranked once and kept as its doubled average ranks (2·rank = i + j + 2 for a
/// run of ties at sorted positions i ... j, an integer, so `UInt32` holds it exactly for any
/// column shorter than 2^31), with the mean and Σ (r - r̄)² of its ranks. An input is ranked on
/// its own and correlated with every target it can move in one pass over its ranks.
///
/// Every sum is the same sequence of `NeumaierSum` additions as `Correlation.pearson` of the two
/// rank columns, so ρ is bit for bit what `Correlation.spearman` gives.
public struct RankedTarget: Sendable {
    /// 2 · average rank per iteration.
    let doubledRanks: [UInt32]
    /// r̄ = Σ r_i / n.
    let mean: Double
    /// Σ (r_i - r̄)², compensated.
    let squares: Double

    /// Ranks a NaN-free target (`Ranks.averageRanks`).
    ///
    /// - Complexity: O(n).
    public init(_ values: [Double]) {
        let ranks = Ranks.averageRanks(values)
        mean = Moments.mean(ranks)
        var s = NeumaierSum()
        for r in ranks {
            let d = r - mean
            s.add(d * d)
        }
        squares = s.value
        doubledRanks = ranks.map { UInt32(exactly: $0 * 2)! }
    }

    public var count: Int { doubledRanks.count }
}

extension Correlation {
    /// Spearman's ρ of `input` (its average ranks, `Ranks.averageRanks`) with each target, in the
    /// order of `targets`: what `pearson(inputRanks, targetRanks)` gives, NaN for a constant
    /// column or NaN ranks.
    ///
    /// - Complexity: O(n·k) for k targets, one pass over the input's ranks in blocks.
    public static func spearman(inputRanks x: [Double], targets: [RankedTarget]) -> [Double] {
        let n = x.count
        guard n >= 2, !targets.isEmpty else { return targets.map { _ in .nan } }
        let mx = Moments.mean(x)
        var sxx = NeumaierSum()
        var sxy = [NeumaierSum](repeating: NeumaierSum(), count: targets.count)
        let block = 4096
        // Each sum runs over the iterations in order, as in `pearson`; two run side by side in
        // each loop (Σ (x - x̄)² with the first target, then the targets in pairs), so that the
        // processor overlaps their chains of dependent additions.
        x.withUnsafeBufferPointer { xs in
            var start = 0
            while start < n {
                let end = min(start + block, n)
                let my = targets[0].mean
                var s = sxy[0]
                targets[0].doubledRanks.withUnsafeBufferPointer { ys in
                    for i in start..<end {
                        let d = xs[i] - mx
                        sxx.add(d * d)
                        s.add(d * (Double(ys[i]) / 2 - my))
                    }
                }
                sxy[0] = s
                var t = 1
                while t + 1 < targets.count {
                    let (ma, mb) = (targets[t].mean, targets[t + 1].mean)
                    var (a, b) = (sxy[t], sxy[t + 1])
                    targets[t].doubledRanks.withUnsafeBufferPointer { ya in
                        targets[t + 1].doubledRanks.withUnsafeBufferPointer { yb in
                            for i in start..<end {
                                let d = xs[i] - mx
                                a.add(d * (Double(ya[i]) / 2 - ma))
                                b.add(d * (Double(yb[i]) / 2 - mb))
                            }
                        }
                    }
                    (sxy[t], sxy[t + 1]) = (a, b)
                    t += 2
                }
                if t < targets.count {
                    let my = targets[t].mean
                    var s = sxy[t]
                    targets[t].doubledRanks.withUnsafeBufferPointer { ys in
                        for i in start..<end { s.add((xs[i] - mx) * (Double(ys[i]) / 2 - my)) }
                    }
                    sxy[t] = s
                }
                start = end
            }
        }
        return targets.indices.map { t in
            let denominator = (sxx.value * targets[t].squares).squareRoot()
            guard denominator > 0, denominator.isFinite else { return .nan }
            let r = sxy[t].value / denominator
            return r.isNaN ? .nan : min(1, max(-1, r))
        }
    }
}

extension Ranks {
    /// `averageRanks` of a single-precision column (an input as stored), bit for bit what
    /// `averageRanks(values.map(Double.init))` gives, sorting the 32-bit values
    /// (`RadixArgsort.argsort` of floats) rather than widening them first. NaN values get
    /// rank NaN and the others are ranked among themselves.
    ///
    /// - Complexity: O(n): four radix passes and one pass over the ties.
    public static func averageRanks(_ values: UnsafeBufferPointer<Float>) -> [Double] {
        let n = values.count
        var ranks = [Double](repeating: .nan, count: n)
        let kept: [Int]? = values.contains(where: \.isNaN) ? values.indices.filter { !values[$0].isNaN } : nil
        var sorted: (order: [Int32], keys: [UInt32])
        if let kept {
            let narrow = kept.map { values[$0] }
            sorted = narrow.withUnsafeBufferPointer { RadixArgsort.argsortWithKeys($0, mergingZeros: true) }
            for m in sorted.order.indices { sorted.order[m] = Int32(kept[Int(sorted.order[m])]) }
        } else {
            sorted = RadixArgsort.argsortWithKeys(values, mergingZeros: true)
        }
        // Equal values have equal keys (−0 merged with +0), read in sorted order.
        ranks.withUnsafeMutableBufferPointer { r in
            sorted.order.withUnsafeBufferPointer { o in
                sorted.keys.withUnsafeBufferPointer { k in
                    let count = o.count
                    var start = 0
                    while start < count {
                        var end = start
                        while end + 1 < count, k[end + 1] == k[start] { end += 1 }
                        // Positions start ... end (0-based) hold ranks start+1 ... end+1; their mean:
                        let rank = Double(start + end + 2) / 2
                        for m in start...end { r[Int(o[m])] = rank }
                        start = end + 1
                    }
                }
            }
        }
        return ranks
    }

    /// `averageRanks` of small non-negative counts (a risk's occurrences per iteration), by
    /// counting: a value v taken by c_v iterations, with b_v iterations below it, has average
    /// rank b_v + (c_v + 1) / 2. Equal to `averageRanks(counts.map(Double.init))`.
    ///
    /// - Complexity: O(n + 256).
    public static func averageRanks(counts: UnsafeBufferPointer<UInt8>) -> [Double] {
        var tally = [Int](repeating: 0, count: 256)
        for c in counts { tally[Int(c)] += 1 }
        var rankOf = [Double](repeating: 0, count: 256)
        var below = 0
        for v in 0..<256 where tally[v] > 0 {
            // Sorted positions below ... below + c - 1 (0-based): ranks (start + end + 2) / 2.
            rankOf[v] = Double(below + (below + tally[v] - 1) + 2) / 2
            below += tally[v]
        }
        return counts.map { rankOf[Int($0)] }
    }
}
