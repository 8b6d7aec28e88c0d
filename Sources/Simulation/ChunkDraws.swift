import Sampling
import ScenarioModel

/// How a deterministic run sets one uncertain input.
public enum FixedValue: Sendable, Hashable {
    /// The base value (docs/scenario-language.md §3).
    case base
    /// A given value.
    case value(Double)
    /// The input's quantile `p` (tornado swings use 0.1 and 0.9).
    case quantile(Double)
}

/// The random (or fixed) numbers one chunk consumes, in a fixed order: every input with constant
/// parameters (in catalogue order), then the plan's uniform columns, then Iman–Conover on the
/// correlated inputs. Nothing here depends on the thread that runs the chunk.
struct ChunkDraws {
    let plan: Plan
    /// nil: a deterministic run, every input at `fixed` (default `.base`) and no risk occurring.
    var stream: RandomStream?
    let latinHypercube: Bool
    let fixed: [InputID: FixedValue]
    /// In a Monte Carlo run, inputs held at a value (`run --sweep`): each is drawn as usual, so
    /// that every other input gets the same numbers as without it, and then overwritten.
    let pinned: [InputID: Double]
    var scratch: [Double]

    init(
        plan: Plan, stream: RandomStream?, latinHypercube: Bool, fixed: [InputID: FixedValue] = [:],
        pinned: [InputID: Double] = [:]
    ) {
        self.plan = plan
        self.stream = stream
        self.latinHypercube = latinHypercube
        self.fixed = fixed
        self.pinned = pinned
        self.scratch = []
    }

    /// `n` uniforms on (0, 1): plain, or stratified `(π(i) + U_i) / n` under Latin hypercube.
    mutating func uniform(into dst: UnsafeMutablePointer<Double>, n: Int, fixed value: Double) {
        guard let stream else {
            dst.update(repeating: value, count: n)
            return
        }
        let buffer = UnsafeMutableBufferPointer(start: dst, count: n)
        if latinHypercube {
            LatinHypercube.fill(buffer, stream: stream)
        } else {
            for i in 0..<n { dst[i] = stream.uniform() }
        }
    }

    /// Fills the columns of every input with constant parameters and the plan's uniforms, then
    /// correlates, then overwrites the pinned inputs' columns with their values.
    mutating func drawColumns(buffer: UnsafeMutablePointer<Double>, stride: Int, n: Int) {
        drawAndCorrelate(buffer: buffer, stride: stride, n: n)
        guard stream != nil else { return }
        for (id, value) in pinned where plan.inputs[id].spec != nil {
            (buffer + plan.inputs[id].slot * stride).update(repeating: value, count: n)
        }
    }

    private mutating func drawAndCorrelate(buffer: UnsafeMutablePointer<Double>, stride: Int, n: Int) {
        for (id, input) in plan.inputs.enumerated {
            guard let spec = input.spec else { continue }
            let dst = buffer + input.slot * stride
            guard let stream else {
                dst.update(repeating: fixedValue(id, spec: spec, base: input.baseValue ?? spec.mean), count: n)
                continue
            }
            let column = UnsafeMutableBufferPointer(start: dst, count: n)
            if latinHypercube {
                if scratch.count < n { scratch = [Double](repeating: 0, count: n) }
                scratch.withUnsafeMutableBufferPointer { u in
                    let us = UnsafeMutableBufferPointer(rebasing: u[0..<n])
                    LatinHypercube.fill(us, stream: stream)
                    spec.fillQuantiles(UnsafeBufferPointer(us), into: column, pertTable: input.pertTable)
                }
            } else {
                spec.fill(column, stream: stream)
            }
        }
        for (slot, fixed) in plan.uniforms {
            uniform(into: buffer + slot * stride, n: n, fixed: fixed)
        }
        guard let stream, let matrix = plan.correlationMatrix, n > matrix.size else { return }
        let columns = plan.correlated.map {
            UnsafeMutableBufferPointer(start: buffer + plan.inputs[$0].slot * stride, count: n)
        }
        let ic = n == plan.imanConover?.rows ? plan.imanConover : try? ImanConoverPlan(rows: n, rankCorrelation: matrix)
        try? ic?.apply(to: columns, stream: stream)
    }

    private func fixedValue(_ id: InputID, spec: DistributionSpec, base: Double) -> Double {
        switch fixed[id] ?? .base {
        case .base: return base
        case .value(let v): return v
        case .quantile(let p): return spec.quantile(p)
        }
    }

    /// An input whose parameters are columns: `Q(u; params)`, or in a deterministic run the base
    /// value (or the fixed value / quantile) at those parameters. NaN where the parameters are
    /// invalid (the run then fails with a message rather than a silent wrong answer).
    func drawDependent(
        input id: InputID, into dst: UnsafeMutablePointer<Double>,
        params: [UnsafeMutablePointer<Double>], u: UnsafeMutablePointer<Double>, n: Int
    ) {
        let family = plan.inputs[id].family
        var p = [Double](repeating: 0, count: params.count)
        let deterministic = stream == nil
        for i in 0..<n {
            for k in params.indices { p[k] = params[k][i] }
            guard let spec = try? DistributionSpec.make(family, parameters: p).get() else {
                dst[i] = .nan
                continue
            }
            guard deterministic else {
                dst[i] = pinned[id] ?? spec.quantile(u[i])
                continue
            }
            switch fixed[id] ?? .base {
            case .base: dst[i] = spec.baseValue
            case .value(let v): dst[i] = v
            case .quantile(let q): dst[i] = spec.quantile(q)
            }
        }
    }
}
