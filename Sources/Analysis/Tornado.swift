import ScenarioModel
import Simulation

/// One-at-a-time swings: for each uncertain input, the deterministic results with that input at
/// its P10 and at its P90 and every other input at its base value (no risk occurring).
public struct Tornado: Sendable {
    /// Results per uncertain input (keyed like `Plan.inputs`).
    public var low: IndexedArray<InputID, [DeterministicResult]>
    public var high: IndexedArray<InputID, [DeterministicResult]>

    public init(engine: Engine, lowQuantile: Double = 0.1, highQuantile: Double = 0.9) {
        let ids = engine.plan.inputs.ids
        low = IndexedArray(ids.map { engine.deterministic([$0: .quantile(lowQuantile)]) })
        high = IndexedArray(ids.map { engine.deterministic([$0: .quantile(highQuantile)]) })
    }
}
