import ScenarioModel
import Simulation
import Statistics

extension RunReport {
    /// The criteria of a run: their names, how their weights are known, and the rank
    /// acceptability and central weights of the options by weighted score (`RankAcceptability`).
    public struct Criteria: Sendable {
        public var names: [String]
        public var weighting: CriteriaWeighting
        /// Whether the weights vary between iterations (ranked or uncertain).
        public var weightsVary: Bool
        public var acceptability: RankAcceptability

        /// P(option ranks `rank`), rank 1 the best.
        public func probability(_ option: OptionID, rank: Int) -> Double {
            acceptability.probabilities[option.index][rank - 1]
        }
    }

    /// The criteria analysis of a run, when the scenario has criteria and every option a score.
    static func criteria(plan: Plan, results: SimulationResults) throws(StatisticsError) -> Criteria? {
        guard let c = plan.criteria else { return nil }
        let scores = results.options.compactMap { $0.score?.array }
        guard scores.count == results.options.count, !scores.isEmpty else { return nil }
        let acceptability = try RankAcceptability(
            scores: scores, weightColumns: results.criteriaWeights.map(\.array),
            constantWeights: c.constantWeights ?? [])
        return Criteria(names: c.names, weighting: c.weighting, weightsVary: c.varies, acceptability: acceptability)
    }
}
