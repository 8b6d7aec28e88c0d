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
/// doi:10.1177/0272989X12465123): the n iterations are ordered by the input's value and split
/// into K bins B_1 ... B_K of neighbouring values; E[C_j | X] in bin k is estimated by the bin's
/// mean, so
///
///     EVPPI^ = min_j C̄_j - Σ_k (n_k / n) · min_j C̄_j,k,   C̄_j,k = (1/n_k) Σ_{i∈B_k} C_j,i.
///
/// K = ⌈n^(1/3)⌉ (bins of about n^(2/3) iterations; our choice, from the two biases below).
/// Rather than sort all n values, the bins are cut at the quantiles of a fixed subsample
/// (`cutPoints`), so each holds n/K iterations give or take a quarter, and bins are weighted by
/// their size. Equal values always share a bin, so a discrete input's iterations with the same
/// value are grouped (a bernoulli input gets at most two bins, and its estimate is the exact
/// grouped one).
///
/// Bias (too few bins bias the estimate down, too many up, as Strong and Oakley note). Coarse
/// bins average E[C_j | X] over the bin's range of X, which biases the estimate down (Jensen):
/// where the cheapest option changes smoothly with X, by O(K^-2). The bin means are noisy, and the
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
    /// The bins that hold an iteration: K, or fewer when values tie.
    public var bins: Int

    /// The cost columns of a decision, with what every input's EVPPI needs of them computed
    /// once: each option's mean, the option with the lowest, and the EVPI.
    public struct Decision: Sendable {
        public var costs: [[Double]]
        /// The costs row by row: iteration i's m costs at i·m ... i·m + m - 1.
        public var rows: [Double]
        public var means: [Double]
        public var best: Int
        public var evpi: EVPI

        /// Throws `noColumns` without options and `lengthMismatch` when the columns differ in length.
        ///
        /// - Complexity: O(m·n).
        public init(costs: [[Double]]) throws(StatisticsError) {
            evpi = try EVPI(costs: costs)
            self.costs = costs
            let m = costs.count, n = costs.first?.count ?? 0
            var rows = [Double](repeating: 0, count: m * n)
            for (j, column) in costs.enumerated() {
                for i in 0..<n { rows[i * m + j] = column[i] }
            }
            self.rows = rows
            means = evpi.expectedCosts
            best = evpi.bestOption
        }
    }

    /// The EVPPI of `parameter` for m cost columns paired with it by iteration.
    ///
    /// - Complexity: O(m·n) for the decision, then as `init(decision:parameter:)`.
    public init(costs: [[Double]], parameter: [Double]) throws(StatisticsError) {
        try self.init(decision: Decision(costs: costs), parameter: parameter)
    }

    /// The estimate for a parameter that tells nothing: bins of consecutive iterations (a
    /// position independent of every value drawn). Its value estimates the upward bias of an
    /// input that moves no cost (see the type's note), the floor below which an EVPPI is noise.
    public static func noiseFloor(_ decision: Decision) throws(StatisticsError) -> EVPPI {
        let n = decision.costs.first?.count ?? 0
        return try EVPPI(decision: decision, parameter: (0..<n).map(Double.init))
    }

    /// As `init(costs:parameter:)`, with the decision prepared once for many inputs.
    ///
    /// - Complexity: O(n + S) with S = min(n, 16K²) (the subsample whose order statistics give
    ///   the cut points), two sequential passes over the costs.
    public init(decision: Decision, parameter: [Double]) throws(StatisticsError) {
        self = try parameter.withUnsafeBufferPointer { x throws(StatisticsError) in
            try Self(decision: decision, values: x)
        }
    }

    /// As `init(decision:parameter:)` for a single-precision column (a stored input), read in
    /// place: each value widened to double precision as it is read, so the estimate is the
    /// same as that of the widened column without the widened copy.
    public init(decision: Decision, parameter: UnsafeBufferPointer<Float>) throws(StatisticsError) {
        try self.init(decision: decision, values: parameter)
    }

    /// As `init(decision:parameter:)` for a count column (a risk's occurrences), read in place.
    public init(decision: Decision, parameter: UnsafeBufferPointer<UInt8>) throws(StatisticsError) {
        try self.init(decision: decision, values: parameter)
    }

    private init<T: WidensToDouble>(decision: Decision, values parameter: UnsafeBufferPointer<T>)
        throws(StatisticsError)
    {
        let n = parameter.count
        if let c = decision.costs.first(where: { $0.count != n }) {
            throw StatisticsError.lengthMismatch(expected: n, found: c.count)
        }
        let evpi = decision.evpi.value
        guard n >= 2, !evpi.isNaN else {
            (value, standardError, bins) = (.nan, .nan, 0)
            return
        }
        let cuts = Self.cutPoints(parameter)
        let (mean, sd, binCount) = decision.rows.withUnsafeBufferPointer { rows in
            Self.binned(rows: rows, m: decision.costs.count, best: decision.best, parameter: parameter, cuts: cuts)
        }
        value = min(max(0, mean), evpi)
        standardError = sd / Double(n).squareRoot()
        bins = binCount
    }

    /// The K - 1 cut points: with S = min(n, 16K²) values taken at iterations ⌊t·n/S⌋ and
    /// s_0 <= ... <= s_{S-1} their order statistics (`RadixSelect`), cut_k = s_⌊k·S/K⌋ for
    /// k = 1 ... K - 1. An iteration with
    /// value x falls in bin #{k : cut_k < x}, so equal values share a bin, and a bin holds
    /// n/K iterations give or take about n/(4K) (the cut's sampling error, √(K²/S) bins' worth).
    static func cutPoints(_ parameter: [Double]) -> [Double] {
        parameter.withUnsafeBufferPointer { cutPoints($0) }
    }

    static func cutPoints<T: WidensToDouble>(_ parameter: UnsafeBufferPointer<T>) -> [Double] {
        let n = parameter.count
        let k = max(1, Int(cbrt(Double(n)).rounded(.up)))
        let s = min(n, 16 * k * k)
        let sample = (0..<s).map { parameter[Int((Double($0) * Double(n) / Double(s)))].widened }
        let positions = (1..<max(1, k)).map { $0 * s / k }
        // The order statistics of the subsample, selected rather than sorted; a subsample with
        // a NaN (whose costs make the estimate NaN anyway) is sorted as before.
        guard !sample.contains(where: \.isNaN) else {
            let sorted = RadixArgsort.sorted(sample)
            return positions.map { sorted[$0] }
        }
        return sample.withUnsafeBufferPointer { RadixSelect.orderStatistics($0, count: s, positions: positions) }
    }

    /// The estimator's two passes: mean and sample standard deviation of z, and the number of
    /// bins that hold an iteration. `rows` holds the costs row by row (iteration i's m costs at
    /// i·m); both passes read it in iteration order. The first finds each iteration's bin and
    /// keeps it as 16 bits (K = ⌈n^(1/3)⌉ <= 65,536 for any n below 2.8·10^14) for the second.
    private static func binned<T: WidensToDouble>(
        rows: UnsafeBufferPointer<Double>, m: Int, best: Int, parameter: UnsafeBufferPointer<T>,
        cuts: [Double]
    ) -> (mean: Double, sd: Double, bins: Int) {
        let n = parameter.count
        let k = cuts.count + 1
        precondition(k <= 1 << 16, "EVPPI: more bins than 16 bits hold")
        var bin = [UInt16](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: k * m)
        var counts = [Int](repeating: 0, count: k)
        let locate = BinLocator(cuts: cuts)
        bin.withUnsafeMutableBufferPointer { bin in
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<n {
                        let b = locate(parameter[i].widened)
                        bin[i] = UInt16(truncatingIfNeeded: b)
                        counts[b] &+= 1
                        for j in 0..<m { sums[b &* m &+ j] += rows[i &* m &+ j] }
                    }
                }
            }
        }
        // Each bin's choice: the option with the lowest sum (the first, on a tie).
        var choice = [Int](repeating: 0, count: k)
        for b in 0..<k {
            for j in 1..<max(1, m) where sums[b * m + j] < sums[b * m + choice[b]] { choice[b] = j }
        }
        var total = NeumaierSum()
        for b in 0..<k { total.add(sums[b * m + best] - sums[b * m + choice[b]]) }
        let mean = total.value / Double(n)
        // Squares are never negative: a plain sum loses at most n·2^-53 of the total.
        var squares = 0.0
        choice.withUnsafeBufferPointer { choice in
            bin.withUnsafeBufferPointer { bin in
                for i in 0..<n {
                    let d = rows[i &* m &+ best] - rows[i &* m &+ choice[Int(bin[i])]] - mean
                    squares += d * d
                }
            }
        }
        return (mean, (squares / Double(n - 1)).squareRoot(), counts.filter { $0 > 0 }.count)
    }
}

