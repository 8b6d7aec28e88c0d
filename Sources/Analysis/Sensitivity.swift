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
        var option: String?
        var ranks: [Double]
        /// Index into the plan's inputs, nil for a risk occurrence.
        var input: Int?
    }

    static func analyse(engine: Engine, results: SimulationResults, pvs: [[Double]], tornado: Tornado) throws(AnalysisError) -> [Row] {
        let plan = engine.plan
        guard results.iterations >= 2 else { return [] }
        var candidates: [Candidate] = []
        for (k, column) in results.inputs.enumerated() {
            let input = plan.inputs[k]
            guard !input.isCriterion else { continue }
            candidates.append(Candidate(label: input.label, line: input.mark.line, option: input.option,
                                        ranks: Ranks.averageRanks(column.doubles), input: k))
        }
        for (o, op) in zip(results.options, plan.options) {
            for (risk, column) in zip(op.riskOccurrences, o.riskOccurrences) {
                candidates.append(Candidate(label: "\(o.name) / \(risk.name) (occurs)", line: risk.mark.line,
                                            option: o.name, ranks: Ranks.averageRanks(column.map { Double($0) }), input: nil))
            }
        }
        var rows: [Row] = []
        let options = results.options
        func analyseTarget(option: String, target: String, column: [Double], owners: Set<String>,
                           value: ([DeterministicResult]) -> Double) throws(AnalysisError) {
            let usable = candidates.filter { $0.option == nil || owners.contains($0.option!) }
            let analysis = try ContributionToVariance(targetRanks: Ranks.averageRanks(column),
                                                      inputRanks: usable.map(\.ranks))
            var targetRows: [Row] = []
            for (k, c) in usable.enumerated() {
                let lo = c.input.map { value(tornado.low[$0]) } ?? .nan
                let hi = c.input.map { value(tornado.high[$0]) } ?? .nan
                targetRows.append(Row(option: option, target: target, input: c.label, sourceLine: c.line,
                                      rankCorrelation: analysis.rankCorrelations[k],
                                      contributionToVariance: analysis.contributions[k], swingLow: lo, swingHigh: hi))
            }
            targetRows.sort { ($0.contributionToVariance, -$0.sourceLine) > ($1.contributionToVariance, -$1.sourceLine) }
            rows += targetRows
        }
        for (i, o) in options.enumerated() {
            guard !pvs[i].contains(where: \.isNaN) else { continue }
            try analyseTarget(option: o.name, target: "pv_cost", column: pvs[i], owners: [o.name]) { $0[i].pv }
        }
        for i in options.indices {
            for j in options.indices where j > i {
                let a = options[i], b = options[j]
                let diff = zip(pvs[i], pvs[j]).map { $0 - $1 }
                guard !diff.contains(where: \.isNaN) else { continue }
                try analyseTarget(option: a.name, target: "difference_vs_\(b.name)", column: diff,
                                  owners: [a.name, b.name]) { $0[i].pv - $0[j].pv }
            }
        }
        return rows
    }
}
