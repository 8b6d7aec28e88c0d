import ScenarioSyntax

/// `criteria:` non-monetary criteria, `name -> {weight, scores: {option: expr}}`.
///
/// Each weight is a constant in 0...1 and the weights sum to 1 (within 1e-9); every option has
/// a score and every scored name is an option. A score may use shared inputs and the scored
/// option's own inputs. Scores are stored in the order of the scenario's options.
extension ScenarioBuilder {
    static let criterionKeys = ["weight", "scores"]
    static let weightTolerance = 1e-9

    func readCriteria(_ entry: MappingEntry) -> [Criterion] {
        guard let entries = mapping(entry.value, "`criteria`") else { return [] }
        var criteria: [Criterion] = []
        var weights: [Double] = []
        var allWeightsKnown = true
        for c in entries {
            checkName(c.key, "criterion name")
            let what = "criterion `\(c.key.text)`"
            guard let body = mapping(c.value, what, allowEmpty: false) else {
                allWeightsKnown = false
                continue
            }
            checkKeys(body, allowed: Self.criterionKeys, in: what)
            var weight: Double?
            var weightMark = c.key.mark
            if let w = Self.entry(body, "weight") {
                if let (v, s) = constant(w.value, "the weight of \(what)", kind: .value) {
                    weightMark = s.mark
                    if (0...1).contains(v) {
                        weights.append(v)
                        weight = v
                    } else {
                        error("the weight of \(what) must be between 0% and 100%, not \(format(v * 100))%", at: s.mark)
                    }
                }
            } else {
                error("\(what) needs a `weight`", at: c.key.mark)
            }
            if weight == nil { allWeightsKnown = false }
            guard let s = Self.entry(body, "scores") else {
                error("\(what) needs `scores` (one per option)", at: c.key.mark)
                continue
            }
            guard let scores = readScores(s, what: what), let weight else { continue }
            criteria.append(
                Criterion(
                    name: c.key.text, weight: weight, weightMark: weightMark, scores: scores,
                    mark: c.key.mark))
        }
        if allWeightsKnown, !weights.isEmpty {
            let sum = weights.reduce(0, +)
            if abs(sum - 1) > Self.weightTolerance {
                error("criteria weights must sum to 100%; they sum to \(format(sum * 100))%", at: entry.key.mark)
            }
        }
        return criteria
    }

    func readScores(_ entry: MappingEntry, what: String) -> IndexedArray<OptionID, ResolvedExpr>? {
        guard let entries = mapping(entry.value, "`scores` of \(what)", allowEmpty: false) else { return nil }
        var ok = true
        var byOption: [String: ResolvedExpr] = [:]
        for e in entries {
            let option = e.key.text
            guard optionNames.contains(option) else {
                error(
                    "unknown option `\(option)` in the scores of \(what)"
                        + NameSuggestions.didYouMean(option, among: optionNames),
                    at: e.key.mark)
                ok = false
                continue
            }
            let scope = Scope(option: option, tasks: nil, allowsGoLive: false)
            if let score = expression(e.value, "the score of `\(option)` in \(what)", scope: scope) {
                byOption[option] = score.resolved
            } else {
                ok = false
            }
        }
        for option in optionNames where !entries.contains(where: { $0.key.text == option }) {
            error("\(what) has no score for option `\(option)`", at: entry.key.mark)
            ok = false
        }
        guard ok else { return nil }
        return IndexedArray(optionNames.compactMap { byOption[$0] })
    }
}
