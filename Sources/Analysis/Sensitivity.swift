import ScenarioModel
import Simulation
import Statistics

/// What drives each option's PV and each pairwise difference (notebooks-output/README.md,
/// `sensitivity.csv`).
///
/// For a target T (an option's PV, or PV(a) - PV(b)) and each input X_i sampled in the same
/// iterations: the Spearman rank correlation ρ_i = corr(rank X_i, rank T) (average ranks for
/// ties), the contribution to variance ρ_i² / Σ_j ρ_j² over the inputs that can affect T, and
/// the tornado swing: T re-run deterministically with X_i at its P10 and at its P90 and every
/// other input at its base value (no risk occurring). Risk occurrences are inputs too (their
/// count per iteration); they have no swing, since the deterministic case has no risks.
/// The inputs that can affect T are those its options' PVs depend on through the model
/// (`Plan.inputsFeedingPV`), and the risk occurrences of its options. An input that does not
/// feed T but is correlated (Iman–Conover, a non-zero entry of the correlation matrix) with one
/// that does is listed after the drivers, marked `viaCorrelation`: its rank correlation is
/// shown, but it has no contribution to variance (it would count its partner's share twice)
/// and no swing (NaN), since moving it alone does not move T. Other inputs are left out.
public enum Sensitivity {
    /// What a sensitivity row explains: an option's PV, or PV(a) - PV(b) for options a < b.
    public enum Target: Sendable, Hashable {
        case pv(OptionID)
        case difference(OptionID, OptionID)
    }

    /// What moves a target: an uncertain input, or how often a risk (a line of an option)
    /// occurs.
    public enum Driver: Sendable, Hashable {
        case input(InputID)
        case riskOccurrence(OptionID, LineID)
    }

    public struct Row: Sendable {
        public var driver: Driver
        /// The input's label, or `option / risk (occurs)`.
        public var label: String
        public var sourceLine: Int
        public var rankCorrelation: Double
        public var contributionToVariance: Double
        /// The target with the input at its P10 / P90 (NaN for a risk occurrence).
        public var swingLow: Double
        public var swingHigh: Double
        /// The input reaches the target only through a correlation with one that feeds it: not
        /// a driver (contribution and swings NaN).
        public var viaCorrelation = false
    }

    struct Candidate {
        var label: String
        var line: Int
        /// Option whose model it belongs to; nil when shared.
        var option: OptionID?
        var driver: Driver
        /// Its doubled average ranks (`Ranks.doubledRanks`), computed when needed in the given
        /// workspace; nil when a value is NaN.
        var ranks: @Sendable (RankWorkspace) -> UnsafeBufferPointer<UInt32>?
        /// The uncertain input, nil for a risk occurrence.
        var input: InputID? {
            if case .input(let id) = driver { return id }
            return nil
        }
    }

