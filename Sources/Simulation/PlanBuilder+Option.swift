import Sampling
import ScenarioModel
import ScenarioSyntax

extension PlanBuilder {
    /// Compiles one option: its inputs, schedule (with schedule risks), cost lines, benefits,
    /// risks, and the sums that give PV, total cost, go-live and extension months.
    mutating func compileOption(_ option: Option, shared: Scope) -> OptionPlan {
        var scope = shared
        scope.option = option.name
        for input in option.inputs { scope.pending[input.name] = input }
        for input in option.inputs { _ = resolve(input.name, at: input.mark, scope: &scope) }
        let bias = option.optimismBias

        // Schedule risks decide their occurrence before the tasks they lengthen.
        var delays: [String: [Slot]] = [:]
        var scheduleOccurrence: [String: Slot] = [:]
        for risk in option.risks {
            guard let task = risk.delays, let delay = risk.delay else { continue }
            if risk.perYear {
                error("a risk that delays a task happens at most once: remove 'per year' or split the risk", at: risk.mark)
            }
            let label = "\(option.name) / \(risk.name)"
            let chance = compile(risk.chance, scope: &scope, label: label + " (chance)")
            let what = "risk `\(risk.name)` of option `\(option.name)`"
            require(chance, .probability, "`chance` of " + what, at: risk.chance.mark)
            let u = uniform(fixed: 1)
            let occurs = binary(.less, u, chance)
            var length = compile(delay, scope: &scope, label: label + " (delay)")
            require(length, .finite, "`delay` of " + what, at: delay.mark)
            if !nonNegative(delay, scope: scope) {
                let drawn = length
                length = newSlot()
                emit(.maximum(dst: length, args: [drawn, constant(0)]))
            }
            delays[task, default: []].append(binary(.multiply, occurs, length))
            scheduleOccurrence[risk.name] = occurs
        }

        // Tasks in topological order: start = max(finish of `after`, not-before), or
        // max(start, not-before) for a task that follows none; finish = start + duration, where a
        // drawn duration below zero counts as zero.
        var finishes: [Slot] = []
        var taskColumns: [(name: String, mark: SourceMark, start: Slot, finish: Slot)] = []
        for task in option.tasks {
            var starts: [Slot] = []
            for dep in task.after {
                if let t = scope.tasks[dep] { starts.append(t.finish) }
            }
            if let nb = task.notBefore {
                if starts.isEmpty { starts.append(constant(0)) }
                let t = time(nb, scope: &scope)
                require(t, .finite, "`not-before` of task `\(task.name)` of option `\(option.name)`", at: nb.mark)
                starts.append(t)
            }
            let start: Slot
            switch starts.count {
            case 0: start = constant(0)
            case 1: start = starts[0]
            default:
                start = newSlot()
                emit(.maximum(dst: start, args: starts))
            }
            var duration = compile(task.duration, scope: &scope, label: "\(option.name) / \(task.name) (duration)")
            require(duration, .finite, "the duration of task `\(task.name)` of option `\(option.name)`", at: task.duration.mark)
            if !nonNegative(task.duration, scope: scope) {
                let drawn = duration
                duration = newSlot()
                emit(.maximum(dst: duration, args: [drawn, constant(0)]))
            }
            if let b = bias, b.duration != 0 { duration = scaled(duration, by: 1 + b.duration) }
            for extra in delays[task.name] ?? [] { duration = binary(.add, duration, extra) }
            let finish = binary(.add, start, duration)
            scope.tasks[task.name] = (start, finish)
            finishes.append(finish)
            taskColumns.append((task.name, task.mark, start, finish))
        }
        let goLive: Slot
        if let name = option.goLive, let t = scope.tasks[name] {
            goLive = t.finish
        } else if finishes.count == 1 {
            goLive = finishes[0]
        } else if finishes.isEmpty {
            goLive = constant(0)
        } else {
            goLive = newSlot()
            emit(.maximum(dst: goLive, args: finishes))
        }
        scope.goLive = goLive

        // Per-year cash (`years` slots) followed by per-year present values (`years` slots).
        let firstYear = newSlots(2 * years)
        for y in 0..<(2 * years) { emit(.constant(dst: firstYear + y, value: 0)) }
        // The option's PV and total, accrued by every line's kernels.
        let pv = newSlot(), total = newSlot()
        emit(.constant(dst: pv, value: 0))
        emit(.constant(dst: total, value: 0))
        let totals = (pv: pv, total: total)
        var lines: [OptionPlan.Line] = []
        for line in option.costs + option.benefits {
            lines.append(compileLine(line, option: option, bias: bias, firstYear: firstYear, totals: totals, scope: &scope))
        }
        var occurrences: [(name: String, mark: SourceMark, slot: Slot)] = []
        for risk in option.risks {
            let (line, occ) = compileRisk(risk, option: option, firstYear: firstYear, totals: totals,
                                          scheduleOccurrence: scheduleOccurrence[risk.name], scope: &scope)
            lines.append(line)
            occurrences.append((risk.name, risk.mark, occ))
        }

        let score = compileScore(option: option.name, scope: &scope)
        let extensionMonths = newSlot()
        if let deadline = scenario.deadline {
            emit(.binaryConstant(.subtract, dst: extensionMonths, a: goLive, c: deadline))
            emit(.maximum(dst: extensionMonths, args: [extensionMonths, constant(0)]))
        } else {
            emit(.constant(dst: extensionMonths, value: 0))
        }
        return OptionPlan(name: option.name, label: option.label, pv: pv, total: total, goLive: goLive,
                          extensionMonths: extensionMonths, score: score, lines: lines, firstYear: firstYear,
                          tasks: taskColumns, riskOccurrences: occurrences)
    }

