import ScenarioModel
import Simulation
import Statistics

extension RunReport {
    /// The economic case of one option (docs/scenario-language.md §6, the Green Book's economic
    /// case): its NPV against the baseline and, when it has benefits, its NPSV and BCR.
    ///
    /// Per iteration i, with PV the present value of net cost (costs and risk costs minus
    /// benefits, `Option.pv`):
    /// - NPV_i = PV_i(baseline) − PV_i(option), positive when the option saves money against
    ///   the baseline; summarised over the same iterations (a paired difference, so the draws
    ///   shared by both options cancel);
    /// - PV(benefits) = −Σ PV of the option's benefit lines (a benefit line's PV is negative), and
    ///   PV(costs) = PV(net cost) + PV(benefits), the cost lines and the risks;
    /// - NPSV_i = PV_i(benefits) − PV_i(costs) = −PV_i(net cost);
    /// - BCR = E[PV(benefits)] / E[PV(costs)], a ratio of expected values (not the expected
    ///   ratio); NaN when E[PV(costs)] <= 0.
    ///
    /// E[PV(benefits)] is the sum of the benefit lines' means (lines are held in single precision,
    /// so it is exact to about 7 significant digits); E[PV(costs)] adds it to the mean PV (double
    /// precision), so that E[NPSV] = E[PV(benefits)] − E[PV(costs)] = −E[PV] holds to rounding and
    /// E[PV(costs)] is exactly the mean PV of an option without benefits.
    public struct Economic: Sendable {
        public var option: OptionID
        /// PV(baseline) − PV(option) per iteration: `difference` is the NPV's summary (mean, sd,
        /// P10, P50, P90, ...), `probabilityDifferencePositive` P(NPV > 0), strictly (an
        /// iteration where the two cost the same saves nothing). Nil for the baseline itself.
        public var npv: PairedComparison?
        /// E[PV(costs)]: the mean PV of the cost lines and risks.
        public var pvCostsMean: Double
        /// The option has at least one benefit line.
        public var hasBenefits: Bool
        /// E[PV(benefits)], positive for a benefit; 0 without benefits.
        public var pvBenefitsMean: Double
        /// E[NPSV] = E[PV(benefits)] − E[PV(costs)] = −E[PV(net cost)].
        public var npsvMean: Double
        /// E[PV(benefits)] / E[PV(costs)]; NaN when E[PV(costs)] <= 0.
        public var bcr: Double
    }

    /// The economic case of every option, in file order (the baseline's with no NPV).
    ///
    /// An option after the baseline in file order has its NPV from the pair (baseline, option)
    /// the report already holds (the same comparison of the same columns); one before it has its
    /// own, computed on up to `threads` threads.
    ///
    /// - Complexity: O(n) per option before the baseline (one paired difference and its
    ///   summary), O(1) for the others.
    static func economicCase(
        baseline: OptionID, pvs: [[Double]], options: IndexedArray<OptionID, Option>, pairs: [Pair], threads: Int
    ) throws(StatisticsError) -> IndexedArray<OptionID, Economic> {
        let before = options.map(\.id).filter { $0 < baseline }
        let computed = Parallel.map(before.count, threads: threads) { k in
            Result { () throws(StatisticsError) in try PairedComparison(pvs[baseline.index], pvs[before[k].index]) }
        }
        var npvs: [OptionID: PairedComparison] = [:]
        for (id, comparison) in zip(before, computed) { npvs[id] = try comparison.get() }
        for pair in pairs where pair.a == baseline { npvs[pair.b] = pair.comparison }
        var out = IndexedArray<OptionID, Economic>()
        for o in options {
            var npv: PairedComparison?
            if o.id != baseline {
                guard let known = npvs[o.id] else { preconditionFailure("no pair of the baseline with \(o.id)") }
                npv = known
            }
            var benefits = NeumaierSum()
            for line in o.lines where line.kind == .benefit { benefits.add(-line.pv.mean) }
            let pvBenefits = benefits.value
            let pvCosts = o.pv.mean + pvBenefits
            out.append(
                Economic(
                    option: o.id, npv: npv, pvCostsMean: pvCosts,
                    hasBenefits: o.lines.contains { $0.kind == .benefit }, pvBenefitsMean: pvBenefits,
                    npsvMean: -o.pv.mean, bcr: pvCosts > 0 ? pvBenefits / pvCosts : .nan))
        }
        return out
    }
}