/// #{k : cut_k < x} for sorted cuts, through a grid of G = 64·(K - 1) equal cells over
/// [cut_first, cut_last]: `below[g]` counts the cuts in cells before g, so x in cell g needs only
/// the cuts in its own cell compared (few, and none in most cells), rather than a bisection whose
/// branches the processor cannot predict. The cell of a value, ⌊(x − cut_first)·scale⌋, is
/// monotone in x, so a cut in an earlier cell is below x and one in a later cell is above.
struct BinLocator {
    let cuts: [Double]
    let below: [Int]
    let first: Double, last: Double, scale: Double

    init(cuts: [Double]) {
        self.cuts = cuts
        first = cuts.first ?? 0
        last = cuts.last ?? 0
        let cells = max(1, 64 * cuts.count)
        scale = last > first ? Double(cells) / (last - first) : 0
        var below = [Int](repeating: 0, count: cells + 2)
        for c in cuts { below[Self.cell(c, first, scale, cells) + 1] += 1 }
        for g in 1..<below.count { below[g] += below[g - 1] }
        self.below = below
    }

    @inline(__always)
    static func cell(_ x: Double, _ first: Double, _ scale: Double, _ cells: Int) -> Int {
        let g = (x - first) * scale
        return g <= 0 ? 0 : g >= Double(cells) ? cells : Int(g)
    }

    @inline(__always)
    func callAsFunction(_ x: Double) -> Int {
        if !(x > first) { return 0 }
        if x > last { return cuts.count }
        let g = Self.cell(x, first, scale, below.count - 2)
        var k = below[g]
        let end = below[g + 1]
        while k < end, cuts[k] < x { k += 1 }
        return k
    }
}

/// A parameter column's element, read as the double-precision value the estimator bins.
protocol WidensToDouble: BitwiseCopyable {
    var widened: Double { get }
}

extension Double: WidensToDouble {
    var widened: Double { self }
}

extension Float: WidensToDouble {
    var widened: Double { Double(self) }
}

extension UInt8: WidensToDouble {
    var widened: Double { Double(self) }
}