    /// The rows of every target, each target's drivers by decreasing contribution to variance,
    /// then its inputs via a correlation by decreasing |ρ|; no target has rows with fewer than two iterations, nor one that is NaN in some iteration.
    ///
    /// Each target is ranked once (`RankedTarget`, 4 bytes an iteration); then each input is
    /// ranked on its own and correlated with every target it can move in one pass, so that at
    /// most one input's ranks per thread are in memory. Targets and inputs run on up to
    /// `threads` threads; the figures do not depend on it.
    static func analyse(
        engine: Engine, results: SimulationResults, pvs: [[Double]], tornado: Tornado,
        threads: Int
    ) throws(StatisticsError) -> [Target: [Row]] {
        let plan = engine.plan
        guard results.iterations >= 2 else { return [:] }
        var candidates: [Candidate] = []
        for (k, column) in results.inputs.enumerated {
            let input = plan.inputs[k]
            guard !input.isCriterion else { continue }
            candidates.append(
                Candidate(
                    label: input.label, line: input.mark.line, option: input.option,
                    driver: .input(k),
                    ranks: { workspace in column.withUnsafeBufferPointer { Ranks.doubledRanks($0, in: workspace) } }))
        }
        for (i, (o, op)) in zip(results.options, plan.options).enumerated() {
            // The risks are the option's last lines.
            let firstRisk = op.lines.count - op.riskOccurrences.count
            for (r, (risk, column)) in zip(op.riskOccurrences, o.riskOccurrences).enumerated() {
                candidates.append(
                    Candidate(
                        label: "\(o.name) / \(risk.name) (occurs)", line: risk.mark.line,
                        option: OptionID(i), driver: .riskOccurrence(OptionID(i), LineID(firstRisk + r)),
                        ranks: { workspace in
                            column.withUnsafeBufferPointer { Ranks.doubledRanks(counts: $0, in: workspace) }
                        }))
            }
        }
        let options = results.options
        let frozen = candidates
        let feeds = plan.inputsFeedingPV()
        let correlated = Set(plan.correlated)
        /// Inputs correlated with `input` in the matrix (by position in `plan.correlated`).
        var partners: [InputID: Set<InputID>] = [:]
        if let matrix = plan.correlationMatrix {
            for (i, a) in plan.correlated.enumerated() {
                for (j, b) in plan.correlated.enumerated() where i != j && matrix[i, j] != 0 {
                    partners[a, default: []].insert(b)
                }
            }
        }
        let related = partners

        /// One target: the options whose inputs can move it, the inputs that feed it through
        /// the model, and its value in a deterministic run.
        struct Job: Sendable {
            var target: Target
            var owners: Set<OptionID>
            var inputs: Set<InputID>
            var value: @Sendable ([DeterministicResult]) -> Double
            var column: @Sendable () -> [Double]

            /// Whether the candidate can move the target through the model.
            func isFed(by c: Candidate) -> Bool {
                c.input.map { inputs.contains($0) } ?? owners.contains(c.option!)
            }

            /// Whether the candidate is related to the target only through a correlation.
            func isCorrelated(with c: Candidate, correlated: Set<InputID>, related: [InputID: Set<InputID>]) -> Bool {
                guard let input = c.input, correlated.contains(input), !inputs.contains(input) else { return false }
                return !(related[input] ?? []).isDisjoint(with: inputs)
            }
        }
        var targets: [Job] = []
        for i in options.indices {
            targets.append(
                Job(
                    target: .pv(OptionID(i)), owners: [OptionID(i)], inputs: feeds[i], value: { $0[i].pv },
                    column: { pvs[i] }))
        }
        for i in options.indices {
            for j in options.indices where j > i {
                targets.append(
                    Job(
                        target: .difference(OptionID(i), OptionID(j)), owners: [OptionID(i), OptionID(j)],
                        inputs: feeds[i].union(feeds[j]), value: { $0[i].pv - $0[j].pv },
                        column: { zip(pvs[i], pvs[j]).map { $0 - $1 } }))
            }
        }
        let all = targets
        // A target that is NaN in some iteration has no rows.
        let ranked = Parallel.map(all.count, threads: threads) { t -> RankedTarget? in
            let column = all[t].column()
            return column.contains(where: \.isNaN) ? nil : RankedTarget(column)
        }
        /// The targets each candidate feeds or is correlated with, as indices into `all`.
        let moved = frozen.map { c in
            all.indices.filter {
                ranked[$0] != nil
                    && (all[$0].isFed(by: c) || all[$0].isCorrelated(with: c, correlated: correlated, related: related))
            }
        }
        // Each thread ranks its inputs in one reused workspace; an input with a NaN value has
        // no ranking, so its ρ is NaN for every target.
        let workspaces = RankWorkspaces()
        let rhos = Parallel.map(frozen.count, threads: threads) { k -> [Double] in
            guard !moved[k].isEmpty else { return [] }
            let targets = moved[k].map { ranked[$0]! }
            return workspaces.with { workspace in
                guard let ranks = frozen[k].ranks(workspace) else { return targets.map { _ in .nan } }
                return Correlation.spearman(doubledRanks: ranks, targets: targets)
            }
        }

        var rows: [Target: [Row]] = [:]
        for (t, target) in all.enumerated() {
            guard ranked[t] != nil else {
                rows[target.target] = []
                continue
            }
            // The candidates that feed the target, and those only correlated with it, in
            // candidate order, with their ρ for this target.
            var usable: [(candidate: Candidate, rho: Double)] = []
            var viaCorrelation: [(candidate: Candidate, rho: Double)] = []
            for (k, c) in frozen.enumerated() {
                guard let slot = moved[k].firstIndex(of: t) else { continue }
                if target.isFed(by: c) {
                    usable.append((c, rhos[k][slot]))
                } else {
                    viaCorrelation.append((c, rhos[k][slot]))
                }
            }
            let analysis = ContributionToVariance(rankCorrelations: usable.map(\.rho))
            var list: [Row] = []
            for (k, (c, _)) in usable.enumerated() {
                let lo = c.input.map { target.value(tornado.low[$0]) } ?? .nan
                let hi = c.input.map { target.value(tornado.high[$0]) } ?? .nan
                list.append(
                    Row(
                        driver: c.driver, label: c.label, sourceLine: c.line,
                        rankCorrelation: analysis.rankCorrelations[k],
                        contributionToVariance: analysis.contributions[k], swingLow: lo, swingHigh: hi))
            }
            let correlations = ContributionToVariance(rankCorrelations: viaCorrelation.map(\.rho)).rankCorrelations
            var marked: [Row] = []
            for ((c, _), rho) in zip(viaCorrelation, correlations) {
                marked.append(
                    Row(
                        driver: c.driver, label: c.label, sourceLine: c.line,
                        rankCorrelation: rho, contributionToVariance: .nan,
                        swingLow: .nan, swingHigh: .nan, viaCorrelation: true))
            }
            marked.sort { (abs($0.rankCorrelation), -$0.sourceLine) > (abs($1.rankCorrelation), -$1.sourceLine) }
            list.sort { ($0.contributionToVariance, -$0.sourceLine) > ($1.contributionToVariance, -$1.sourceLine) }
            rows[target.target] = list + marked
        }
        return rows
    }
}
