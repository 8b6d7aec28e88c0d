import Analysis
import JSONOutput
import ScenarioModel

/// The criteria files of a run (only with criteria): rank acceptability and central weights
/// (`RankAcceptability`, notebooks-output/README.md).
extension BusinessCaseFiles {
    /// `acceptability.csv`: `option,rank,probability`, P(the option ranks `rank` by weighted
    /// score), rank 1 the highest score, every rank of every option (ties split).
    public static func acceptability(_ r: RunReport) -> CSVTable? {
        guard let c = r.criteria else { return nil }
        var t = CSVTable(header: ["option", "rank", "probability"], kinds: [.text, .integer, .probability])
        for o in r.options {
            for rank in 1...r.options.count {
                t.add([o.name, String(rank), n(c.probability(o.id, rank: rank))])
            }
        }
        return t
    }

    /// `central_weights.csv`: `option,criterion,weight`, the mean normalised weight of each
    /// criterion over the iterations where the option ranks first, for each option that ever does.
    public static func centralWeights(_ r: RunReport) -> CSVTable? {
        guard let c = r.criteria else { return nil }
        var t = CSVTable(header: ["option", "criterion", "weight"], kinds: [.text, .text, .probability])
        for o in r.options {
            guard let weights = c.acceptability.centralWeights[o.id.index] else { continue }
            for (name, w) in zip(c.names, weights) { t.add([o.name, name, n(w)]) }
        }
        return t
    }

    /// The two criteria files with their names, none without criteria.
    static func criteriaTables(_ r: RunReport) -> [(String, CSVTable)] {
        guard let a = acceptability(r), let w = centralWeights(r) else { return [] }
        return [("acceptability.csv", a), ("central_weights.csv", w)]
    }

    /// `run.json`'s `criteria`: how the weights are known, each option's rank acceptability
    /// (rank 1 first) and central weights (null for an option that never ranks first); null
    /// without criteria.
    static func criteriaJSON(_ r: RunReport) -> JSONValue {
        guard let c = r.criteria else { return .null }
        return .object([
            ("weights", .string(c.weighting.rawValue)),
            ("weights_vary", .bool(c.weightsVary)),
            ("criteria", .array(c.names.map { .string($0) })),
            (
                "acceptability",
                .object(r.options.map { o in (o.name, .array(c.acceptability.probabilities[o.id.index].map { .number($0) })) })
            ),
            (
                "central_weights",
                .object(
                    r.options.map { o in
                        (
                            o.name,
                            c.acceptability.centralWeights[o.id.index].map { w in
                                .object(zip(c.names, w).map { ($0, .number($1)) })
                            } ?? .null
                        )
                    })
            )
        ])
    }
}
