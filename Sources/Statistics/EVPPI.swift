import Foundation
import Sampling

/// Expected value of partial perfect information of one input, for a choice that minimises
/// expected cost: what it would be worth to learn that input's value (and nothing else) before
/// choosing,
///
///     EVPPI(X) = min_j E[C_j] - E_X[ min_j E[C_j | X] ]   (0 <= EVPPI(X) <= EVPI).
///
/// Estimated from the run's own iterations by the one-level ordering estimator of Strong and
/// Oakley (M. Strong, J. E. Oakley, "An efficient method for computing single-parameter partial
/// expected value of perfect information", Medical Decision Making 33(6):755–766, 2013,
/// doi:10.1177/0272989X12465123): the n iterations are sorted by the input's value and split
/// into K consecutive bins B_1 ... B_K; E[C_j | X] in bin k is estimated by the bin's mean, so
///
///     EVPPI^ = min_j C̄_j - Σ_k (n_k / n) · min_j C̄_j,k,   C̄_j,k = (1/n_k) Σ_{i∈B_k} C_j,i.
///
/// K = ⌈n^(1/3)⌉ (bins of about n^(2/3) iterations; our choice, from the two biases below).
/// A bin boundary never falls inside a run of equal values: it moves up to the end of the run,
/// so a discrete input's iterations with the same value share a bin (a bernoulli input gets at
/// most two bins, and its estimate is the exact grouped one); bins are weighted by their size.
///
/// Bias (too few bins bias the estimate down, too many up; as Strong and Oakley note). Coarse bins
/// average E[C_j | X] over the bin's range of X, which biases the estimate down (Jensen): where
/// the cheapest option changes smoothly with X, by O(K^-2). The bin means are noisy, and the
/// minimum of noisy means is biased low, which biases the estimate up: where the options'
/// conditional means cross, by about f·s²/2 (f the density of the crossing, s² the variance of
/// a bin's mean difference, so O(K/n)); for PV(a) = X + Y, PV(b) = 0 with X, Y ~ N(0, σ²) that
/// is σ·φ(0)/(2J), J = n/K. Balancing O(K^-2) against O(K/n) gives K ∝ n^(1/3). Where the input
/// moves no cost and the options' expected costs are close, every bin adds noise: up to about
/// φ(0)·sd(C_a - C_b)/√J, so an input that moves nothing shows a small positive value, not 0
/// (`noiseFloor` estimates it).
///
/// Standard error: with each bin's choice d_k held fixed, the estimate is the mean of
/// z_i = C_b,i - C_{d_k(i)},i (b the option with the lowest mean), so its standard error is
/// sd(z)/√n (a first-order, delta-method approximation: it ignores the chance that a bin's
/// choice changes, and it states neither bias). At an exact tie of expected costs the
/// first-order approximation overstates the spread (it is conservative there). Deterministic
/// for a given input, independent of how the work is split over threads.
///
/// Edge cases: fewer than two iterations, or a NaN cost, give NaN value and standard error; a
/// parameter that is constant gives one bin and EVPPI 0. The estimate is never below 0, and
/// never above the same iterations' EVPI (a bin's minimum of sums is at least its sum of
/// minima); tiny rounding excesses are clamped.
public struct EVPPI: Sendable, Equatable {
    /// The estimate EVPPI^.
    public var value: Double
    /// sd(z)/√n, as above.
    public var standardError: Double
    /// K after merging bins across ties.
    public var bins: Int

    /// The cost columns of a decision, with what every input's EVPPI needs of them computed
    /// once: each option's mean, the option with the lowest, and the EVPI.
    public struct Decision: Sendable {
        public var costs: [[Double]]
        public var means: [Double]
        public var best: Int
        public var evpi: EVPI

