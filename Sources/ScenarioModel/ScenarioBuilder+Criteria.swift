import ScenarioSyntax

/// `criteria:` non-monetary criteria, `name -> {weight, scores: {option: expr}}`, or with
/// `weights: ranked` as the first key, `name -> {scores: ...}` listed most important first.
///
/// Given weights: each `weight` is an expression of shared inputs (a constant, a distribution,
/// `1 - w`) that must never be negative: a constant below 0, or an expression whose range
/// (`ValueRange`) has a finite end below 0, is an error at it; an unbounded one (`normal`) is
/// checked in every iteration by the run. Weights are normalised to sum to 1 in each iteration
/// (`wᵢ / Σ w`), with a warning at the `criteria` key when they are constants that do not sum
/// to 1 (within 1e-9) or when they are uncertain and not provably summing to 1 (`AffineForm`:
/// `w` and `1 - w` are). Constant weights that sum to 0 are an error.
///
/// Ranked weights: no criterion may have a `weight` (an error at its key); `weights` takes only
/// `ranked`, and only as the first key (a scalar `weights:` later is an error at it).
///
/// Every option has a score and every scored name is an option. A score may use shared inputs
/// and the scored option's own inputs. Scores are stored in the order of the scenario's options.
extension ScenarioBuilder {
    static let criterionKeys = ["weight", "scores"]
    static let weightTolerance = 1e-9

    func readCriteria(_ entry: MappingEntry) -> (criteria: [Criterion], weighting: CriteriaWeighting) {
        guard var entries = mapping(entry.value, "`criteria`") else { return ([], .given) }
        var weighting = CriteriaWeighting.given
        if let first = entries.first, first.key.text == "weights", case .scalar(let s) = first.value {
            if s.text == "ranked" {
                weighting = .ranked
            } else {
                error(
                    "`weights` under `criteria` can only be `ranked` (the criteria listed most important first), "
                        + "not `\(s.text)`; for known weights, give each criterion a `weight`",
                    at: s.mark)
            }
            entries.removeFirst()
            if entries.isEmpty { error("`weights: ranked` needs criteria after it", at: first.key.mark) }
        }
        var criteria: [Criterion] = []
        var weights: [(ResolvedExpr, Expr)] = []
        var allWeightsRead = true
        for c in entries {
            if c.key.text == "weights", case .scalar = c.value {
                error("`weights` must be the first key under `criteria`", at: c.key.mark)
                allWeightsRead = false
                continue
            }
            checkName(c.key, "criterion name")
            let what = "criterion `\(c.key.text)`"
            guard let body = mapping(c.value, what, allowEmpty: false) else {
                allWeightsRead = false
                continue
            }
            checkKeys(body, allowed: Self.criterionKeys, in: what)
            var weight: ResolvedExpr?
            var weightMark = c.key.mark
            let written = Self.entry(body, "weight")
            switch (weighting, written) {
            case (.ranked, let w?):
                error(
                    "\(what) has a `weight`, but under `weights: ranked` the order of the criteria sets the weights: "
                        + "remove it", at: w.key.mark)
            case (.ranked, nil):
                break
            case (.given, let w?):
                weightMark = w.value.mark
                weight = readWeight(w, what: what).map { checked in
                    weights.append((checked.resolved, checked.parsed))
                    return checked.resolved
                }
            case (.given, nil):
                error("\(what) needs a `weight` (or write `weights: ranked` first under `criteria`)", at: c.key.mark)
            }
            if weighting == .given && weight == nil { allWeightsRead = false }
            guard let s = Self.entry(body, "scores") else {
                error("\(what) needs `scores` (one per option)", at: c.key.mark)
                continue
            }
            guard let scores = readScores(s, what: what), weighting == .ranked || weight != nil else { continue }
            criteria.append(
                Criterion(name: c.key.text, weight: weight, weightMark: weightMark, scores: scores, mark: c.key.mark))
        }
        if weighting == .given, allWeightsRead, !weights.isEmpty { checkWeightSum(weights.map(\.0), at: entry.key.mark) }
        return (criteria, weighting)
    }

    /// A given weight: an expression of shared inputs that is never negative; nil after an error.
    private func readWeight(_ w: MappingEntry, what: String) -> CheckedExpr? {
        guard let checked = expression(w.value, "the weight of \(what)", scope: .scenario) else { return nil }
        let e = checked.parsed
        if let v = checked.resolved.constant {
            guard v >= 0 else {
                error("the weight of \(what) must be 0% or more, not \(format(v * 100))%", at: e.mark)
                return nil
            }
            return checked
        }
        guard NonFiniteConstants.check(e).isEmpty else { return checked }
        let range = ValueRange.of(e) { inputExpression($0, scope: .scenario) }
        if range.upper < 0 || (range.lower.isFinite && range.lower < 0) {
            let reach = range.upper < 0 ? "is always below 0%" : "can fall to \(format(range.lower * 100))%"
            error(
                "the weight of \(what) must be 0% or more, but over the ranges of its distributions it \(reach)",
                at: e.mark)
            return nil
        }
        return checked
    }

    /// Warns when the weights are normalised to something other than themselves.
    private func checkWeightSum(_ weights: [ResolvedExpr], at mark: SourceMark) {
        let constants = weights.compactMap(\.constant)
        if constants.count == weights.count {
            let sum = constants.reduce(0, +)
            if sum == 0 {
                error("the criteria weights sum to 0%: at least one must be above 0%", at: mark)
            } else if abs(sum - 1) > Self.weightTolerance {
                warning(
                    "the criteria weights sum to \(format(sum * 100))%, not 100%: "
                        + "each is divided by \(format(sum * 100))% so that they do", at: mark)
            }
            return
        }
        let sum = weights.map(AffineForm.of).reduce(AffineForm?.some(AffineForm(constant: 0, coefficients: [:]))) {
            total, form in total.flatMap { t in form.map { t + $0 } }
        }
        guard sum?.isConstant(1, tolerance: Self.weightTolerance) != true else { return }
        warning(
            "the criteria weights are uncertain and need not sum to 100%: "
                + "in each iteration each is divided by their sum (write them as `w` and `1 - w` to keep the sum at 100%)",
            at: mark)
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
