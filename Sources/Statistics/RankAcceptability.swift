/// Stochastic multicriteria acceptability analysis (SMAA-2, Lahdelma & Salminen 2001) over the
/// iterations of a run: how often each of m options takes each rank by weighted score, and the
/// typical weights that make each option the best.
///
/// In iteration i the options are ranked by score, highest first. A group of t options whose
/// scores are exactly equal and that occupy ranks r … r + t − 1 gives each of them 1/t of each of
/// those ranks (ties split), so
///
///     b(j, r) = (1/N) Σ_i share of rank r taken by option j in iteration i
///
/// is the rank acceptability of option j for rank r: each row and each column sums to 1. The
/// central weight vector of an option with b(j, 1) > 0 is the mean weight vector over the
/// iterations where it ranks first, each counted with its share of rank 1:
///
///     w_c(j) = Σ_i s_i(j) · w_i / Σ_i s_i(j),   s_i(j) = share of rank 1 of j in iteration i.
///
/// Its standard error is that of a proportion, √(b(1 − b) / N) for independent iterations.
///
/// Edge cases: a NaN score ranks after every number (NaNs tie with each other); with N = 0
/// every acceptability is NaN and no option has central weights. Throws `noColumns` without
/// options and `lengthMismatch` when the score or weight columns differ in length.
///
/// - Complexity: O(n·m²) for the ranks, O(n·k) for the central weights (k criteria).
public struct RankAcceptability: Sendable, Equatable {
    /// `probabilities[j][r]`: P(option j ranks r + 1), r = 0 … m − 1.
    public var probabilities: [[Double]]
    /// The central weight vector of each option (criteria in order); nil for an option that never
    /// ranks first.
    public var centralWeights: [[Double]?]
    /// The iterations counted (N).
    public var iterations: Int

    /// From the options' score columns (paired by iteration) and the weights: one column per
    /// criterion (`weightColumns`, paired with the scores), or when those are empty the same
    /// weights in every iteration (`constantWeights`).
    public init(
        scores: [[Double]], weightColumns: [[Double]], constantWeights: [Double]
    ) throws(StatisticsError) {
        let n = try StatisticsError.commonLength(scores)
        if !weightColumns.isEmpty {
            let w = try StatisticsError.commonLength(weightColumns)
            if w != n { throw .lengthMismatch(expected: n, found: w) }
        }
        let m = scores.count
        let k = weightColumns.isEmpty ? constantWeights.count : weightColumns.count
        var shares = [[NeumaierSum]](repeating: [NeumaierSum](repeating: NeumaierSum(), count: m), count: m)
        var weighted = [[NeumaierSum]](repeating: [NeumaierSum](repeating: NeumaierSum(), count: k), count: m)
        var order = [Int](repeating: 0, count: m)
        var values = [Double](repeating: 0, count: m)
        for i in 0..<n {
            for j in 0..<m { values[j] = scores[j][i] }
            // Insertion sort of the options, highest score first, NaN last (m is small).
            for j in 0..<m {
                var p = j
                while p > 0 && Self.before(values[j], values[order[p - 1]]) {
                    order[p] = order[p - 1]
                    p -= 1
                }
                order[p] = j
            }
            var r = 0
            while r < m {
                var t = 1
                while r + t < m && Self.tied(values[order[r]], values[order[r + t]]) { t += 1 }
                let share = 1 / Double(t)
                for a in r..<(r + t) {
                    let j = order[a]
                    for rank in r..<(r + t) { shares[j][rank].add(share) }
                    if r == 0 {
                        for c in 0..<k {
                            weighted[j][c].add(share * (weightColumns.isEmpty ? constantWeights[c] : weightColumns[c][i]))
                        }
                    }
                }
                r += t
            }
        }
        iterations = n
        probabilities = shares.map { row in row.map { n > 0 ? $0.value / Double(n) : .nan } }
        centralWeights = (0..<m).map { j in
            let first = shares[j][0].value
            guard n > 0, first > 0 else { return nil }
            return weighted[j].map { $0.value / first }
        }
    }

    /// Whether score `a` ranks strictly before `b`: higher first, NaN after every number.
    private static func before(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN { return false }
        return b.isNaN || a > b
    }

    private static func tied(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
}
