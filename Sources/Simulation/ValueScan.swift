import Sampling
import ScenarioModel

/// Runs a plan's `ValueCheck`s over a finished chunk: one counting loop per checked column,
/// after the program (never inside its kernels). Only a failing check does more work: it finds
/// its first failing row and reads the uncertain inputs it depends on there.
enum ValueScan {
    /// Checks rows `0 ..< n` of a chunk whose first iteration is `offset` (from 0).
    static func scan(
        plan: Plan, buffer: UnsafeMutablePointer<Double>, stride: Int, n: Int,
        offset: Int
    ) -> [ValueProblem] {
        var problems: [ValueProblem] = []
        for (index, check) in plan.checks.enumerated() {
            let x = buffer + check.slot * stride
            let count = check.failures(x, n: n)
            guard count > 0, let row = (0..<n).first(where: { check.fails(x[$0]) }) else { continue }
            func value(_ slot: Slot) -> Double { buffer[slot * stride + row] }
            var feeding = plan.inputsFeeding(check.slot)
            if case .draw(let input, _) = check.kind { feeding.removeAll { $0 == input } }
            let inputs = feeding.map {
                ValueProblem.InputValue(name: plan.inputs[$0].label, value: value(plan.inputs[$0].slot))
            }
            var reason: String?
            if case .draw(let input, let parameters) = check.kind {
                switch DistributionSpec.make(plan.inputs[input].family, parameters: parameters.map(value)) {
                case .failure(let problem): reason = problem.message
                case .success: reason = "its quantile is not a finite number at these parameters"
                }
            }
            problems.append(
                ValueProblem(
                    index: index, check: check, count: count, iterations: n,
                    firstIteration: offset + row + 1, value: x[row], inputs: inputs,
                    reason: reason))
        }
        return problems
    }
}

extension Plan {
    /// The slots `slot` is computed from, itself included: a walk back through the program
    /// (every instruction writes only slots defined after the ones it reads, except the
    /// accumulators, which no check reads).
    public func slotsFeeding(_ slot: Slot) -> Set<Slot> {
        var needed: Set<Slot> = [slot]
        for instruction in instructions.reversed() where instruction.writes.contains(where: needed.contains) {
            needed.formUnion(instruction.reads)
        }
        return needed
    }

    /// The uncertain inputs a slot depends on, itself included when it is one, in plan order.
    public func inputsFeeding(_ slot: Slot) -> [InputID] {
        let feeding = slotsFeeding(slot)
        return inputs.enumerated.filter { feeding.contains($0.element.slot) }.map(\.id)
    }
}

extension Instruction {
    /// The slots an instruction writes (for a cash-flow step: the line's and option's PV and
    /// total; the per-year columns are left out).
    var writes: [Slot] {
        switch self {
        case .constant(let d, _), .negate(let d, _), .binary(_, let d, _, _), .binaryConstant(_, let d, _, _),
            .minimum(let d, _), .maximum(let d, _), .select(let d, _, _, _), .round(let d, _),
            .clamp(let d, _, _, _), .drawDependent(let d, _, _, _):
            return [d]
        case .riskOnce(let o, let t, _, _, _, _, _), .riskInYear(let o, let t, _, _, _, _, _, _):
            return [o, t]
        case .payAt(let line, _, _, _), .payOver(let line, _, _, _, _), .spread(let line, _, _, _, _):
            return [line.pv, line.optionPV, line.optionTotal]
        case .priceIndex(let layout):
            return Array(layout.slots)
        case .orderedSimplex(let dst, let count, _):
            return Array(dst..<dst + count)
        }
    }

    /// The slots an instruction reads.
    var reads: [Slot] {
        switch self {
        case .constant: return []
        case .negate(_, let a), .binaryConstant(_, _, let a, _), .round(_, let a): return [a]
        case .binary(_, _, let a, let b): return [a, b]
        case .minimum(_, let args), .maximum(_, let args): return args
        case .select(_, let c, let a, let b): return [c, a, b]
        case .clamp(_, let x, let lo, let hi): return [x, lo, hi]
        case .drawDependent(_, _, let params, let u): return params + [u]
        case .riskOnce(_, _, let p, let a, let b, let u, let v),
            .riskInYear(_, _, let p, let a, let b, _, let u, let v):
            return [p, a, b, u, v]
        case .payAt(let line, let amount, let time, let e):
            return [amount, time] + (e.map { [$0] } ?? []) + line.deflatorReads
        case .payOver(let line, let rate, let a, let b, let e), .spread(let line, let rate, let a, let b, let e):
            return [rate, a, b] + (e.map { [$0] } ?? []) + line.deflatorReads
        case .priceIndex(let layout):
            return layout.rates
        case .orderedSimplex(_, _, let u):
            return u
        }
    }
}

extension LineTarget {
    /// The price-index columns a nominal line's PV and total read (a real line's read them only
    /// for its financial-year cash, which `writes` leaves out).
    var deflatorReads: [Slot] { nominal ? Array(prices) : [] }
}