        /// Throws `noColumns` without options and `lengthMismatch` when the columns differ in length.
        ///
        /// - Complexity: O(m·n).
        public init(costs: [[Double]]) throws(StatisticsError) {
            evpi = try EVPI(costs: costs)
            self.costs = costs
            means = evpi.expectedCosts
            best = evpi.bestOption
        }
    }

    /// The EVPPI of `parameter` for m cost columns paired with it by iteration. `order` is the
    /// ascending order of `parameter` (`RadixArgsort.argsort`), when the caller has it.
    ///
    /// - Complexity: O(m·n) given `order`, plus O(n) for the argsort otherwise.
    public init(costs: [[Double]], parameter: [Double], order: [Int32]? = nil) throws(StatisticsError) {
        try self.init(decision: Decision(costs: costs), parameter: parameter, order: order)
    }

    /// The estimate for a parameter that tells nothing: the bins taken in iteration order (a
    /// position independent of every value drawn). Its value estimates the upward bias of an
    /// input that moves no cost (see the type's note), the floor below which an EVPPI is noise.
    public static func noiseFloor(_ decision: Decision) throws(StatisticsError) -> EVPPI {
        let n = decision.costs.first?.count ?? 0
        return try EVPPI(
            decision: decision, parameter: (0..<n).map(Double.init), order: (0..<n).map { Int32($0) })
    }

    /// As `init(costs:parameter:order:)`, with the decision prepared once for many inputs.
    public init(decision: Decision, parameter: [Double], order: [Int32]? = nil) throws(StatisticsError) {
        let costs = decision.costs
        let n = parameter.count
        if let c = costs.first(where: { $0.count != n }) {
            throw StatisticsError.lengthMismatch(expected: n, found: c.count)
        }
        let m = costs.count
        let evpi = decision.evpi.value
        guard n >= 2, !evpi.isNaN else {
            (value, standardError, bins) = (.nan, .nan, 0)
            return
        }
        let best = decision.best
        let order = order ?? RadixArgsort.argsort(parameter)
        let target = max(1, Int(cbrt(Double(n)).rounded(.up)))

        // Per bin: the sums of each option, then z_i for the option chosen in the bin; z is
        // accumulated as per-bin mean and sum of squared deviations, combined by Chan et al.
        var bin = [Double](repeating: 0, count: m * (n / target + 2))
        var sums = [Double](repeating: 0, count: m)
        var total = NeumaierSum()
        var count = 0, zMean = 0.0, zM2 = NeumaierSum(), binCount = 0
        var start = 0
        while start < n {
            var end = min(n, start + max(1, (n - start) / max(1, target - binCount)))
            while end < n, parameter[Int(order[end])] == parameter[Int(order[end - 1])] { end += 1 }
            let size = end - start
            if bin.count < m * size { bin = [Double](repeating: 0, count: m * size) }
            for j in 0..<m { sums[j] = 0 }
            for s in 0..<size {
                let i = Int(order[start + s])
                for j in 0..<m {
                    let c = costs[j][i]
                    bin[s * m + j] = c
                    sums[j] += c
                }
            }
            var choice = 0
            for j in 1..<max(1, m) where sums[j] < sums[choice] { choice = j }
            // z over the bin: mean and squared deviations, two passes over the bin's copy.
            var zSum = 0.0
            for s in 0..<size { zSum += bin[s * m + best] - bin[s * m + choice] }
            let mean = zSum / Double(size)
            var squares = 0.0
            for s in 0..<size {
                let d = bin[s * m + best] - bin[s * m + choice] - mean
                squares += d * d
            }
            total.add(zSum)
            let combined = count + size
            let delta = mean - zMean
            zM2.add(squares)
            zM2.add(delta * delta * Double(count) * Double(size) / Double(combined))
            zMean += delta * Double(size) / Double(combined)
            count = combined
            binCount += 1
            start = end
        }
        value = min(max(0, total.value / Double(n)), evpi)
        standardError = (max(0, zM2.value) / Double(n - 1) / Double(n)).squareRoot()
        bins = binCount
    }
}
