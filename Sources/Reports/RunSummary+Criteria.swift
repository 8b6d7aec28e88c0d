import Analysis
import ScenarioModel

/// The terminal summary's criteria section (docs/scenario-language.md, "Criteria").
extension RunSummary {
    /// Ranks shown beside P(best score) in the criteria table; `acceptability.csv` has them all.
    static let ranksShown = 4

    /// With criteria: how the weights are known, then per option the mean weighted score,
    /// P(best score) (its rank acceptability for rank 1) and, for up to `ranksShown` ranks,
    /// P(rank k); with weights that vary, the central weights of each option that can rank
    /// first. Empty without criteria.
    func criteriaLines() -> [String] {
        let r = report
        guard let c = r.criteria else { return [] }
        var out = ["Criteria: weighted score, higher is better", "Weights: " + weightsText(c)]
        let ranks = min(r.options.count, Self.ranksShown)
        var columns: [TextTable.Column] = [.init("option"), .init("mean score", .right), .init("P(best score)", .right)]
        if ranks >= 2 { columns += (2...ranks).map { .init("P(rank \($0))", .right) } }
        var table = TextTable(columns: columns)
        for o in r.options {
            var row = [o.name, o.score.map { Format.fixed($0.mean, 2) } ?? "", Format.percent(c.probability(o.id, rank: 1), decimals: 1)]
            if ranks >= 2 { row += (2...ranks).map { Format.percent(c.probability(o.id, rank: $0), decimals: 1) } }
            table.append(row)
        }
        out += Self.lines(table)
        out.append(
            "P(best score) = P(rank 1); all ranks in acceptability.csv"
                + (c.weightsVary ? ", central weights in central_weights.csv" : ""))
        if c.weightsVary {
            for o in r.options {
                guard let w = c.acceptability.centralWeights[o.id.index] else { continue }
                let weights = zip(c.names, w).map { "\($0) \(Format.percent($1, decimals: 0))" }.joined(separator: ", ")
                out.append("  \(o.name) ranks first with mean weights \(weights)")
            }
        }
        out.append("")
        return out
    }

    /// "quality 30%, speed 70%", "uncertain, normalised in each iteration" or "ranked, a > b >
    /// c, uniform on the ordered simplex".
    func weightsText(_ c: RunReport.Criteria) -> String {
        let s = report.plan.scenario
        switch c.weighting {
        case .ranked:
            return "ranked, " + c.names.joined(separator: " > ") + ", uniform on the ordered simplex"
        case .given:
            guard let shares = Self.constantWeightShares(s) else { return "uncertain, normalised in each iteration" }
            return zip(c.names, shares).map { "\($0) \(Format.shortPercent($1))" }.joined(separator: ", ")
        }
    }

    /// The criteria's weights normalised to sum to 1 when every weight is a constant (`w / Σw`);
    /// nil when any is uncertain or the weights are `ranked`.
    public static func constantWeightShares(_ s: Scenario) -> [Double]? {
        guard s.criteriaWeighting == .given else { return nil }
        let constants = s.criteria.compactMap { $0.weight?.constant }
        guard constants.count == s.criteria.count else { return nil }
        let sum = constants.reduce(0, +)
        return constants.map { $0 / sum }
    }
}
