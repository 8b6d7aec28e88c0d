import ScenarioModel
import Simulation

/// What drives each option's PV and each pairwise difference (contract section 5).
///
/// For a target T (an option's PV, or PV(a) - PV(b)) and each input X_i sampled in the same
/// iterations: the Spearman rank correlation ρ_i = corr(rank X_i, rank T) (average ranks for
/// ties), the contribution to variance ρ_i² / Σ_j ρ_j² over the inputs that can affect T, and
/// the tornado swing: T re-run deterministically with X_i at its P10 and at its P90 and every
/// other input at its base value (no risk occurring). Risk occurrences are inputs too (their
/// count per iteration); they have no swing, since the deterministic case has no risks.
public enum Sensitivity {
    public struct Row: Sendable {
        /// The option, for a PV target; the first option, for a difference.
        public var option: String
        /// `pv_cost`, or `difference_vs_<other option>` for PV(option) - PV(other).
        public var target: String
        public var input: String
        public var sourceLine: Int
        public var rankCorrelation: Double
        public var contributionToVariance: Double
        /// The target with the input at its P10 / P90 (NaN for a risk occurrence).
        public var swingLow: Double
        public var swingHigh: Double
    }

    struct Candidate {
        var label: String
        var line: Int
        /// Option whose model it belongs to; nil when shared.
        var option: OptionID?
        var ranks: [Double]
        /// The uncertain input, nil for a risk occurrence.
        var input: InputID?
    }

    static func analyse(engine: Engine, results: SimulationResults, pvs: [[Double]], tornado: Tornado) throws(AnalysisError) -> [Row] {
        let plan = engine.plan
        guard results.iterations >= 2 else { return [] }
        // Every column is ranked once, all on all cores.
        var candidates: [Candidate] = []
        var columns: [@Sendable () -> [Double]] = []
        for (k, column) in results.inputs.enumerated {
            let input = plan.inputs[k]
            guard !input.isCriterion else { continue }
            candidates.append(Candidate(label: input.label, line: input.mark.line, option: input.option,
                                        ranks: [], input: k))
            columns.append { column.doubles }
        }
        for (k, (o, op)) in zip(results.options, plan.options).enumerated() {
            for (risk, column) in zip(op.riskOccurrences, o.riskOccurrences) {
                candidates.append(Candidate(label: "\(o.name) / \(risk.name) (occurs)", line: risk.mark.line,
                                            option: OptionID(k), ranks: [], input: nil))
                columns.append { column.map { Double($0) } }
            }
        }
        let jobs = columns
        let ranks = parallelMap(jobs.count) { Ranks.averageRanks(jobs[$0]()) }
        for k in candidates.indices { candidates[k].ranks = ranks[k] }
        let options = results.options
        let frozen = candidates

        /// One target: its column, the options whose inputs can move it, and its value in a
        /// deterministic run.
        struct Target: Sendable {
            var option: String
            var name: String
            var owners: Set<OptionID>
            var column: @Sendable () -> [Double]
            var value: @Sendable ([DeterministicResult]) -> Double
        }
        var targets: [Target] = []
        for (i, o) in options.enumerated() {
            targets.append(Target(option: o.name, name: "pv_cost", owners: [OptionID(i)], column: { pvs[i] },
                                  value: { $0[i].pv }))
        }
        for i in options.indices {
            for j in options.indices where j > i {
                targets.append(Target(option: options[i].name, name: "difference_vs_\(options[j].name)",
                                      owners: [OptionID(i), OptionID(j)],
                                      column: { zip(pvs[i], pvs[j]).map { $0 - $1 } },
                                      value: { $0[i].pv - $0[j].pv }))
            }
        }
        let all = targets
        let perTarget = parallelMap(all.count) { t -> Result<[Row], AnalysisError> in
            let target = all[t]
            let column = target.column()
            guard !column.contains(where: \.isNaN) else { return .success([]) }
            let usable = frozen.filter { $0.option == nil || target.owners.contains($0.option!) }
            let analysis: ContributionToVariance
            do throws(AnalysisError) {
                analysis = try ContributionToVariance(targetRanks: Ranks.averageRanks(column),
                                                      inputRanks: usable.map(\.ranks))
            } catch {
                return .failure(error)
            }
            var rows: [Row] = []
            for (k, c) in usable.enumerated() {
                let lo = c.input.map { target.value(tornado.low[$0]) } ?? .nan
                let hi = c.input.map { target.value(tornado.high[$0]) } ?? .nan
                rows.append(Row(option: target.option, target: target.name, input: c.label, sourceLine: c.line,
                                rankCorrelation: analysis.rankCorrelations[k],
                                contributionToVariance: analysis.contributions[k], swingLow: lo, swingHigh: hi))
            }
            rows.sort { ($0.contributionToVariance, -$0.sourceLine) > ($1.contributionToVariance, -$1.sourceLine) }
            return .success(rows)
        }
        var rows: [Row] = []
        for result in perTarget { rows += try result.get() }
        return rows
    }
}
