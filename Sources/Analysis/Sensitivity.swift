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
///
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
        var ranks: [Double]
        var driver: Driver
        /// The uncertain input, nil for a risk occurrence.
        var input: InputID? {
            if case .input(let id) = driver { return id }
            return nil
        }
    }

    /// The rows of every target, each target's drivers by decreasing contribution to variance,
    /// then its inputs via a correlation by decreasing |ρ|; no
    /// target has rows with fewer than two iterations, nor one that is NaN in some iteration.
    static func analyse(
        engine: Engine, results: SimulationResults, pvs: [[Double]], tornado: Tornado,
        threads: Int
    ) throws(StatisticsError) -> [Target: [Row]] {
        let plan = engine.plan
        guard results.iterations >= 2 else { return [:] }
        // Every column is ranked once, all in parallel (`threads`).
        var candidates: [Candidate] = []
        var columns: [@Sendable () -> [Double]] = []
        for (k, column) in results.inputs.enumerated {
            let input = plan.inputs[k]
            guard !input.isCriterion else { continue }
            candidates.append(
                Candidate(
                    label: input.label, line: input.mark.line, option: input.option,
                    ranks: [], driver: .input(k)))
            columns.append { column.doubles }
        }
        for (i, (o, op)) in zip(results.options, plan.options).enumerated() {
            // The risks are the option's last lines.
            let firstRisk = op.lines.count - op.riskOccurrences.count
            for (r, (risk, column)) in zip(op.riskOccurrences, o.riskOccurrences).enumerated() {
                candidates.append(
                    Candidate(
                        label: "\(o.name) / \(risk.name) (occurs)", line: risk.mark.line,
                        option: OptionID(i), ranks: [],
                        driver: .riskOccurrence(OptionID(i), LineID(firstRisk + r))))
                columns.append { column.map { Double($0) } }
            }
        }
        let jobs = columns
        let ranks = Parallel.map(jobs.count, threads: threads) { Ranks.averageRanks(jobs[$0]()) }
        for k in candidates.indices { candidates[k].ranks = ranks[k] }
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

        /// One target: its column, the options whose inputs can move it, and its value in a
        /// deterministic run.
        struct Job: Sendable {
            var target: Target
            var owners: Set<OptionID>
            /// The inputs that feed the target through the model.
            var inputs: Set<InputID>
            var column: @Sendable () -> [Double]
            var value: @Sendable ([DeterministicResult]) -> Double
        }
        var targets: [Job] = []
        for (i, o) in options.enumerated() {
            targets.append(
                Job(
                    target: .pv(OptionID(i)), owners: [OptionID(i)], inputs: feeds[i], column: { pvs[i] },
                    value: { $0[i].pv }))
        }
        for i in options.indices {
            for j in options.indices where j > i {
                targets.append(
                    Job(
                        target: .difference(OptionID(i), OptionID(j)),
                        owners: [OptionID(i), OptionID(j)], inputs: feeds[i].union(feeds[j]),
                        column: { zip(pvs[i], pvs[j]).map { $0 - $1 } },
                        value: { $0[i].pv - $0[j].pv }))
            }
        }
        let all = targets
        let perTarget = Parallel.map(all.count, threads: threads) { t -> Result<[Row], StatisticsError> in
            let target = all[t]
            let column = target.column()
            guard !column.contains(where: \.isNaN) else { return .success([]) }
            func feeds(_ c: Candidate) -> Bool {
                c.input.map { target.inputs.contains($0) } ?? target.owners.contains(c.option!)
            }
            let usable = frozen.filter(feeds)
            let viaCorrelation = frozen.filter { c in
                guard let input = c.input, correlated.contains(input), !target.inputs.contains(input) else {
                    return false
                }
                return !(related[input] ?? []).isDisjoint(with: target.inputs)
            }
            let targetRanks = Ranks.averageRanks(column)
            let analysis: ContributionToVariance
            let partners: ContributionToVariance
            do throws(StatisticsError) {
                analysis = try ContributionToVariance(targetRanks: targetRanks, inputRanks: usable.map(\.ranks))
                partners = try ContributionToVariance(
                    targetRanks: targetRanks, inputRanks: viaCorrelation.map(\.ranks))
            } catch {
                return .failure(error)
            }
            var rows: [Row] = []
            for (k, c) in usable.enumerated() {
                let lo = c.input.map { target.value(tornado.low[$0]) } ?? .nan
                let hi = c.input.map { target.value(tornado.high[$0]) } ?? .nan
                rows.append(
                    Row(
                        driver: c.driver, label: c.label, sourceLine: c.line,
                        rankCorrelation: analysis.rankCorrelations[k],
                        contributionToVariance: analysis.contributions[k], swingLow: lo, swingHigh: hi))
            }
            var marked: [Row] = []
            for (k, c) in viaCorrelation.enumerated() {
                marked.append(
                    Row(
                        driver: c.driver, label: c.label, sourceLine: c.line,
                        rankCorrelation: partners.rankCorrelations[k], contributionToVariance: .nan,
                        swingLow: .nan, swingHigh: .nan, viaCorrelation: true))
            }
            marked.sort { (abs($0.rankCorrelation), -$0.sourceLine) > (abs($1.rankCorrelation), -$1.sourceLine) }
            rows.sort { ($0.contributionToVariance, -$0.sourceLine) > ($1.contributionToVariance, -$1.sourceLine) }
            return .success(rows + marked)
        }
        var rows: [Target: [Row]] = [:]
        for (target, result) in zip(all, perTarget) { rows[target.target] = try result.get() }
        return rows
    }
}
