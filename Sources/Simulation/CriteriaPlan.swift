import ScenarioModel
import ScenarioSyntax

/// The criteria weights of a plan: one column per criterion holding its normalised weight in
/// each iteration (docs/scenario-language.md, "Criteria").
///
/// - Given constant weights wᵢ: constants wᵢ / Σ w (the weights themselves when they sum to 1).
/// - Given uncertain weights: each weight's column, checked to be 0 or more in every iteration,
///   times 1 / Σ w (checked to be finite: the weights must not all be 0 at once).
/// - `weights: ranked` with k criteria: uniform on the ordered simplex
///   {w₁ ≥ w₂ ≥ … ≥ wₖ ≥ 0, Σ w = 1}. From k − 1 of the plan's uniform columns u (stratified
///   under Latin hypercube sampling, from the chunk's stream, so the result never depends on the
///   threads): sort u, take the k spacings 0 → u₍₁₎ → … → u₍ₖ₋₁₎ → 1 (a Dirichlet(1, …, 1)
///   draw, uniform on the simplex) and sort them in decreasing order (the simplex is the union
///   of k! ordered copies, each of equal volume, so the sorted draw is uniform on the ordered
///   one). In a deterministic run the uniforms sit at the cumulative sums of the rank-order
///   centroid weights, wᵢ = (1/k) Σ_{j=i}^{k} 1/j (the mean of the ordered simplex: 3/4, 1/4 for
///   k = 2; 11/18, 5/18, 2/18 for k = 3), so the base case uses those.
public struct CriteriaPlan: Sendable {
    public var names: [String]
    public var weighting: CriteriaWeighting
    /// The normalised weight column of each criterion, in file order.
    public var weights: [Slot]
    /// The normalised weights when they are constants; nil when they vary between iterations
    /// (then the run keeps their columns: `SimulationResults.criteriaWeights`).
    public var constantWeights: [Double]?

    public var varies: Bool { constantWeights == nil }

    /// The rank-order centroid weights of k ranked criteria: (1/k) Σ_{j=i}^{k} 1/j for i = 1 … k.
    public static func rankOrderCentroid(_ k: Int) -> [Double] {
        (1...max(k, 1)).map { i in (i...max(k, 1)).reduce(0) { $0 + 1 / Double($1) } / Double(max(k, 1)) }
    }

    /// Fills `w` (k columns) with ordered-simplex weights from `u` (k − 1 uniform columns), for
    /// iterations 0 ..< n.
    static func orderedSimplex(
        into w: [UnsafeMutablePointer<Double>], uniforms u: [UnsafeMutablePointer<Double>], n: Int
    ) {
        let k = w.count
        guard k > 1 else {
            if k == 1 { w[0].update(repeating: 1, count: n) }
            return
        }
        var cuts = [Double](repeating: 0, count: k - 1)
        var spacings = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for j in 0..<(k - 1) { cuts[j] = u[j][i] }
            cuts.sort()
            var previous = 0.0
            for j in 0..<(k - 1) {
                spacings[j] = cuts[j] - previous
                previous = cuts[j]
            }
            spacings[k - 1] = 1 - previous
            spacings.sort(by: >)
            for j in 0..<k { w[j][i] = spacings[j] }
        }
    }
}

extension PlanBuilder {
    /// Compiles the criteria weights at scenario level, before any option's score uses them.
    mutating func compileCriteriaWeights() {
        let criteria = scenario.criteria
        guard !criteria.isEmpty else { return }
        let names = criteria.map(\.name)
        switch scenario.criteriaWeighting {
        case .ranked:
            let centroid = CriteriaPlan.rankOrderCentroid(criteria.count)
            var cumulative = 0.0
            let u = centroid.dropLast().map { w -> Slot in
                cumulative += w
                return uniform(fixed: cumulative)
            }
            let first = newSlots(criteria.count)
            emit(.orderedSimplex(dst: first, count: criteria.count, u: u))
            criteriaWeights = CriteriaPlan(
                names: names, weighting: .ranked, weights: Array(first..<first + criteria.count), constantWeights: nil)
        case .given:
            let written = criteria.compactMap(\.weight)
            let constants = written.compactMap(\.constant)
            if constants.count == criteria.count {
                let sum = constants.reduce(0, +)
                let normalised = constants.map { $0 / sum }
                criteriaWeights = CriteriaPlan(
                    names: names, weighting: .given, weights: normalised.map { constant($0) },
                    constantWeights: normalised)
                return
            }
            var scope = Scope()
            var columns: [Slot] = []
            for (criterion, w) in zip(criteria, written) {
                let slot = compile(w, scope: &scope)
                require(slot, .nonNegative, "the weight of criterion `\(criterion.name)`", at: w.mark)
                columns.append(slot)
            }
            var sum = columns[0]
            for c in columns.dropFirst() { sum = binary(.add, sum, c) }
            let inverse = binary(.divide, constant(1), sum)
            require(inverse, .finite, "1 / (the sum of the criteria weights)", at: criteria[0].weightMark)
            criteriaWeights = CriteriaPlan(
                names: names, weighting: .given, weights: columns.map { binary(.multiply, $0, inverse) },
                constantWeights: nil)
        }
    }
}

extension Plan {
    /// Marks as criteria inputs the shared inputs that feed some option's weighted score but no
    /// option's PV, total or go-live (a named input used only in criteria weights or scores, such
    /// as `w: pert(...)` in `weight: w`): like the scores' own distributions, they are left out of
    /// the PV sensitivity analysis, which they cannot move.
    mutating func markCriteriaOnlyInputs() {
        let scores = options.compactMap(\.score)
        guard !scores.isEmpty else { return }
        let scoreSlots = scores.reduce(into: Set<Slot>()) { $0.formUnion(slotsFeeding($1)) }
        let costSlots = options.reduce(into: Set<Slot>()) { all, o in
            for s in [o.pv, o.total, o.goLive] { all.formUnion(slotsFeeding(s)) }
        }
        for k in inputs.ids where !inputs[k].isCriterion {
            let slot = inputs[k].slot
            if scoreSlots.contains(slot) && !costSlots.contains(slot) { inputs[k].definition.isCriterion = true }
        }
    }
}
