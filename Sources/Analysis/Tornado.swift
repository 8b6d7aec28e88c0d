import Simulation

/// One-at-a-time swings: for each uncertain input, the deterministic results with that input at
/// its P10 and at its P90 and every other input at its base value (no risk occurring).
public struct Tornado: Sendable {
    /// Results per input index (same order as `Plan.inputs`).
    public var low: [[DeterministicResult]]
    public var high: [[DeterministicResult]]

    public init(engine: Engine, lowQuantile: Double = 0.1, highQuantile: Double = 0.9) {
        low = engine.plan.inputs.indices.map { engine.deterministic([$0: .quantile(lowQuantile)]) }
        high = engine.plan.inputs.indices.map { engine.deterministic([$0: .quantile(highQuantile)]) }
    }
}
