import ScenarioModel

extension Plan {
    /// For each option (in plan order), the uncertain inputs that can move its PV through the
    /// model: those its PV column depends on through the program's data flow.
    ///
    /// Each column carries the set of inputs its values are computed from: an input drawn before
    /// the program starts from its own column; an instruction's destination gets the union of
    /// its operands' sets (a dependent draw adds its own input; a risk's occurrence and time
    /// columns get those of its chance and window; the price index those of the inflation
    /// rates); a cash-flow step adds the sets of its amount, times, escalation and price index to
    /// the line's and the option's PV columns, which accumulate. Instructions run in plan order,
    /// so one pass suffices. An Iman–Conover correlation is not data flow: an input related to
    /// an option only through a correlation is not among its inputs. Criteria scores move
    /// scores, never a PV, so they never appear.
    ///
    /// - Complexity: O(instructions · inputs) at worst.
    public func inputsFeedingPV() -> [Set<InputID>] {
        var feeds = [Set<InputID>](repeating: [], count: slotCount)
        for (k, input) in inputs.enumerated where input.spec != nil { feeds[input.slot].insert(k) }
        func union(_ slots: [Slot]) -> Set<InputID> {
            slots.reduce(into: Set<InputID>()) { $0.formUnion(feeds[$1]) }
        }
        func accrue(_ line: LineTarget, _ operands: [Slot?]) {
            let from = union(operands.compactMap { $0 } + Array(line.prices))
            feeds[line.pv].formUnion(from)
            feeds[line.optionPV].formUnion(from)
        }
        for instruction in instructions {
            switch instruction {
            case .constant(let dst, _):
                feeds[dst] = []
            case .negate(let dst, let a), .round(let dst, let a), .binaryConstant(_, let dst, let a, _):
                feeds[dst] = feeds[a]
            case .binary(_, let dst, let a, let b):
                feeds[dst] = union([a, b])
            case .minimum(let dst, let args), .maximum(let dst, let args):
                feeds[dst] = union(args)
            case .select(let dst, let c, let a, let b):
                feeds[dst] = union([c, a, b])
            case .clamp(let dst, let x, let lo, let hi):
                feeds[dst] = union([x, lo, hi])
            case .drawDependent(let dst, let input, let params, let u):
                feeds[dst] = union(params + [u]).union([input])
            case .riskOnce(let occurs, let time, let chance, let from, let until, let u, let v),
                .riskInYear(let occurs, let time, let chance, let from, let until, _, let u, let v):
                let s = union([chance, from, until, u, v])
                feeds[occurs] = s
                feeds[time] = s
            case .payAt(let line, let amount, let time, let escalate):
                accrue(line, [amount, time, escalate])
            case .payOver(let line, let rate, let from, let until, let escalate):
                accrue(line, [rate, from, until, escalate])
            case .spread(let line, let amount, let from, let until, let escalate):
                accrue(line, [amount, from, until, escalate])
            case .orderedSimplex(let dst, let count, let u):
                // Criteria weights: they move scores only, but their columns carry their draws.
                let s = union(u)
                for k in 0..<count { feeds[dst + k] = s }
            case .priceIndex(let index):
                let s = union(index.rates)
                for slot in index.slots { feeds[slot] = s }
            }
        }
        return options.map { feeds[$0.pv] }
    }
}