    /// A time reference as a column of months from start.
    mutating func time(_ ref: TimeRef, scope: inout Scope) -> Slot {
        let base: Slot
        switch ref.base {
        case .start: base = constant(0)
        case .end: base = constant(scenario.horizonMonths)
        case .deadline:
            guard let d = scenario.deadline else {
                error("the scenario has no deadline", at: ref.mark)
                return constant(0)
            }
            base = constant(d)
        case .goLive:
            guard let g = scope.goLive else {
                error("go-live is not known here", at: ref.mark)
                return constant(0)
            }
            base = g
        case .calendar(let year, let month):
            base = constant(Double(scenario.start.months(until: CalendarMonth(year: year, month: month))))
        case .month(let m):
            base = constant(m)
        case .taskFinish(let name), .taskStart(let name):
            guard let t = scope.tasks[name] else {
                error("'\(name)' is not scheduled before this point: a not-before may only refer to tasks it follows", at: ref.mark)
                return constant(0)
            }
            if case .taskStart = ref.base { base = t.start } else { base = t.finish }
        }
        guard let offset = ref.offset else { return base }
        let months = compile(offset, scope: &scope, label: "\(scope.option ?? "scenario") / time offset")
        return binary(.add, base, months)
    }

    /// Whether `e` can never be negative: a constant ≥ 0, a distribution with constant parameters
    /// whose support starts at 0 or above, a name whose expression is so, or sums, products,
    /// quotients, `min`, `max`, `round`, `if` branches and durations of such. Only a bound that
    /// may be negative needs the clamp at zero.
    func nonNegative(_ e: Expr, scope: Scope, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        if let v = ExpressionChecks.constantValue(e) { return v >= 0 }
        func check(_ x: Expr) -> Bool { nonNegative(x, scope: scope, depth: depth + 1) }
        switch e.kind {
        case .number(let v): return v >= 0
        case .name(let name): return scope.pending[name].map { check($0.value) } ?? false
        case .negate: return false
        case .binary(let op, let a, let b):
            switch op {
            case .add, .multiply, .divide: return check(a) && check(b)
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
            case .subtract, .power: return false
            }
        case .function(let f, let args):
            switch f {
            case .min, .max, .round: return args.allSatisfy(check)
            case .if: return args.count == 3 && check(args[1]) && check(args[2])
            case .clamp: return args.count == 3 && check(args[1])
            }
        case .distribution(let d):
            let p = d.parameters.compactMap { ExpressionChecks.constantValue($0) }
            guard p.count == d.parameters.count, let spec = try? DistributionSpec.make(d.family, parameters: p).get()
            else { return false }
            return spec.support.lower >= 0
        case .duration(let a, _): return check(a)
        }
    }
}
