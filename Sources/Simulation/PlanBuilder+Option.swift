import Sampling
import ScenarioModel
import ScenarioSyntax

extension PlanBuilder {
    /// Compiles one option: its inputs, schedule (with schedule risks), cost lines, benefits,
    /// risks, and the sums that give PV, total cost, go-live and extension months.
    mutating func compileOption(_ option: Option, id: OptionID) -> OptionPlan {
        var scope = Scope(
            option: option.name, inputs: option.inputs,
            slots: IndexedArray(repeating: nil, count: option.inputs.count))
        for k in option.inputs.ids { _ = input(.own(k), scope: &scope) }
        let bias = option.optimismBias

        // Schedule risks decide their occurrence before the tasks they lengthen.
        var delays = IndexedArray<TaskID, [Slot]>(repeating: [], count: option.tasks.count)
        var scheduleOccurrence: [LineID: Slot] = [:]
        for (r, risk) in option.risks.enumerated() {
            guard let task = risk.delays, let delay = risk.delay else { continue }
            if let id = risk.shared, let shared = sharedRisks[id], let occurs = shared.scheduleOccurs,
                let length = shared.delay
            {
                delays[task].append(binary(.multiply, occurs, length))
                scheduleOccurrence[option.riskLine(r)] = occurs
                continue
            }
            let what = "risk `\(risk.name)` of option `\(option.name)`"
            let (_, _, occurs, length) = scheduleRisk(risk.chance, delay: delay, what: what, scope: &scope)
            delays[task].append(binary(.multiply, occurs, length))
            scheduleOccurrence[option.riskLine(r)] = occurs
        }

        // Tasks in topological order: start = max(finish of `after`, not-before), or
        // max(start, not-before) for a task that follows none; finish = start + duration, where a
        // drawn duration below zero counts as zero.
        var scheduled = IndexedArray<TaskID, (start: Slot, finish: Slot)>()
        var taskColumns: [(name: String, mark: SourceMark, start: Slot, finish: Slot)] = []
        for (id, task) in option.tasks.enumerated {
            var starts = task.after.map { scheduled[$0].finish }
            if let nb = task.notBefore {
                if starts.isEmpty { starts.append(constant(0)) }
                let t = time(nb, scheduled: scheduled, scope: &scope)
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
            var duration = compile(task.duration, scope: &scope)
            require(
                duration, .finite, "the duration of task `\(task.name)` of option `\(option.name)`",
                at: task.duration.mark)
            if !nonNegative(task.duration, scope: scope) {
                let drawn = duration
                duration = newSlot()
                emit(.maximum(dst: duration, args: [drawn, constant(0)]))
            }
            if let b = bias, b.duration != 0 { duration = scaled(duration, by: 1 + b.duration) }
            for extra in delays[id] { duration = binary(.add, duration, extra) }
            let finish = binary(.add, start, duration)
            scheduled.append((start, finish))
            taskColumns.append((task.name, task.mark, start, finish))
        }
        let finishes = scheduled.map(\.finish)
        let goLive: Slot
        if let task = option.goLive {
            goLive = scheduled[task].finish
        } else if finishes.count == 1 {
            goLive = finishes[0]
        } else if finishes.isEmpty {
            goLive = constant(0)
        } else {
            goLive = newSlot()
            emit(.maximum(dst: goLive, args: finishes))
        }
        let schedule = Schedule(tasks: scheduled, goLive: goLive)

        // Per-year cash (`years` slots) followed by per-year present values (`years` slots), then
        // the financial years' cash, revenue then capital (`financialYears.count` slots each).
        let yearSlots = 2 * years + 2 * financialYears.count
        let firstYear = newSlots(yearSlots)
        for y in 0..<yearSlots { emit(.constant(dst: firstYear + y, value: 0)) }
        // The option's PV and total, accrued by every line's kernels.
        let pv = newSlot(), total = newSlot()
        emit(.constant(dst: pv, value: 0))
        emit(.constant(dst: total, value: 0))
        let totals = (pv: pv, total: total)
        var lines: [OptionPlan.Line] = []
        for line in option.costs + option.benefits {
            lines.append(
                compileLine(
                    line, option: option, bias: bias, firstYear: firstYear, totals: totals,
                    schedule: schedule, scope: &scope))
        }
        var occurrences: [(name: String, mark: SourceMark, slot: Slot)] = []
        for (r, risk) in option.risks.enumerated() {
            let (line, occ) = compileRisk(
                risk, option: option, firstYear: firstYear, totals: totals,
                scheduleOccurrence: scheduleOccurrence[option.riskLine(r)],
                shared: risk.shared.flatMap { sharedRisks[$0] }, schedule: schedule, scope: &scope)
            lines.append(line)
            occurrences.append((risk.name, risk.mark, occ))
        }

        let score = compileScore(option: id, scope: &scope)
        let extensionMonths = newSlot()
        if let deadline = option.deadline {
            emit(.binaryConstant(.subtract, dst: extensionMonths, a: goLive, c: deadline))
            emit(.maximum(dst: extensionMonths, args: [extensionMonths, constant(0)]))
        } else {
            emit(.constant(dst: extensionMonths, value: 0))
        }
        var plan = OptionPlan(
            name: option.name, label: option.label, pv: pv, total: total, goLive: goLive,
            extensionMonths: extensionMonths, score: score, lines: lines, firstYear: firstYear,
            tasks: taskColumns, riskOccurrences: occurrences)
        plan.firstFinancialYear = firstYear + 2 * years
        plan.financialTypes = LineType.allCases.filter { type in lines.contains { $0.type == type } }
        return plan
    }

    /// A task's `not-before` as a column of months from start: a task it refers to is one the
    /// task waits for, so it is in `scheduled` already.
    mutating func time(
        _ t: ResolvedTime<SchedulePoint>, scheduled: IndexedArray<TaskID, (start: Slot, finish: Slot)>,
        scope: inout Scope
    ) -> Slot {
        offset(point(t.base, scheduled), by: t.offset, scope: &scope)
    }

    /// A time of a cost line or a risk as a column of months from start.
    mutating func time(_ t: ResolvedTime<TimePoint>, schedule: Schedule, scope: inout Scope) -> Slot {
        offset(point(t.base, schedule), by: t.offset, scope: &scope)
    }

    /// A time of an option's copy of a scenario-level risk: its base in the option's schedule
    /// plus the offset column compiled once for every copy (`SharedRiskColumns`).
    mutating func time(_ t: ResolvedTime<TimePoint>, schedule: Schedule, sharedOffset: Slot?) -> Slot {
        let base = point(t.base, schedule)
        return sharedOffset.map { binary(.add, base, $0) } ?? base
    }

    private mutating func point(_ p: TimePoint, _ schedule: Schedule) -> Slot {
        switch p {
        case .scheduled(let p): return point(p, schedule.tasks)
        case .goLive: return schedule.goLive
        }
    }

    private mutating func point(_ p: SchedulePoint, _ tasks: IndexedArray<TaskID, (start: Slot, finish: Slot)>) -> Slot
    {
        switch p {
        case .month(let m): return constant(m)
        case .taskStart(let task): return tasks[task].start
        case .taskFinish(let task): return tasks[task].finish
        }
    }

    private mutating func offset(_ base: Slot, by offset: ResolvedExpr?, scope: inout Scope) -> Slot {
        guard let offset else { return base }
        let months = compile(offset, scope: &scope)
        return binary(.add, base, months)
    }

    /// Whether `e` can never be negative: a constant ≥ 0, a distribution with constant parameters
    /// whose support starts at 0 or above, a name whose expression is so, or sums, products,
    /// quotients, `min`, `max`, `round`, `if` branches and durations of such. Only a bound that
    /// may be negative needs the clamp at zero.
    func nonNegative(_ e: ResolvedExpr, scope: Scope, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        if let v = e.constant { return v >= 0 }
        func check(_ x: ResolvedExpr) -> Bool { nonNegative(x, scope: scope, depth: depth + 1) }
        switch e.kind {
        case .number(let v): return v >= 0
        case .input(.shared(let k)): return check(scenario.inputs[k].value)
        case .input(.own(let k)): return check(scope.inputs[k].value)
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
        case .draw(let id, _):
            // The sampler of an input with constant parameters (a dependent one has none).
            guard let spec = inputs[id].spec else { return false }
            return spec.support.lower >= 0
        case .duration(let a, _): return check(a)
        }
    }

    /// The occurrence and delay of a risk that lengthens a task, decided before the schedule:
    /// `occurs = u < chance` with u a uniform column that is 1 in a deterministic run (so no risk
    /// occurs there), and the delay drawn, counted as 0 where it can be negative. `chance` must
    /// lie in 0...1 and the delay be finite in every iteration (`ValueCheck`). Returns the
    /// columns of the chance, u, the occurrence (1 or 0) and the delay.
    mutating func scheduleRisk(
        _ chanceExpr: ResolvedExpr, delay delayExpr: ResolvedExpr, what: String, scope: inout Scope
    ) -> (chance: Slot, u: Slot, occurs: Slot, length: Slot) {
        let chance = compile(chanceExpr, scope: &scope)
        require(chance, .probability, "`chance` of " + what, at: chanceExpr.mark)
        let u = uniform(fixed: 1)
        let occurs = binary(.less, u, chance)
        var length = compile(delayExpr, scope: &scope)
        require(length, .finite, "`delay` of " + what, at: delayExpr.mark)
        if !nonNegative(delayExpr, scope: scope) {
            let drawn = length
            length = newSlot()
            emit(.maximum(dst: length, args: [drawn, constant(0)]))
        }
        return (chance, u, occurs, length)
    }
}
